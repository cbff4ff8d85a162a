package org.thidua.service.report;

/** The report's style sheet, inlined in the page: screen and A4 print. */
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
            ol.legend { font-size: 12px; color: #444; padding-left: 0; list-style: none; }
            svg text { font-family: inherit; }
            #score-chart { max-width: 860px; display: block; }
            a { color: inherit; text-decoration: none; }
            footer { margin-top: 28px; font-size: 11px; color: #777; }
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

    private ReportStyle() {
    }
}
