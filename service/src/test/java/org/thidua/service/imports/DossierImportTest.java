package org.thidua.service.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.UnitKind;
import org.thidua.service.sheets.CellProblem;
import org.thidua.service.sheets.SheetRows;
import org.thidua.service.sheets.Sheets;
import org.thidua.service.sheets.TestXlsx;

/** A dossier file becomes each unit's counts; every bad row is reported by row and column and the rest still count. */
class DossierImportTest {
    private static final String HEADER = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã hồ sơ,Ngày tiếp nhận,Ngày hẹn trả,Ngày trả kết quả,Người nộp\n";

    @Test
    void rows_are_counted_per_unit_and_other_columns_of_the_export_are_ignored() throws Exception {
        RecordImport.Result result = run(HEADER
                + "xa-a,UBND xã A,Xã,HS-1,01/03/2021,10/03/2021,09/03/2021,Nguyễn Văn An\n"
                + "xa-a,,,HS-2,01/03/2021,10/03/2021,10/03/2021,\n"
                + "xa-a,,,HS-3,01/03/2021,10/03/2021,11/03/2021,\n"
                + "xa-a,,,HS-4,01/03/2021,10/03/2021,,\n"
                + "phong-tu-phap,Phòng Tư pháp,Cơ quan,HS-5,2021-03-01,2021-03-13,2021-03-15,\n");

        assertThat(result.problems().isEmpty()).isTrue();
        assertThat(result.units()).containsExactly(
                new ImportedUnit("xa-a", "UBND xã A", UnitKind.COMMUNE, 2, Map.of("early", 1L, "onTime", 1L, "late", 1L, "overdueInProgress", 1L)),
                new ImportedUnit("phong-tu-phap", "Phòng Tư pháp", UnitKind.AGENCY, 6, Map.of("early", 0L, "onTime", 1L, "late", 0L, "overdueInProgress", 0L)));
        assertThat(List.copyOf(result.units().get(0).counts().keySet())).containsExactly("early", "onTime", "late", "overdueInProgress");
    }

    @Test
    void unit_ids_and_names_follow_the_contract_rule_row_by_row() throws Exception {
        RecordImport.Result result = run(HEADER
                + "../../etc/passwd,,,HS-1,01/03/2021,10/03/2021,09/03/2021,\n"
                + "Xa A,,,HS-2,01/03/2021,10/03/2021,09/03/2021,\n"
                + "xa-a,UBND xã \u202eA,,HS-3,01/03/2021,10/03/2021,09/03/2021,\n"
                + "xa-a,UBND xã A,,HS-4,01/03/2021,10/03/2021,09/03/2021,\n");

        assertThat(result.problems().kept()).extracting(CellProblem::where).containsExactly(
                "dòng 2, cột «Mã đơn vị»", "dòng 3, cột «Mã đơn vị»", "dòng 4, cột «Tên đơn vị»");
        assertThat(result.problems().kept().get(0).message()).contains("[a-z0-9-]{1,64}");
        assertThat(result.units()).extracting(ImportedUnit::name).containsExactly("UBND xã A");
    }

    @Test
    void each_kind_of_bad_row_is_reported_by_row_and_column_without_stopping() throws Exception {
        RecordImport.Result result = run(HEADER
                + "xa-a,,,HS-1,01/03/2021,,05/03/2021,\n"              // no due date
                + "xa-a,,,HS-2,10/03/2021,20/03/2021,05/03/2021,\n"    // returned before received
                + "xa-a,,,HS-3,10/03/2021,05/03/2021,,\n"              // due before received
                + "xa-a,,,HS-4,31/02/2021,05/03/2021,,\n"              // no such date
                + ",,,HS-5,01/03/2021,05/03/2021,,\n"                  // no unit
                + "xa-a,,,,01/03/2021,05/03/2021,04/03/2021,\n"        // no dossier code
                + "xa-a,,,HS-7,01/03/2021,05/03/2021,04/03/2021,\n");  // good

        assertThat(result.problems().kept()).extracting(CellProblem::where).containsExactly(
                "dòng 2, cột «Ngày hẹn trả»",
                "dòng 3, cột «Ngày trả kết quả»",
                "dòng 4, cột «Ngày hẹn trả»",
                "dòng 5, cột «Ngày tiếp nhận»",
                "dòng 6, cột «Mã đơn vị»",
                "dòng 7, cột «Mã hồ sơ»");
        assertThat(result.problems().kept().get(0).message()).contains("thiếu ngày hẹn trả");
        assertThat(result.problems().kept().get(1).message()).contains("05/03/2021 trước ngày tiếp nhận 10/03/2021");
        assertThat(result.problems().badRows()).isEqualTo(6);
        assertThat(result.units()).singleElement().extracting(u -> u.counts().get("early")).isEqualTo(1L);
    }

    @Test
    void an_xlsx_export_with_date_cells_and_vietnamese_headers_imports_the_same(@TempDir Path dir) throws Exception {
        Path file = TestXlsx.write(dir.resolve("hoso.xlsx"), List.of(
                List.of("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Số hồ sơ", "Ngày nhận", "Hạn giải quyết", "Ngày hoàn thành"),
                List.of("tt-lien-quan", "UBND thị trấn Liên Quan", "Thị trấn", "000.00.31.H26-210301-0001",
                        LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 13), LocalDate.of(2021, 3, 15)),
                List.of("tt-lien-quan", "", "", "000.00.31.H26-210301-0002", LocalDate.of(2021, 3, 1), "10/03/2021", "12/03/2021")));

        RecordImport.Result result;
        try (SheetRows rows = Sheets.open(file)) {
            result = new DossierImport(Period.parse("2021")).run(rows, Progress.NONE);
        }

        assertThat(result.problems().kept()).isEmpty();
        assertThat(result.units()).singleElement().satisfies(u -> {
            assertThat(u.name()).isEqualTo("UBND thị trấn Liên Quan");
            assertThat(u.counts()).containsEntry("onTime", 1L).containsEntry("late", 1L);
        });
    }

    @Test
    void dossiers_outside_the_period_or_not_yet_due_are_counted_apart() throws Exception {
        RecordImport.Result result = new DossierImport(Period.parse("2021-04-01..2021-06-30")).run(open(HEADER
                + "xa-a,,,HS-1,01/03/2021,10/03/2021,09/03/2021,\n"
                + "xa-a,,,HS-2,25/06/2021,05/07/2021,,\n"
                + "xa-a,,,HS-3,01/04/2021,10/04/2021,09/04/2021,\n"), Progress.NONE);

        assertThat(result.uncounted()).containsEntry("ngoài kỳ", 1L).containsEntry("chưa đến hạn khi hết kỳ", 1L);
        assertThat(result.units()).singleElement().extracting(u -> u.counts().get("early")).isEqualTo(1L);
    }

    static RecordImport.Result run(String csv) throws Exception {
        return new DossierImport(Period.parse("2021")).run(open(csv), Progress.NONE);
    }

    static SheetRows open(String csv) throws Exception {
        byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
        return Sheets.open(new ByteArrayInputStream(bytes), bytes.length);
    }
}
