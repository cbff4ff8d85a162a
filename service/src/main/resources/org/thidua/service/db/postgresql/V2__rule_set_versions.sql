-- PostgreSQL's form of sqlite/V2__rule_set_versions.sql (identical statements).
CREATE TABLE rule_set (
    version       TEXT PRIMARY KEY,
    campaign      TEXT NOT NULL,
    first_live_at TEXT NOT NULL
);

CREATE TABLE rule_set_file (
    version TEXT NOT NULL REFERENCES rule_set (version),
    path    TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('rule', 'test')),
    content TEXT NOT NULL,
    PRIMARY KEY (version, path)
);

CREATE INDEX rule_set_by_campaign ON rule_set (campaign, first_live_at);
