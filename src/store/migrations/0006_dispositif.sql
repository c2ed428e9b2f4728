-- Tremplin schema, version 6: the standing documents of the « dispositif »
-- (support procedure, référent's job description, speakers' training
-- certificates, the annual calendar as given to apprentices, the internal
-- manual), at the CFA's level or a filière's. Each is versioned: a version is
-- a stored file (known by its hash, in « Preuves », like a proof) with its
-- label and the day it came into force; the current version is the one most
-- recently in force, older ones are kept.

CREATE TABLE standing_document (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('support_procedure', 'referent_job_description',
                     'speaker_certificate', 'annual_calendar', 'internal_manual', 'other')),
    title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- The filière it is about; empty: the whole CFA.
    programme_id INTEGER REFERENCES programme (id) ON DELETE RESTRICT,
    notes        TEXT
);
CREATE INDEX standing_document_programme ON standing_document (programme_id);

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
CREATE INDEX document_version_document ON document_version (document_id, issued_on);
CREATE INDEX document_version_file ON document_version (sha256);
