package org.thidua.service.rounds;

import java.time.Instant;

import org.thidua.core.VietnameseNumbers;
import org.thidua.service.report.VietnamTime;
import org.thidua.service.store.StoredEvaluation;

/** Times and scores in the audit trail's words, as people read them: Vietnam time, Vietnamese decimal commas. */
final class Shown {
    private Shown() {
    }

    static String vietnam(Instant instant) {
        return instant == null ? "" : VietnamTime.dateTime(instant);
    }

    static String score(StoredEvaluation evaluation) {
        return VietnameseNumbers.score(evaluation.score()) + " điểm (" + evaluation.grade() + ")";
    }
}
