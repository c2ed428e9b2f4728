//! Pièces justificatives, the integrity check, backups and restore.
//!
//! The webview never sends or receives a path: files come in through the
//! native dialog opened here, in Rust, or as bytes dropped on the window;
//! proofs are named by their id; the system viewer is opened from Rust on a
//! path the core computed inside the proofs folder.

use std::path::PathBuf;

use serde::Deserialize;
use tauri::ipc::{InvokeBody, Request, Response};
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt as _;
use tremplin::model::*;
use tremplin::store::CheckReport;
use tremplin::validate::field_error;

use crate::error::{CommandError, CommandResult};
use crate::state::AppData;

/// The end-to-end test cannot drive a GTK file dialog: when this variable
/// names a file, the « open » dialog answers with it without showing.
pub const TEST_PICK_VARIABLE: &str = "TREMPLIN_TEST_PICK_FILE";
/// Same for the « save » dialog.
pub const TEST_SAVE_VARIABLE: &str = "TREMPLIN_TEST_SAVE_FILE";

pub(crate) fn now() -> chrono::NaiveDateTime {
    chrono::Local::now().naive_local()
}

/// Asks the person for a file to open (native dialog, in Rust).
pub(crate) fn pick_file<R: Runtime>(
    app: &AppHandle<R>,
    title: &str,
    filter: (&str, &[&str]),
) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(TEST_PICK_VARIABLE).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title(title)
        .add_filter(filter.0, filter.1)
        .blocking_pick_file()
        .and_then(|f| f.into_path().ok())
}

/// Asks the person where to save a file (native dialog, in Rust).
fn save_file<R: Runtime>(app: &AppHandle<R>, title: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os(TEST_SAVE_VARIABLE).filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(path));
    }
    app.dialog()
        .file()
        .set_title(title)
        .set_file_name(name)
        .add_filter("Sauvegarde Tremplin", &["tar"])
        .blocking_save_file()
        .and_then(|f| f.into_path().ok())
}

const PROOF_EXTENSIONS: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp",
    "PDF", "JPG", "JPEG", "PNG",
];

#[tauri::command]
pub async fn list_proofs(
    data: State<'_, AppData>,
    record_kind: RecordKind,
    record_id: Id,
) -> CommandResult<Vec<Proof>> {
    Ok(data.store()?.proofs(Some((record_kind, record_id)))?)
}

/// Opens the native dialog and attaches the chosen file; `None` when the
/// person closed the dialog.
#[tauri::command]
pub async fn pick_proof<R: Runtime>(
    app: AppHandle<R>,
    data: State<'_, AppData>,
    input: ProofInput,
) -> CommandResult<Option<Proof>> {
    let Some(path) = pick_document(app, "Joindre une pièce justificative").await else {
        return Ok(None);
    };
    Ok(Some(data.store()?.attach_proof_file(
        &input,
        &path,
        now(),
    )?))
}

/// Asks, off the async runtime, for a proof-like file (PDF, image, office
/// document); `None` when the person closed the dialog.
pub(crate) async fn pick_document<R: Runtime>(
    app: AppHandle<R>,
    title: &'static str,
) -> Option<PathBuf> {
    tauri::async_runtime::spawn_blocking(move || {
        pick_file(
            &app,
            title,
            ("PDF, images, documents bureautiques", PROOF_EXTENSIONS),
        )
    })
    .await
    .ok()
    .flatten()
}

/// What comes with the bytes of a dropped file: what it is for, and the
/// name it had (only shown).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Dropped<T> {
    pub input: T,
    pub name: String,
}

/// A file dropped on the window: its bytes as the raw body, what it is in
/// the `header` header (percent-encoded JSON).
pub(crate) fn dropped<'r, T: serde::de::DeserializeOwned>(
    request: &'r Request<'_>,
    header: &str,
) -> CommandResult<(Dropped<T>, &'r [u8])> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(field_error("file", "Le fichier déposé n’a pas été reçu.").into());
    };
    let text = request
        .headers()
        .get(header)
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
        .unwrap_or_default();
    let described = serde_json::from_str(&text).map_err(|_| {
        CommandError::from(field_error(
            "file",
            "La description du fichier déposé est illisible.",
        ))
    })?;
    Ok((described, bytes))
}

