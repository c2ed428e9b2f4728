//! The standing documents of the « dispositif » and their versions. Files
//! come in as for proofs: through the native dialog opened here, or as the
//! bytes of a file dropped on the window; no path crosses.

use tauri::ipc::Request;
use tauri::{AppHandle, Runtime, State};
use tremplin::model::*;

use super::proofs::{dropped, now, open_stored, pick_document};
use crate::error::CommandResult;
use crate::state::AppData;

#[tauri::command]
pub async fn list_standing_documents(
    data: State<'_, AppData>,
) -> CommandResult<Vec<StandingDocumentRow>> {
    Ok(data.store()?.list_standing_documents()?)
}

#[tauri::command]
pub async fn get_standing_document(
    data: State<'_, AppData>,
    id: Id,
) -> CommandResult<StandingDocument> {
    Ok(data.store()?.standing_document(id)?)
}

#[tauri::command]
pub async fn save_standing_document(
    data: State<'_, AppData>,
    input: StandingDocumentInput,
) -> CommandResult<StandingDocument> {
    Ok(data.store()?.save_standing_document(&input)?)
}

/// Opens the native dialog and adds the chosen file as a new version;
/// `None` when the person closed the dialog.
#[tauri::command]
pub async fn pick_document_version<R: Runtime>(
    app: AppHandle<R>,
    data: State<'_, AppData>,
    input: VersionInput,
) -> CommandResult<Option<StandingDocument>> {
    let Some(path) = pick_document(app, "Ajouter une version").await else {
        return Ok(None);
    };
    Ok(Some(data.store()?.add_version_file(
        &input,
        &path,
        now(),
    )?))
}

/// Adds a file dropped on the window as a new version: its bytes as the raw
/// body, what it is in the `version-input` header.
#[tauri::command]
pub fn attach_dropped_version(
    data: State<'_, AppData>,
    request: Request<'_>,
) -> CommandResult<StandingDocument> {
    let (dropped, bytes) = dropped::<VersionInput>(&request, "version-input")?;
    Ok(data
        .store()?
        .add_version(&dropped.input, &dropped.name, bytes, now())?)
}

#[tauri::command]
pub async fn delete_document_version(
    data: State<'_, AppData>,
    id: Id,
) -> CommandResult<StandingDocument> {
    Ok(data.store()?.delete_version(id)?)
}

/// Opens a version's file with the system viewer (a path the core computed
/// inside the proofs folder).
#[tauri::command]
pub async fn open_document_version<R: Runtime>(
    app: AppHandle<R>,
    data: State<'_, AppData>,
    id: Id,
) -> CommandResult<()> {
    let (path, root) = {
        let store = data.store()?;
        (store.version_path(id)?, store.vault()?.root().to_path_buf())
    };
    open_stored(&app, &path, &root)
}
