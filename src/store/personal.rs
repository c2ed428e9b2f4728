//! Personal data (RGPD): everything about one apprentice, and its erasure.
//! An erasure removes the person's rows (their attendance, follow-ups,
//! questionnaires, référent periods, scores go with them), the proofs of
//! those records, the files no other record uses, then rewrites the
//! database (`secure_delete` is on; `VACUUM`; the WAL checkpointed and
//! truncated) so no trace of the person stays in its files.

use chrono::NaiveDateTime;

use super::proofs::{proof_row, PROOF_COLUMNS};
use super::{found, Store};
use crate::error::Result;
use crate::model::*;

/// The proofs that are one apprentice's (`?1`): attached to them, to their
/// follow-ups or to their questionnaires. Also what the retention rule on
/// leavers deletes.
pub(super) const PERSONAL_PROOFS: &str = "(p.record_kind = 'apprentice' AND p.record_id = ?1)
    OR (p.record_kind = 'follow_up' AND p.record_id IN (SELECT id FROM follow_up WHERE apprentice_id = ?1))
    OR (p.record_kind = 'exit_survey' AND p.record_id IN (SELECT id FROM exit_survey WHERE apprentice_id = ?1))";

impl Store {
    /// The proofs attached to the apprentice, their follow-ups and questionnaires.
    pub fn personal_proofs(&self, apprentice: Id) -> Result<Vec<Proof>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {PROOF_COLUMNS} FROM proof p JOIN proof_file f USING (sha256)
             WHERE {PERSONAL_PROOFS} ORDER BY p.proof_date, p.id"
        ))?;
        let rows = stmt.query_map([apprentice], proof_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Everything about one apprentice, as of `now`.
    pub fn personal_data(&self, apprentice: Id, now: NaiveDateTime) -> Result<PersonalData> {
        Ok(PersonalData {
            format: 1,
            exported_at: now.format("%Y-%m-%dT%H:%M:%S").to_string(),
            file: self.apprentice_file(apprentice, now.date())?,
            proofs: self.personal_proofs(apprentice)?,
        })
    }

    /// Erases an apprentice and everything that is theirs alone; afterwards
    /// the database files (WAL included) hold no trace of them.
    pub fn erase_apprentice(&mut self, apprentice: Id) -> Result<ErasureReport> {
        found(
            self.conn.query_row(
                "SELECT id FROM apprentice WHERE id = ?1",
                [apprentice],
                |r| r.get::<_, Id>(0),
            ),
            "Apprenti(e)",
            apprentice,
        )?;
        let count = |sql: &str| -> Result<i64> {
            Ok(self.conn.query_row(sql, [apprentice], |r| r.get(0))?)
        };
        let mut report = ErasureReport {
            attendance: count("SELECT count(*) FROM attendance WHERE apprentice_id = ?1")?,
            follow_ups: count("SELECT count(*) FROM follow_up WHERE apprentice_id = ?1")?,
            exit_surveys: count("SELECT count(*) FROM exit_survey WHERE apprentice_id = ?1")?,
            referent_periods: count(
                "SELECT count(*) FROM referent_period WHERE apprentice_id = ?1",
            )?,
            evaluation_scores: count(
                "SELECT count(*) FROM evaluation_score WHERE apprentice_id = ?1",
            )?,
            proofs: self.conn.query_row(
                &format!("SELECT count(*) FROM proof p WHERE {PERSONAL_PROOFS}"),
                [apprentice],
                |r| r.get(0),
            )?,
            ..ErasureReport::default()
        };
        // One transaction: the row goes, its dependants by cascade, their
        // proofs by the triggers of migration 5.
        self.write(|tx| {
            tx.execute("DELETE FROM apprentice WHERE id = ?1", [apprentice])?;
            Ok(())
        })?;
        report.files_removed = self.remove_unused_files()? as i64;
        report.exports_removed = self.remove_person_exports(apprentice)?;
        self.scrub()?;
        report.backups_holding = self.backups().map(|b| b.len() as i64).unwrap_or(0);
        Ok(report)
    }

    /// The documents printed about the person in « Exports » (their
    /// individual file, their data export: named by their id first).
    fn remove_person_exports(&self, apprentice: Id) -> Result<i64> {
        let Some(dir) = self
            .path()
            .and_then(|p| p.parent())
            .map(|d| d.join(crate::report::EXPORTS_FOLDER))
        else {
            return Ok(0);
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(0);
        };
        let prefixes = [
            format!("dossier-individuel-{apprentice}-"),
            format!("donnees-personnelles-{apprentice}-"),
        ];
        let mut removed = 0;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if prefixes.iter().any(|p| name.starts_with(p.as_str())) {
                std::fs::remove_file(entry.path())
                    .map_err(|e| crate::Error::io(entry.path(), e))?;
                removed += 1;
            }
        }
        if removed > 0 {
            crate::fsio::sync_dir(&dir)?;
        }
        Ok(removed)
    }

    /// Rewrites the database so deleted content is in none of its files:
    /// the WAL is checkpointed and truncated, the file vacuumed, then the
    /// WAL emptied again.
    pub(super) fn scrub(&self) -> Result<()> {
        self.truncate_wal()?;
        self.conn.execute_batch("VACUUM")?;
        self.truncate_wal()
    }

    /// Checkpoints the WAL into the database and empties it; refused (not
    /// silently skipped) while another connection keeps it busy.
    fn truncate_wal(&self) -> Result<()> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(crate::Error::Conflict(
                "Une autre fenêtre ou commande Tremplin lit la base : fermez-la, puis relancez \
                 l’effacement pour qu’il ne reste aucune trace dans le journal de la base."
                    .into(),
            ));
        }
        Ok(())
    }
}
