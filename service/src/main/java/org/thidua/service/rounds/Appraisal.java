package org.thidua.service.rounds;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.thidua.service.Json;
import org.thidua.service.store.EvaluationStore;
import org.thidua.service.store.RoundStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The appraiser's acts on a unit of an open round ({@link AssessmentRounds#correctFigure},
 * {@link AssessmentRounds#rejectEvidence}): always on the unit's latest submission, always with a reason. A figure
 * correction re-evaluates the latest submission's report with every earlier correction of it and this one; that
 * evaluation is the unit's appraised result.
 */
final class Appraisal {
    private final AssessmentRounds owner;
    private final EvaluationStore evaluations;
    private final RoundStore rounds;
    private final Supplier<Instant> clock;

    Appraisal(AssessmentRounds owner, EvaluationStore evaluations, RoundStore rounds, Supplier<Instant> clock) {
        this.owner = owner;
        this.evaluations = evaluations;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** An appraiser sets a figure of the unit's latest submission, with a reason; the unit is evaluated again. */
    Correction correctFigure(String roundId, String unitId, String figure, JsonNode value, String reason, Actor actor) {
        RoundChecks.staffOnly(actor, "thẩm định (appraise)");
        synchronized (owner.writing) {
            Round round = owner.writable(roundId, unitId, actor);
            RoundChecks.reason(reason);
            Submission latest = owner.latest(roundId, unitId);
            List<Correction> earlier = figureCorrections(roundId, unitId, latest);
            ObjectNode report = (ObjectNode) Json.read(evaluations.find(latest.evaluationId()).orElseThrow().reportJson());
            earlier.forEach(c -> Figures.set(report, c.figure(), Json.read(c.newValue())));
            String problem = Figures.problem(report, figure, value);
            if (problem != null) {
                throw RoundException.invalid(problem.startsWith("giá trị") ? "value" : "figure", problem);
            }
            String old = Json.write(Figures.read(report, figure));
            Figures.set(report, figure, value);
            Instant now = clock.get();
            int number = corrections(roundId, unitId) + 1;
            return owner.evaluated(round, report, actor, appraised -> rounds.correct(round, new Correction(UUID.randomUUID().toString(),
                    roundId, unitId, number, Correction.Kind.FIGURE, latest.id(), figure, old, Json.write(value), null, reason.trim(),
                    now, actor.name(), appraised.id()), new UnitStanding(roundId, unitId, latest.evaluationId(), appraised.id()),
                    AuditEntry.of(roundId, now, actor.name(), AuditEntry.Action.CORRECTED, unitId, "Sửa " + figure + ": " + old + " → "
                            + Json.write(value) + "; điểm thẩm định " + Shown.score(appraised), reason.trim())));
        }
    }

    /** An appraiser does not accept a piece of the latest submission's evidence, with a reason. */
    Correction rejectEvidence(String roundId, String unitId, int position, String reason, Actor actor) {
        RoundChecks.staffOnly(actor, "thẩm định (appraise)");
        synchronized (owner.writing) {
            Round round = owner.writable(roundId, unitId, actor);
            RoundChecks.reason(reason);
            Submission latest = owner.latest(roundId, unitId);
            if (position < 0 || position >= latest.evidence().size()) {
                throw RoundException.invalid("evidence", "lần nộp " + latest.number() + " có " + latest.evidence().size()
                        + " tài liệu minh chứng, đánh số từ 0; không có số " + position + " (no such evidence)");
            }
            UnitStanding standing = standing(roundId, unitId);
            Evidence rejected = latest.evidence().get(position);
            Instant now = clock.get();
            Correction correction = new Correction(UUID.randomUUID().toString(), roundId, unitId, corrections(roundId, unitId) + 1,
                    Correction.Kind.EVIDENCE, latest.id(), null, null, null, position, reason.trim(), now, actor.name(),
                    standing.appraisedEvaluationId());
            return RoundChecks.stored(() -> rounds.correct(round, correction, standing, AuditEntry.of(roundId, now, actor.name(),
                    AuditEntry.Action.EVIDENCE_REJECTED, unitId, "Không chấp nhận minh chứng " + rejected.number() + "/"
                            + rejected.symbol() + " (" + rejected.criterion() + ")", reason.trim())));
        }
    }

    private UnitStanding standing(String roundId, String unitId) {
        return rounds.standings(roundId).stream().filter(s -> s.unitId().equals(unitId)).findFirst().orElseThrow();
    }

    private List<Correction> figureCorrections(String roundId, String unitId, Submission of) {
        return rounds.corrections(roundId, unitId).stream()
                .filter(c -> c.kind() == Correction.Kind.FIGURE && c.submissionId().equals(of.id())).toList();
    }

    private int corrections(String roundId, String unitId) {
        return rounds.corrections(roundId, unitId).size();
    }
}
