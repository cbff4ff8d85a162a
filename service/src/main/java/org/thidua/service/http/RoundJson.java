package org.thidua.service.http;

import java.time.Instant;
import java.util.List;

import org.thidua.core.Evaluation;
import org.thidua.core.Finding;
import org.thidua.service.Json;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.rounds.AuditEntry;
import org.thidua.service.rounds.Correction;
import org.thidua.service.rounds.Evidence;
import org.thidua.service.rounds.Round;
import org.thidua.service.rounds.RoundResults;
import org.thidua.service.rounds.Submission;
import org.thidua.service.rounds.UnitRecord;
import org.thidua.service.store.StoredEvaluation;
import org.thidua.service.store.Timestamps;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The rounds in JSON, as openapi.json's round schemas describe them. Every instant is given twice: UTC for programs
 * ({@code deadline}) and Vietnam time for people ({@code deadlineVietnam}, {@code 15/12/2026 23:59:59}).
 */
final class RoundJson {
    private RoundJson() {
    }

    static ObjectNode round(Round round) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", round.id());
        node.put("campaign", round.campaign());
        node.put("period", round.period());
        time(node, "deadline", round.deadline());
        node.put("status", round.status().name().toLowerCase(java.util.Locale.ROOT));
        round.expectedUnits().forEach(node.putArray("units")::add);
        time(node, "openedAt", round.openedAt());
        node.put("openedBy", round.openedBy());
        if (round.closedAt() != null) {
            time(node, "closedAt", round.closedAt());
            node.put("closedBy", round.closedBy());
            node.put("ruleSetVersions", round.ruleSetVersions());
        }
        return node;
    }

    /** The round with who has submitted (how often, standing on what) and who has not. */
    static ObjectNode overview(RoundResults results) {
        ObjectNode node = round(results.round());
        ArrayNode submitted = node.putArray("submitted");
        for (RoundResults.UnitResult unit : results.units()) {
            submitted.addObject().put("unitId", unit.self().unitId()).put("unitName", unit.self().unitName())
                    .put("submissions", unit.submissions()).put("appraised", unit.appraised() != null);
        }
        return withNotSubmitted(node, results);
    }

    static ObjectNode results(RoundResults results) {
        ObjectNode node = inRound(results.round());
        node.put("final", results.isFinal());
        ArrayNode units = node.putArray("units");
        for (RoundResults.UnitResult unit : results.units()) {
            ObjectNode item = units.addObject();
            item.put("rank", unit.rank());
            item.put("unitId", unit.self().unitId());
            item.put("unitName", unit.standing().unitName());
            item.put("submissions", unit.submissions());
            assessed(item, unit.self(), unit.appraised(), unit.corrections());
        }
        return withNotSubmitted(node, results);
    }

    static ObjectNode unit(UnitRecord record) {
        ObjectNode node = inRound(record.round());
        node.put("unitId", record.unitId());
        ArrayNode submissions = node.putArray("submissions");
        record.submissions().forEach(s -> submissions.add(submission(s)));
        assessed(node, record.selfAssessment(), record.appraised(), record.corrections());
        node.set("audit", audit(record.audit()));
        return node;
    }

    /** An object that begins with the round it belongs to. */
    private static ObjectNode inRound(Round round) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.set("round", round(round));
        return node;
    }

    /** {@code node} with the expected units that have not submitted, last. */
    private static ObjectNode withNotSubmitted(ObjectNode node, RoundResults results) {
        results.notSubmitted().forEach(node.putArray("notSubmitted")::add);
        return node;
    }

    /** A unit's self-assessment (none before it submits) beside its appraisal, per criterion, and the corrections between. */
    private static void assessed(ObjectNode node, StoredEvaluation self, StoredEvaluation appraised, List<Correction> corrections) {
        node.set("selfAssessment", self == null ? null : evaluation(self));
        node.set("appraised", appraised == null ? null : evaluation(appraised));
        node.set("criteria", self == null ? Json.MAPPER.createArrayNode() : sideBySide(self, appraised));
        node.set("corrections", corrections(corrections));
    }

    static ObjectNode submitted(Submission submission, StoredEvaluation self) {
        ObjectNode node = submission(submission);
        node.set("selfAssessment", evaluation(self));
        return node;
    }

    static ObjectNode submission(Submission s) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", s.id());
        node.put("roundId", s.roundId());
        node.put("unitId", s.unitId());
        node.put("number", s.number());
        time(node, "submittedAt", s.submittedAt());
        node.put("submittedBy", s.submittedBy());
        node.put("evaluationId", s.evaluationId());
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence e : s.evidence()) {
            ObjectNode item = evidence.addObject().put("criterion", e.criterion()).put("number", e.number())
                    .put("symbol", e.symbol()).put("issuedOn", e.issuedOn().toString()).put("summary", e.summary());
            if (e.link() != null) {
                item.put("link", e.link());
            }
        }
        return node;
    }

    static ObjectNode correction(Correction c) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("id", c.id());
        node.put("unitId", c.unitId());
        node.put("number", c.number());
        node.put("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.put("submissionId", c.submissionId());
        if (c.kind() == Correction.Kind.FIGURE) {
            node.put("figure", c.figure());
            node.set("submitted", Json.read(c.oldValue()));
            node.set("corrected", Json.read(c.newValue()));
        } else {
            node.put("evidence", c.evidence());
        }
        node.put("reason", c.reason());
        time(node, "correctedAt", c.correctedAt());
        node.put("correctedBy", c.correctedBy());
        node.put("appraisedEvaluationId", c.evaluationId());
        return node;
    }

    static ArrayNode corrections(List<Correction> corrections) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        corrections.forEach(c -> array.add(correction(c)));
        return array;
    }

    static ObjectNode audit(String roundId, List<AuditEntry> entries) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("roundId", roundId);
        node.set("entries", audit(entries));
        return node;
    }

    /** An entry of the audit trail as JSON shows it: its fields in this order, each instant twice as {@link #time} gives it. */
    record AuditItem(int seq, String at, String atVietnam, String actor, String action, String unitId, String detail,
                             String reason) {
        AuditItem(AuditEntry e) {
            this(e.seq(), Timestamps.format(e.at()), VietnamTime.dateTime(e.at()), e.actor(),
                    e.action().name().toLowerCase(java.util.Locale.ROOT), e.unitId(), e.detail(), e.reason());
        }
    }

    private static ArrayNode audit(List<AuditEntry> entries) {
        return Json.MAPPER.valueToTree(entries.stream().map(AuditItem::new).toList());
    }

    static ObjectNode evaluation(StoredEvaluation e) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("evaluationId", e.id());
        node.put("score", e.score());
        node.put("grade", e.grade());
        node.put("points", e.points());
        node.put("maxPoints", e.maxPoints());
        node.put("ruleSetVersion", e.ruleSetVersion());
        time(node, "evaluatedAt", e.createdAt());
        node.set("findings", Json.MAPPER.valueToTree(e.evaluation().findings()));
        node.set("report", Json.read(e.reportJson()));
        return node;
    }

    /** Each criterion with its self-assessed and appraised finding side by side. */
    private static ArrayNode sideBySide(StoredEvaluation self, StoredEvaluation appraised) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        Evaluation own = self.evaluation();
        Evaluation corrected = appraised == null ? null : appraised.evaluation();
        for (Finding finding : own.findings()) {
            ObjectNode item = array.addObject();
            item.put("criterion", finding.criterion());
            item.put("title", finding.title());
            item.set("self", finding(finding));
            item.set("appraised", corrected == null ? null : corrected.finding(finding.criterion()).map(RoundJson::finding).orElse(null));
        }
        return array;
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("status", f.status().name());
        node.put("points", f.points());
        node.put("maxPoints", f.maxPoints());
        if (f.actual() != null) {
            node.put("actual", f.actual());
        }
        return node;
    }

    private static void time(ObjectNode node, String field, Instant instant) {
        node.put(field, Timestamps.format(instant));
        node.put(field + "Vietnam", VietnamTime.dateTime(instant));
    }
}
