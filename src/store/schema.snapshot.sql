CREATE TRIGGER proof_of_action AFTER DELETE ON action BEGIN
    DELETE FROM proof WHERE record_kind = 'action' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_action_plan AFTER DELETE ON action_plan BEGIN
    DELETE FROM proof WHERE record_kind = 'action_plan' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_agreement AFTER DELETE ON agreement BEGIN
    DELETE FROM proof WHERE record_kind = 'agreement' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_annual_review AFTER DELETE ON annual_review BEGIN
    DELETE FROM proof WHERE record_kind = 'annual_review' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_apprentice AFTER DELETE ON apprentice BEGIN
    DELETE FROM proof WHERE record_kind = 'apprentice' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_corrective_action AFTER DELETE ON corrective_action BEGIN
    DELETE FROM proof WHERE record_kind = 'corrective_action' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_exit_survey AFTER DELETE ON exit_survey BEGIN
    DELETE FROM proof WHERE record_kind = 'exit_survey' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_follow_up AFTER DELETE ON follow_up BEGIN
    DELETE FROM proof WHERE record_kind = 'follow_up' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_non_conformity AFTER DELETE ON non_conformity BEGIN
    DELETE FROM proof WHERE record_kind = 'non_conformity' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_objective AFTER DELETE ON objective BEGIN
    DELETE FROM proof WHERE record_kind = 'objective' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_partner AFTER DELETE ON partner BEGIN
    DELETE FROM proof WHERE record_kind = 'partner' AND record_id = OLD.id; END;

CREATE TRIGGER proof_of_support_resource AFTER DELETE ON support_resource BEGIN
    DELETE FROM proof WHERE record_kind = 'support_resource' AND record_id = OLD.id; END;

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

CREATE TABLE action_objective (
    action_id    INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    objective_id INTEGER NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, objective_id)
) WITHOUT ROWID;

CREATE TABLE action_partner (
    action_id  INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE RESTRICT,
    role       TEXT NOT NULL CHECK (role IN ('speaker', 'co_organiser')),
    PRIMARY KEY (action_id, partner_id, role)
) WITHOUT ROWID;

CREATE TABLE action_plan (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    school_year  TEXT NOT NULL,
    intent       TEXT,
    owner_id     INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
    resources    TEXT,
    budget_cents INTEGER CHECK (budget_cents >= 0),
    UNIQUE (programme_id, school_year)
);

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

CREATE TABLE annual_review (
    id           INTEGER PRIMARY KEY,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    school_year  TEXT NOT NULL,
    difficulties TEXT,
    priorities   TEXT,
    UNIQUE (programme_id, school_year)
);

CREATE TABLE annual_review_objective (
    review_id    INTEGER NOT NULL REFERENCES annual_review (id) ON DELETE CASCADE,
    objective_id INTEGER NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    PRIMARY KEY (review_id, objective_id)
) WITHOUT ROWID;

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
, exit_date TEXT, anonymised_on TEXT, employer_siret TEXT);

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

CREATE TABLE corrective_action (
    id                INTEGER PRIMARY KEY,
    non_conformity_id INTEGER NOT NULL REFERENCES non_conformity (id) ON DELETE CASCADE,
    description       TEXT NOT NULL,
    owner_id          INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
    due_date          TEXT NOT NULL,
    status            TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done')),
    done_on           TEXT,
    -- What proves it was carried out (the files themselves come with the proofs).
    proofs            TEXT,
    CHECK ((status = 'done') = (done_on IS NOT NULL))
);

CREATE TABLE document_version (
    id            INTEGER PRIMARY KEY,
    document_id   INTEGER NOT NULL REFERENCES standing_document (id) ON DELETE CASCADE,
    version       TEXT NOT NULL CHECK (length(version) BETWEEN 1 AND 40),
    -- The day this version came into force.
    issued_on     TEXT NOT NULL,
    sha256        TEXT NOT NULL REFERENCES proof_file (sha256) ON DELETE RESTRICT,
    original_name TEXT NOT NULL,
    note          TEXT,
    added_at      TEXT NOT NULL,
    UNIQUE (document_id, version)
);

