//! Pièces justificatives: the rows (`proof`, `proof_file`) beside the files
//! of [`crate::vault`]. The file is written first, the row second: a crash
//! in between leaves an orphan file (reported by `check`), never a row
//! without its file.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use rayon::prelude::*;
use rusqlite::{params, Connection, OptionalExtension};

use super::{code, ensure_exists, found, Store};
use crate::error::{Error, Result};
use crate::fsio;
use crate::model::*;
use crate::validate::{self, PROOF_MAX_BYTES};
use crate::vault::{self, Vault};

pub(super) const PROOF_COLUMNS: &str = "p.id, p.record_kind, p.record_id, p.kind, p.title, p.proof_date,
    p.original_name, p.added_at, f.sha256, f.media, f.size, f.pages, f.pdf_title, f.width, f.height";

pub(super) fn proof_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Proof> {
    Ok(Proof {
        id: r.get(0)?,
        record_kind: code(r, 1, RecordKind::from_code)?,
        record_id: r.get(2)?,
        kind: code(r, 3, ProofKind::from_code)?,
        title: r.get(4)?,
        date: r.get(5)?,
        original_name: r.get(6)?,
        added_at: r.get(7)?,
        file: file_at(r, 8)?,
    })
}

/// What the file itself says: pages and title of a PDF, pixels of an image.
fn describe(media: ProofMedia, bytes: &[u8]) -> (Option<i64>, Option<String>, Option<(i64, i64)>) {
    match media {
        ProofMedia::Pdf => match lopdf::Document::load_mem(bytes) {
            Ok(doc) => {
                let pages = doc.get_pages().len() as i64;
                let title = doc
                    .trailer
                    .get(b"Info")
                    .and_then(|info| doc.dereference(info))
                    .and_then(|(_, info)| info.as_dict())
                    .and_then(|info| info.get(b"Title"))
                    .ok()
                    .and_then(|t| lopdf::decode_text_string(t).ok())
                    .map(|t| t.trim().to_owned())
                    .filter(|t| !t.is_empty());
                (Some(pages), title, None)
            }
            // A PDF lopdf cannot read is kept as it is: the dossier will
            // explain it on its own page.
            Err(_) => (None, None, None),
        },
        ProofMedia::Jpeg | ProofMedia::Png => {
            let size = image::ImageReader::new(std::io::Cursor::new(bytes))
                .with_guessed_format()
                .ok()
                .and_then(|r| r.into_dimensions().ok());
            (None, None, size.map(|(w, h)| (w as i64, h as i64)))
        }
        ProofMedia::Office => (None, None, None),
    }
}

impl Store {
    /// The data folder (the database's own folder).
    pub fn data_dir(&self) -> Result<PathBuf> {
        self.path()
            .and_then(|p| p.parent())
            .map(Path::to_path_buf)
            .ok_or_else(|| {
                validate::field_error(
                    "file",
                    "Une base en mémoire n’a pas de dossier où ranger des fichiers.",
                )
            })
    }

    /// The proofs folder of this database.
    pub fn vault(&self) -> Result<Vault> {
        Ok(Vault::in_data_dir(&self.data_dir()?))
    }

    /// Attaches a file the person chose (native dialog, CLI): read here,
    /// refused if it is not an ordinary file or too big.
    pub fn attach_proof_file(
        &mut self,
        input: &ProofInput,
        source: &Path,
        now: NaiveDateTime,
    ) -> Result<Proof> {
        let (name, bytes) = read_chosen_file(source)?;
        self.attach_proof(input, &name, &bytes, now)
    }

    /// Attaches `bytes` (named `original_name` on the person's computer) to
    /// a record: stored once per content, the file first, then the rows in
    /// one transaction.
    pub fn attach_proof(
        &mut self,
        input: &ProofInput,
        original_name: &str,
        bytes: &[u8],
        now: NaiveDateTime,
    ) -> Result<Proof> {
        let name = validate::display_name(original_name);
        let media = validate::proof_media(&name, bytes);
        let new = validate::check_proof(input, &name, media.clone(), now.date())?;
        let media = media.map_err(|m| validate::field_error("file", m))?;
        ensure_record(&self.conn, new.record_kind, new.record_id)?;
        let vault = self.vault()?;
        let added_at = now.format("%Y-%m-%dT%H:%M:%S").to_string();
        let id = self.batch(|w| w.attach_proof(&vault, &new, media, bytes, &added_at))?;
        self.proof(id)
    }

