//! The one error type of the core: every failure a user can meet, with a stable
//! machine code (for the UI to branch on) and a French message (for people).
//!
//! Messages are French because they reach the administrator as they are; logs
//! may add English context around them. Never flatten a kind into a string.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

/// A problem with one field of a form, shown next to that field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct FieldError {
    /// The input field's name, as in the input struct (`camelCase` on the wire).
    pub field: String,
    /// A French sentence saying what is wrong and how to fix it.
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// User input broke one or more rules; nothing was written.
    #[error("{}", validation_summary(.0))]
    Validation(Vec<FieldError>),

    /// A record asked for by id does not exist (any more).
    #[error("{entity} introuvable (n° {id}) : il a peut-être été supprimé entre-temps.")]
    NotFound {
        entity: &'static str,
        id: crate::model::Id,
    },

    /// The write would break a rule involving other records (a duplicate code,
    /// a record others depend on).
    #[error("{0}")]
    Conflict(String),

    /// The database file was written by a newer Tremplin.
    #[error(
        "Cette base de données a été créée par une version plus récente de Tremplin \
         (schéma {found}, cette version connaît le schéma {supported}). Elle n’a pas été \
         modifiée : installez la dernière version de Tremplin pour l’ouvrir."
    )]
    SchemaTooNew { found: i64, supported: i64 },

    /// The file is an SQLite database, but not one of ours.
    #[error("Le fichier {path} n’est pas une base Tremplin : il n’a pas été modifié.")]
    NotTremplinDatabase { path: PathBuf },

    /// SQLite reported damage (integrity_check failed, or the file is not a database).
    #[error("La base de données est endommagée : {0}")]
    Corrupt(String),

    /// Any other SQLite failure (disk full, locked, I/O).
    #[error("Erreur de la base de données : {}", storage_message(.0))]
    Storage(#[from] rusqlite::Error),

    /// A file could not be read or written.
    #[error("Impossible d’accéder au fichier {} : {}", .path.display(), io_message(.source))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// A document could not be produced (bad model, unreadable font).
    #[error("Le document n’a pas pu être produit : {0}")]
    Document(String),

    /// A backup archive was refused before anything was replaced.
    #[error(
        "Cette sauvegarde ne peut pas être restaurée : {0} Vos données actuelles n’ont pas été modifiées."
    )]
    Archive(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Stable code sent to the UI; tests and scripts rely on these strings.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Validation(_) => "validation",
            Error::NotFound { .. } => "not_found",
            Error::Conflict(_) => "conflict",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::NotTremplinDatabase { .. } => "not_tremplin_database",
            Error::Corrupt(_) => "corrupt",
            Error::Storage(_) => "storage",
            Error::Io { .. } => "io",
            Error::Document(_) => "document",
            Error::Archive(_) => "invalid_archive",
        }
    }

    /// The field errors of a validation failure, empty for other kinds.
    pub fn field_errors(&self) -> &[FieldError] {
        match self {
            Error::Validation(errors) => errors,
            _ => &[],
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Error::Validation(vec![FieldError::new(field, message)])
    }
}

fn validation_summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "Saisie invalide.".to_owned(),
        [one] => one.message.clone(),
        several => format!(
            "{} champs sont à corriger : voyez le message sous chacun.",
            several.len()
        ),
    }
}

fn storage_message(error: &rusqlite::Error) -> String {
    use rusqlite::ffi::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => {
            "le disque est plein ; libérez de la place puis recommencez.".into()
        }
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "la base est occupée par un autre programme Tremplin ; fermez-le puis recommencez."
                .into()
        }
        Some(ErrorCode::ReadOnly) => "la base est en lecture seule (droits du dossier ?).".into(),
        Some(ErrorCode::CannotOpen) => {
            "le fichier ne peut pas être ouvert (dossier absent ou droits insuffisants).".into()
        }
        Some(ErrorCode::NotADatabase) => "le fichier n’est pas une base de données SQLite.".into(),
        Some(ErrorCode::DatabaseCorrupt) => "le fichier est endommagé.".into(),
        _ => format!("{error}"),
    }
}

fn io_message(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "fichier ou dossier introuvable".into(),
        ErrorKind::PermissionDenied => "accès refusé".into(),
        ErrorKind::AlreadyExists => "le fichier existe déjà".into(),
        ErrorKind::StorageFull => "le disque est plein".into(),
        ErrorKind::ReadOnlyFilesystem => "le disque est en lecture seule".into(),
        _ => error.to_string(),
    }
}

/// An error as it crosses to the UI: `{ code, message, fields }`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorPayload {
    /// Stable code: `validation`, `not_found`, `conflict`, `schema_too_new`,
    /// `not_tremplin_database`, `corrupt`, `storage`, `io`, `document`,
    /// `invalid_archive`.
    pub code: String,
    /// French message for people.
    pub message: String,
    /// For `validation`: one message per field to fix.
    pub fields: Vec<FieldError>,
}

impl From<&Error> for ErrorPayload {
    fn from(error: &Error) -> Self {
        Self {
            code: error.code().to_owned(),
            message: error.to_string(),
            fields: error.field_errors().to_vec(),
        }
    }
}
