package org.thidua.core.compile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.thidua.core.UnitKind;

/**
 * One criterion as a row of the criteria sheet says it, checked: what is judged ({@link Measure}), how it is scored
 * ({@link Method}), its target and points. {@link CriteriaDrl} turns it into a rule.
 *
 * @param place      where the row is, to report a problem of the DRL it became ({@code criteria.xlsx!A7})
 * @param target     the target or condition, {@code null} when the method needs none
 * @param pointsEach for a bonus or penalty: points per unit of the measure (capped at {@code points}); {@code null}
 *                   for the whole {@code points} when the condition holds
 * @param rule       the name results give the row's rule ({@code criteria/on-time.drl: ON_TIME_DOSSIERS}), kept when a
 *                   criterion moves from hand-written DRL into the sheet; {@code null} for the sheet's own
 *                   ({@code criteria.csv: ON_TIME_DOSSIERS})
 */
record CriterionRow(
        String id,
        String group,
        String title,
        Measure measure,
        Method method,
        Target target,
        List<Band> bands,
        BigDecimal points,
        BigDecimal pointsEach,
        Set<UnitKind> appliesTo,
        boolean countsNoData,
        String whenMet,
        String whenNotMet,
        String whenEmpty,
        String noDataMessage,
        String rule,
        SheetPlace place) {

    /** How a row is scored; each spelt in Vietnamese as staff write it, or in English. */
    enum Method {
        THRESHOLD("ngưỡng", "threshold"),
        PROPORTIONAL("tỷ lệ", "proportional"),
        BANDS("mức", "bands"),
        YES_NO("có/không", "yes/no"),
        BONUS("cộng điểm", "bonus"),
        PENALTY("trừ điểm", "penalty");

        final String vietnamese;
        final String english;

        Method(String vietnamese, String english) {
            this.vietnamese = vietnamese;
            this.english = english;
        }

        static String spellings() {
            StringBuilder all = new StringBuilder();
            for (Method m : values()) {
                all.append(all.isEmpty() ? "" : ", ").append(m.vietnamese);
            }
            return all.toString();
        }
    }

    /**
     * What a row judges.
     *
     * @param kind      a share of two counts, a number, or yes/no
     * @param name      as written: {@code satisfaction}, {@code indicators.digitizedShare}, {@code indicators.a / indicators.b}
     * @param indicator the indicator read, or the part of a ratio of two indicators; {@code null} for a report field
     * @param whole     the whole of a ratio of two indicators, else {@code null}
     */
    record Measure(Kind kind, String name, String indicator, String whole) {
        enum Kind { SHARE, NUMBER, YES_NO }

        boolean isShare() {
            return kind == Kind.SHARE;
        }
    }

    /** A target: the figure is compared with {@code value} (a share as 0 to 1), at least or at most. */
    record Target(boolean atMost, BigDecimal value, boolean share) {
    }

    /** A band of {@code mức}: a figure of at least {@code threshold} earns {@code shareOfPoints} of the points. */
    record Band(BigDecimal threshold, BigDecimal shareOfPoints) {
    }
}
