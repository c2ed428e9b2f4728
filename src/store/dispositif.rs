//! The standing documents of the « dispositif » and their versions. A
//! version's file is stored like a proof's (once per content, under
//! « Preuves », the file before the row); the current version is the one
//! most recently in force, ties going to the last added.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rusqlite::{params, Connection};

use super::proofs::{file_at, read_chosen_file, FILE_COLUMNS};
use super::{code, ensure_exists, found, Store, Writer};
use crate::error::Result;
use crate::model::*;
use crate::validate;
use crate::vault::Vault;

/// The current version first, then the older ones, newest first.
const VERSION_ORDER: &str = "ORDER BY v.issued_on DESC, v.id DESC";

fn versions(conn: &Connection, document_id: Id) -> Result<Vec<DocumentVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT v.id, v.document_id, v.version, v.issued_on, v.note, v.original_name, v.added_at, {FILE_COLUMNS}
         FROM document_version v JOIN proof_file f USING (sha256)
         WHERE v.document_id = ?1 {VERSION_ORDER}"
    ))?;
    let rows = stmt.query_map([document_id], |r| {
        Ok(DocumentVersion {
            id: r.get(0)?,
            document_id: r.get(1)?,
            version: r.get(2)?,
            issued_on: r.get(3)?,
            note: r.get(4)?,
            original_name: r.get(5)?,
            added_at: r.get(6)?,
            current: false,
            file: file_at(r, 7)?,
        })
    })?;
    let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    if let Some(first) = list.first_mut() {
        first.current = true;
    }
    Ok(list)
}

fn document(conn: &Connection, id: Id) -> Result<StandingDocument> {
    let mut doc = found(
        conn.query_row(
            "SELECT id, kind, title, programme_id, notes FROM standing_document WHERE id = ?1",
            [id],
            |r| {
                Ok(StandingDocument {
                    id: r.get(0)?,
                    kind: code(r, 1, StandingDocumentKind::from_code)?,
                    title: r.get(2)?,
                    programme_id: r.get(3)?,
                    notes: r.get(4)?,
                    versions: Vec::new(),
                })
            },
        ),
        "Document du dispositif",
        id,
    )?;
    doc.versions = versions(conn, id)?;
    Ok(doc)
}

