package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The area's result on one of the plan's targets for the whole area ({@link Campaign.AreaTarget}): the figure over all
 * the units evaluated together, the target, and whether the area reaches it. It is worked out from the units'
 * findings on the target's criterion, so a result made now and one read back from the history (whose findings keep
 * their counts) give the same figure.
 *
 * <ul>
 * <li>{@link Basis#COUNTS}: every unit's finding is a share of two counts; the figure is Σ{@code part} / Σ{@code whole}
 * (9.613 of 10.000 surveyed, not the average of 33 units' percentages).</li>
 * <li>{@link Basis#UNITS}: the criterion is yes/no (or any figure that is not a share of counts); the figure is the
 * units that meet it of the units judged ("28 of 30 units").</li>
 * </ul>
 * Units the criterion does not apply to are left out; units without data for it are left out of the figure and
 * counted in {@code unitsWithoutData}.
 *
 * @param status           {@code MET} or {@code NOT_MET}, decided on the exact counts; {@code NO_DATA} when no unit
 *                         has data for the criterion
 * @param actual           the figure, a share 0–1 rounded to 5 decimals; {@code null} when there is nothing to count
 * @param target           the share the area must reach
 * @param part             Σ of the units' parts, or the units that meet the criterion
 * @param whole            Σ of the units' wholes, or the units judged
 * @param units            the units whose figure counts (judged, with data)
 * @param unitsWithoutData the units the criterion applies to that have no data for it
 * @param message          the result in words, in Vietnamese
 */
public record AreaFinding(
        String criterion,
        String title,
        Status status,
        Double actual,
        double target,
        Basis basis,
        long part,
        long whole,
        int units,
        int unitsWithoutData,
        String message) {

    /** What the figure counts: the counts of the units' shares, or the units themselves. */
    public enum Basis {
        COUNTS,
        UNITS
    }

    /**
     * The campaign's area scorecard over these evaluations, one finding per target in the order of campaign.yaml;
     * empty when the campaign declares no area target. The evaluations are read once, in order (a stored standing may
     * be streamed).
     */
    public static List<AreaFinding> of(Campaign campaign, Iterable<Evaluation> evaluations) {
        List<Campaign.AreaTarget> targets = campaign.area();
        if (targets.isEmpty()) {
            return List.of();
        }
        Sum[] sums = new Sum[targets.size()];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = new Sum();
        }
        for (Evaluation evaluation : evaluations) {
            for (int i = 0; i < sums.length; i++) {
                evaluation.finding(targets.get(i).criterion()).ifPresent(sums[i]::add);
            }
        }
        List<AreaFinding> scorecard = new ArrayList<>(targets.size());
        for (int i = 0; i < sums.length; i++) {
            scorecard.add(sums[i].finding(campaign, targets.get(i)));
        }
        return List.copyOf(scorecard);
    }

    /**
     * The result with the campaign's area scorecard; unchanged when the campaign declares no area target. The scorecard
     * is worked out when it is first read (the JSON writer, a report), as the units' findings are: a caller that reads
     * the units alone (one unit per call, say) never pays for the area's sums and messages.
     */
    static EvaluationResult attach(Campaign campaign, EvaluationResult result) {
        if (campaign.area().isEmpty()) {
            return result;
        }
        return new EvaluationResult(result.campaign(), result.ruleSetVersion(), result.evaluations(), result.commendations(),
                new Scorecard(campaign, result.evaluations()));
    }

    /** The area scorecard of evaluations, made when first read and then kept; immutable as a list. */
    static final class Scorecard extends AbstractList<AreaFinding> implements RandomAccess {
        private final Campaign campaign;
        private final List<Evaluation> evaluations;
        /** Racy on purpose, as {@link UnitFindings}: a scorecard made twice by two threads at once is the same value. */
        private List<AreaFinding> made;

        private Scorecard(Campaign campaign, List<Evaluation> evaluations) {
            this.campaign = campaign;
            this.evaluations = evaluations;
        }

        private List<AreaFinding> made() {
            List<AreaFinding> scorecard = made;
            if (scorecard == null) {
                scorecard = of(campaign, evaluations); // an immutable list: safe to publish without a lock
                made = scorecard;
            }
            return scorecard;
        }

        @Override
        public AreaFinding get(int index) {
            return made().get(index);
        }

        @Override
        public int size() {
            return campaign.area().size(); // one finding per target
        }
    }

    /** The figure as the scorecard shows it: {@code 96,13% (9.613/10.000)}, or {@code 28/30 đơn vị (93,33%)}. */
    @JsonIgnore
    public String figure() {
        if (status == Status.NO_DATA) {
            return "Chưa có số liệu";
        }
        if (whole == 0) {
            return "Không phát sinh";
        }
        String percent = VietnameseNumbers.percent(part, whole);
        return basis == Basis.COUNTS
                ? percent + " (" + VietnameseNumbers.count(part) + "/" + VietnameseNumbers.count(whole) + ")"
                : VietnameseNumbers.count(part) + "/" + VietnameseNumbers.count(whole) + " đơn vị (" + percent + ")";
    }

    /** The target as people write it: {@code 95%}. */
    @JsonIgnore
    public String targetText() {
        return VietnameseNumbers.percent(target);
    }

    /** The sums of one target's criterion over the units, read one finding at a time. */
    private static final class Sum {
        private long part;
        private long whole;
        private long unitsMet;
        private int units;
        private int withoutData;
        /** Whether a unit's figure is not a share of counts: the area then counts units. */
        private boolean notCounts;

        void add(Finding finding) {
            switch (finding.status()) {
                case NOT_APPLICABLE -> {
                    return;
                }
                case NO_DATA -> {
                    withoutData++;
                    return;
                }
                default -> units++;
            }
            if (finding.status() == Status.MET) {
                unitsMet++;
            }
            if (finding.part() != null && finding.whole() != null) {
                part += finding.part();
                whole += finding.whole();
            } else if (finding.actual() != null) { // a yes/no or a value; a share with nothing to count adds 0 of 0
                notCounts = true;
            }
        }

        AreaFinding finding(Campaign campaign, Campaign.AreaTarget target) {
            String title = target.title() != null ? target.title()
                    : campaign.criterion(target.criterion()).map(Campaign.Criterion::title).orElse(target.criterion());
            Basis basis = notCounts ? Basis.UNITS : Basis.COUNTS;
            long p = notCounts ? unitsMet : part;
            long w = notCounts ? units : whole;
            String targetText = VietnameseFormat.percent(target.target());
            String missing = withoutData == 0 ? ""
                    : "; " + VietnameseNumbers.count(withoutData) + " đơn vị chưa có số liệu, không tính";
            if (units == 0) {
                return new AreaFinding(target.criterion(), title, Status.NO_DATA, null, target.target().doubleValue(), basis, 0, 0, 0,
                        withoutData, "Chưa có số liệu của đơn vị nào (no unit has data)");
            }
            if (w == 0) { // nothing to count anywhere: met, as a unit with nothing to count is
                return new AreaFinding(target.criterion(), title, Status.MET, null, target.target().doubleValue(), basis, 0, 0, units,
                        withoutData, "Không phát sinh trong kỳ trên cả địa bàn: coi như đạt" + missing);
            }
            boolean met = BigDecimal.valueOf(p).compareTo(target.target().multiply(BigDecimal.valueOf(w))) >= 0;
            String counted = basis == Basis.COUNTS
                    ? "Cả địa bàn (" + VietnameseNumbers.count(units) + " đơn vị): " + VietnameseNumbers.count(p) + "/"
                            + VietnameseNumbers.count(w) + " = " + VietnameseNumbers.percent(p, w)
                    : VietnameseNumbers.count(p) + "/" + VietnameseNumbers.count(w) + " đơn vị đạt = " + VietnameseNumbers.percent(p, w);
            double shown = BigDecimal.valueOf(p).divide(BigDecimal.valueOf(w), 5, RoundingMode.HALF_UP).doubleValue();
            return new AreaFinding(target.criterion(), title, met ? Status.MET : Status.NOT_MET, shown, target.target().doubleValue(),
                    basis, p, w, units, withoutData,
                    counted + ", " + (met ? "đạt" : "chưa đạt") + " chỉ tiêu " + targetText + missing);
        }
    }
}
