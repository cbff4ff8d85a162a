package org.thidua.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.thidua.core.Campaign;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.VietnameseNumbers;

/**
 * The ranking as a spreadsheet: rank, unit, kind, score, grade, then each criterion's status, one row per unit in
 * ranking order. CSV is UTF-8 with the byte-order mark (so Excel shows Vietnamese) and Vietnamese decimal commas;
 * XLSX keeps the score a number.
 */
public final class RankingExport {
    /** Rows written between flushes of a streamed export. */
    static final int FLUSH_ROWS = 500;

    private final Campaign campaign;

    public RankingExport(Campaign campaign) {
        this.campaign = campaign;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("Hạng", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Điểm", "Xếp loại"));
        campaign.criteria().forEach(c -> header.add(c.id() + " – " + c.title()));
        return header;
    }

    /** The header with a column per group subtotal after the criteria (the groups of the first unit's evaluation). */
    private List<String> header(Evaluation first) {
        List<String> header = header();
        CriterionCells.groups(first == null ? List.of() : List.of(first)).forEach(g -> header.add("Nhóm: " + g));
        return header;
    }

    public void writeCsv(EvaluationResult result, OutputStream out) throws IOException {
        writeCsv(result.ranking(), out);
    }

    /**
     * Writes the rows as they come, flushing every {@value #FLUSH_ROWS}: {@code ranking} may read the units page by
     * page from the store (see {@link StoredResults#streamed}), so a campaign of any size streams in bounded memory.
     */
    public void writeCsv(Iterable<Evaluation> ranking, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        Peeked units = new Peeked(ranking.iterator());
        CsvTable csv = new CsvTable(writer, header(units.first));
        int rows = 0;
        while (units.hasNext()) {
            Evaluation e = units.next();
            if (++rows % FLUSH_ROWS == 0) {
                writer.flush();
            }
            List<String> row = new ArrayList<>(List.of(String.valueOf(e.rank()), e.unitId(), e.unitName(), e.kind().label(),
                    VietnameseNumbers.score(e.score()), gradeLabel(e.grade())));
            row.addAll(statuses(e));
            csv.row(row);
        }
        writer.flush();
    }

    /** The ranking's sheet, opened by the area's scorecard when the campaign declares area targets. */
    public void writeXlsx(EvaluationResult result, OutputStream out) throws IOException {
        writeXlsx(AreaScorecard.of(campaign, result), result.ranking(), out);
    }

    /**
     * As {@link #writeCsv(Iterable, OutputStream)}: the sheet's rows go to {@code out} every {@value #FLUSH_ROWS}. The
     * area's scorecard (empty: none) is the first sheet, "Chỉ tiêu chung", then the ranking's, "Xếp hạng".
     */
    public void writeXlsx(List<org.thidua.core.AreaFinding> area, Iterable<Evaluation> ranking, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "thidua", "1.0");
        AreaScorecard.xlsx(workbook, area);
        Worksheet sheet = workbook.newWorksheet("Xếp hạng");
        Peeked units = new Peeked(ranking.iterator());
        List<String> header = header(units.first);
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            widths.add(c == 2 ? 32 : c >= 6 ? 18 : 12);
        }
        XlsxHeader.write(sheet, header, widths);
        sheet.freezePane(3, 1); // before the first flush: the sheet's view is written with its first rows
        int r = 1;
        while (units.hasNext()) {
            Evaluation e = units.next();
            if (r % FLUSH_ROWS == 0) {
                sheet.flush();
            }
            sheet.value(r, 0, e.rank());
            sheet.value(r, 1, e.unitId());
            sheet.value(r, 2, e.unitName());
            sheet.value(r, 3, e.kind().label());
            sheet.value(r, 4, e.score());
            sheet.style(r, 4).format("0.00").set();
            sheet.value(r, 5, gradeLabel(e.grade()));
            List<String> statuses = statuses(e);
            for (int c = 0; c < statuses.size(); c++) {
                sheet.value(r, 6 + c, statuses.get(c));
            }
            r++;
        }
        workbook.finish();
    }

    /** Each criterion's cell (status, points, Có/Không, bonus or penalty points), then each group's subtotal. */
    private List<String> statuses(Evaluation e) {
        List<String> cells = new ArrayList<>(campaign.criteria().stream()
                .map(c -> CriterionCells.cell(c, e.finding(c.id()).orElse(null), org.thidua.core.Status::label)).toList());
        CriterionCells.groups(List.of(e)).forEach(g -> cells.add(CriterionCells.subtotal(e, g)));
        return cells;
    }

    /** The units with the first one read ahead, for the header (its group columns), then all of them in order. */
    private static final class Peeked implements Iterator<Evaluation> {
        final Evaluation first;
        private final Iterator<Evaluation> rest;
        private boolean firstTaken;

        Peeked(Iterator<Evaluation> units) {
            this.rest = units;
            this.first = units.hasNext() ? units.next() : null;
            this.firstTaken = first == null;
        }

        @Override
        public boolean hasNext() {
            return !firstTaken || rest.hasNext();
        }

        @Override
        public Evaluation next() {
            if (!firstTaken) {
                firstTaken = true;
                return first;
            }
            if (!rest.hasNext()) {
                throw new NoSuchElementException();
            }
            return rest.next();
        }
    }

    private String gradeLabel(String code) {
        return campaign.grade(code).map(Campaign.GradeBand::label).orElse(code);
    }
}
