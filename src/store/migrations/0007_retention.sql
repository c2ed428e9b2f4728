-- Tremplin schema, version 7: the day an apprentice's identity was
-- anonymised by the retention rules (RGPD), so a rule never runs twice on
-- the same person; empty while the person is known by name.

ALTER TABLE apprentice ADD COLUMN anonymised_on TEXT;
