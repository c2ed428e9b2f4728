//! The whole dataset as one JSON file (docs/interchange.md): every record of
//! every kind, table by table in an order where a record comes after those
//! it points at, rows by primary key, fields in the schema's order. Files of
//! proofs are referenced by their SHA-256 (they travel in the archive).
//!
//! The export is deterministic: export → import → export gives the same
//! bytes. The import goes into an empty database only; the file is checked
//! field by field while it is written in one transaction, and the first bad
//! field (its JSON path) refuses it whole.

use std::collections::HashMap;
use std::fmt::Write as _;

use rusqlite::types::{Value as Sql, ValueRef};
use serde_json::Value;

use super::{Store, LATEST_VERSION};
use crate::error::{Error, Result};
use crate::validate::field_error;

/// The name in the file's `format` field.
pub const FORMAT: &str = "tremplin-interchange";
/// The format's version; a change that an older Tremplin could not read
/// raises it.
pub const FORMAT_VERSION: i64 = 1;

/// Every table of a CFA's data, each after the tables it refers to. The
/// Qualiopi reference framework (`framework_indicator`) is not data: the
/// schema brings it.
pub const TABLES: &[&str] = &[
    "organisation",
    "setting",
    "programme",
    "cohort",
    "staff",
    "apprentice",
    "referent_period",
    "partner",
    "agreement",
    "action",
    "action_cohort",
    "action_partner",
    "action_staff",
    "attendance",
    "evaluation",
    "evaluation_score",
    "exit_survey",
    "follow_up",
    "follow_up_topic",
    "action_plan",
    "objective",
    "objective_kind",
    "action_objective",
    "milestone_year",
    "milestone",
    "relayed_offer",
    "offer_programme",
    "annual_review",
    "annual_review_objective",
    "support_resource",
    "support_resource_programme",
    "resource_usage",
    "non_conformity",
    "corrective_action",
    "steering_review",
    "proof_file",
    "proof",
    "standing_document",
    "document_version",
    "inserjeunes_figure",
];

/// Tables the schema itself fills: left out of the file.
pub const SCHEMA_TABLES: &[&str] = &["framework_indicator"];

struct Column {
    name: String,
    /// Declared type: INTEGER, TEXT, REAL.
    kind: String,
    not_null: bool,
    has_default: bool,
    /// Position in the primary key (0: not in it).
    pk: i64,
}

struct ForeignKey {
    column: String,
    table: String,
    to: String,
}

