-- Tremplin schema, version 3: indicator 14 — the référent's history and the
-- individual follow-ups, and the settings the CFA can change.

-- Who followed each apprentice, when. One open period (end_date NULL) per
-- apprentice: the current référent, also kept in apprentice.referent_id.
CREATE TABLE referent_period (
    id            INTEGER PRIMARY KEY,
    apprentice_id INTEGER NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
    start_date    TEXT NOT NULL,
    end_date      TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE UNIQUE INDEX referent_period_current ON referent_period (apprentice_id) WHERE end_date IS NULL;
CREATE INDEX referent_period_apprentice ON referent_period (apprentice_id, start_date);
CREATE INDEX referent_period_staff ON referent_period (staff_id);
-- Today's référents become the first period, from the start of the contract
-- (or of the promo).
INSERT INTO referent_period (apprentice_id, staff_id, start_date)
SELECT a.id, a.referent_id, coalesce(a.contract_start, c.start_date)
FROM apprentice a JOIN cohort c ON c.id = a.cohort_id
WHERE a.referent_id IS NOT NULL;

CREATE TABLE follow_up (
    id            INTEGER PRIMARY KEY,
    apprentice_id INTEGER NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('monthly_review', 'end_of_cycle')),
    held_on       TEXT NOT NULL,
    staff_id      INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
    findings      TEXT,
    next_steps    TEXT,
    impact        TEXT,
    project       TEXT
);
CREATE INDEX follow_up_apprentice ON follow_up (apprentice_id, held_on);
CREATE INDEX follow_up_staff ON follow_up (staff_id);

CREATE TABLE follow_up_topic (
    follow_up_id INTEGER NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
    topic        TEXT NOT NULL,
    PRIMARY KEY (follow_up_id, topic)
) WITHOUT ROWID;

-- Settings the CFA can change (« overdue_after_days »…); absent = default.
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
