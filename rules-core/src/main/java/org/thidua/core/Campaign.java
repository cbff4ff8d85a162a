package org.thidua.core;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a campaign's {@code campaign.yaml} declares: who is evaluated, on which criteria worth how many points,
 * which extra indicators units may report, the grade bands, and (optionally) the criteria for individual
 * officials and the titles the campaign proposes.
 */
public record Campaign(
        String id,
        String title,
        String legalBasis,
        LocalDate periodFrom,
        LocalDate periodTo,
        Set<UnitKind> unitKinds,
        List<Indicator> indicators,
        List<Criterion> criteria,
        List<GradeBand> grades,
        List<MemberCriterion> memberCriteria,
        List<Title> titles,
        BonusPenalty bonusPenalty,
        List<RankingGroup> rankingGroups,
        GradeCap gradeCap,
        List<AreaTarget> area) {

    public Campaign {
        area = area == null ? List.of() : List.copyOf(area);
        bonusPenalty = bonusPenalty == null ? BonusPenalty.SCALED : bonusPenalty;
        rankingGroups = rankingGroups == null ? List.of() : List.copyOf(rankingGroups);
        unitKinds = Set.copyOf(unitKinds);
        indicators = List.copyOf(indicators);
        criteria = List.copyOf(criteria);
        grades = List.copyOf(grades);
        memberCriteria = memberCriteria == null ? List.of() : List.copyOf(memberCriteria);
        titles = titles == null ? List.of() : List.copyOf(titles);
    }

    /** A campaign without targets for the whole area. */
    public Campaign(String id, String title, String legalBasis, LocalDate periodFrom, LocalDate periodTo,
                    Set<UnitKind> unitKinds, List<Indicator> indicators, List<Criterion> criteria, List<GradeBand> grades,
                    List<MemberCriterion> memberCriteria, List<Title> titles, BonusPenalty bonusPenalty,
                    List<RankingGroup> rankingGroups, GradeCap gradeCap) {
        this(id, title, legalBasis, periodFrom, periodTo, unitKinds, indicators, criteria, grades, memberCriteria, titles,
                bonusPenalty, rankingGroups, gradeCap, List.of());
    }

    /** A campaign whose bonus and penalty points are scaled with the score ({@link BonusPenalty#SCALED}). */
    public Campaign(String id, String title, String legalBasis, LocalDate periodFrom, LocalDate periodTo,
                    Set<UnitKind> unitKinds, List<Indicator> indicators, List<Criterion> criteria, List<GradeBand> grades,
                    List<MemberCriterion> memberCriteria, List<Title> titles) {
        this(id, title, legalBasis, periodFrom, periodTo, unitKinds, indicators, criteria, grades, memberCriteria, titles,
                BonusPenalty.SCALED, List.of(), null);
    }

    /** The same campaign with other criteria (a criteria sheet's added to those of campaign.yaml). */
    public Campaign withCriteria(List<Criterion> otherCriteria) {
        return new Campaign(id, title, legalBasis, periodFrom, periodTo, unitKinds, indicators, otherCriteria, grades,
                memberCriteria, titles, bonusPenalty, rankingGroups, gradeCap, area);
    }

    /** The same campaign with targets for the whole area ({@code area:} in campaign.yaml). */
    public Campaign withArea(List<AreaTarget> targets) {
        return new Campaign(id, title, legalBasis, periodFrom, periodTo, unitKinds, indicators, criteria, grades,
                memberCriteria, titles, bonusPenalty, rankingGroups, gradeCap, targets);
    }

    /** Whether any criterion belongs to a group (lĩnh vực): results then carry each group's subtotal. */
    public boolean hasGroups() {
        return criteria.stream().anyMatch(c -> c.group() != null);
    }

    /** A campaign of units only: no individual criteria, no titles. */
    public Campaign(String id, String title, String legalBasis, LocalDate periodFrom, LocalDate periodTo,
                    Set<UnitKind> unitKinds, List<Indicator> indicators, List<Criterion> criteria, List<GradeBand> grades) {
        this(id, title, legalBasis, periodFrom, periodTo, unitKinds, indicators, criteria, grades, List.of(), List.of());
    }

    public Optional<MemberCriterion> memberCriterion(String criterionId) {
        return memberCriteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    public Optional<Title> title(String titleId) {
        return titles.stream().filter(t -> t.id().equals(titleId)).findFirst();
    }

    public Optional<Criterion> criterion(String criterionId) {
        return criteria.stream().filter(c -> c.id().equals(criterionId)).findFirst();
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }

    public Optional<GradeBand> grade(String code) {
        return grades.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /**
     * A criterion of the campaign.
     *
     * @param appliesTo    the unit kinds it applies to; other kinds get {@link Status#NOT_APPLICABLE}
     * @param countsNoData whether a unit with no data for it still has its points in the maximum (and so earns
     *                     nothing for them), or has the criterion left out of its maximum, the rest rescaled
     */
    public record Criterion(String id, String title, double points, Set<UnitKind> appliesTo, boolean countsNoData,
                            String group, Kind kind, Shown shown) {
        public Criterion {
            appliesTo = Set.copyOf(appliesTo);
            group = group == null || group.isBlank() ? null : group.strip();
            kind = kind == null ? Kind.CRITERION : kind;
            shown = shown == null ? Shown.MARK : shown;
        }

        /** A criterion in no group, scored as a criterion, shown met or not. */
        public Criterion(String id, String title, double points, Set<UnitKind> appliesTo, boolean countsNoData) {
            this(id, title, points, appliesTo, countsNoData, null, Kind.CRITERION, Shown.MARK);
        }

        /**
         * How tables and reports show a unit's result on the criterion: met or not (✓/✗), the points earned of the
         * points it is worth ({@code 9,3/15}, for proportional and banded criteria), or Có/Không (yes/no criteria).
         */
        public enum Shown {
            MARK,
            POINTS,
            YES_NO
        }

        /**
         * What a criterion is: one of the campaign's criteria (counted in "met n/m" and shown ✓/✗), or a bonus or a
         * penalty, outside the maximum and outside that count: its points are added or taken off.
         */
        public enum Kind {
            CRITERION,
            BONUS,
            PENALTY
        }

        /** A bonus or a penalty: outside the count of criteria met. */
        public boolean isBonusOrPenalty() {
            return kind != Kind.CRITERION;
        }

        public boolean appliesTo(UnitKind kind) {
            return appliesTo.contains(kind);
        }
    }

    /** An extra named figure units may report under {@code indicators}, with its allowed range. */
    public record Indicator(String id, String title, java.math.BigDecimal min, java.math.BigDecimal max) {
    }

    /** A criterion for individual officials; {@code appliesTo} the roles it concerns. It earns no points. */
    public record MemberCriterion(String id, String title, Set<MemberRole> appliesTo) {
        public MemberCriterion {
            appliesTo = Set.copyOf(appliesTo);
        }

        public boolean appliesTo(MemberRole role) {
            return appliesTo.contains(role);
        }
    }

    /**
     * A title or commendation the campaign proposes ({@code Lao động tiên tiến}, {@code Tập thể lao động xuất
     * sắc}…), for a unit as a whole or for individual officials. The rules decide who qualifies.
     */
    public record Title(String id, String label, Subject subject) {
        /** Who receives the title. */
        public enum Subject {
            /** The unit as a collective (tập thể). */
            UNIT,
            /** An individual official (cá nhân). */
            MEMBER
        }
    }

    /**
     * How bonus and penalty points reach the score. {@code SCALED} (the default): they are added to the points earned,
     * and the score is 100 × earned / maximum, so they scale with the maximum like any point. {@code RAW}: the score of
     * the criteria is worked out first, and the bonus and penalty points are added to it as they are (a bonus of 3
     * adds 3 to the score out of 100, whatever the maximum).
     */
    public enum BonusPenalty {
        SCALED,
        RAW
    }

    /**
     * Units ranked apart from the others (agencies apart from communes and wards, as councils do): each unit's rank is
     * among the units of its group evaluated together.
     */
    public record RankingGroup(String id, String label, Set<UnitKind> unitKinds) {
        public RankingGroup {
            unitKinds = Set.copyOf(unitKinds);
        }
    }

    /**
     * A cap on a grade: at most {@code share} of the units of each ranking group (of all units without groups), rounded
     * down, keep {@code grade}; the best ranked keep it, the others get the next grade. Units tied at the cut keep it
     * only if all of them fit; otherwise all of them get the next grade (the cap is never exceeded).
     */
    public record GradeCap(String grade, java.math.BigDecimal share) {
    }

    /**
     * A target the plan sets for the whole area (the district: "mức độ hài lòng … của Huyện đạt tối thiểu 95%"), while
     * each unit is judged on its own criterion. Its figure is worked out over all the units evaluated together, from the
     * same counts as the criterion: the sum of the parts over the sum of the wholes (not an average of the units'
     * shares); for a criterion that is not a share of counts (yes/no), the units that meet it of the units judged.
     *
     * @param criterion the criterion whose figures are summed
     * @param title     what the scorecard shows (by default the criterion's title)
     * @param target    the share the area must reach, 0 to 1 (95% is 0.95)
     */
    public record AreaTarget(String criterion, String title, java.math.BigDecimal target) {
    }

    /** A grade: reached with a score of at least {@code minScore} (out of 100). */
    public record GradeBand(String code, String label, double minScore) {
    }
}
