package org.thidua.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

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
    private final Campaign campaign;

    public RankingExport(Campaign campaign) {
        this.campaign = campaign;
    }

    public List<String> header() {
        List<String> header = new ArrayList<>(List.of("Hạng", "Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Điểm", "Xếp loại"));
        campaign.criteria().forEach(c -> header.add(c.id() + " – " + c.title()));
        return header;
    }

    /** The header with a column per group subtotal after the criteria. */
    private List<String> header(EvaluationResult result) {
        List<String> header = header();
        CriterionCells.groups(result.evaluations()).forEach(g -> header.add("Nhóm: " + g));
        return header;
    }

    public void writeCsv(EvaluationResult result, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CsvTable csv = new CsvTable(writer, header(result));
        for (Evaluation e : result.ranking()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(e.rank()), e.unitId(), e.unitName(), e.kind().label(),
                    VietnameseNumbers.score(e.score()), gradeLabel(e.grade())));
            row.addAll(statuses(e));
            csv.row(row);
        }
        writer.flush();
    }

    public void writeXlsx(EvaluationResult result, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "thidua", "1.0");
        Worksheet sheet = workbook.newWorksheet("Xếp hạng");
        List<String> header = header(result);
        List<Integer> widths = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            widths.add(c == 2 ? 32 : c >= 6 ? 18 : 12);
        }
        XlsxHeader.write(sheet, header, widths);
        int r = 1;
        for (Evaluation e : result.ranking()) {
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
        sheet.freezePane(3, 1);
        workbook.finish();
    }

    /** Each criterion's cell (status, points, Có/Không, bonus or penalty points), then each group's subtotal. */
    private List<String> statuses(Evaluation e) {
        List<String> cells = new java.util.ArrayList<>(campaign.criteria().stream()
                .map(c -> CriterionCells.cell(c, e.finding(c.id()).orElse(null), org.thidua.core.Status::label)).toList());
        CriterionCells.groups(List.of(e)).forEach(g -> cells.add(CriterionCells.subtotal(e, g)));
        return cells;
    }

    private String gradeLabel(String code) {
        return campaign.grade(code).map(Campaign.GradeBand::label).orElse(code);
    }
}
