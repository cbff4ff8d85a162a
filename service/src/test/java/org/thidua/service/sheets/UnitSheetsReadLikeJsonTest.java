package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.EvaluationRequest;
import org.thidua.core.UnitReport;

/** A sheet of unit figures, CSV or XLSX, gives the very request the same figures give in JSON. */
class UnitSheetsReadLikeJsonTest {
    private static final List<UnitReport> FROM_JSON;

    static {
        try {
            FROM_JSON = Fixtures.readJson(Fixtures.TWO_UNITS_JSON).reports();
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void a_csv_with_the_excel_byte_order_mark_and_vietnamese_headers_reads_like_the_json() throws Exception {
        EvaluationRequest request = Fixtures.readSheet(Fixtures.SHEETS.resolve("two-units-bom.csv"));

        assertThat(request.reports()).isEqualTo(FROM_JSON);
        assertThat(request.ruleSet().campaign().id()).isEqualTo("thach-that-cchc-2021");
    }

    @Test
    void a_semicolon_csv_without_byte_order_mark_with_loosely_written_headers_reads_the_same() throws Exception {
        EvaluationRequest request = Fixtures.readSheet(Fixtures.SHEETS.resolve("two-units-semicolon.csv"));

        assertThat(request.reports()).isEqualTo(FROM_JSON);
    }

    @Test
    void an_xlsx_with_typed_numbers_and_shared_strings_reads_the_same(@TempDir Path dir) throws Exception {
        Path file = TestXlsx.write(dir.resolve("units.xlsx"), List.of(
                new ArrayList<>(new UnitSheetTemplate(Fixtures.LIBRARY.ruleSet(null).campaign()).headers()),
                List.of("xa-binh-yen", "UBND xã Bình Yên", "Xã", 200, 191, 300, 1215, 5, 0, 12, 12, 20, 19, "Có", 0.85),
                listOf("phong-noi-vu", "Phòng Nội vụ", "Cơ quan", 100, 99, 3, 4, 0, null, 3, 3, null, null, null, null)));

        EvaluationRequest request = Fixtures.readSheet(file);

        assertThat(request.reports()).isEqualTo(FROM_JSON);
    }

    @Test
    void evaluating_a_sheet_gives_the_results_of_the_json() throws Exception {
        var fromSheet = Fixtures.readSheet(Fixtures.SHEETS.resolve("two-units-bom.csv")).evaluate();
        var fromJson = Fixtures.readJson(Fixtures.TWO_UNITS_JSON).evaluate();

        assertThat(fromSheet).isEqualTo(fromJson);
    }

    private static List<Object> listOf(Object... values) {
        return java.util.Arrays.asList(values);
    }
}