fn columns(conn: &rusqlite::Connection, table: &str) -> Result<Vec<Column>> {
    let mut stmt = conn.prepare(&format!("PRAGMA table_info({table})"))?;
    let rows = stmt.query_map([], |r| {
        Ok(Column {
            name: r.get(1)?,
            kind: r.get::<_, String>(2)?.to_uppercase(),
            not_null: r.get(3)?,
            has_default: r.get::<_, Option<String>>(4)?.is_some(),
            pk: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn foreign_keys(conn: &rusqlite::Connection, table: &str) -> Result<Vec<ForeignKey>> {
    let mut stmt = conn.prepare(&format!("PRAGMA foreign_key_list({table})"))?;
    let rows = stmt.query_map([], |r| {
        Ok(ForeignKey {
            table: r.get(2)?,
            column: r.get(3)?,
            to: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A field holding a day, written ISO `aaaa-mm-jj`.
fn is_day(column: &str) -> bool {
    column.ends_with("_date")
        || column.ends_with("_on")
        || matches!(
            column,
            "contract_start" | "contract_end" | "period_start" | "period_end" | "valid_until"
        )
}

impl Store {
    /// The whole dataset, as the bytes of its JSON file.
    pub fn export_data(&self) -> Result<Vec<u8>> {
        let mut out = String::with_capacity(1 << 20);
        let _ = write!(
            out,
            "{{\n\"format\": \"{FORMAT}\",\n\"version\": {FORMAT_VERSION},\n\"schemaVersion\": {},\n\"tables\": {{",
            self.schema_version()?
        );
        for (t, table) in TABLES.iter().enumerate() {
            let cols = columns(&self.conn, table)?;
            let mut order: Vec<&Column> = cols.iter().filter(|c| c.pk > 0).collect();
            order.sort_by_key(|c| c.pk);
            let order = if order.is_empty() {
                "rowid".to_string()
            } else {
                order
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
            let sql = format!("SELECT {} FROM {table} ORDER BY {order}", names.join(", "));
            let mut stmt = self.conn.prepare(&sql)?;
            let mut rows = stmt.query([])?;
            let _ = write!(out, "{}\n\"{table}\": [", if t == 0 { "" } else { "," });
            let mut first = true;
            while let Some(row) = rows.next()? {
                out.push_str(if first { "\n  {" } else { ",\n  {" });
                first = false;
                for (i, name) in names.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    let _ = write!(out, "\"{name}\": ");
                    match row.get_ref(i)? {
                        ValueRef::Null => out.push_str("null"),
                        ValueRef::Integer(v) => {
                            let _ = write!(out, "{v}");
                        }
                        ValueRef::Real(v) => {
                            out.push_str(&serde_json::to_string(&v).map_err(json_error)?)
                        }
                        ValueRef::Text(v) => {
                            let text = String::from_utf8_lossy(v);
                            out.push_str(&serde_json::to_string(&text).map_err(json_error)?);
                        }
                        ValueRef::Blob(_) => {
                            return Err(Error::Document(format!(
                                "{table}.{name} : valeur binaire inattendue"
                            )))
                        }
                    }
                }
                out.push('}');
            }
            out.push_str(if first { "]" } else { "\n]" });
        }
        out.push_str("\n}\n}\n");
        Ok(out.into_bytes())
    }

    /// Loads a file made by [`Store::export_data`] into this empty database,
    /// all of it or nothing. Returns the count of records written.
    pub fn import_data(&mut self, bytes: &[u8]) -> Result<usize> {
        let value: Value = serde_json::from_slice(bytes).map_err(|e| {
            field_error(
                "file",
                format!(
                    "Ce fichier n’est pas un JSON valide (ligne {}, colonne {}) : {e}. Rien n’a été importé.",
                    e.line(),
                    e.column()
                ),
            )
        })?;
        let bad = |path: &str, message: &str| {
            field_error("file", format!("{path} : {message} Rien n’a été importé."))
        };
        if value.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(bad(
                "$.format",
                &format!("ce fichier n’est pas un export Tremplin (« {FORMAT} » attendu)."),
            ));
        }
        match value.get("version").and_then(Value::as_i64) {
            Some(FORMAT_VERSION) => {}
            Some(v) if v > FORMAT_VERSION => {
                return Err(bad(
                    "$.version",
                    &format!(
                    "le format {v} vient d’une version plus récente de Tremplin : installez-la."
                ),
                ))
            }
            _ => {
                return Err(bad(
                    "$.version",
                    &format!("version du format attendue : {FORMAT_VERSION}."),
                ))
            }
        }
        match value.get("schemaVersion").and_then(Value::as_i64) {
            Some(v) if (1..=LATEST_VERSION).contains(&v) => {}
            Some(v) if v > LATEST_VERSION => {
                return Err(bad(
                    "$.schemaVersion",
                    &format!(
                    "le schéma {v} vient d’une version plus récente de Tremplin : installez-la."
                ),
                ))
            }
            _ => return Err(bad("$.schemaVersion", "un numéro de schéma est attendu.")),
        }
        let Some(tables) = value.get("tables").and_then(Value::as_object) else {
            return Err(bad(
                "$.tables",
                "un objet d’enregistrements par table est attendu.",
            ));
        };
        if let Some(unknown) = tables.keys().find(|k| !TABLES.contains(&k.as_str())) {
            return Err(bad(
                &format!("$.tables.{unknown}"),
                "ce type d’enregistrement n’existe pas.",
            ));
        }
        for table in TABLES.iter().filter(|t| **t != "setting") {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
            if n > 0 {
                return Err(field_error(
                    "file",
                    "La base n’est pas vide : un jeu de données complet ne s’importe que dans une base neuve (ouvrez un autre dossier de données).",
                ));
            }
        }
        self.batch(|w| {
            let tx = w.reader();
            let mut written = 0;
            for table in TABLES {
                let Some(records) = tables.get(*table) else { continue };
                let path = format!("$.tables.{table}");
                let Some(records) = records.as_array() else {
                    return Err(bad(&path, "une liste d’enregistrements est attendue."));
                };
                let cols = columns(tx, table)?;
                let fks = foreign_keys(tx, table)?;
                let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
                let verb = if *table == "setting" { "INSERT OR REPLACE" } else { "INSERT" };
                let sql = format!(
                    "{verb} INTO {table} ({}) VALUES ({})",
                    names.join(", "),
                    (1..=names.len()).map(|i| format!("?{i}")).collect::<Vec<_>>().join(", ")
                );
                let mut insert = tx.prepare(&sql)?;
                let mut checks: HashMap<&str, rusqlite::CachedStatement<'_>> = HashMap::new();
                for fk in &fks {
                    checks.insert(
                        fk.column.as_str(),
                        tx.prepare_cached(&format!("SELECT 1 FROM {} WHERE {} = ?1", fk.table, fk.to))?,
                    );
                }
                for (i, record) in records.iter().enumerate() {
                    let here = format!("{path}[{i}]");
                    let Some(fields) = record.as_object() else {
                        return Err(bad(&here, "un objet est attendu."));
                    };
                    if let Some(unknown) = fields.keys().find(|k| !names.contains(&k.as_str())) {
                        return Err(bad(&format!("{here}.{unknown}"), "ce champ n’existe pas pour ce type d’enregistrement."));
                    }
                    let mut values: Vec<Sql> = Vec::with_capacity(cols.len());
                    for c in &cols {
                        let at = format!("{here}.{}", c.name);
                        let v = match fields.get(&c.name) {
                            None | Some(Value::Null) => {
                                if c.not_null && !c.has_default && c.pk == 0 {
                                    return Err(bad(&at, "ce champ est obligatoire."));
                                }
                                Sql::Null
                            }
                            Some(v) => match (c.kind.as_str(), v) {
                                ("INTEGER", Value::Number(n)) if n.is_i64() => Sql::Integer(n.as_i64().unwrap_or_default()),
                                ("INTEGER", Value::Bool(b)) => Sql::Integer(i64::from(*b)),
                                ("REAL", Value::Number(n)) => Sql::Real(n.as_f64().unwrap_or_default()),
                                ("TEXT", Value::String(s)) => {
                                    if is_day(&c.name) && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_err() {
                                        return Err(bad(&at, &format!("« {s} » n’est pas une date aaaa-mm-jj.")));
                                    }
                                    Sql::Text(s.clone())
                                }
                                ("INTEGER", _) => return Err(bad(&at, "un nombre entier est attendu.")),
                                ("REAL", _) => return Err(bad(&at, "un nombre est attendu.")),
                                _ => return Err(bad(&at, "un texte est attendu.")),
                            },
                        };
                        if let (Some(check), false) = (checks.get_mut(c.name.as_str()), v == Sql::Null) {
                            if !check.exists([&v])? {
                                return Err(bad(&at, "renvoie à un enregistrement absent du fichier (ou placé après lui)."));
                            }
                        }
                        values.push(v);
                    }
                    match insert.execute(rusqlite::params_from_iter(values.iter())) {
                        Ok(_) => written += 1,
                        Err(rusqlite::Error::SqliteFailure(e, message))
                            if e.code == rusqlite::ErrorCode::ConstraintViolation =>
                        {
                            let what = message.unwrap_or_default();
                            let reason = if what.contains("UNIQUE") || what.contains("PRIMARY KEY") {
                                "cet enregistrement en double un autre (même identifiant ou même clé)."
                            } else if what.contains("CHECK") {
                                "une valeur est hors des règles de ce champ (contrainte non respectée)."
                            } else {
                                "cet enregistrement ne respecte pas les règles de la base."
                            };
                            return Err(bad(&here, &format!("{reason} ({what})")));
                        }
                        Err(other) => return Err(other.into()),
                    }
                }
            }
            let problems: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
            if problems > 0 {
                return Err(bad("$.tables", &format!("{problems} enregistrement(s) renvoient à des enregistrements absents.")));
            }
            Ok(written)
        })
    }
}

fn json_error(e: serde_json::Error) -> Error {
    Error::Document(format!("JSON : {e}"))
}
