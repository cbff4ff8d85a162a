package org.thidua.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule's decision on one title for a unit or one of its officials: a list of conditions, each held or
 * failed with the words and counts that explain it. The title is qualified for when every condition holds.
 *
 * <pre>{@code
 * judge.title($r)
 *      .moreThan("Lao động tiên tiến", $ldtt, $n, 0.5)
 *      .require($disciplined == 0, "Không ai bị kỷ luật từ cảnh cáo trở lên",
 *               $disciplined + " người bị kỷ luật từ cảnh cáo trở lên");
 * }</pre>
 */
public final class TitleJudgement {
    private record Condition(boolean held, String message) {
    }

    final UnitReport report;
    final Member member;
    final String title;
    final String rule;
    final int unitIndex;
    private final List<Condition> conditions = new ArrayList<>();
    private String noData;

    TitleJudgement(int unitIndex, UnitReport report, Member member, String title, String rule) {
        this.unitIndex = unitIndex;
        this.report = report;
        this.member = member;
        this.title = title;
        this.rule = rule;
    }

    /** A condition the rule states in its own words; an empty message is left out of the explanation. */
    public TitleJudgement require(boolean holds, String whenHeld, String whenFailed) {
        conditions.add(new Condition(holds, holds ? whenHeld : whenFailed));
        return this;
    }

    /**
     * Holds when {@code part / whole} is more than {@code share} (0.5 is 50%), compared on exact counts:
     * "7/12 Lao động tiên tiến = 58,33% > 50%". Nothing to count ({@code whole} = 0) fails.
     */
    public TitleJudgement moreThan(String what, long part, long whole, double share) {
        return compare(what, part, whole, share, true);
    }

    /** Holds when {@code part / whole} is at least {@code share} (0.7 is 70%), compared on exact counts. */
    public TitleJudgement atLeast(String what, long part, long whole, double share) {
        return compare(what, part, whole, share, false);
    }

    private TitleJudgement compare(String what, long part, long whole, double share, boolean strictly) {
        BigDecimal threshold = BigDecimal.valueOf(share);
        String target = VietnameseFormat.percent(threshold);
        if (whole == 0) {
            conditions.add(new Condition(false, "0/0 " + what + ": không có ai để tính tỷ lệ"));
            return this;
        }
        int comparison = BigDecimal.valueOf(part).compareTo(threshold.multiply(BigDecimal.valueOf(whole)));
        boolean held = strictly ? comparison > 0 : comparison >= 0;
        String figure = VietnameseFormat.count(part) + "/" + VietnameseFormat.count(whole) + " " + what + " = "
                + VietnameseFormat.percent(part, whole);
        String message = held
                ? figure + (strictly ? " > " : " ≥ ") + target
                : figure + (strictly ? ", cần trên " : ", cần từ ") + target + (strictly ? "" : " trở lên");
        conditions.add(new Condition(held, message));
        return this;
    }

    /**
     * A quota: at most {@code share × base} officials of the unit qualify, rounded down (15% of 12 is 1,8: one
     * official; below 1 nobody). The candidates, those who met every other condition, are put in the given
     * order, ties broken by the unit's report order; the official holds when their place is within the quota.
     * Only for an official's title.
     */
    public TitleJudgement withinQuota(double share, long base, String baseLabel, Collection<Member> candidates,
                                      MemberOrder... order) {
        if (member == null) {
            throw new EvaluationException("Luật " + rule + ": withinQuota chỉ dùng cho danh hiệu cá nhân, judge.title($r, $m)"
                    + " (withinQuota is for an official's title)");
        }
        long limit = quota(share, base);
        String basis = "hạn mức " + VietnameseFormat.percent(BigDecimal.valueOf(share)) + " × " + VietnameseFormat.count(base)
                + " " + baseLabel + " = " + VietnameseFormat.decimal(BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(base)), 4)
                + " → " + VietnameseFormat.count(limit) + " người (làm tròn xuống)";
        LinkedHashSet<MemberOrder> keys = new LinkedHashSet<>(Arrays.asList(order));
        keys.add(MemberOrder.REPORT_ORDER);
        Comparator<Member> comparator = keys.stream().map(k -> k.comparator(report)).reduce(Comparator::thenComparing).orElseThrow();
        List<Member> ranked = candidates.stream().distinct().sorted(comparator).toList();
        int place = ranked.indexOf(member) + 1;
        if (place == 0) {
            if (conditions.stream().allMatch(Condition::held)) {
                conditions.add(new Condition(false, "Không có trong danh sách xét theo hạn mức; " + basis));
            }
            return this;
        }
        String ordering = "thứ tự xét: " + keys.stream().map(MemberOrder::label).collect(Collectors.joining(", "));
        String placeText = "Xếp thứ " + place + "/" + ranked.size() + " người đủ điều kiện (" + ordering + "); " + basis;
        conditions.add(new Condition(place <= limit, place <= limit ? placeText + ": trong hạn mức" : placeText + ": ngoài hạn mức"));
        return this;
    }

    /** The title cannot be decided: the figures it needs were not reported. */
    public TitleJudgement noData(String message) {
        this.noData = message;
        return this;
    }

    /** {@code floor(share × base)}, computed exactly: 15% of 12 is 1, of 6 is 0, of 20 is 3. */
    static long quota(double share, long base) {
        return BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(base)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    boolean qualified() {
        return noData == null && conditions.stream().allMatch(Condition::held);
    }

    TitleResult toResult(String label) {
        Status status = noData != null ? Status.NO_DATA : qualified() ? Status.MET : Status.NOT_MET;
        String explanation = noData != null ? noData
                : conditions.isEmpty() ? "Đủ điều kiện" : conditions.stream().map(Condition::message)
                .filter(m -> m != null && !m.isBlank()).collect(Collectors.joining("; "));
        return new TitleResult(title, label, status, explanation, rule);
    }
}
