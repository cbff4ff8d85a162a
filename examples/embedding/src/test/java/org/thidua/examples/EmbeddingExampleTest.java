package org.thidua.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thidua.core.Evaluation;
import org.thidua.core.EvaluationResult;
import org.thidua.core.Finding;
import org.thidua.core.InvalidInputException;
import org.thidua.core.RuleLibrary;
import org.thidua.core.Status;
import org.thidua.core.UnitKind;

/** The example as a user runs it, on the district data set in examples/data. */
class EmbeddingExampleTest {
    static final Path DATA_SET = EmbeddingExample.dataSet(new String[0]);
    static RuleLibrary library;
    static EvaluationResult district;

    @BeforeAll
    static void rank_the_district() throws IOException {
        library = RuleLibrary.bundled();
        district = EmbeddingExample.rankDistrict(library, DATA_SET);
    }

    @Test
    void the_example_prints_findings_and_the_ranking_with_vietnamese_intact() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddingExample.run(DATA_SET, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("UBND xã Bình Yên: 60.00 điểm, Hoàn thành")
                .contains("5 trong 1.520 hồ sơ trễ hạn")
                .contains("Không áp dụng cho cơ quan, phòng ban")
                .containsPattern("(?m)^ {2}1 {2}Văn phòng HĐND và UBND huyện +100\\.00 {2}Hoàn thành xuất sắc$")
                .containsPattern("(?m)^ 23 {2}UBND xã Đồng Trúc +60\\.00 {2}Hoàn thành$")
                .containsPattern("(?m)^ 33 {2}UBND xã Yên Trung +20\\.00 {2}Không hoàn thành$")
                .doesNotContain("?", "\uFFFD");
        assertThat(Normalizer.isNormalized(output, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void the_data_set_spreads_over_every_grade() {
        Map<String, Long> perGrade = district.evaluations().stream()
                .collect(Collectors.groupingBy(Evaluation::grade, Collectors.counting()));

        assertThat(perGrade).containsExactlyInAnyOrderEntriesOf(Map.of(
                "HOAN_THANH_XUAT_SAC", 9L, "HOAN_THANH_TOT", 8L, "HOAN_THANH", 11L, "KHONG_HOAN_THANH", 5L));
    }

    @Test
    void ties_share_a_rank_and_the_next_rank_skips() {
        for (Evaluation unit : district.evaluations()) {
            long better = district.evaluations().stream().filter(other -> other.score() > unit.score()).count();
            assertThat(unit.rank()).as(unit.unitId()).isEqualTo(better + 1);
        }
        assertThat(district.ranking()).extracting(Evaluation::rank).startsWith(1, 1).contains(10, 18, 23, 29, 31, 33);
    }

    @Test
    void every_evaluation_carries_the_fields_of_json_contract_v1() {
        assertThat(district.campaign()).isEqualTo("thach-that-cchc-2021");
        assertThat(district.ruleSetVersion()).matches("sha256:[0-9a-f]{64}");
        assertThat(district.evaluations()).hasSize(33).allSatisfy(unit -> {
            assertThat(unit.unitId()).matches("[a-z0-9-]+");
            assertThat(unit.unitName()).isNotBlank();
            assertThat(unit.kind()).isNotNull();
            assertThat(unit.score()).isBetween(0.0, 100.0);
            assertThat(unit.findings()).extracting(Finding::criterion).containsExactly("SATISFACTION",
                    "ON_TIME_DOSSIERS", "FRONTLINE_STAFF_TRAINING", "INDEX_AWARENESS_TRAINING", "PORTAL_PAGE");
            assertThat(unit.findings()).allSatisfy(finding -> {
                assertThat(finding.status()).isNotNull();
                assertThat(finding.title()).isNotBlank();
                assertThat(finding.message()).isNotBlank();
                assertThat(finding.rule()).isNotBlank();
                assertThat(finding.maxPoints()).isEqualTo(finding.status() == Status.NOT_APPLICABLE ? 0 : 20);
            });
        });
    }

    @Test
    void the_special_cases_of_the_data_set_are_explained() {
        Map<String, Evaluation> byId = district.evaluations().stream()
                .collect(Collectors.toMap(Evaluation::unitId, Function.identity()));

        assertThat(byId.get("tt-lien-quan").kind()).isEqualTo(UnitKind.TOWN);
        assertThat(byId.get("phong-y-te").finding("ON_TIME_DOSSIERS").orElseThrow())
                .returns(Status.MET, Finding::status)
                .returns("Không có hồ sơ nào trong kỳ, không có hồ sơ trễ hạn", Finding::message);
        assertThat(byId.get("xa-yen-binh").finding("ON_TIME_DOSSIERS").orElseThrow())
                .returns(Status.NOT_MET, Finding::status)
                .satisfies(finding -> assertThat(finding.message()).contains("đang giải quyết đã quá hạn"));
        assertThat(byId.get("xa-kim-quan").finding("SATISFACTION").orElseThrow())
                .returns(Status.MET, Finding::status)
                .returns(0.95, Finding::actual);
        assertThat(district.evaluations()).flatExtracting(Evaluation::findings)
                .filteredOn(finding -> finding.status() == Status.NO_DATA).hasSize(5);
    }

    @Test
    void a_data_set_with_a_wrong_figure_is_refused_naming_the_field(@TempDir Path dir) throws IOException {
        Path wrong = Files.writeString(dir.resolve("wrong.json"), Files.readString(DATA_SET)
                .replace("{\"surveyed\": 70, \"satisfied\": 70}", "{\"surveyed\": 70, \"satisfied\": 71}"));

        assertThatThrownBy(() -> EmbeddingExample.rankDistrict(library, wrong))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reports[1].satisfaction.satisfied");
    }

    @Test
    void a_missing_data_set_is_named_in_plain_words() {
        assertThatThrownBy(() -> EmbeddingExample.dataSet(new String[] {"khong-co.json"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Không thấy tệp dữ liệu khong-co.json");
    }
}
