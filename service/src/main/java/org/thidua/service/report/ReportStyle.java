package org.thidua.service.report;

/**
 * The report's style sheet, inlined in the page: screen, a phone's width (the ranking and the area's scorecard reflow
 * into a few lines per row, the wide tables scroll inside their own box, the page itself never scrolls sideways) and A4 print.
 */
final class ReportStyle {
    static final String CSS = """
            :root { --met: #e3f2e5; --met-ink: #1b5e20; --not-met: #fde4e4; --not-met-ink: #b71c1c;
                    --na: #eeeeee; --na-ink: #616161; --no-data: #fff4d6; --no-data-ink: #7a5b00; }
            * { box-sizing: border-box; }
            body { font-family: "Noto Sans", "Segoe UI", "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #222;
                   max-width: 1100px; margin: 0 auto; padding: 24px; line-height: 1.4; }
            h1 { font-size: 22px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 2px solid #1565c0; padding-bottom: 4px; color: #0d47a1; }
            h3 { font-size: 15px; margin: 18px 0 6px; }
            h3 small { font-weight: normal; color: #555; }
            .basis, .meta { margin: 2px 0; color: #444; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #c8c8c8; padding: 4px 6px; text-align: left; vertical-align: top; }
            th { background: #e8eef7; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            .ranking tbody tr:nth-child(even) { background: #fafafa; }
            .grade { display: inline-block; color: #fff; border-radius: 3px; padding: 0 6px; white-space: nowrap; }
            ul.grades { list-style: none; padding: 0; display: flex; gap: 18px; flex-wrap: wrap; }
            .status { text-align: center; white-space: nowrap; }
            .status.MET { background: var(--met); color: var(--met-ink); }
            .status.NOT_MET { background: var(--not-met); color: var(--not-met-ink); font-weight: bold; }
            .status.NOT_APPLICABLE { background: var(--na); color: var(--na-ink); }
            .status.NO_DATA { background: var(--no-data); color: var(--no-data-ink); }
            .matrix td, .matrix th { font-size: 12px; }
            .findings td:first-child { width: 32%; }
            .area td:first-child { width: 46%; }
            ol.legend { font-size: 12px; color: #444; padding-left: 0; list-style: none; }
            svg text { font-family: inherit; }
            #score-chart { max-width: 860px; display: block; }
            a { color: inherit; text-decoration: none; }
            footer { margin-top: 28px; font-size: 11px; color: #777; }
            @media screen and (max-width: 640px) {
              body { padding: 12px; }
              h1 { font-size: 19px; }
              .ranking thead { display: none; }
              .ranking, .ranking tbody { display: block; }
              .ranking tr { display: grid; grid-template-columns: 2.2em minmax(0, 1fr) auto; column-gap: 8px; row-gap: 2px;
                            align-items: baseline; border-bottom: 1px solid #c8c8c8; padding: 6px 0; }
              .ranking td { border: none; padding: 0; }
              .ranking td:nth-child(1) { grid-row: 1 / span 2; }
              .ranking td:nth-child(2) { grid-column: 2; grid-row: 1; font-weight: bold; }
              .ranking td:nth-child(3) { grid-column: 2; grid-row: 2; color: #555; font-size: 12px; }
              .ranking td:nth-child(4) { grid-column: 3; grid-row: 1; }
              .ranking td:nth-child(5) { grid-column: 3; grid-row: 2; text-align: right; }
              .matrix { display: block; overflow-x: auto; }
              .matrix td:nth-child(2) { min-width: 9em; }
              #chart { overflow-x: auto; }
              #score-chart { min-width: 600px; }
            """ + cards("findings", 6) + """
              .findings td:nth-child(3)::before { content: "Số liệu "; color: #666; }
              .findings td:nth-child(4)::before { content: "chỉ tiêu "; color: #666; }
              .findings td:nth-child(5)::before { content: "điểm "; color: #666; }
              .findings td:nth-child(6) { color: #444; }
              .findings td:empty { display: none; }
            """ + cards("area", 5) + """
              .area td:nth-child(3) { white-space: normal; }
              .area td:empty { display: none; }
              footer code { overflow-wrap: anywhere; }
            }
            @page { size: A4; margin: 14mm 12mm; }
            @media print {
              body { max-width: none; padding: 0; font-size: 11px; }
              h2 { break-after: avoid; }
              tr, article.unit, svg { break-inside: avoid; }
              #chart, #matrix, #findings { break-before: page; }
              thead { display: table-header-group; }
              * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;

    /**
     * The rules that turn a table into one card per row on a phone: the header hidden, the cells in a wrapping line,
     * the first and the {@code last} cell each on a line of its own, the status cell padded.
     */
    private static String cards(String table, int last) {
        String rule = "  ." + table;
        return rule + " thead { display: none; }\n"
                + rule + ", ." + table + " tbody { display: block; }\n"
                + rule + " tr { display: flex; flex-wrap: wrap; gap: 2px 10px; align-items: baseline;\n"
                + " ".repeat(rule.length() + " tr { ".length()) + "border-bottom: 1px solid #c8c8c8; padding: 6px 0; }\n"
                + rule + " td { border: none; padding: 0; text-align: left; }\n"
                + rule + " td:nth-child(1), ." + table + " td:nth-child(" + last + ") { flex-basis: 100%; }\n"
                + rule + " td:nth-child(1) { width: auto; font-weight: bold; }\n"
                + rule + " td.status { padding: 0 6px; }\n";
    }

    private ReportStyle() {
    }
}
