-- One row per POST /api/v1/evaluations (or seed): who asked, when, with which rules.
CREATE TABLE evaluation_request (
    id               TEXT PRIMARY KEY,
    campaign         TEXT NOT NULL,
    rule_set_version TEXT NOT NULL,
    caller           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    unit_count       INTEGER NOT NULL
);

-- One row per evaluated unit. seq orders rows by commit (newest = largest); id is what clients see.
CREATE TABLE evaluation (
    seq              INTEGER PRIMARY KEY AUTOINCREMENT,
    id               TEXT NOT NULL UNIQUE,
    request_id       TEXT NOT NULL REFERENCES evaluation_request (id),
    campaign         TEXT NOT NULL,
    rule_set_version TEXT NOT NULL,
    unit_id          TEXT NOT NULL,
    unit_name        TEXT NOT NULL,
    kind             TEXT NOT NULL,
    report_json      TEXT NOT NULL,
    result_json      TEXT NOT NULL,
    score            REAL NOT NULL,
    points           REAL NOT NULL,
    max_points       REAL NOT NULL,
    grade            TEXT NOT NULL,
    rank_in_request  INTEGER NOT NULL,
    created_at       TEXT NOT NULL,
    caller           TEXT NOT NULL
);

-- A unit's history, newest first, with or without a campaign; and the latest evaluation of each unit of a campaign.
CREATE INDEX evaluation_by_unit ON evaluation (unit_id, seq);
CREATE INDEX evaluation_by_campaign_unit ON evaluation (campaign, unit_id, seq);
CREATE INDEX evaluation_by_request ON evaluation (request_id);