/// Attaches a file dropped on the window: its bytes as the raw body, what
/// it is in the `proof-input` header.
#[tauri::command]
pub fn attach_dropped_proof(
    data: State<'_, AppData>,
    request: Request<'_>,
) -> CommandResult<Proof> {
    let (dropped, bytes) = dropped::<ProofInput>(&request, "proof-input")?;
    Ok(data
        .store()?
        .attach_proof(&dropped.input, &dropped.name, bytes, now())?)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[tauri::command]
pub async fn update_proof(
    data: State<'_, AppData>,
    id: Id,
    input: ProofInput,
) -> CommandResult<Proof> {
    Ok(data.store()?.update_proof(id, &input)?)
}

#[tauri::command]
pub async fn delete_proof(data: State<'_, AppData>, id: Id) -> CommandResult<()> {
    Ok(data.store()?.delete_proof(id)?)
}

/// An image proof's bytes, for its preview (checked against its hash).
#[tauri::command]
pub async fn get_proof_image(data: State<'_, AppData>, id: Id) -> CommandResult<Response> {
    let store = data.store()?;
    let proof = store.proof(id)?;
    if !matches!(proof.file.media, ProofMedia::Jpeg | ProofMedia::Png) {
        return Err(field_error("file", "Seules les images ont un aperçu.").into());
    }
    Ok(Response::new(store.proof_bytes(id)?))
}

/// Opens a proof with the system viewer; the path is computed by the core
/// and must lie inside the proofs folder.
#[tauri::command]
pub async fn open_proof<R: Runtime>(
    app: AppHandle<R>,
    data: State<'_, AppData>,
    id: Id,
) -> CommandResult<()> {
    let (path, root) = {
        let store = data.store()?;
        (store.proof_path(id)?, store.vault()?.root().to_path_buf())
    };
    open_stored(&app, &path, &root)
}

/// Opens a stored file with the system viewer, if it lies inside the
/// proofs folder `root` (the path comes from the core, checked again here).
pub(crate) fn open_stored<R: Runtime>(
    app: &AppHandle<R>,
    path: &std::path::Path,
    root: &std::path::Path,
) -> CommandResult<()> {
    let inside = match (path.canonicalize(), root.canonicalize()) {
        (Ok(path), Ok(root)) => path.starts_with(root) && path.is_file(),
        _ => false,
    };
    if !inside {
        return Err(field_error(
            "file",
            "Ce fichier n’est plus dans le dossier « Preuves » : lancez la vérification.",
        )
        .into());
    }
    use tauri_plugin_opener::OpenerExt as _;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            field_error(
                "file",
                format!("Le système n’a pas pu ouvrir le fichier ({e})."),
            )
            .into()
        })
}

#[tauri::command]
pub async fn check_data(data: State<'_, AppData>) -> CommandResult<CheckReport> {
    Ok(data.store()?.check()?)
}

#[tauri::command]
pub async fn list_backups(data: State<'_, AppData>) -> CommandResult<BackupsView> {
    Ok(data.store()?.backups_view()?)
}

#[tauri::command]
pub async fn set_backup_keep(data: State<'_, AppData>, keep: u32) -> CommandResult<u32> {
    Ok(data.store()?.set_backup_keep(keep)?)
}

/// « Sauvegarder » : asks where, then writes the archive there.
#[tauri::command]
pub async fn save_archive<R: Runtime>(
    app: AppHandle<R>,
    data: State<'_, AppData>,
) -> CommandResult<Option<ArchiveReport>> {
    let name = format!("sauvegarde-tremplin-{}.tar", now().format("%Y-%m-%d"));
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        save_file(&app, "Enregistrer la sauvegarde", &name)
    })
    .await
    .ok()
    .flatten();
    let Some(path) = chosen else {
        return Ok(None);
    };
    Ok(Some(data.store()?.write_archive(&path, now())?))
}

/// « Restaurer » : asks for an archive, verifies all of it, keeps the
/// current data, then replaces it.
#[tauri::command]
pub async fn restore_archive<R: Runtime>(
    app: AppHandle<R>,
    data: State<'_, AppData>,
) -> CommandResult<Option<RestoreReport>> {
    let chosen = tauri::async_runtime::spawn_blocking(move || {
        pick_file(
            &app,
            "Restaurer une sauvegarde",
            ("Sauvegarde Tremplin", &["tar"]),
        )
    })
    .await
    .ok()
    .flatten();
    let Some(archive) = chosen else {
        return Ok(None);
    };
    let report =
        data.reopen_after(|dir| tremplin::backup::restore_archive(dir, &archive, now()))?;
    Ok(Some(report))
}
