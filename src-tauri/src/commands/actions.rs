//! Actions and their attendance sheets.

use tauri::State;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::AppData;

#[tauri::command]
pub async fn list_actions(
    data: State<'_, AppData>,
    filter: ActionFilter,
) -> CommandResult<Vec<ActionRow>> {
    Ok(data.store()?.list_actions(&filter)?)
}

#[tauri::command]
pub async fn get_action(data: State<'_, AppData>, id: Id) -> CommandResult<ActionDetail> {
    Ok(data.store()?.action_detail(id)?)
}

#[tauri::command]
pub async fn get_attendance_sheet(
    data: State<'_, AppData>,
    action_id: Option<Id>,
    cohort_ids: Vec<Id>,
) -> CommandResult<Vec<AttendanceRow>> {
    Ok(data.store()?.attendance_sheet(action_id, &cohort_ids)?)
}

#[tauri::command]
pub async fn save_action(
    data: State<'_, AppData>,
    input: ActionInput,
) -> CommandResult<ActionDetail> {
    Ok(data.store()?.save_action(&input)?)
}

/// Prints the action's « feuille d'émargement » to sign into the data
/// folder's « Exports »; the window gets its name and page count (and opens
/// it with `open_export`), never a path.
#[tauri::command]
pub async fn export_attendance_sheet(
    data: State<'_, AppData>,
    action_id: Id,
) -> CommandResult<tremplin::report::WrittenDocument> {
    use tremplin::report;
    let store = data.store()?;
    let sheet = store.sheet_data(action_id)?;
    let now = chrono::Local::now().naive_local();
    let name = report::file_name(
        "emargement",
        &[&action_id.to_string(), &sheet.detail.action.title],
        now.date(),
    );
    let path = report::export_path(&store, &name)?;
    Ok(report::write_attendance_sheet(&sheet, &path, now)?)
}
