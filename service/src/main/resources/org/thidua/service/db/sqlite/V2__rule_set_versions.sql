-- Every rule-set version that has gone live, with the files that made it, so that any stored evaluation can be
-- traced to the exact rules behind it. version is the content hash (sha256:…) of the rule files: the same files
-- always give the same version, so a version is stored once, at the first time it went live.
CREATE TABLE rule_set (
    version       TEXT PRIMARY KEY,
    campaign      TEXT NOT NULL,
    first_live_at TEXT NOT NULL
);

-- The files of a version, by path relative to the campaign folder. role: 'rule' (campaign.yaml and the DRL files,
-- which the version hashes) or 'test' (the campaign's rule tests as they were when the version first went live).
CREATE TABLE rule_set_file (
    version TEXT NOT NULL REFERENCES rule_set (version),
    path    TEXT NOT NULL,
    role    TEXT NOT NULL CHECK (role IN ('rule', 'test')),
    content TEXT NOT NULL,
    PRIMARY KEY (version, path)
);

CREATE INDEX rule_set_by_campaign ON rule_set (campaign, first_live_at);
