-- Tremplin schema, version 8: what spreadsheets bring in.
--
-- The employer's SIRET, as a CFA's management software exports it beside the
-- employer's name (checked like every SIRET: 14 digits, Luhn).
ALTER TABLE apprentice ADD COLUMN employer_siret TEXT;

-- The State's own figures for the CFA (InserJeunes, open data), one row per
-- diploma, year of the file and measure; `value` empty means « not
-- published » (fewer than 20 in the denominator, among others). Rows are
-- kept as published: a filière is found by its diploma code when shown.
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

CREATE INDEX inserjeunes_figure_diploma ON inserjeunes_figure (diploma_code, school_year);
