package org.thidua.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.TestXlsx;
import org.thidua.service.store.SqliteEvaluationStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A lone UTF-16 surrogate in a cell of a unit sheet — written as the character reference {@code &#xD800;} or as the
 * three bytes CESU-8 gives it — is refused at its row and column, as JSON refuses it at its field path: 422, nothing
 * stored. The XML reader cannot go past such a cell, so the rows above it are checked and reported too.
 */
class LoneSurrogateInASheetTest {
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String NAME = "Phòng Nội vụ";

    @TempDir
    static Path dir;
    static RunningService running;

    @BeforeAll
    static void start() {
        running = RunningService.start(dir.resolve("thidua.db"));
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"xlsx, a character reference", "xlsx, CESU-8 bytes", "ods, a character reference", "ods, CESU-8 bytes"})
    void a_lone_surrogate_in_a_cell_is_422_at_its_row_and_column_and_nothing_is_stored(String format, String written) throws IOException {
        byte[] surrogate = written.equals("CESU-8 bytes") ? new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
                : "&#xD800;".getBytes(StandardCharsets.US_ASCII);
        byte[] sheet = format.equals("xlsx") ? xlsx(surrogate) : ods(surrogate);

        Api.Answer answer = running.api.post("/api/v1/evaluations", sheet, format.equals("xlsx") ? XLSX : SheetFormat.ODS.mediaType());

        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonNode problems = answer.json().get("problems");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).get("row").asInt()).isEqualTo(3);
        assertThat(problems.get(0).get("column").asText()).isEqualTo("Tên đơn vị");
        assertThat(problems.get(0).get("path").asText()).isEqualTo("dòng 3, cột «Tên đơn vị»");
        assertThat(problems.get(0).get("message").asText()).contains("U+D800", "lone surrogate");
        try (SqliteEvaluationStore store = SqliteEvaluationStore.open(running.db)) {
            assertThat(store.isEmpty()).isTrue();
        }
    }

    /** Two units, as Excel writes them (text in the shared strings); the second unit's name holds the surrogate. */
    private static byte[] xlsx(byte[] surrogate) throws IOException {
        Path file = TestXlsx.write(dir.resolve("units-" + System.nanoTime() + ".xlsx"), List.of(
                List.of("Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Số phiếu khảo sát", "Số phiếu hài lòng", "Có trang TTĐT thành phần"),
                List.of("xa-binh-yen", "UBND xã Bình Yên", "Xã", 200, 191, "Có"),
                List.of("phong-noi-vu", NAME, "Cơ quan", 100, 99, "Không")));
        // fastexcel writes every character past ASCII as a character reference
        return replaceIn(Files.readAllBytes(file), "xl/sharedStrings.xml", "Ph&#xf2;ng N&#x1ed9;i v&#x1ee5;",
                "Ph&#xf2;ng " + latin1(surrogate) + "N&#x1ed9;i v&#x1ee5;");
    }

    /** The shipped two-unit ODS (saved by LibreOffice); the second unit's name (row 3) holds the surrogate. */
    private static byte[] ods(byte[] surrogate) throws IOException {
        return replaceIn(Files.readAllBytes(Path.of("src/test/resources/sheets/two-units.ods")), "content.xml", latin1(NAME),
                latin1("Phòng ") + latin1(surrogate) + latin1("Nội vụ"));
    }

    /** The archive with {@code find} in one part replaced (both as the part's bytes, read as ISO-8859-1). */
    private static byte[] replaceIn(byte[] archive, String part, String find, String replacement) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean replaced = false;
        Path copyOf = Files.write(dir.resolve("archive-" + System.nanoTime()), archive);
        // ZipFile, not ZipInputStream: fastexcel stores entries with their sizes after the data, which a stream cannot read
        try (ZipFile in = new ZipFile(copyOf.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] content = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(part)) {
                    String text = latin1(content);
                    replaced = text.contains(find);
                    content = text.replace(find, replacement).getBytes(StandardCharsets.ISO_8859_1);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getName().equals("mimetype")) { // an ODS archive starts with it, stored
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(content.length);
                    copy.setCompressedSize(content.length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(content);
                    copy.setCrc(crc.getValue());
                }
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        }
        assertThat(replaced).as(find + " in " + part).isTrue();
        return out.toByteArray();
    }

    private static String latin1(String text) {
        return latin1(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
