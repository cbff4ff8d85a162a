package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad cell of a unit sheet is named by row and column header, all at once, and nothing is read. */
class UnitSheetBadCellsTest {
    private static final String HEADER = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Số phiếu khảo sát,Số phiếu hài lòng\n";

    @Test
    void every_bad_cell_is_reported_by_row_and_column_whether_the_sheet_or_the_library_refuses_it() {
        InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class,
                () -> Fixtures.readSheet(Fixtures.SHEETS.resolve("bad-cells.csv")));

        assertThat(refused.cellProblems()).extracting(CellProblem::where).containsExactly(
                "dòng 2, cột «Số phiếu hài lòng»",   // satisfied > surveyed, found by the library: reports[0].satisfaction.satisfied
                "dòng 3, cột «Loại đơn vị»",         // Thôn is no kind of unit
                "dòng 4, cột «Số phiếu khảo sát»",   // "mười" is not a number (the library's "required" for it is not repeated)
                "dòng 4, cột «Hồ sơ trước hạn»",     // -1, refused by the library as negative
                "dòng 4, cột «Có trang TTĐT thành phần»",
                "dòng 5, cột «Tên đơn vị»",          // blank name: required
                "dòng 5, cột «Hồ sơ trễ hạn»",       // dossiers given in part: late is required
                "dòng 7, cột «Mã đơn vị»");          // xa-e twice
        assertThat(refused.cellProblems().get(0).message()).contains("không được lớn hơn");
        assertThat(refused.cellProblems().get(1).message()).contains("Thôn", "Xã, Phường, Thị trấn");
        assertThat(refused.cellProblems().get(2).message()).contains("mười");
        assertThat(refused.cellProblems().get(3).message()).contains("không được âm");
        assertThat(refused.cellProblems().get(7).message()).contains("xa-e", "đã có ở dòng 6");
        assertThat(refused.problems()).first().hasToString("dòng 2, cột «Số phiếu hài lòng»: "
                + refused.cellProblems().get(0).message());
    }

    @Test
    void an_unknown_column_is_refused_with_the_list_of_known_ones(@TempDir Path dir) throws Exception {
        Path file = write(dir, "Mã đơn vị,Tên đơn vị,Loại đơn vị,Số phiếu không hài lòng\nxa-a,UBND xã A,Xã,9\n");

        InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class, () -> Fixtures.readSheet(file));

        assertThat(refused.cellProblems()).singleElement().satisfies(p -> {
            assertThat(p.where()).isEqualTo("dòng 1, cột «Số phiếu không hài lòng»");
            assertThat(p.message()).contains("cột không được biết", "Số phiếu hài lòng");
        });
    }

    @Test
    void a_missing_required_column_and_a_repeated_column_are_both_reported(@TempDir Path dir) throws Exception {
        Path file = write(dir, "Mã đơn vị,Loại đơn vị,Số phiếu khảo sát,so phieu khao sat\nxa-a,Xã,9,9\n");

        InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class, () -> Fixtures.readSheet(file));

        assertThat(refused.cellProblems()).extracting(CellProblem::toString).containsExactlyInAnyOrder(
                "dòng 1, cột «so phieu khao sat»: cột này trùng với cột «Số phiếu khảo sát» (the same column twice)",
                "dòng 1: thiếu cột «Tên đơn vị» (missing column)");
    }

    @Test
    void a_value_under_no_header_is_refused_rather_than_ignored(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER + "xa-a,UBND xã A,Xã,10,9,,42\n");

        InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class, () -> Fixtures.readSheet(file));

        assertThat(refused.cellProblems()).extracting(CellProblem::where).containsExactly("dòng 2, cột «cột 7»");
    }

    @Test
    void a_sheet_with_a_header_and_no_rows_is_refused(@TempDir Path dir) throws Exception {
        Path file = write(dir, HEADER + "\n,,,\n");

        InvalidSheetException refused = catchThrowableOfType(InvalidSheetException.class, () -> Fixtures.readSheet(file));

        assertThat(refused.cellProblems()).singleElement().extracting(CellProblem::message).asString().contains("không có dòng số liệu");
    }

    @Test
    void a_csv_that_is_not_utf8_is_refused_saying_how_to_save_it(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin.csv");
        Files.write(file, (HEADER + "xa-a,UBND x\u00e3 A,X\u00e3,10,9\n").getBytes(StandardCharsets.ISO_8859_1));

        SheetFormatException refused = catchThrowableOfType(SheetFormatException.class, () -> Fixtures.readSheet(file));

        assertThat(refused).hasMessageContaining("không phải UTF-8").hasMessageContaining("CSV UTF-8");
    }

    @Test
    void an_old_xls_workbook_is_refused_saying_to_save_it_as_xlsx(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("units.xls");
        Files.write(file, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});

        SheetFormatException refused = catchThrowableOfType(SheetFormatException.class, () -> Fixtures.readSheet(file));

        assertThat(refused).hasMessageContaining(".xlsx");
    }

    private static Path write(Path dir, String csv) throws Exception {
        return Files.writeString(dir.resolve("units.csv"), csv, StandardCharsets.UTF_8);
    }
}
