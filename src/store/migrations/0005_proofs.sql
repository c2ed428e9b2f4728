-- Tremplin schema, version 5: pièces justificatives (proofs). A stored file
-- is known by the SHA-256 of its content (the same file attached twice is
-- stored once, in the data folder's « Preuves »); a proof is one attachment
-- of such a file to one record, with its kind, title and date.

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
CREATE INDEX proof_record ON proof (record_kind, record_id);
CREATE INDEX proof_sha ON proof (sha256);

CREATE TRIGGER proof_of_action AFTER DELETE ON action BEGIN
    DELETE FROM proof WHERE record_kind = 'action' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_partner AFTER DELETE ON partner BEGIN
    DELETE FROM proof WHERE record_kind = 'partner' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_agreement AFTER DELETE ON agreement BEGIN
    DELETE FROM proof WHERE record_kind = 'agreement' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_apprentice AFTER DELETE ON apprentice BEGIN
    DELETE FROM proof WHERE record_kind = 'apprentice' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_follow_up AFTER DELETE ON follow_up BEGIN
    DELETE FROM proof WHERE record_kind = 'follow_up' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_exit_survey AFTER DELETE ON exit_survey BEGIN
    DELETE FROM proof WHERE record_kind = 'exit_survey' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_objective AFTER DELETE ON objective BEGIN
    DELETE FROM proof WHERE record_kind = 'objective' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_action_plan AFTER DELETE ON action_plan BEGIN
    DELETE FROM proof WHERE record_kind = 'action_plan' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_annual_review AFTER DELETE ON annual_review BEGIN
    DELETE FROM proof WHERE record_kind = 'annual_review' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_non_conformity AFTER DELETE ON non_conformity BEGIN
    DELETE FROM proof WHERE record_kind = 'non_conformity' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_corrective_action AFTER DELETE ON corrective_action BEGIN
    DELETE FROM proof WHERE record_kind = 'corrective_action' AND record_id = OLD.id; END;
CREATE TRIGGER proof_of_support_resource AFTER DELETE ON support_resource BEGIN
    DELETE FROM proof WHERE record_kind = 'support_resource' AND record_id = OLD.id; END;

-- Automatic backups: how many daily copies are kept (RELIABILITY.md).
INSERT INTO setting (key, value) VALUES ('backup_keep', '14')
    ON CONFLICT (key) DO NOTHING;