impl Store {
    /// Every standing document with its current version, by kind then title.
    pub fn list_standing_documents(&self) -> Result<Vec<StandingDocumentRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT d.id, d.kind, d.title, d.programme_id, p.code,
                    (SELECT v.version FROM document_version v WHERE v.document_id = d.id
                     ORDER BY v.issued_on DESC, v.id DESC LIMIT 1),
                    (SELECT max(v.issued_on) FROM document_version v WHERE v.document_id = d.id),
                    (SELECT count(*) FROM document_version v WHERE v.document_id = d.id)
             FROM standing_document d LEFT JOIN programme p ON p.id = d.programme_id
             ORDER BY d.kind, d.title COLLATE NOCASE, d.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(StandingDocumentRow {
                id: r.get(0)?,
                kind: code(r, 1, StandingDocumentKind::from_code)?,
                title: r.get(2)?,
                programme_id: r.get(3)?,
                programme_code: r.get(4)?,
                current_version: r.get(5)?,
                current_issued_on: r.get(6)?,
                version_count: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn standing_document(&self, id: Id) -> Result<StandingDocument> {
        document(&self.conn, id)
    }

    /// Creates or updates a standing document (its versions come apart).
    pub fn save_standing_document(
        &mut self,
        input: &StandingDocumentInput,
    ) -> Result<StandingDocument> {
        let new = validate::check_standing_document(input)?;
        let id = self.batch(|w| w.save_standing_document(input.id, &new))?;
        self.standing_document(id)
    }

    /// Adds a version from a file the person chose (dialog, command line).
    pub fn add_version_file(
        &mut self,
        input: &VersionInput,
        source: &Path,
        now: NaiveDateTime,
    ) -> Result<StandingDocument> {
        let (name, bytes) = read_chosen_file(source)?;
        self.add_version(input, &name, &bytes, now)
    }

    /// Adds a version from `bytes` (named `original_name` on the person's
    /// computer); an empty label gets the next number.
    pub fn add_version(
        &mut self,
        input: &VersionInput,
        original_name: &str,
        bytes: &[u8],
        now: NaiveDateTime,
    ) -> Result<StandingDocument> {
        let name = validate::display_name(original_name);
        let media = validate::proof_media(&name, bytes);
        let new = validate::check_version(input, &name, now.date())?;
        let media = media.map_err(|m| validate::field_error("file", m))?;
        let vault = self.vault()?;
        let added_at = now.format("%Y-%m-%dT%H:%M:%S").to_string();
        self.batch(|w| w.add_version(&vault, &new, media, bytes, &added_at))?;
        self.standing_document(new.document_id)
    }

    /// Removes one version; its file goes when nothing else uses it.
    pub fn delete_version(&mut self, id: Id) -> Result<StandingDocument> {
        let document_id: Id = found(
            self.conn.query_row(
                "SELECT document_id FROM document_version WHERE id = ?1",
                [id],
                |r| r.get(0),
            ),
            "Version",
            id,
        )?;
        self.write(|tx| {
            tx.execute("DELETE FROM document_version WHERE id = ?1", [id])?;
            Ok(())
        })?;
        self.remove_unused_files()?;
        self.standing_document(document_id)
    }

    /// Where a version's file lies (for the system viewer; never sent to the window).
    pub fn version_path(&self, id: Id) -> Result<PathBuf> {
        let stored: String = found(
            self.conn.query_row(
                "SELECT f.stored_name FROM document_version v JOIN proof_file f USING (sha256) WHERE v.id = ?1",
                [id],
                |r| r.get(0),
            ),
            "Version",
            id,
        )?;
        self.vault()?.path(&stored)
    }
}

impl Writer<'_> {
    pub fn save_standing_document(&self, id: Option<Id>, doc: &NewStandingDocument) -> Result<Id> {
        if let Some(programme) = doc.programme_id {
            ensure_exists(
                self.tx,
                "programme",
                programme,
                "programmeId",
                "Cette filière n’existe plus.",
            )?;
        }
        match id {
            Some(id) => {
                let changed = self.tx.execute(
                    "UPDATE standing_document SET kind = ?1, title = ?2, programme_id = ?3, notes = ?4 WHERE id = ?5",
                    params![doc.kind.code(), doc.title, doc.programme_id, doc.notes, id],
                )?;
                if changed == 0 {
                    return Err(crate::Error::NotFound {
                        entity: "Document du dispositif",
                        id,
                    });
                }
                Ok(id)
            }
            None => {
                self.tx.execute(
                    "INSERT INTO standing_document (kind, title, programme_id, notes) VALUES (?1, ?2, ?3, ?4)",
                    params![doc.kind.code(), doc.title, doc.programme_id, doc.notes],
                )?;
                Ok(Id(self.tx.last_insert_rowid()))
            }
        }
    }

    /// Stores the file, then the version row; an empty label gets the next
    /// free number. Returns the version's id.
    pub fn add_version(
        &self,
        vault: &Vault,
        new: &NewVersion,
        media: ProofMedia,
        bytes: &[u8],
        added_at: &str,
    ) -> Result<Id> {
        ensure_exists(
            self.tx,
            "standing_document",
            new.document_id,
            "documentId",
            "Ce document du dispositif n’existe plus : la version n’a pas été ajoutée.",
        )?;
        let taken = |label: &str| -> Result<bool> {
            Ok(self.tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM document_version WHERE document_id = ?1 AND version = ?2)",
                params![new.document_id, label],
                |r| r.get(0),
            )?)
        };
        let label = match &new.version {
            Some(label) if taken(label)? => {
                return Err(validate::field_error(
                    "version",
                    format!("La version « {label} » de ce document existe déjà."),
                ));
            }
            Some(label) => label.clone(),
            None => {
                let mut n: i64 = self.tx.query_row(
                    "SELECT count(*) + 1 FROM document_version WHERE document_id = ?1",
                    [new.document_id],
                    |r| r.get(0),
                )?;
                while taken(&n.to_string())? {
                    n += 1;
                }
                n.to_string()
            }
        };
        let sha256 = self.store_file(vault, media, &new.original_name, bytes, added_at)?;
        self.tx.execute(
            "INSERT INTO document_version (document_id, version, issued_on, sha256, original_name, note, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                new.document_id,
                label,
                new.issued_on,
                sha256,
                new.original_name,
                new.note,
                added_at
            ],
        )?;
        Ok(Id(self.tx.last_insert_rowid()))
    }
}
