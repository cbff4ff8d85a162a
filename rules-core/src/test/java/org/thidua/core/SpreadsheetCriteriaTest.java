package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.thidua.core.Fixtures.commune;
import static org.thidua.core.Fixtures.withIndicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The same criteria sheet saved by LibreOffice as XLSX and ODS (a percent cell for 95%) compiles to the same
 * criteria and judges as its CSV; a problem in a spreadsheet is named by its cell, {@code criteria.xlsx!F2}.
 */
class SpreadsheetCriteriaTest {
    private static final Path SHEETS = Fixtures.RESOURCES.resolve("sheets");

    @TempDir
    Path root;

    private Path campaign(String sheetName, Path sheet) throws IOException {
        return campaign("thu", sheetName, sheet);
    }

    private Path campaign(String id, String sheetName, Path sheet) throws IOException {
        Path folder = root.resolve(id);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("campaign.yaml"), CriteriaSheetTest.YAML.formatted(id));
        Files.copy(sheet, folder.resolve(sheetName));
        return folder;
    }

    @ParameterizedTest
    @ValueSource(strings = {"criteria.xlsx", "criteria.ods"})
    void a_spreadsheet_saved_by_libreoffice_judges_as_its_csv(String file) throws IOException {
        RuleSet fromCsv = RuleSet.load(campaign("criteria.csv", SHEETS.resolve("criteria.csv")));
        RuleSet fromSheet = RuleSet.load(campaign("bang", file, SHEETS.resolve(file)));

        assertThat(fromSheet.campaign().criteria()).isEqualTo(fromCsv.campaign().criteria());
        assertThat(fromSheet.generatedDrl().get(file + ".drl")).contains(".atLeast(0.95)");
        UnitReport report = withIndicator(commune("a").withSatisfaction(new Satisfaction(200, 190)), "initiatives", "3");
        Evaluation csv = fromCsv.evaluate(List.of(report)).evaluations().get(0);
        Evaluation sheet = fromSheet.evaluate(List.of(report)).evaluations().get(0);
        assertThat(sheet.findings()).extracting(Finding::status, Finding::points, Finding::message)
                .isEqualTo(csv.findings().stream().map(f -> org.assertj.core.groups.Tuple.tuple(f.status(), f.points(), f.message())).toList());
        assertThat(sheet.finding("SATISFACTION").orElseThrow().rule()).isEqualTo(file + ": SATISFACTION");
    }

    @Test
    void a_problem_in_a_spreadsheet_is_named_by_its_cell() throws IOException {
        Path folder = campaign("criteria.xlsx", SHEETS.resolve("bad-criteria.xlsx"));

        assertThatThrownBy(() -> RuleSet.load(folder)).isInstanceOfSatisfying(RuleSetException.class, e ->
                assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                        "thu/criteria.xlsx!F2: Tỷ lệ 9500% lớn hơn 100%: có phải ý là 95%? Viết 95% hoặc 0,95"
                                + " (a share above 100%: did you mean 95%?)",
                        "thu/criteria.xlsx!H3: Điểm tối đa phải là một số điểm, ví dụ 20 hoặc 7,5, không phải 'mười'"
                                + " (points must be a number)"));
    }

    @Test
    void the_same_problem_in_a_csv_is_at_its_line_and_column() throws IOException {
        Path folder = campaign("criteria.csv", SHEETS.resolve("bad-criteria.csv"));

        assertThatThrownBy(() -> RuleSet.load(folder)).isInstanceOfSatisfying(RuleSetException.class, e ->
                assertThat(e.problems()).extracting(RuleProblem::toString).first().asString()
                        .startsWith("thu/criteria.csv:2:6: Tỷ lệ 9500% lớn hơn 100%: có phải ý là 95%?"));
    }

    @Test
    void a_file_that_is_no_spreadsheet_is_refused_in_words() throws IOException {
        Path folder = root.resolve("thu");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("campaign.yaml"), CriteriaSheetTest.YAML.formatted("thu"));
        Files.writeString(folder.resolve("criteria.xlsx"), "not a zip");

        assertThatThrownBy(() -> RuleSet.load(folder)).isInstanceOfSatisfying(RuleSetException.class, e ->
                assertThat(e.problems()).extracting(RuleProblem::toString).anyMatch(p -> p.startsWith("thu/criteria.xlsx:0:0: Không đọc được bảng tính")));
    }
}
