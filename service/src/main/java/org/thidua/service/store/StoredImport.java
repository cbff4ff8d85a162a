package org.thidua.service.store;

import java.time.Instant;

/** A stored import of figures: its id and when it was committed. */
public record StoredImport(String importId, Instant createdAt) {
}
