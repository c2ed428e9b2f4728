-- Tremplin schema, version 2: indicator 29 — leaving the CFA, exit
-- questionnaires, action plans and objectives, milestones of the school year,
-- relayed offers, annual reviews.

-- An apprentice's status is « in_training » or the reason they left; the exit
-- date is kept apart from the contract dates. Earlier leavers get the end of
-- their contract (or of their promo) as exit date.
ALTER TABLE apprentice ADD COLUMN exit_date TEXT;
UPDATE apprentice SET exit_date = coalesce(contract_end,
    (SELECT c.end_date FROM cohort c WHERE c.id = apprentice.cohort_id))
WHERE status <> 'in_training';
CREATE INDEX apprentice_exit ON apprentice (exit_date) WHERE exit_date IS NOT NULL;

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
CREATE INDEX action_plan_owner ON action_plan (owner_id);

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
CREATE INDEX objective_plan ON objective (plan_id);
CREATE INDEX objective_owner ON objective (owner_id);
CREATE INDEX objective_cohort ON objective (cohort_id);

-- The kinds of action an objective counts (none: every indicator-29 action).
CREATE TABLE objective_kind (
    objective_id INTEGER NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    PRIMARY KEY (objective_id, kind)
) WITHOUT ROWID;

CREATE TABLE action_objective (
    action_id    INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,
    objective_id INTEGER NOT NULL REFERENCES objective (id) ON DELETE CASCADE,
    PRIMARY KEY (action_id, objective_id)
) WITHOUT ROWID;
CREATE INDEX action_objective_objective ON action_objective (objective_id);

-- Milestones of a school year; a year appears in milestone_year once the CFA
-- has edited it (until then its milestones are the defaults, computed).
CREATE TABLE milestone_year (
    school_year TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE milestone (
    id          INTEGER PRIMARY KEY,
    school_year TEXT NOT NULL REFERENCES milestone_year (school_year) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    label       TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT,
    CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE INDEX milestone_year_index ON milestone (school_year);

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
CREATE INDEX relayed_offer_date ON relayed_offer (offered_on);
CREATE INDEX relayed_offer_partner ON relayed_offer (partner_id);

CREATE TABLE offer_programme (
    offer_id     INTEGER NOT NULL REFERENCES relayed_offer (id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    PRIMARY KEY (offer_id, programme_id)
) WITHOUT ROWID;
CREATE INDEX offer_programme_programme ON offer_programme (programme_id);

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
CREATE INDEX annual_review_objective_objective ON annual_review_objective (objective_id);