CREATE TABLE evaluation (
    action_id INTEGER PRIMARY KEY REFERENCES action (id) ON DELETE CASCADE,
    scale     TEXT NOT NULL CHECK (scale IN ('out_of_20', 'out_of_10', 'percent')),
    target    REAL CHECK (target >= 0)
);

CREATE TABLE evaluation_score (
    action_id     INTEGER NOT NULL REFERENCES evaluation (action_id) ON DELETE CASCADE,
    apprentice_id INTEGER NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    before_score  REAL CHECK (before_score >= 0),
    after_score   REAL CHECK (after_score >= 0),
    CHECK (before_score IS NOT NULL OR after_score IS NOT NULL),
    PRIMARY KEY (action_id, apprentice_id)
) WITHOUT ROWID;

CREATE TABLE exit_survey (
    id            INTEGER PRIMARY KEY,
    apprentice_id INTEGER NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    timepoint     TEXT NOT NULL CHECK (timepoint IN ('exit', 'm3', 'm6', 'm12')),
    surveyed_on   TEXT NOT NULL,
    method        TEXT NOT NULL,
    situation     TEXT NOT NULL,
    contract      TEXT,
    in_target_job INTEGER NOT NULL DEFAULT 0,
    study_type    TEXT,
    institution   TEXT,
    comment       TEXT,
    UNIQUE (apprentice_id, timepoint)
);

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

CREATE TABLE follow_up_topic (
    follow_up_id INTEGER NOT NULL REFERENCES follow_up (id) ON DELETE CASCADE,
    topic        TEXT NOT NULL,
    PRIMARY KEY (follow_up_id, topic)
) WITHOUT ROWID;

CREATE TABLE framework_indicator (
    number          INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
    criterion       INTEGER NOT NULL,
    criterion_label TEXT NOT NULL,
    label           TEXT NOT NULL,
    -- 1 when the indicator applies to CFAs only (13, 14, 15, 29…).
    cfa_only        INTEGER NOT NULL DEFAULT 0,
    framework       TEXT NOT NULL
);

CREATE TABLE inserjeunes_figure (
    id            INTEGER PRIMARY KEY,
    -- The year as the file writes it (« 2023 », « 2021-2022 »…) and the
    -- school year Tremplin compares it with.
    year_label    TEXT NOT NULL,
    school_year   TEXT NOT NULL,
    uai           TEXT,
    diploma_code  TEXT NOT NULL,
    label         TEXT NOT NULL,
    measure       TEXT NOT NULL CHECK (measure IN ('further_studies', 'employment_6', 'employment_12',
                      'employment_18', 'employment_24', 'expected_employment_6', 'value_added_6')),
    value         REAL,
    imported_on   TEXT NOT NULL,
    UNIQUE (school_year, diploma_code, measure)
);

