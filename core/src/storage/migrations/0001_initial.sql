-- Schema version 1: the learner's progress. Instants are Unix milliseconds UTC;
-- each event also keeps the zone, the UTC offset and the learning day it
-- happened on, so travel and DST never rewrite history.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Per-item learning state (one row per quiz question, scenario or exercise met).
CREATE TABLE items (
    item_id        TEXT PRIMARY KEY NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('quiz', 'scenario', 'exercise')),
    phase          TEXT NOT NULL CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
    stability      REAL,
    difficulty     REAL,
    due_ms         INTEGER NOT NULL,
    last_review_ms INTEGER,
    reps           INTEGER NOT NULL DEFAULT 0,
    lapses         INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX items_by_due ON items (due_ms);

-- Zones learners studied in, so the review log stores a small number per row.
CREATE TABLE zones (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE
) STRICT;

-- One row per answer that was scheduled: the FSRS history used for
-- optimization. The learner's biggest table, so it is kept compact:
-- learning_day is days since 1970-01-01 in the zone of the review, and
-- phase_before is 0 new, 1 learning, 2 review, 3 relearning.
CREATE TABLE review_log (
    id            INTEGER PRIMARY KEY,
    item_id       TEXT NOT NULL REFERENCES items (item_id),
    reviewed_ms   INTEGER NOT NULL,
    zone_id       INTEGER NOT NULL REFERENCES zones (id),
    utc_offset_s  INTEGER NOT NULL,
    learning_day  INTEGER NOT NULL,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    duration_ms   INTEGER NOT NULL,
    phase_before  INTEGER NOT NULL CHECK (phase_before BETWEEN 0 AND 3),
    elapsed_days  REAL NOT NULL,
    stability     REAL NOT NULL,
    difficulty    REAL NOT NULL,
    due_ms        INTEGER NOT NULL
) STRICT;
CREATE INDEX review_log_by_item ON review_log (item_id, reviewed_ms);
CREATE INDEX review_log_by_day ON review_log (learning_day);

-- What was answered, beside the review it produced (time, zone and day live there).
CREATE TABLE quiz_attempts (
    review_id     INTEGER PRIMARY KEY REFERENCES review_log (id),
    choice        INTEGER NOT NULL,
    correct       INTEGER NOT NULL CHECK (correct IN (0, 1))
) STRICT;

CREATE TABLE exercise_attempts (
    review_id     INTEGER PRIMARY KEY REFERENCES review_log (id),
    answer_text   TEXT NOT NULL,
    tier          TEXT NOT NULL,
    score         INTEGER NOT NULL,
    analysis_json TEXT NOT NULL
) STRICT;

CREATE TABLE daily_challenges (
    learning_day       TEXT PRIMARY KEY NOT NULL,
    created_ms         INTEGER NOT NULL,
    completed_ms       INTEGER,
    -- Order of completion as recorded, whatever the clock said: a clock set
    -- back must not slot a completion into an earlier gap.
    completion_seq     INTEGER UNIQUE,
    completed_zone     TEXT,
    completed_offset_s INTEGER
) STRICT;

CREATE TABLE daily_challenge_items (
    learning_day  TEXT NOT NULL REFERENCES daily_challenges (learning_day),
    position      INTEGER NOT NULL,
    item_id       TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('quiz', 'scenario', 'exercise')),
    done_ms       INTEGER,
    PRIMARY KEY (learning_day, position),
    UNIQUE (learning_day, item_id)
) STRICT;

-- Signed store purchases; the entitlement is re-derived from them at every start.
CREATE TABLE purchases (
    purchase_token  TEXT PRIMARY KEY NOT NULL,
    product_id      TEXT NOT NULL,
    original_json   TEXT NOT NULL,
    signature       TEXT NOT NULL,
    stored_ms       INTEGER NOT NULL,
    acknowledged    INTEGER NOT NULL DEFAULT 0 CHECK (acknowledged IN (0, 1)),
    revoked_ms      INTEGER
) STRICT;

-- Each automatic FSRS refit, kept or not, so the learner can see why.
CREATE TABLE optimizer_runs (
    id               INTEGER PRIMARY KEY,
    ran_ms           INTEGER NOT NULL,
    reviews_used     INTEGER NOT NULL,
    log_loss_before  REAL NOT NULL,
    log_loss_after   REAL NOT NULL,
    accepted         INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    params_json      TEXT NOT NULL
) STRICT;
