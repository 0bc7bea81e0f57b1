-- Schema version 2: the story workshop. A learner drafts their own failure
-- story part by part and saves analyzed versions to watch it improve.

CREATE TABLE stories (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    updated_ms  INTEGER NOT NULL
) STRICT;

-- The working draft: one row per STAR-T part.
CREATE TABLE story_parts (
    story_id    INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    part        TEXT NOT NULL CHECK (part IN ('situation', 'task', 'action', 'result', 'takeaway')),
    body        TEXT NOT NULL,
    PRIMARY KEY (story_id, part)
) STRICT;

CREATE TABLE story_versions (
    story_id       INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    saved_ms       INTEGER NOT NULL,
    body           TEXT NOT NULL,
    tier           TEXT NOT NULL,
    score          INTEGER NOT NULL,
    takeaway_share REAL NOT NULL,
    PRIMARY KEY (story_id, version)
) STRICT;
