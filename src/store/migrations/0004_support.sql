-- Tremplin schema, version 4: indicator 14, second half — the Qualiopi
-- reference framework kept as data, evaluations before and after an action,
-- support resources with their usage, non-conformities and their corrective
-- plans.

-- The reference framework: indicator numbers and labels live here and
-- nowhere else in the code (DESIGN.md). One version at a time; a revision of
-- the framework is a migration that rewrites these rows.
CREATE TABLE framework_indicator (
    number          INTEGER PRIMARY KEY CHECK (number BETWEEN 1 AND 99),
    criterion       INTEGER NOT NULL,
    criterion_label TEXT NOT NULL,
    label           TEXT NOT NULL,
    -- 1 when the indicator applies to CFAs only (13, 14, 15, 29…).
    cfa_only        INTEGER NOT NULL DEFAULT 0,
    framework       TEXT NOT NULL
);
INSERT INTO framework_indicator (number, criterion, criterion_label, label, cfa_only, framework) VALUES
 (1, 1, 'Conditions d''information du public', 'Information sur les prestations, les délais d''accès et les résultats obtenus', 0, 'RNQ — guide de lecture v9'),
 (2, 1, 'Conditions d''information du public', 'Indicateurs de résultats adaptés à la nature des prestations et des publics', 0, 'RNQ — guide de lecture v9'),
 (3, 1, 'Conditions d''information du public', 'Taux d''obtention des certifications, équivalences et débouchés', 0, 'RNQ — guide de lecture v9'),
 (4, 2, 'Objectifs des prestations et adaptation aux publics', 'Analyse du besoin du bénéficiaire', 0, 'RNQ — guide de lecture v9'),
 (5, 2, 'Objectifs des prestations et adaptation aux publics', 'Objectifs opérationnels et évaluables', 0, 'RNQ — guide de lecture v9'),
 (6, 2, 'Objectifs des prestations et adaptation aux publics', 'Contenus et modalités de mise en œuvre', 0, 'RNQ — guide de lecture v9'),
 (7, 2, 'Objectifs des prestations et adaptation aux publics', 'Adéquation des contenus aux exigences de la certification', 0, 'RNQ — guide de lecture v9'),
 (8, 2, 'Objectifs des prestations et adaptation aux publics', 'Positionnement et évaluation des acquis à l''entrée', 0, 'RNQ — guide de lecture v9'),
 (9, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Information des publics sur les conditions de déroulement', 0, 'RNQ — guide de lecture v9'),
 (10, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Adaptation de la prestation, accompagnement et suivi', 0, 'RNQ — guide de lecture v9'),
 (11, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Évaluation de l''atteinte des objectifs', 0, 'RNQ — guide de lecture v9'),
 (12, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Engagement des bénéficiaires et prévention des ruptures', 0, 'RNQ — guide de lecture v9'),
 (13, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Coordination avec les entreprises et alternance', 1, 'RNQ — guide de lecture v9'),
 (14, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Accompagnement socio-professionnel, éducatif et relatif à l''exercice de la citoyenneté', 1, 'RNQ — guide de lecture v9'),
 (15, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Information des apprentis sur leurs droits et devoirs', 1, 'RNQ — guide de lecture v9'),
 (16, 3, 'Adaptation, accompagnement, suivi et évaluation', 'Conditions de présentation à la certification', 0, 'RNQ — guide de lecture v9'),
 (17, 4, 'Moyens pédagogiques, techniques et d''encadrement', 'Moyens humains et techniques adaptés', 0, 'RNQ — guide de lecture v9'),
 (18, 4, 'Moyens pédagogiques, techniques et d''encadrement', 'Coordination des acteurs internes et externes', 0, 'RNQ — guide de lecture v9'),
 (19, 4, 'Moyens pédagogiques, techniques et d''encadrement', 'Ressources pédagogiques mises à disposition', 0, 'RNQ — guide de lecture v9'),
 (20, 4, 'Moyens pédagogiques, techniques et d''encadrement', 'Personnels dédiés (handicap, mobilité, relations entreprises)', 0, 'RNQ — guide de lecture v9'),
 (21, 5, 'Qualification et développement des compétences des personnels', 'Compétences des intervenants', 0, 'RNQ — guide de lecture v9'),
 (22, 5, 'Qualification et développement des compétences des personnels', 'Développement des compétences des salariés', 0, 'RNQ — guide de lecture v9'),
 (23, 6, 'Inscription dans l''environnement professionnel', 'Veille légale et réglementaire', 0, 'RNQ — guide de lecture v9'),
 (24, 6, 'Inscription dans l''environnement professionnel', 'Veille sur les compétences, les métiers et les emplois', 0, 'RNQ — guide de lecture v9'),
 (25, 6, 'Inscription dans l''environnement professionnel', 'Veille sur les innovations pédagogiques et technologiques', 0, 'RNQ — guide de lecture v9'),
 (26, 6, 'Inscription dans l''environnement professionnel', 'Réseau de partenaires pour l''accueil des personnes en situation de handicap', 0, 'RNQ — guide de lecture v9'),
 (27, 6, 'Inscription dans l''environnement professionnel', 'Sous-traitance et portage salarial', 0, 'RNQ — guide de lecture v9'),
 (28, 6, 'Inscription dans l''environnement professionnel', 'Réseau de partenaires socio-économiques (formation en situation de travail)', 0, 'RNQ — guide de lecture v9'),
 (29, 6, 'Inscription dans l''environnement professionnel', 'Insertion professionnelle ou poursuite d''études', 1, 'RNQ — guide de lecture v9'),
 (30, 7, 'Recueil et prise en compte des appréciations et des réclamations', 'Recueil des appréciations des parties prenantes', 0, 'RNQ — guide de lecture v9'),
 (31, 7, 'Recueil et prise en compte des appréciations et des réclamations', 'Traitement des difficultés et des réclamations', 0, 'RNQ — guide de lecture v9'),
 (32, 7, 'Recueil et prise en compte des appréciations et des réclamations', 'Mesures d''amélioration continue', 0, 'RNQ — guide de lecture v9');

-- Evaluations before and after an action (learning support, digital tools,
-- soft skills, citizenship): the scale and target set per action, one row
-- of scores per evaluated participant. Scores survive the rewriting of the
-- attendance sheet; those of apprentices no longer invited are removed with
-- it.
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
CREATE INDEX evaluation_score_apprentice ON evaluation_score (apprentice_id);

-- Support resources (« outils et ressources complémentaires ») and their
-- usage figures, entered per period.
CREATE TABLE support_resource (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    description TEXT,
    provider    TEXT,
    -- Who to contact, or where it is (a room, a web address written as text).
    access      TEXT
);
-- The filières a resource serves; none = every filière.
CREATE TABLE support_resource_programme (
    resource_id  INTEGER NOT NULL REFERENCES support_resource (id) ON DELETE CASCADE,
    programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    PRIMARY KEY (resource_id, programme_id)
) WITHOUT ROWID;
CREATE INDEX support_resource_programme_programme ON support_resource_programme (programme_id);
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
CREATE INDEX resource_usage_period ON resource_usage (period_start);

-- Non-conformities found at an audit, their corrective actions and the log
-- of the monthly steering reviews.
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
CREATE INDEX non_conformity_found ON non_conformity (found_on);
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
CREATE INDEX corrective_action_nc ON corrective_action (non_conformity_id);
CREATE INDEX corrective_action_due ON corrective_action (status, due_date);
CREATE INDEX corrective_action_owner ON corrective_action (owner_id);
CREATE TABLE steering_review (
    id                INTEGER PRIMARY KEY,
    non_conformity_id INTEGER NOT NULL REFERENCES non_conformity (id) ON DELETE CASCADE,
    held_on           TEXT NOT NULL,
    notes             TEXT NOT NULL
);
CREATE INDEX steering_review_nc ON steering_review (non_conformity_id, held_on);
