package org.thidua.service.rounds;

import static org.thidua.service.rounds.RoundChecks.stored;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.thidua.core.RuleSet;
import org.thidua.service.rounds.AssessmentRounds.Submitted;
import org.thidua.service.store.RoundStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A unit's act in an open round ({@link AssessmentRounds#submit}): its report with its evidence, until the deadline;
 * each submission is kept, numbered, and evaluated at once (its self-assessment), the evaluation stored with the
 * submission or not at all. A late submission is refused and its refusal kept in the audit trail.
 */
final class Submissions {
    private final AssessmentRounds owner;
    private final RoundStore rounds;
    private final Supplier<Instant> clock;

    Submissions(AssessmentRounds owner, RoundStore rounds, Supplier<Instant> clock) {
        this.owner = owner;
        this.rounds = rounds;
        this.clock = clock;
    }

    Submitted submit(String roundId, String unitId, JsonNode body, Actor actor) {
        synchronized (owner.writing) {
            Round round = owner.writable(roundId, unitId, actor);
            Instant now = clock.get();
            if (round.isLate(now)) {
                rounds.record(AuditEntry.of(roundId, now, actor.name(), AuditEntry.Action.REFUSED, unitId,
                        "Nộp sau hạn " + Shown.vietnam(round.deadline()) + " (late)", null));
                throw RoundException.conflict("Đã quá hạn nộp " + Shown.vietnam(round.deadline()) + " (giờ Việt Nam);"
                        + " báo cáo không được nhận (the deadline has passed: the submission is refused)");
            }
            if (!round.expectedUnits().isEmpty() && !round.expectedUnits().contains(unitId)) {
                throw RoundException.notFound("Đơn vị '" + unitId + "' không thuộc kỳ đánh giá " + roundId + " (the unit is not in this round)");
            }
            RuleSet ruleSet = owner.ruleSet(round.campaign());
            List<RoundException.Fault> faults = new ArrayList<>();
            JsonNode report = body == null ? null : body.get("report");
            if (report == null || !report.isObject()) {
                faults.add(new RoundException.Fault("report", "cần báo cáo của đơn vị theo hợp đồng v1 (the unit's contract v1 report is required)"));
            } else if (!unitId.equals(report.path("unit").path("id").asText(null))) {
                faults.add(new RoundException.Fault("report.unit.id", "phải là '" + unitId + "', đơn vị của địa chỉ này, đã nhận '"
                        + report.path("unit").path("id").asText(null) + "' (must be the unit of the address)"));
            }
            List<Evidence> evidence = RoundRequests.evidence(body == null ? null : body.get("evidence"), ruleSet.campaign(), faults);
            if (!faults.isEmpty()) {
                throw RoundException.invalid(faults);
            }
            int number = rounds.submissions(roundId, unitId).size() + 1;
            return owner.evaluated(round, report, actor, self -> {
                Submission submission = new Submission(UUID.randomUUID().toString(), roundId, unitId, number, now, actor.name(),
                        self.id(), evidence);
                rounds.submit(round, submission, new UnitStanding(roundId, unitId, self.id(), null), AuditEntry.of(roundId, now,
                        actor.name(), AuditEntry.Action.SUBMITTED, unitId, "Lần nộp " + number + ": tự chấm " + Shown.score(self)
                                + ", " + evidence.size() + " tài liệu minh chứng", null));
                return new Submitted(submission, self);
            });
        }
    }
}
