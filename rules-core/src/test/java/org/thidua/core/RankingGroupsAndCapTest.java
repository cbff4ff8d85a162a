package org.thidua.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.thidua.core.Fixtures.agency;
import static org.thidua.core.Fixtures.commune;
import static org.thidua.core.Fixtures.withIndicator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agencies ranked apart from communes; at most 20% of each ranking group (rounded down) keep the top grade. */
class RankingGroupsAndCapTest {
    private static final String YAML = """
            id: xep-hang
            title: Thử xếp hạng
            unitKinds: [AGENCY, COMMUNE, WARD, SPECIAL_ZONE]
            indicators:
              - {id: digitizedShare, title: Tỷ lệ số hóa, min: 0, max: 1}
            grades:
              - {code: XUAT_SAC, label: Hoàn thành xuất sắc, minScore: 90}
              - {code: TOT, label: Hoàn thành tốt, minScore: 70}
              - {code: CHUA, label: Chưa hoàn thành, minScore: 0}
            rankingGroups:
              - {id: CO_QUAN, label: Cơ quan chuyên môn, unitKinds: [AGENCY]}
              - {id: CAP_XA, label: "Xã, phường, đặc khu", unitKinds: [COMMUNE, WARD, SPECIAL_ZONE]}
            gradeCap: {grade: XUAT_SAC, share: 20%}
            """;
    private static final String SHEET = """
            Mã,Tiêu chí,Số liệu,Cách chấm,Điểm tối đa
            DIGITIZED,Số hóa,indicators.digitizedShare,tỷ lệ,100
            """;

    @TempDir
    Path root;

    private RuleSet rules() throws IOException {
        Path folder = root.resolve("xep-hang");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("campaign.yaml"), YAML);
        Files.writeString(folder.resolve("criteria.csv"), SHEET);
        return RuleSet.load(folder);
    }

    private static UnitReport unit(UnitReport report, String share) {
        return withIndicator(report, "digitizedShare", share);
    }

    @Test
    void each_unit_is_ranked_within_its_group_and_the_top_grade_is_capped_with_the_reason() throws IOException {
        EvaluationResult result = rules().evaluate(List.of(
                unit(agency("a1"), "0.9"), unit(commune("x1"), "1"), unit(commune("x2"), "0.98"), unit(agency("a2"), "1"),
                unit(commune("x3"), "0.95"), unit(commune("x4"), "0.95"),
                unit(UnitReport.of(new Unit("dk", "UBND đặc khu Cồn Cỏ", UnitKind.SPECIAL_ZONE)), "0.5")));

        Evaluation x1 = result.evaluation("x1").orElseThrow();
        Evaluation x2 = result.evaluation("x2").orElseThrow();
        Evaluation x3 = result.evaluation("x3").orElseThrow();
        assertThat(x1.rank()).isEqualTo(1);
        assertThat(x1.rankingGroup()).isEqualTo("CAP_XA");
        assertThat(x1.grade()).as("one of five communes, 20%, keeps it").isEqualTo("XUAT_SAC");
        assertThat(x1.gradeNote()).isNull();
        assertThat(x2.grade()).isEqualTo("TOT");
        assertThat(x2.gradeNote()).startsWith("Điểm đạt mức Hoàn thành xuất sắc nhưng chỉ 20% số đơn vị của nhóm Xã, phường, đặc khu"
                + " (1 trên 5 đơn vị, làm tròn xuống) được Hoàn thành xuất sắc; đơn vị xếp hạng 2 nên được Hoàn thành tốt");
        assertThat(x3.gradeNote()).contains("đồng hạng tại ngưỡng");
        assertThat(result.evaluation("dk").orElseThrow().rank()).isEqualTo(5);
        Evaluation a2 = result.evaluation("a2").orElseThrow();
        assertThat(a2.rank()).as("agencies are ranked apart").isEqualTo(1);
        assertThat(a2.rankingGroup()).isEqualTo("CO_QUAN");
        assertThat(a2.grade()).as("20% of 2 agencies rounds down to none").isEqualTo("TOT");
    }

    @Test
    void a_tie_at_the_cut_that_fits_keeps_the_grade() throws IOException {
        EvaluationResult result = rules().evaluate(List.of(unit(commune("x1"), "1"), unit(commune("x2"), "1"),
                unit(commune("x3"), "0.5"), unit(commune("x4"), "0.5"), unit(commune("x5"), "0.5"),
                unit(commune("x6"), "0.5"), unit(commune("x7"), "0.5"), unit(commune("x8"), "0.5"),
                unit(commune("x9"), "0.5"), unit(commune("x10"), "0.5")));

        assertThat(result.evaluations()).filteredOn(e -> e.grade().equals("XUAT_SAC")).extracting(Evaluation::unitId)
                .containsExactly("x1", "x2");
    }
}
