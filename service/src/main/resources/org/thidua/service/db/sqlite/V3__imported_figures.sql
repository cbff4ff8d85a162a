-- Figures imported from record files (POST /api/v1/imports/dossiers, /imports/surveys), per unit and period.
-- One row per import: which measure, for which period (both ends included), by whom, from how many rows.
CREATE TABLE figure_import (
    id           TEXT PRIMARY KEY,
    measure      TEXT NOT NULL,      -- 'dossiers' or 'satisfaction' (the contract v1 field the counts fill)
    period_from  TEXT NOT NULL,      -- ISO date
    period_to    TEXT NOT NULL,
    caller       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    skipped_rows INTEGER NOT NULL,
    unit_count   INTEGER NOT NULL
);

-- One row per unit of an import: its counts as JSON in contract v1 field names ({"early": …} or {"surveyed": …}).
-- For a unit, measure and period the latest row (largest seq) is the one in force.
CREATE TABLE imported_figures (
    seq          INTEGER PRIMARY KEY AUTOINCREMENT,
    import_id    TEXT NOT NULL REFERENCES figure_import (id),
    unit_id      TEXT NOT NULL,
    unit_name    TEXT,
    kind         TEXT,
    measure      TEXT NOT NULL,
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    counts_json  TEXT NOT NULL
);

CREATE INDEX imported_figures_by_period ON imported_figures (measure, period_from, period_to, unit_id, seq);
