package org.thidua.core;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One unit's result: its findings, score out of 100, grade and rank among the units evaluated together.
 *
 * @param grade   the code of the campaign's grade band (for example {@code HOAN_THANH_TOT}); its label is in
 *                {@link Campaign#grades()}
 * @param members each reported official's result; {@code null} when the request carried no members at all
 *                (then the JSON is exactly contract v1 as first published)
 * @param titles  the collective titles of the campaign, qualified or not; {@code null} when the request carried
 *                no members
 * @param rankingGroup the ranking group the unit is ranked in (its rank is among that group's units); {@code null}
 *                when the campaign ranks all units together
 * @param gradeNote why the unit's grade is not the one its score reaches (a cap on the top grade), else {@code null}
 * @param groups  each group's subtotal (the groups, lĩnh vực, of the campaign's criteria, in their order); {@code null}
 *                when the campaign's criteria have no groups (then the JSON is exactly contract v1 as before)
 * @param points    the points earned over the criteria that count, summed exactly as the score was worked out
 *                  (so no one sums the findings' {@code double}s again); {@code null} when not known. Neither it
 *                  nor {@code maxPoints} is in contract v1's JSON (whose bytes are pinned), so an evaluation read
 *                  back from JSON has none.
 * @param maxPoints the points possible over the criteria that count (not applicable criteria, and criteria the
 *                  campaign leaves out when a unit has no data, are not counted); {@code null} when not known
 */
public record Evaluation(
        String unitId,
        String unitName,
        UnitKind kind,
        double score,
        String grade,
        int rank,
        List<Finding> findings,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MemberResult> members,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<TitleResult> titles,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<GroupTotal> groups,
        @JsonInclude(JsonInclude.Include.NON_NULL) String rankingGroup,
        @JsonInclude(JsonInclude.Include.NON_NULL) String gradeNote,
        @JsonIgnore BigDecimal points,
        @JsonIgnore BigDecimal maxPoints) {

    public Evaluation {
        findings = findings instanceof UnitFindings made ? made : List.copyOf(findings); // immutable already; copying would make every message
        groups = groups == null ? null : List.copyOf(groups);
        members = members == null ? null : List.copyOf(members);
        titles = titles == null ? null : List.copyOf(titles);
        points = plain(points);
        maxPoints = plain(maxPoints);
    }

    /** An evaluation without group subtotals, ranking group or grade note, whose points are not known. */
    public Evaluation(String unitId, String unitName, UnitKind kind, double score, String grade, int rank, List<Finding> findings,
                      List<MemberResult> members, List<TitleResult> titles) {
        this(unitId, unitName, kind, score, grade, rank, findings, members, titles, null, null, null, null, null);
    }

    /** An evaluation without group subtotals, ranking group or grade note, with its exact points. */
    public Evaluation(String unitId, String unitName, UnitKind kind, double score, String grade, int rank, List<Finding> findings,
                      List<MemberResult> members, List<TitleResult> titles, BigDecimal points, BigDecimal maxPoints) {
        this(unitId, unitName, kind, score, grade, rank, findings, members, titles, null, null, null, points, maxPoints);
    }

    /** The same evaluation with its groups' subtotals. */
    public Evaluation withGroups(List<GroupTotal> subtotals) {
        return new Evaluation(unitId, unitName, kind, score, grade, rank, findings, members, titles, subtotals, rankingGroup,
                gradeNote, points, maxPoints);
    }

    /** The same evaluation ranked within its ranking group, its grade capped (with why), or not. */
    Evaluation withRanking(int groupRank, String cappedGrade, String group, String note) {
        return new Evaluation(unitId, unitName, kind, score, cappedGrade, groupRank, findings, members, titles, groups, group,
                note, points, maxPoints);
    }

    /** An evaluation of the unit alone, without members or titles, whose points are not known. */
    public Evaluation(String unitId, String unitName, UnitKind kind, double score, String grade, int rank, List<Finding> findings) {
        this(unitId, unitName, kind, score, grade, rank, findings, null, null);
    }

    /** One way to write each number (10, 10.5; not 10.0 or 1E+1), so equal points make equal evaluations. */
    private static BigDecimal plain(BigDecimal points) {
        if (points == null || points.scale() == 0) {
            return points;
        }
        BigDecimal stripped = points.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The result of one of the unit's officials. */
    public java.util.Optional<MemberResult> member(String memberId) {
        return members == null ? java.util.Optional.empty()
                : members.stream().filter(m -> m.memberId().equals(memberId)).findFirst();
    }

    /** The unit's result for a collective title. */
    public java.util.Optional<TitleResult> title(String titleId) {
        return titles == null ? java.util.Optional.empty()
                : titles.stream().filter(t -> t.title().equals(titleId)).findFirst();
    }

    /** The finding for a criterion id, if the campaign has that criterion. */
    public java.util.Optional<Finding> finding(String criterion) {
        return findings.stream().filter(f -> f.criterion().equals(criterion)).findFirst();
    }
}