CREATE TABLE milestone (
    id          INTEGER PRIMARY KEY,
    school_year TEXT NOT NULL REFERENCES milestone_year (school_year) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE milestone_year (
    school_year TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE non_conformity (
    id          INTEGER PRIMARY KEY,
    indicator   INTEGER NOT NULL REFERENCES framework_indicator (number) ON DELETE RESTRICT,
    level       TEXT NOT NULL CHECK (level IN ('minor', 'major')),
    found_on    TEXT NOT NULL,
    description TEXT NOT NULL,
    root_cause  TEXT NOT NULL CHECK (root_cause IN ('process', 'documentation', 'human_resources', 'other')),
    -- The day it was lifted (every corrective action done); empty while open.
    closed_on   TEXT,
    CHECK (closed_on IS NULL OR closed_on >= found_on)
);

CREATE TABLE objective (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES action_plan (id) ON DELETE CASCADE,
    label         TEXT NOT NULL,
    owner_id      INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    measure       TEXT NOT NULL,
    target        REAL NOT NULL CHECK (target >= 0),
    cohort_id     INTEGER REFERENCES cohort (id) ON DELETE RESTRICT,
    result        TEXT,
    manual_value  REAL,
    manual_source TEXT,
    manual_date   TEXT,
    CHECK (period_end >= period_start)
);

CREATE TABLE objective_kind (
    objective_id INTEGER NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    PRIMARY KEY (objective_id, kind)
) WITHOUT ROWID;

CREATE TABLE offer_programme (
    offer_id     INTEGER NOT NULL REFERENCES relayed_offer (id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    PRIMARY KEY (offer_id, programme_id)
) WITHOUT ROWID;

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

CREATE TABLE proof (
    id            INTEGER PRIMARY KEY,
    -- The record it proves: a code of `RecordKind` and that record's id. No
    -- foreign key can point at several tables: the triggers below remove the
    -- proofs of a deleted record, and `check` verifies the rest.
    record_kind   TEXT NOT NULL CHECK (record_kind IN ('action', 'partner', 'agreement',
                      'apprentice', 'follow_up', 'exit_survey', 'objective', 'action_plan',
                      'annual_review', 'non_conformity', 'corrective_action', 'support_resource')),
    record_id     INTEGER NOT NULL,
    sha256        TEXT NOT NULL REFERENCES proof_file (sha256) ON DELETE RESTRICT,
    kind          TEXT NOT NULL CHECK (kind IN ('attendance_sheet', 'report', 'material', 'photo',
                      'agreement', 'questionnaire', 'certificate', 'screenshot', 'other')),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    proof_date    TEXT NOT NULL,
    -- The file's name on the person's computer, shown, never used as a path.
    original_name TEXT NOT NULL,
    added_at      TEXT NOT NULL
);

CREATE TABLE proof_file (
    sha256        TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    -- Where the file lies under « Preuves »: « ab/ab…ef.pdf » (from the hash,
    -- never from a name the user gave).
    stored_name   TEXT NOT NULL UNIQUE,
    media         TEXT NOT NULL CHECK (media IN ('pdf', 'jpeg', 'png', 'office')),
    size          INTEGER NOT NULL CHECK (size >= 0),
    -- PDF: number of pages and the title of its information dictionary.
    pages         INTEGER,
    pdf_title     TEXT,
    -- Images: pixels.
    width         INTEGER,
    height        INTEGER,
    added_at      TEXT NOT NULL
);

CREATE TABLE referent_period (
    id            INTEGER PRIMARY KEY,
    apprentice_id INTEGER NOT NULL REFERENCES apprentice (id) ON DELETE CASCADE,
    staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
    start_date    TEXT NOT NULL,
    end_date      TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
);

CREATE TABLE relayed_offer (
    id         INTEGER PRIMARY KEY,
    offered_on TEXT NOT NULL,
    partner_id INTEGER REFERENCES partner (id) ON DELETE RESTRICT,
    source     TEXT,
    title      TEXT NOT NULL,
    contract   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    comment    TEXT,
    CHECK (partner_id IS NOT NULL OR source IS NOT NULL)
);

CREATE TABLE resource_usage (
    id           INTEGER PRIMARY KEY,
    resource_id  INTEGER NOT NULL REFERENCES support_resource (id) ON DELETE CASCADE,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    metric       TEXT NOT NULL,
    value        REAL NOT NULL CHECK (value >= 0),
    note         TEXT,
    CHECK (period_end >= period_start),
    UNIQUE (resource_id, metric, period_start)
);

CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    first_name TEXT NOT NULL,
    last_name  TEXT NOT NULL,
    role       TEXT NOT NULL,
    email      TEXT,
    phone      TEXT
);

CREATE TABLE standing_document (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('support_procedure', 'referent_job_description',
                     'speaker_certificate', 'annual_calendar', 'internal_manual', 'other')),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- The filière it is about; empty: the whole CFA.
    programme_id INTEGER REFERENCES programme (id) ON DELETE RESTRICT,
    notes        TEXT
);

CREATE TABLE steering_review (
    id                INTEGER PRIMARY KEY,
    non_conformity_id INTEGER NOT NULL REFERENCES non_conformity (id) ON DELETE CASCADE,
    held_on           TEXT NOT NULL,
    notes             TEXT NOT NULL
);

CREATE TABLE support_resource (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    provider    TEXT,
    -- Who to contact, or where it is (a room, a web address written as text).
    access      TEXT
);

CREATE TABLE support_resource_programme (
    resource_id  INTEGER NOT NULL REFERENCES support_resource (id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    PRIMARY KEY (resource_id, programme_id)
) WITHOUT ROWID;

CREATE INDEX action_cohort_cohort ON action_cohort (cohort_id);

CREATE INDEX action_objective_objective ON action_objective (objective_id);

CREATE INDEX action_partner_partner ON action_partner (partner_id);

CREATE INDEX action_plan_owner ON action_plan (owner_id);

CREATE INDEX action_staff_staff ON action_staff (staff_id);

CREATE INDEX action_start ON action (start_date);

CREATE INDEX agreement_partner ON agreement (partner_id);

CREATE INDEX annual_review_objective_objective ON annual_review_objective (objective_id);

CREATE INDEX apprentice_cohort ON apprentice (cohort_id);

CREATE INDEX apprentice_exit ON apprentice (exit_date) WHERE exit_date IS NOT NULL;

CREATE INDEX apprentice_referent ON apprentice (referent_id);

CREATE INDEX attendance_apprentice ON attendance (apprentice_id);

CREATE INDEX cohort_programme ON cohort (programme_id);

CREATE INDEX corrective_action_due ON corrective_action (status, due_date);

CREATE INDEX corrective_action_nc ON corrective_action (non_conformity_id);

CREATE INDEX corrective_action_owner ON corrective_action (owner_id);

CREATE INDEX document_version_document ON document_version (document_id, issued_on);

CREATE INDEX document_version_file ON document_version (sha256);

CREATE INDEX evaluation_score_apprentice ON evaluation_score (apprentice_id);

CREATE INDEX follow_up_apprentice ON follow_up (apprentice_id, held_on);

CREATE INDEX follow_up_staff ON follow_up (staff_id);

CREATE INDEX inserjeunes_figure_diploma ON inserjeunes_figure (diploma_code, school_year);

CREATE INDEX milestone_year_index ON milestone (school_year);

CREATE INDEX non_conformity_found ON non_conformity (found_on);

CREATE INDEX objective_cohort ON objective (cohort_id);

CREATE INDEX objective_owner ON objective (owner_id);

CREATE INDEX objective_plan ON objective (plan_id);

CREATE INDEX offer_programme_programme ON offer_programme (programme_id);

CREATE INDEX proof_record ON proof (record_kind, record_id);

CREATE INDEX proof_sha ON proof (sha256);

CREATE INDEX referent_period_apprentice ON referent_period (apprentice_id, start_date);

CREATE UNIQUE INDEX referent_period_current ON referent_period (apprentice_id) WHERE end_date IS NULL;

CREATE INDEX referent_period_staff ON referent_period (staff_id);

CREATE INDEX relayed_offer_date ON relayed_offer (offered_on);

CREATE INDEX relayed_offer_partner ON relayed_offer (partner_id);

CREATE INDEX resource_usage_period ON resource_usage (period_start);

CREATE INDEX standing_document_programme ON standing_document (programme_id);

CREATE INDEX steering_review_nc ON steering_review (non_conformity_id, held_on);

CREATE INDEX support_resource_programme_programme ON support_resource_programme (programme_id);
