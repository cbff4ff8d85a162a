package org.thidua.service.imports;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One administrative-procedure dossier (hồ sơ TTHC) as the one-stop-shop system exports it.
 *
 * @param returned the day the result was returned, or {@code null} while the dossier is still open
 */
public record DossierRecord(String unitId, String code, LocalDate received, LocalDate due, LocalDate returned) {
    public DossierRecord {
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(received, "received");
        Objects.requireNonNull(due, "due");
    }
}
