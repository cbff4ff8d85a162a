package org.thidua.service.rounds;

import java.util.List;

import org.thidua.service.store.StoredEvaluation;

/**
 * What a unit sees of itself in a round: every submission, every correction with its reason, its self-assessment
 * and appraisal, and its audit entries.
 *
 * @param selfAssessment {@code null} until the unit submits
 * @param appraised      {@code null} until an appraiser corrects a figure of its latest submission
 */
public record UnitRecord(Round round, String unitId, List<Submission> submissions, List<Correction> corrections,
                         StoredEvaluation selfAssessment, StoredEvaluation appraised, List<AuditEntry> audit) {
}
