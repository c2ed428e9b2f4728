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