    pub fn proof(&self, id: Id) -> Result<Proof> {
        found(
            self.conn.query_row(
                &format!(
                    "SELECT {PROOF_COLUMNS} FROM proof p JOIN proof_file f USING (sha256) WHERE p.id = ?1"
                ),
                [id],
                proof_row,
            ),
            "Pièce justificative",
            id,
        )
    }

    /// The proofs of one record, or all of them; by date then title.
    pub fn proofs(&self, target: Option<(RecordKind, Id)>) -> Result<Vec<Proof>> {
        let order = "ORDER BY p.proof_date, p.title COLLATE NOCASE, p.id";
        let select =
            format!("SELECT {PROOF_COLUMNS} FROM proof p JOIN proof_file f USING (sha256)");
        let rows = match target {
            Some((kind, id)) => {
                let mut stmt = self.conn.prepare_cached(&format!(
                    "{select} WHERE p.record_kind = ?1 AND p.record_id = ?2 {order}"
                ))?;
                let rows = stmt.query_map(params![kind.code(), id], proof_row)?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            }
            None => {
                let mut stmt = self.conn.prepare(&format!("{select} {order}"))?;
                let rows = stmt.query_map([], proof_row)?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            }
        };
        Ok(rows)
    }

    /// Where a proof's file lies (for the system viewer; never sent to the window).
    pub fn proof_path(&self, id: Id) -> Result<PathBuf> {
        let stored: String = found(
            self.conn.query_row(
                "SELECT f.stored_name FROM proof p JOIN proof_file f USING (sha256) WHERE p.id = ?1",
                [id],
                |r| r.get(0),
            ),
            "Pièce justificative",
            id,
        )?;
        self.vault()?.path(&stored)
    }

    /// A proof's bytes, checked against its hash (an altered file is not shown
    /// as if it were the proof).
    pub fn proof_bytes(&self, id: Id) -> Result<Vec<u8>> {
        let proof = self.proof(id)?;
        let path = self.proof_path(id)?;
        let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
        if fsio::sha256_hex(&bytes) != proof.file.sha256 {
            return Err(Error::Corrupt(format!(
                "le fichier de la pièce « {} » a été modifié depuis son ajout.",
                proof.title
            )));
        }
        Ok(bytes)
    }

    /// Changes a proof's kind, title or date (the file stays).
    pub fn update_proof(&mut self, id: Id, input: &ProofInput) -> Result<Proof> {
        let current = self.proof(id)?;
        let new = validate::check_proof(
            input,
            &current.original_name,
            Ok(current.file.media),
            current.date,
        )?;
        self.write(|tx| {
            tx.execute(
                "UPDATE proof SET kind = ?1, title = ?2, proof_date = ?3 WHERE id = ?4",
                params![new.kind.code(), new.title, new.date, id],
            )?;
            Ok(())
        })?;
        self.proof(id)
    }

    /// Removes a proof; its file goes too when no other proof uses it.
    pub fn delete_proof(&mut self, id: Id) -> Result<()> {
        self.proof(id)?;
        self.write(|tx| {
            tx.execute("DELETE FROM proof WHERE id = ?1", [id])?;
            Ok(())
        })?;
        self.remove_unused_files()?;
        Ok(())
    }

