//! Indicator 14's second half: evaluations before and after an action,
//! support resources, non-conformities, and the « dossier individuel ».

use tauri::State;
use tremplin::model::*;
use tremplin::report::{self, WrittenDocument};

use crate::error::CommandResult;
use crate::state::{today, AppData};

#[tauri::command]
pub async fn get_evaluation(
    data: State<'_, AppData>,
    action_id: Id,
) -> CommandResult<Option<Evaluation>> {
    Ok(data.store()?.evaluation(action_id)?)
}

#[tauri::command]
pub async fn save_evaluation(
    data: State<'_, AppData>,
    input: EvaluationInput,
) -> CommandResult<Evaluation> {
    Ok(data.store()?.save_evaluation(&input)?)
}

#[tauri::command]
pub async fn delete_evaluation(data: State<'_, AppData>, action_id: Id) -> CommandResult<()> {
    Ok(data.store()?.delete_evaluation(action_id)?)
}

#[tauri::command]
pub async fn list_support_resources(
    data: State<'_, AppData>,
) -> CommandResult<Vec<SupportResourceRow>> {
    Ok(data.store()?.list_support_resources()?)
}

#[tauri::command]
pub async fn get_support_resource(
    data: State<'_, AppData>,
    id: Id,
) -> CommandResult<SupportResourceDetail> {
    Ok(data.store()?.support_resource(id)?)
}

#[tauri::command]
pub async fn save_support_resource(
    data: State<'_, AppData>,
    input: SupportResourceInput,
) -> CommandResult<SupportResourceDetail> {
    Ok(data.store()?.save_support_resource(&input)?)
}

#[tauri::command]
pub async fn save_resource_usage(
    data: State<'_, AppData>,
    input: ResourceUsageInput,
) -> CommandResult<ResourceUsage> {
    Ok(data.store()?.save_resource_usage(&input)?)
}

#[tauri::command]
pub async fn list_framework(data: State<'_, AppData>) -> CommandResult<Vec<FrameworkIndicator>> {
    Ok(data.store()?.framework()?)
}

#[tauri::command]
pub async fn list_non_conformities(
    data: State<'_, AppData>,
) -> CommandResult<Vec<NonConformityRow>> {
    Ok(data.store()?.list_non_conformities(today())?)
}

#[tauri::command]
pub async fn get_non_conformity(data: State<'_, AppData>, id: Id) -> CommandResult<NonConformity> {
    Ok(data.store()?.non_conformity(id)?)
}

#[tauri::command]
pub async fn save_non_conformity(
    data: State<'_, AppData>,
    input: NonConformityInput,
) -> CommandResult<NonConformity> {
    Ok(data.store()?.save_non_conformity(&input)?)
}

#[tauri::command]
pub async fn get_apprentice_file(
    data: State<'_, AppData>,
    apprentice_id: Id,
) -> CommandResult<ApprenticeFile> {
    Ok(data.store()?.apprentice_file(apprentice_id, today())?)
}

/// Prints the file to the data folder's « Exports »; the window gets its
/// name and page count, never a path.
#[tauri::command]
pub async fn export_apprentice_file(
    data: State<'_, AppData>,
    apprentice_id: Id,
) -> CommandResult<WrittenDocument> {
    let store = data.store()?;
    let apprentice = store.apprentice(apprentice_id)?;
    let now = chrono::Local::now().naive_local();
    let path = report::export_path(
        &store,
        &report::individual_file_name(&apprentice, now.date()),
    )?;
    Ok(report::write_individual_file(
        &store,
        apprentice_id,
        &path,
        now,
    )?)
}

/// Opens a printed document of the exports folder with the system's viewer.
#[tauri::command]
pub async fn open_export<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    data: State<'_, AppData>,
    file_name: String,
) -> CommandResult<()> {
    let path = {
        let store = data.store()?;
        report::export_path(&store, &file_name)?
    };
    if !path.is_file() {
        return Err(tremplin::validate::field_error(
            "fileName",
            "Ce document n’est plus dans le dossier des exports.",
        )
        .into());
    }
    use tauri_plugin_opener::OpenerExt as _;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            tremplin::validate::field_error(
                "fileName",
                format!("Le système n’a pas pu ouvrir le document ({e})."),
            )
            .into()
        })
}

/// Everything held about one apprentice (RGPD right of access), written to
/// « Exports » as JSON and the individual file's PDF; the window gets their
/// names (and opens them with `open_export`), never a path.
#[tauri::command]
pub async fn export_personal_data(
    data: State<'_, AppData>,
    apprentice_id: Id,
) -> CommandResult<report::PersonalExport> {
    let store = data.store()?;
    let apprentice = store.apprentice(apprentice_id)?;
    let now = chrono::Local::now().naive_local();
    let (json, pdf) = report::personal_file_names(&apprentice, now.date());
    let json = report::export_path(&store, &json)?;
    let pdf = report::export_path(&store, &pdf)?;
    Ok(report::write_personal_data(
        &store,
        apprentice_id,
        &json,
        &pdf,
        now,
    )?)
}

/// Erases an apprentice and everything that is theirs alone (RGPD right to
/// erasure); the window asked first.
#[tauri::command]
pub async fn erase_apprentice(
    data: State<'_, AppData>,
    apprentice_id: Id,
) -> CommandResult<ErasureReport> {
    Ok(data.store()?.erase_apprentice(apprentice_id)?)
}

/// The retention rules and what they would do today (nothing is changed).
#[tauri::command]
pub async fn get_retention_plan(data: State<'_, AppData>) -> CommandResult<RetentionPlan> {
    Ok(data.store()?.retention_plan(today())?)
}

#[tauri::command]
pub async fn set_retention(
    data: State<'_, AppData>,
    kind: String,
    months: u32,
) -> CommandResult<RetentionRule> {
    Ok(data.store()?.set_retention(&kind, months)?)
}

/// Does what the plan of `as_of` listed — the window showed exactly these
/// (rule, record) pairs and asked first; refused if the data changed since.
#[tauri::command]
pub async fn apply_retention(
    data: State<'_, AppData>,
    as_of: chrono::NaiveDate,
    items: Vec<(RetentionKind, Id)>,
) -> CommandResult<RetentionReport> {
    Ok(data.store()?.apply_retention(as_of, &items)?)
}
