package org.thidua.service.sheets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.thidua.core.UnitKind;
import org.thidua.service.imports.DossierImport;
import org.thidua.service.imports.ImportedUnit;
import org.thidua.service.imports.Period;
import org.thidua.service.imports.Progress;
import org.thidua.service.imports.RecordImport;
import org.thidua.service.imports.SurveyImport;

/**
 * LibreOffice's own format: files saved by LibreOffice Calc (see {@code sheets/README.md}) read as their CSV and
 * XLSX twins do — typed numbers, percentages and dates, repeated cells and rows, bad cells named by row and column.
 */
class OdsSheetsTest {
    @Test
    void a_unit_sheet_saved_by_libreoffice_reads_like_the_json_with_its_percentage_as_a_share() throws Exception {
        var request = Fixtures.readSheet(Fixtures.SHEETS.resolve("two-units.ods"));

        assertThat(request.reports()).isEqualTo(Fixtures.readJson(Fixtures.TWO_UNITS_JSON).reports());
    }

    @Test
    void bad_cells_of_an_ods_are_named_by_the_same_rows_and_columns_as_in_the_csv() {
        InvalidSheetException fromOds = catchThrowableOfType(InvalidSheetException.class,
                () -> Fixtures.readSheet(Fixtures.SHEETS.resolve("bad-cells.ods")));
        InvalidSheetException fromCsv = catchThrowableOfType(InvalidSheetException.class,
                () -> Fixtures.readSheet(Fixtures.SHEETS.resolve("bad-cells.csv")));

        assertThat(fromOds.cellProblems()).extracting(CellProblem::where).hasSize(8)
                .containsExactlyElementsOf(fromCsv.cellProblems().stream().map(CellProblem::where).toList());
    }

    @Test
    void dossier_records_with_date_cells_count_as_the_same_dates_typed_as_text() throws Exception {
        RecordImport.Result result;
        try (SheetRows rows = Sheets.open(Fixtures.SHEETS.resolve("dossiers-dates.ods"))) {
            result = new DossierImport(Period.parse("2021")).run(rows, Progress.NONE);
        }

        assertThat(result.problems().isEmpty()).isTrue();
        assertThat(result.units()).extracting(ImportedUnit::id, ImportedUnit::counts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("xa-a", Map.of("early", 1L, "onTime", 1L, "late", 1L, "overdueInProgress", 1L)),
                // due on Saturday 05/06/2021, returned on the Monday after: on time
                org.assertj.core.groups.Tuple.tuple("xa-b", Map.of("early", 0L, "onTime", 1L, "late", 0L, "overdueInProgress", 0L)));
    }

    @Test
    void survey_answers_in_repeated_cells_count_and_a_million_repeated_blank_rows_are_not_expanded() throws Exception {
        RecordImport.Result result;
        try (SheetRows rows = Sheets.open(Fixtures.SHEETS.resolve("surveys-saved-from-xlsx.ods"))) {
            result = new SurveyImport().run(rows, Progress.NONE);
        }

        assertThat(result.rows()).isEqualTo(6);
        assertThat(result.units()).extracting(ImportedUnit::id, ImportedUnit::counts).containsExactly(
                org.assertj.core.groups.Tuple.tuple("xa-a", Map.of("surveyed", 4L, "satisfied", 3L)),
                org.assertj.core.groups.Tuple.tuple("xa-b", Map.of("surveyed", 2L, "satisfied", 1L)));
    }

    @Test
    void a_repeated_row_that_holds_values_is_every_row_it_stands_for_numbered_as_calc_numbers_them() throws Exception {
        byte[] ods = ods(row(cell("Mã đơn vị"), cell("Hài lòng chung"))
                + "<table:table-row table:number-rows-repeated=\"3\"/>"
                + "<table:table-row table:number-rows-repeated=\"2\">" + cell("xa-a") + number("5") + "</table:table-row>"
                + row(cell("xa-b"), "<table:table-cell table:number-columns-repeated=\"2\"/>", number("4")));

        List<SheetRow> read = new ArrayList<>();
        try (SheetRows rows = Sheets.open(new ByteArrayInputStream(ods), ods.length)) {
            assertThat(rows.header()).containsExactly("Mã đơn vị", "Hài lòng chung");
            for (SheetRow row = rows.next(); row != null; row = rows.next()) {
                read.add(row);
            }
        }

        assertThat(read).extracting(SheetRow::number).containsExactly(5, 6, 7);
        assertThat(read.get(1).cell(1).number()).isEqualByComparingTo("5");
        assertThat(read.get(2).cells()).extracting(SheetCell::text).containsExactly("xa-b", "", "", "4");
    }

    @Test
    void more_rows_than_a_spreadsheet_holds_are_refused_rather_than_expanded() {
        byte[] ods = ods(row(cell("Mã đơn vị")) + "<table:table-row table:number-rows-repeated=\"2000000\">" + cell("xa-a")
                + "</table:table-row>");

        SheetFormatException refused = catchThrowableOfType(SheetFormatException.class, () -> readAll(ods));

        assertThat(refused).hasMessageContaining("1048576").hasMessageContaining("dòng 2");
    }

    @Test
    void an_unreadable_typed_value_is_named_by_its_cell() {
        byte[] ods = ods(row(cell("Mã đơn vị"), cell("Số phiếu khảo sát")) + row(cell("xa-a"), number("mười")));

        SheetFormatException refused = catchThrowableOfType(SheetFormatException.class, () -> readAll(ods));

        assertThat(refused).hasMessageContaining("ô B2").hasMessageContaining("mười");
    }

    @Test
    void an_ods_declared_file_that_is_no_workbook_says_so_and_is_not_read_as_csv() {
        byte[] text = "Mã đơn vị\nxa-a\n".getBytes(StandardCharsets.UTF_8);

        SheetFormatException refused = catchThrowableOfType(SheetFormatException.class,
                () -> Sheets.open(new ByteArrayInputStream(text), text.length, SheetFormat.ODS));

        assertThat(refused).hasMessageContaining("not a readable ODS workbook");
    }

    private static void readAll(byte[] ods) throws IOException {
        try (SheetRows rows = Sheets.open(new ByteArrayInputStream(ods), ods.length)) {
            while (rows.next() != null) {
                // read to the end
            }
        }
    }

    private static String row(String... cells) {
        return "<table:table-row>" + String.join("", cells) + "</table:table-row>";
    }

    private static String cell(String text) {
        return "<table:table-cell office:value-type=\"string\"><text:p>" + text + "</text:p></table:table-cell>";
    }

    private static String number(String value) {
        return "<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"><text:p>" + value + "</text:p></table:table-cell>";
    }

    /** A minimal OpenDocument spreadsheet, laid out as ODF requires: an uncompressed {@code mimetype} entry first. */
    private static byte[] ods(String rows) {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:spreadsheet>"
                + "<table:table table:name=\"Sheet1\">" + rows + "</table:table></office:spreadsheet></office:body></office:document-content>";
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                byte[] mimetype = SheetFormat.ODS.mediaType().getBytes(StandardCharsets.US_ASCII);
                ZipEntry first = new ZipEntry("mimetype");
                first.setMethod(ZipEntry.STORED);
                first.setSize(mimetype.length);
                CRC32 crc = new CRC32();
                crc.update(mimetype);
                first.setCrc(crc.getValue());
                zip.putNextEntry(first);
                zip.write(mimetype);
                zip.putNextEntry(new ZipEntry("content.xml"));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
