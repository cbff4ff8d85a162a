package org.thidua.service.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.thidua.core.Ranks;
import org.thidua.service.store.StoredEvaluation;

/** The campaign-wide order: rank, then units that tie by name in Vietnamese order, then by id. */
class RankingOrderTest {
    private static final List<String> NAMES = List.of("UBND xã Đông Xuân", "UBND xã Dương Liễu", "UBND xã Ân Thi",
            "UBND xã An Khánh", "UBND xã Ấp Bắc", "UBND xã Ô Diên", "UBND xã Ơn Hòa", "UBND xã Yên Bình", "UBND xã Tân Xã",
            "UBND xã Tấn Lập", "UBND xã Thạch Hòa", "UBND xã Đồng Trúc", "ubnd xã an khánh", "UBND xã Hạ Bằng");

    @Test
    void ties_are_listed_by_name_in_vietnamese_order_then_by_id_as_the_collator_orders_them() {
        Random random = new Random(16);
        List<StoredEvaluation> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            double points = random.nextInt(5); // few values: many ties
            rows.add(row("u" + random.nextInt(100_000), NAMES.get(random.nextInt(NAMES.size())), points));
        }

        List<Ranking.Place> ranked = Ranking.rank(rows);

        Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
        List<Ranking.Place> expected = new ArrayList<>(ranked);
        expected.sort(Comparator.comparingInt(Ranking.Place::rank)
                .thenComparing((a, b) -> vietnamese.compare(a.evaluation().unitName(), b.evaluation().unitName()))
                .thenComparing(p -> p.evaluation().unitId()));
        assertThat(ranked).hasSize(3_000).containsExactlyElementsOf(expected);
        assertThat(ranked.get(0).rank()).isEqualTo(1);
        assertThat(ranked.get(0).evaluation().points()).isEqualTo(4.0);
        // Vietnamese order, not the order of the characters' codes: "Ân" and "Ấp" right after "An", "Đ" after "D"
        List<String> topNames = ranked.stream().filter(p -> p.rank() == 1).map(p -> p.evaluation().unitName()).distinct().toList();
        assertThat(topNames.indexOf("UBND xã Đông Xuân")).isGreaterThan(topNames.indexOf("UBND xã Dương Liễu"));
        assertThat(topNames.indexOf("UBND xã Ân Thi")).isLessThan(topNames.indexOf("UBND xã Dương Liễu"));
    }

    @Test
    void the_ranks_over_distinct_points_are_those_of_the_library_rule_over_every_unit() {
        Random random = new Random(17);
        // equal ratios from different pairs (1/2, 2/4, 50/100), nothing possible (0 of 0, scoring zero as 0/4 does), -0.0
        double[][] pairs = {{1, 2}, {2, 4}, {50, 100}, {0, 0}, {3, 0}, {0, 4}, {-0.0, 4}, {4, 4}, {0.1, 0.3}, {1, 3}, {7.5, 10}};
        for (int size : new int[] {0, 1, 2, 17, 5_000}) {
            List<StoredEvaluation> rows = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                double[] pair = pairs[random.nextInt(pairs.length)];
                rows.add(row("u" + i, NAMES.get(random.nextInt(NAMES.size())), pair[0], pair[1]));
            }

            int[] expected = Ranks.byPoints(rows.stream().map(r -> BigDecimal.valueOf(r.points())).toList(),
                    rows.stream().map(r -> BigDecimal.valueOf(r.maxPoints())).toList());

            assertThat(Ranking.ranks(rows)).as("%d units", size).containsExactly(expected);
        }
    }

    private static StoredEvaluation row(String unitId, String unitName, double points) {
        return row(unitId, unitName, points, 4);
    }

    private static StoredEvaluation row(String unitId, String unitName, double points, double maxPoints) {
        return new StoredEvaluation(unitId + "-" + unitName.hashCode(), "r", "c", "v1", unitId, unitName, "COMMUNE", "{}", "{}",
                points * 25, points, maxPoints, "A", 1, Instant.EPOCH, "test");
    }
}
