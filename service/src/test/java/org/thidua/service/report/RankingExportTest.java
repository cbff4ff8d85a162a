package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.thidua.core.EvaluationResult;
import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;

/** The ranking as CSV (UTF-8 with BOM) and XLSX: the same rows in ranking order, Vietnamese intact. */
class RankingExportTest {
    private static final RuleSet RULES = RuleLibrary.bundled().ruleSet("thach-that-cchc-2021");
    private static final EvaluationResult RESULT;

    static {
        try (var in = Files.newInputStream(Path.of("../examples/data/thach-that-2021.json"))) {
            RESULT = RuleLibrary.bundled().read(in, null).evaluate();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void the_csv_starts_with_the_byte_order_mark_and_lists_units_by_rank_with_vietnamese_scores() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RankingExport(RULES.campaign()).writeCsv(RESULT, out);

        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).hasSize(34);
        assertThat(lines.get(0)).startsWith("Hạng,Mã đơn vị,Tên đơn vị,Loại đơn vị,Điểm,Xếp loại,\"SATISFACTION – ");
        assertThat(lines.get(1)).startsWith("1,").contains("Văn phòng HĐND và UBND huyện", "\"100,00\"", "Hoàn thành xuất sắc");
        assertThat(lines.get(33)).startsWith("33,").contains("UBND xã Yên Trung", "\"20,00\"", "Không hoàn thành", "Không đạt");
    }

    @Test
    void the_xlsx_reads_back_with_shared_strings_intact_and_the_score_a_number() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new RankingExport(RULES.campaign()).writeXlsx(RESULT, out);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            // the campaign declares area targets: the area's scorecard is the first sheet, the ranking the second
            assertThat(workbook.getSheets().map(s -> s.getName()).toList()).containsExactly("Chỉ tiêu chung", "Xếp hạng");
            List<Row> rows = workbook.findSheet("Xếp hạng").orElseThrow().read();
            assertThat(rows).hasSize(34);
            assertThat(rows.get(0).getCellText(2)).isEqualTo("Tên đơn vị");
            assertThat(rows.get(1).getCellText(2)).isEqualTo("Văn phòng HĐND và UBND huyện");
            assertThat(rows.get(33).getCellAsNumber(4)).hasValueSatisfying(score -> assertThat(score).isEqualByComparingTo("20"));
            assertThat(rows.get(33).getCellText(5)).isEqualTo("Không hoàn thành");
        }
    }
}
