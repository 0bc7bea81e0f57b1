-- Schema version 3: several modules. Every item and challenge entry names the
-- module it belongs to; items a newer pack no longer has are retired (kept,
-- with their review log, but out of queues and challenges). Review log rows
-- reach their module through their item, keeping the largest table compact.
--
-- Everything stored before this version belongs to the first module; SQLite
-- needs a default to add a NOT NULL column, and the code always writes one.

ALTER TABLE items ADD COLUMN module_id TEXT NOT NULL DEFAULT 'failure-story';
ALTER TABLE items ADD COLUMN retired_ms INTEGER;
CREATE INDEX items_by_module ON items (module_id);

ALTER TABLE daily_challenge_items ADD COLUMN module_id TEXT NOT NULL DEFAULT 'failure-story';

-- The content version of each module the learner's items were last matched
-- against, so a newer pack is noticed once.
CREATE TABLE modules (
    module_id        TEXT PRIMARY KEY NOT NULL,
    content_version  TEXT NOT NULL,
    installed_ms     INTEGER NOT NULL,
    updated_ms       INTEGER NOT NULL
) STRICT;
