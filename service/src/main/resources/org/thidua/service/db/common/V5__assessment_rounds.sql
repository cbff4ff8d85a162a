-- The assessment round (kỳ đánh giá): units submit their figures with evidence, appraisers correct them with reasons,
-- the officer closes the round. Plain standard SQL (no AUTOINCREMENT, no JSON functions, no upsert) so the same file
-- runs on PostgreSQL. Instants are UTC text as store/Timestamps writes them, so they sort and compare as time does.

-- One row per round of a campaign. status is 'OPEN' or 'CLOSED'; closed_* and rule_set_versions are those of the
-- last close (a reopen keeps them until the next close, the audit trail keeps every act).
CREATE TABLE assessment_round (
    id                TEXT PRIMARY KEY,
    campaign          TEXT NOT NULL,
    period            TEXT NOT NULL,
    deadline          TEXT NOT NULL,
    status            TEXT NOT NULL,
    expected_units    TEXT NOT NULL,
    opened_at         TEXT NOT NULL,
    opened_by         TEXT NOT NULL,
    closed_at         TEXT,
    closed_by         TEXT,
    rule_set_versions TEXT
);
CREATE INDEX assessment_round_by_campaign ON assessment_round (campaign, opened_at);

-- Every submission a unit made, each kept; number counts a unit's submissions in a round from 1. The figures are
-- the report of the self-assessment's evaluation (evaluation.report_json).
CREATE TABLE round_submission (
    id            TEXT PRIMARY KEY,
    round_id      TEXT NOT NULL REFERENCES assessment_round (id),
    unit_id       TEXT NOT NULL,
    number        INTEGER NOT NULL,
    submitted_at  TEXT NOT NULL,
    submitted_by  TEXT NOT NULL,
    evaluation_id TEXT NOT NULL REFERENCES evaluation (id),
    UNIQUE (round_id, unit_id, number)
);

-- The evidence of a submission: one document reference per row, for one criterion.
CREATE TABLE round_evidence (
    submission_id TEXT NOT NULL REFERENCES round_submission (id),
    position      INTEGER NOT NULL,
    criterion     TEXT NOT NULL,
    doc_number    TEXT NOT NULL,
    doc_symbol    TEXT NOT NULL,
    issued_on     TEXT NOT NULL,
    summary       TEXT NOT NULL,
    link          TEXT,
    PRIMARY KEY (submission_id, position)
);

-- An appraiser's act on a unit's figures: kind 'FIGURE' sets figure (a path in the report) from old_value to
-- new_value (JSON text); kind 'EVIDENCE' does not accept the evidence at evidence_position of submission_id.
-- evaluation_id is the appraised evaluation the unit had after it.
CREATE TABLE round_correction (
    id                TEXT PRIMARY KEY,
    round_id          TEXT NOT NULL REFERENCES assessment_round (id),
    unit_id           TEXT NOT NULL,
    number            INTEGER NOT NULL,
    kind              TEXT NOT NULL,
    submission_id     TEXT NOT NULL REFERENCES round_submission (id),
    figure            TEXT,
    old_value         TEXT,
    new_value         TEXT,
    evidence_position INTEGER,
    reason            TEXT NOT NULL,
    corrected_at      TEXT NOT NULL,
    corrected_by      TEXT NOT NULL,
    evaluation_id     TEXT REFERENCES evaluation (id),
    UNIQUE (round_id, unit_id, number)
);

-- Each unit's standing in a round: its latest self-assessment and, after a correction, its appraised evaluation.
-- While the round is closed these rows do not change: they are its final results.
CREATE TABLE round_result (
    round_id                TEXT NOT NULL REFERENCES assessment_round (id),
    unit_id                 TEXT NOT NULL,
    self_evaluation_id      TEXT NOT NULL REFERENCES evaluation (id),
    appraised_evaluation_id TEXT REFERENCES evaluation (id),
    PRIMARY KEY (round_id, unit_id)
);

-- Who did what in a round, when and why; seq orders a round's entries from 1, unit_id is empty for the round's own acts.
CREATE TABLE round_audit (
    round_id  TEXT NOT NULL REFERENCES assessment_round (id),
    seq       INTEGER NOT NULL,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    action    TEXT NOT NULL,
    unit_id   TEXT NOT NULL,
    detail    TEXT NOT NULL,
    reason    TEXT NOT NULL,
    PRIMARY KEY (round_id, seq)
);
CREATE INDEX round_audit_by_unit ON round_audit (round_id, unit_id, seq);