    /// Files no proof nor document version uses any more: the rows
    /// go in one transaction, then the files. A file that cannot be removed
    /// stays as an orphan for `check` to report. Returns how many went.
    pub fn remove_unused_files(&mut self) -> Result<usize> {
        let Ok(vault) = self.vault() else {
            return Ok(0);
        };
        let unused: Vec<String> = self.write(|tx| {
            let names = {
                let mut stmt = tx.prepare(
                    "SELECT stored_name FROM proof_file f
                     WHERE NOT EXISTS (SELECT 1 FROM proof p WHERE p.sha256 = f.sha256)
                       AND NOT EXISTS (SELECT 1 FROM document_version v WHERE v.sha256 = f.sha256)",
                )?;
                let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
                rows.collect::<rusqlite::Result<Vec<_>>>()?
            };
            tx.execute(
                "DELETE FROM proof_file
                 WHERE NOT EXISTS (SELECT 1 FROM proof p WHERE p.sha256 = proof_file.sha256)
                   AND NOT EXISTS (SELECT 1 FROM document_version v WHERE v.sha256 = proof_file.sha256)",
                [],
            )?;
            Ok(names)
        })?;
        let mut removed = 0;
        for name in &unused {
            if let Ok(path) = vault.path(name) {
                if std::fs::remove_file(&path).is_ok() {
                    removed += 1;
                    if let Some(dir) = path.parent() {
                        let _ = fsio::sync_dir(dir);
                    }
                }
            }
        }
        Ok(removed)
    }

    /// Every stored file hashed again against its row; files no row knows,
    /// rows without their file, leftovers of interrupted writes, proofs of
    /// records that no longer exist.
    pub fn check_proofs(&self) -> Result<ProofCheck> {
        let mut report = ProofCheck::default();
        let Ok(vault) = self.vault() else {
            return Ok(report);
        };
        let files: Vec<(String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT sha256, stored_name FROM proof_file ORDER BY stored_name")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let scan = vault.scan()?;
        let known: std::collections::HashSet<&str> =
            files.iter().map(|(_, name)| name.as_str()).collect();
        report.orphans = scan
            .stored
            .iter()
            .filter(|name| !known.contains(name.as_str()))
            .chain(scan.strangers.iter())
            .cloned()
            .collect();
        report.orphans.sort();
        report.leftovers = scan.leftovers;
        enum State {
            Good(u64),
            Missing,
            Altered(u64),
        }
        let states: Vec<State> = files
            .par_iter()
            .map(|(sha, name)| match vault.path(name) {
                Err(_) => State::Missing,
                Ok(path) => match fsio::hash_file(&path) {
                    Ok((actual, size)) if &actual == sha => State::Good(size),
                    Ok((_, size)) => State::Altered(size),
                    Err(_) => State::Missing,
                },
            })
            .collect();
        for ((sha, name), state) in files.iter().zip(states) {
            let problem = || -> Result<ProofFileProblem> {
                Ok(ProofFileProblem {
                    sha256: sha.clone(),
                    stored_name: name.clone(),
                    proofs: proof_uses(&self.conn, sha)?,
                })
            };
            match state {
                State::Good(size) => {
                    report.files_checked += 1;
                    report.bytes_checked += size as i64;
                }
                State::Altered(size) => {
                    report.files_checked += 1;
                    report.bytes_checked += size as i64;
                    report.altered.push(problem()?);
                }
                State::Missing => report.missing.push(problem()?),
            }
        }
        for kind in RecordKind::ALL {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT p.id, p.record_id, p.title FROM proof p
                 WHERE p.record_kind = ?1 AND NOT EXISTS (SELECT 1 FROM {} t WHERE t.id = p.record_id)",
                kind.table()
            ))?;
            let rows = stmt.query_map([kind.code()], |r| {
                Ok(ProofUse {
                    proof_id: r.get(0)?,
                    record_kind: *kind,
                    record_id: r.get(1)?,
                    title: r.get(2)?,
                })
            })?;
            report
                .dangling
                .extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        Ok(report)
    }

