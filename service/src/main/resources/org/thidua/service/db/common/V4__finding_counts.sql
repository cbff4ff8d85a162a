-- The exact counts behind each share a finding reports ({"criterion": [part, whole], …}, e.g. [1507, 1520]), so that a
-- percentage read back from the history is rounded once from the counts, not again from the 5-decimal actual of
-- result_json (which carries no counts: contract v1's bytes are pinned). NULL for rows stored before, and for a unit
-- none of whose findings is a share of counts.
ALTER TABLE evaluation ADD COLUMN finding_counts TEXT;
