package org.thidua.service.rounds;

import java.time.Instant;
import java.util.List;

/**
 * A round of assessment (kỳ đánh giá) of a campaign: units submit their figures for {@code period} until
 * {@code deadline}, appraisers correct them, the officer closes it. Closed, its results are final.
 *
 * @param expectedUnits    the units asked to submit (their ids), for the list of who has and has not
 * @param closedAt         the last close, {@code null} until the round is first closed
 * @param ruleSetVersions  the rule-set versions the final results were computed with (at the last close)
 */
public record Round(String id, String campaign, String period, Instant deadline, Status status, List<String> expectedUnits,
                    Instant openedAt, String openedBy, Instant closedAt, String closedBy, String ruleSetVersions) {
    public enum Status { OPEN, CLOSED }

    public Round {
        expectedUnits = List.copyOf(expectedUnits);
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    /** Whether a submission made at {@code now} comes after the deadline (instants: the same in every zone). */
    public boolean isLate(Instant now) {
        return now.isAfter(deadline);
    }

    Round closed(Instant at, String by, String versions) {
        return new Round(id, campaign, period, deadline, Status.CLOSED, expectedUnits, openedAt, openedBy, at, by, versions);
    }

    Round due(Instant newDeadline) {
        return new Round(id, campaign, period, newDeadline, status, expectedUnits, openedAt, openedBy, closedAt, closedBy,
                ruleSetVersions);
    }

    Round reopened() {
        return new Round(id, campaign, period, deadline, Status.OPEN, expectedUnits, openedAt, openedBy, closedAt, closedBy,
                ruleSetVersions);
    }
}