    /// How many proofs each record of a kind has (for lists).
    pub fn proof_counts(&self, kind: RecordKind) -> Result<std::collections::HashMap<Id, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT record_id, count(*) FROM proof WHERE record_kind = ?1 GROUP BY record_id",
        )?;
        let rows = stmt.query_map([kind.code()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn proof_uses(conn: &Connection, sha256: &str) -> Result<Vec<ProofUse>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, record_kind, record_id, title FROM proof WHERE sha256 = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([sha256], |r| {
        Ok(ProofUse {
            proof_id: r.get(0)?,
            record_kind: code(r, 1, RecordKind::from_code)?,
            record_id: r.get(2)?,
            title: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A file a person chose (dialog, command line): its name and bytes, refused
/// if it is not an ordinary file or larger than [`PROOF_MAX_BYTES`].
pub(super) fn read_chosen_file(source: &Path) -> Result<(String, Vec<u8>)> {
    let meta = std::fs::metadata(source).map_err(|e| Error::io(source, e))?;
    if !meta.is_file() {
        return Err(validate::field_error(
            "file",
            "Choisissez un fichier (pas un dossier ni un périphérique).",
        ));
    }
    if meta.len() > PROOF_MAX_BYTES {
        return Err(validate::field_error(
            "file",
            format!(
                "Le fichier est trop gros ({} Mo au plus).",
                PROOF_MAX_BYTES / (1024 * 1024)
            ),
        ));
    }
    let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok((name, bytes))
}

/// The columns of `proof_file` as a [`ProofFile`], from `first` on.
pub(super) fn file_at(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<ProofFile> {
    Ok(ProofFile {
        sha256: r.get(first)?,
        media: code(r, first + 1, ProofMedia::from_code)?,
        size: r.get(first + 2)?,
        pages: r.get(first + 3)?,
        pdf_title: r.get(first + 4)?,
        width: r.get(first + 5)?,
        height: r.get(first + 6)?,
    })
}

/// `proof_file`'s columns for [`file_at`], table alias `f`.
pub(super) const FILE_COLUMNS: &str =
    "f.sha256, f.media, f.size, f.pages, f.pdf_title, f.width, f.height";

fn ensure_record(conn: &Connection, kind: RecordKind, id: Id) -> Result<()> {
    ensure_exists(
        conn,
        kind.table(),
        id,
        "recordId",
        &format!(
            "{} n° {id} introuvable : la pièce n’a pas été ajoutée.",
            kind.label()
        ),
    )
}

fn insert_proof(conn: &Connection, new: &NewProof, sha256: &str, added_at: &str) -> Result<Id> {
    conn.execute(
        "INSERT INTO proof (record_kind, record_id, sha256, kind, title, proof_date, original_name, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new.record_kind.code(),
            new.record_id,
            sha256,
            new.kind.code(),
            new.title,
            new.date,
            new.original_name,
            added_at
        ],
    )?;
    Ok(Id(conn.last_insert_rowid()))
}

impl super::Writer<'_> {
    /// Attaches bytes inside a larger write (the demo): the file is written
    /// before the transaction commits — an interrupted batch leaves an orphan
    /// file, never a row without its file.
    pub fn attach_proof(
        &self,
        vault: &Vault,
        new: &NewProof,
        media: ProofMedia,
        bytes: &[u8],
        added_at: &str,
    ) -> Result<Id> {
        let sha256 = self.store_file(vault, media, &new.original_name, bytes, added_at)?;
        insert_proof(self.tx, new, &sha256, added_at)
    }

    /// Stores `bytes` once per content: the file under « Preuves » first,
    /// then its `proof_file` row (a file already known is neither written
    /// nor counted twice). Returns its hash.
    pub fn store_file(
        &self,
        vault: &Vault,
        media: ProofMedia,
        original_name: &str,
        bytes: &[u8],
        added_at: &str,
    ) -> Result<String> {
        let sha256 = fsio::sha256_hex(bytes);
        let known: Option<String> = self
            .tx
            .query_row(
                "SELECT stored_name FROM proof_file WHERE sha256 = ?1",
                [&sha256],
                |r| r.get(0),
            )
            .optional()?;
        if known.is_none() {
            let stored = vault::stored_name(&sha256, media, original_name);
            vault.put(&stored, &sha256, bytes)?;
            let (pages, pdf_title, size) = describe(media, bytes);
            self.tx.execute(
                "INSERT INTO proof_file (sha256, stored_name, media, size, pages, pdf_title, width, height, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    sha256,
                    stored,
                    media.code(),
                    bytes.len() as i64,
                    pages,
                    pdf_title,
                    size.map(|s| s.0),
                    size.map(|s| s.1),
                    added_at
                ],
            )?;
        }
        Ok(sha256)
    }
}
