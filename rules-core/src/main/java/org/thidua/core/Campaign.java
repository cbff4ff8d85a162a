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
        List<Title> titles) {

    public Campaign {
        unitKinds = Set.copyOf(unitKinds);
        indicators = List.copyOf(indicators);
        criteria = List.copyOf(criteria);
        grades = List.copyOf(grades);
        memberCriteria = memberCriteria == null ? List.of() : List.copyOf(memberCriteria);
        titles = titles == null ? List.of() : List.copyOf(titles);
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
    public record Criterion(String id, String title, double points, Set<UnitKind> appliesTo, boolean countsNoData) {
        public Criterion {
            appliesTo = Set.copyOf(appliesTo);
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

    /** A grade: reached with a score of at least {@code minScore} (out of 100). */
    public record GradeBand(String code, String label, double minScore) {
    }
}
