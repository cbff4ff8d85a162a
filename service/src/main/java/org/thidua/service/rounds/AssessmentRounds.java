package org.thidua.service.rounds;

import static org.thidua.service.rounds.RoundChecks.reason;
import static org.thidua.service.rounds.RoundChecks.scope;
import static org.thidua.service.rounds.RoundChecks.staffOnly;
import static org.thidua.service.rounds.RoundChecks.stored;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import org.thidua.core.RuleLibrary;
import org.thidua.core.RuleSet;
import org.thidua.service.Json;
import org.thidua.service.evaluate.EvaluateAndStore;
import org.thidua.service.sheets.SheetFormat;
import org.thidua.service.sheets.SheetFormatException;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.NewRequest;
import org.thidua.service.store.RoundStore;
import org.thidua.service.store.StoredEvaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The assessment round's use cases: open a round, a unit submits (and resubmits until the deadline), an appraiser
 * corrects a figure or rejects evidence with a reason, the officer closes and may reopen it. Every act is written with
 * its audit entry; every refusal is a {@link RoundException} (or the library's own, for a report it refuses) and
 * leaves nothing stored but, for a late submission, the refusal's entry.
 *
 * <p>Evaluations go through {@link EvaluateAndStore}, so a self-assessment and an appraisal are stored evaluations
 * like any other, with the rule-set version and the figures they were made from; each is stored in the transaction of
 * the round write that links it ({@link #evaluated}), so a write refused leaves none behind. Writes are serialised
 * here: a submission cannot slip in while the round closes. The unit's acts are in {@link Submissions}, the
 * appraiser's in {@link Appraisal}.
 */
public final class AssessmentRounds {
    private final Supplier<RuleLibrary> campaigns;
    private final EvaluationStore evaluations;
    private final RoundStore rounds;
    private final Supplier<Instant> clock;
    final Object writing = new Object();
    private final Submissions submissions;
    private final Appraisal appraisal;

    /** @param clock now, as deadlines are compared with it (the service passes {@code VietnamTime::now}) */
    public AssessmentRounds(Supplier<RuleLibrary> campaigns, EvaluationStore evaluations, RoundStore rounds, Supplier<Instant> clock) {
        this.campaigns = campaigns;
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.clock = clock;
        this.submissions = new Submissions(this, rounds, clock);
        this.appraisal = new Appraisal(this, evaluations, rounds, clock);
    }

    /** A unit's submission and its self-assessment, as the unit sees it at once. */
    public record Submitted(Submission submission, StoredEvaluation selfAssessment) {
    }

    /**
     * Opens a round of a campaign.
     *
     * @param units the units asked to submit; empty: those with an evaluation of the campaign stored
     */
    public Round open(String campaign, String period, String deadline, List<String> units, Actor actor) {
        staffOnly(actor, "mở kỳ đánh giá (open a round)");
        ruleSet(campaign);
        String periodProblem = RoundRequests.textProblem(period, RoundRequests.SHORT);
        if (periodProblem != null) {
            throw RoundException.invalid("period", periodProblem);
        }
        Instant due = RoundRequests.deadline(deadline);
        List<String> expected = RoundRequests.units(units.isEmpty()
                ? evaluations.latestPerUnit(campaign).stream().map(StoredEvaluation::unitId).toList() : units);
        synchronized (writing) {
            Instant now = clock.get();
            if (!due.isAfter(now)) {
                throw RoundException.invalid("deadline", "hạn nộp đã qua (the deadline has passed)");
            }
            for (Round existing : rounds.rounds(campaign)) {
                if (existing.period().equals(period.trim())) {
                    throw RoundException.conflict("Chiến dịch '" + campaign + "' đã có kỳ đánh giá " + existing.id() + " cho kỳ '"
                            + existing.period() + "'; mở lại kỳ đó nếu cần (a round of this period exists)");
                }
            }
            Round round = new Round(UUID.randomUUID().toString(), campaign, period.trim(), due, Round.Status.OPEN, expected, now,
                    actor.name(), null, null, null);
            return stored(() -> {
                rounds.open(round, AuditEntry.of(round.id(), now, actor.name(), AuditEntry.Action.OPENED, null,
                        "Mở kỳ '" + round.period() + "', hạn nộp " + Shown.vietnam(due) + ", " + expected.size() + " đơn vị", null));
                return round;
            });
        }
    }

    public Round round(String roundId) {
        return rounds.round(roundId).orElseThrow(() -> RoundException.notFound(
                "Không có kỳ đánh giá '" + roundId + "' (no such round)"));
    }

    public List<Round> rounds(String campaign) {
        ruleSet(campaign);
        return rounds.rounds(campaign);
    }

    /**
     * A unit submits its report (contract v1, one unit) with its evidence: {@code {"report": {...}, "evidence": [...]}}.
     * Refused after the deadline (the refusal is kept in the audit trail), in a closed round, for a unit the actor does
     * not speak for, or for a report the campaign refuses.
     */
    public Submitted submit(String roundId, String unitId, JsonNode body, Actor actor) {
        return submissions.submit(roundId, unitId, body, actor);
    }

    /**
     * A unit submits its row of the unit sheet (CSV, XLSX or ODS, the columns of the shipped template), without
     * evidence: the sheet must hold that unit's row and no other. Every bad cell is refused by row and column.
     *
     * @throws SheetFormatException when the body cannot be read as a sheet at all
     */
    public Submitted submitSheet(String roundId, String unitId, byte[] sheet, SheetFormat format, Actor actor)
            throws SheetFormatException {
        Round round = round(roundId);
        scope(round, unitId, actor);
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.set("report", UnitSheetRow.read(campaigns.get(), round.campaign(), unitId, sheet, format));
        return submit(roundId, unitId, body, actor);
    }

    /** An appraiser sets a figure of the unit's latest submission, with a reason; the unit is evaluated again. */
    public Correction correctFigure(String roundId, String unitId, String figure, JsonNode value, String reason, Actor actor) {
        return appraisal.correctFigure(roundId, unitId, figure, value, reason, actor);
    }

    /** An appraiser does not accept a piece of the latest submission's evidence, with a reason. */
    public Correction rejectEvidence(String roundId, String unitId, int position, String reason, Actor actor) {
        return appraisal.rejectEvidence(roundId, unitId, position, reason, actor);
    }

    /** Closes a round: its results become final, fixed to the evaluations (rule-set versions, figures) they stand on. */
    public Round close(String roundId, String reason, Actor actor) {
        staffOnly(actor, "đóng kỳ đánh giá (close a round)");
        synchronized (writing) {
            Round round = round(roundId);
            if (!round.isOpen()) {
                throw RoundException.conflict("Kỳ đánh giá " + roundId + " đã đóng (the round is closed already)");
            }
            List<UnitStanding> standings = rounds.standings(roundId);
            List<String> versions = new ArrayList<>();
            for (UnitStanding standing : standings) {
                String version = evaluations.find(standing.finalEvaluationId()).orElseThrow().ruleSetVersion();
                if (!versions.contains(version)) {
                    versions.add(version);
                }
            }
            Instant now = clock.get();
            Round closed = round.closed(now, actor.name(), String.join(", ", versions));
            return stored(() -> {
                rounds.close(round, closed, standings, AuditEntry.of(roundId, now, actor.name(), AuditEntry.Action.CLOSED, null,
                        "Đóng kỳ: " + standings.size() + " đơn vị, bộ luật " + closed.ruleSetVersions(), reason));
                return closed;
            });
        }
    }

    /**
     * Moves an open round's deadline, later (an extension) or earlier (brought forward, even to a time already past: the
     * submissions stop at once), with a reason in the audit trail. A closed round keeps the deadline it closed with.
     */
    public Round changeDeadline(String roundId, String deadline, String reason, Actor actor) {
        staffOnly(actor, "đổi hạn nộp (change the deadline)");
        Instant due = RoundRequests.deadline(deadline);
        reason(reason);
        synchronized (writing) {
            Round round = round(roundId);
            if (!round.isOpen()) {
                throw RoundException.conflict("Kỳ đánh giá " + roundId + " đã đóng; mở lại kỳ trước khi đổi hạn nộp"
                        + " (the round is closed: reopen it to change its deadline)");
            }
            Round moved = round.due(due);
            return stored(() -> {
                rounds.change(round, moved, AuditEntry.of(roundId, clock.get(), actor.name(), AuditEntry.Action.DEADLINE_CHANGED,
                        null, "Đổi hạn nộp từ " + Shown.vietnam(round.deadline()) + " thành " + Shown.vietnam(due), reason.trim()));
                return moved;
            });
        }
    }

    /** Reopens a closed round: an explicit act, with its reason in the audit trail. */
    public Round reopen(String roundId, String reason, Actor actor) {
        staffOnly(actor, "mở lại kỳ đánh giá (reopen a round)");
        synchronized (writing) {
            Round round = round(roundId);
            if (round.isOpen()) {
                throw RoundException.conflict("Kỳ đánh giá " + roundId + " đang mở (the round is open)");
            }
            reason(reason);
            Round reopened = round.reopened();
            return stored(() -> {
                rounds.change(round, reopened, AuditEntry.of(roundId, clock.get(), actor.name(), AuditEntry.Action.REOPENED, null,
                        "Mở lại kỳ đã đóng lúc " + Shown.vietnam(round.closedAt()), reason.trim()));
                return reopened;
            });
        }
    }

    /** A unit's submissions, corrections and standing; a unit's token reads only its own units, in open rounds. */
    public UnitRecord unit(String roundId, String unitId, Actor actor) {
        Round round = round(roundId);
        scope(round, unitId, actor);
        List<Submission> submissions = rounds.submissions(roundId, unitId);
        if (submissions.isEmpty() && !round.expectedUnits().contains(unitId)) {
            throw RoundException.notFound("Đơn vị '" + unitId + "' không thuộc kỳ đánh giá " + roundId + " (the unit is not in this round)");
        }
        UnitStanding standing = rounds.standings(roundId).stream().filter(s -> s.unitId().equals(unitId)).findFirst().orElse(null);
        return new UnitRecord(round, unitId, submissions, rounds.corrections(roundId, unitId),
                standing == null ? null : evaluations.find(standing.selfEvaluationId()).orElseThrow(),
                standing == null || standing.appraisedEvaluationId() == null ? null
                        : evaluations.find(standing.appraisedEvaluationId()).orElseThrow(),
                rounds.audit(roundId, unitId));
    }

    /** The round's results: each unit's self-assessment and appraisal, ranked by the one it stands on. */
    public RoundResults results(String roundId) {
        Round round = round(roundId);
        return RoundResults.of(round, rounds.standings(roundId), rounds.corrections(roundId, null), rounds.submissions(roundId, null),
                id -> evaluations.find(id).orElseThrow());
    }

    /** Each round of a campaign with its results, the latest opened first (for the staff page). */
    public List<RoundResults> overview(String campaign) {
        return rounds.rounds(campaign).stream().map(r -> results(r.id())).toList();
    }

    /** The audit trail of a round, or of one unit in it. */
    public List<AuditEntry> audit(String roundId, String unitId) {
        round(roundId);
        return rounds.audit(roundId, unitId);
    }

    /**
     * Evaluates a unit's {@code report} for the round and stores that evaluation together with the round's writes
     * {@code act} makes from it, in one transaction: a write refused because the round changed meanwhile (a conflict)
     * leaves no evaluation behind.
     */
    <T> T evaluated(Round round, JsonNode report, Actor actor, Function<StoredEvaluation, T> act) {
        ObjectNode request = Json.MAPPER.createObjectNode();
        request.put("campaign", round.campaign());
        request.putArray("reports").add(report);
        NewRequest evaluation = EvaluateAndStore.unstored(campaigns.get(), request, round.campaign(), actor.name());
        return stored(() -> rounds.withEvaluations(evaluation, saved -> act.apply(saved.evaluations().get(0))));
    }

    Round writable(String roundId, String unitId, Actor actor) {
        Round round = round(roundId);
        scope(round, unitId, actor);
        if (!round.isOpen()) {
            throw RoundException.conflict("Kỳ đánh giá " + roundId + " đã đóng lúc " + Shown.vietnam(round.closedAt())
                    + "; kết quả đã chốt (the round is closed: its results are final)");
        }
        return round;
    }

    RuleSet ruleSet(String campaign) {
        RuleLibrary library = campaigns.get();
        RuleSet ruleSet = library.ruleSets().get(campaign);
        if (ruleSet == null) {
            throw RoundException.notFound("Không có chiến dịch '" + campaign + "'; các chiến dịch: " + library.ruleSets().keySet()
                    + " (no such campaign)");
        }
        return ruleSet;
    }

    Submission latest(String roundId, String unitId) {
        List<Submission> submissions = rounds.submissions(roundId, unitId);
        if (submissions.isEmpty()) {
            throw RoundException.notFound("Đơn vị '" + unitId + "' chưa nộp báo cáo trong kỳ " + roundId + " (the unit has not submitted)");
        }
        return submissions.get(submissions.size() - 1);
    }
}
