CREATE TABLE action (
    id                INTEGER PRIMARY KEY,
    kind              TEXT NOT NULL,
    title             TEXT NOT NULL,
    start_date        TEXT NOT NULL,
    end_date          TEXT,
    start_time        TEXT,
    duration_minutes  INTEGER CHECK (duration_minutes > 0),
    place             TEXT,
    public            TEXT,
    content           TEXT,
    indicator14       INTEGER NOT NULL,
    indicator29       INTEGER NOT NULL,
    feedback_score    REAL CHECK (feedback_score BETWEEN 0 AND 5),
    feedback_comments TEXT,
    CHECK (indicator14 OR indicator29),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE action_cohort (
    action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    cohort_id INTEGER NOT NULL REFERENCES cohort (id) ON DELETE RESTRICT,
    PRIMARY KEY (action_id, cohort_id)
) WITHOUT ROWID;

CREATE TABLE action_partner (
    action_id  INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    role       TEXT NOT NULL CHECK (role IN ('speaker', 'co_organiser')),
    PRIMARY KEY (action_id, partner_id, role)
) WITHOUT ROWID;

CREATE TABLE action_staff (
    action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    staff_id  INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
    PRIMARY KEY (action_id, staff_id)
) WITHOUT ROWID;

CREATE TABLE agreement (
    id          INTEGER PRIMARY KEY,
    partner_id  INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,
    title       TEXT NOT NULL,
    signed_on   TEXT NOT NULL,
    valid_until TEXT,
    CHECK (valid_until IS NULL OR valid_until >= signed_on)
);

CREATE TABLE apprentice (
    id             INTEGER PRIMARY KEY,
    cohort_id      INTEGER NOT NULL REFERENCES cohort (id) ON DELETE RESTRICT,
    first_name     TEXT NOT NULL,
    last_name      TEXT NOT NULL,
    birth_date     TEXT,
    email          TEXT,
    phone          TEXT,
    employer       TEXT,
    contract_start TEXT,
    contract_end   TEXT,
    status         TEXT NOT NULL,
    referent_id    INTEGER REFERENCES staff (id) ON DELETE RESTRICT
);

CREATE TABLE attendance (
    action_id     INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    apprentice_id INTEGER NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    present       INTEGER NOT NULL,
    signed        INTEGER NOT NULL,
    CHECK (present OR NOT signed),
    PRIMARY KEY (action_id, apprentice_id)
) WITHOUT ROWID;

CREATE TABLE cohort (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    label        TEXT NOT NULL,
    start_date   TEXT NOT NULL,
    end_date     TEXT NOT NULL,
    CHECK (end_date > start_date),
    UNIQUE (programme_id, label)
);

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    siret       TEXT,
    uai         TEXT,
    nda         TEXT,
    address     TEXT,
    postal_code TEXT,
    city        TEXT
);

CREATE TABLE partner (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL,
    contact_name  TEXT,
    contact_email TEXT,
    contact_phone TEXT,
    city          TEXT,
    notes         TEXT
);

CREATE TABLE programme (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name         TEXT NOT NULL,
    diploma_code TEXT,
    rncp_code    TEXT,
    level        INTEGER CHECK (level BETWEEN 3 AND 8)
);

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    role       TEXT NOT NULL,
    email      TEXT,
    phone      TEXT
);

CREATE INDEX action_cohort_cohort ON action_cohort (cohort_id);

CREATE INDEX action_partner_partner ON action_partner (partner_id);

CREATE INDEX action_staff_staff ON action_staff (staff_id);

CREATE INDEX action_start ON action (start_date);

CREATE INDEX agreement_partner ON agreement (partner_id);

CREATE INDEX apprentice_cohort ON apprentice (cohort_id);

CREATE INDEX apprentice_referent ON apprentice (referent_id);

CREATE INDEX attendance_apprentice ON attendance (apprentice_id);

CREATE INDEX cohort_programme ON cohort (programme_id);
