package org.thidua.service;

import java.time.Instant;

/** A stored import of figures: its id and when it was committed. */
record StoredImport(String importId, Instant createdAt) {
}
