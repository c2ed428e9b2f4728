//! Individual follow-up (indicator 14): the référent's history, bulk
//! assignment, follow-ups, the « En retard » list and its setting.

use tauri::State;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::{today, AppData};

#[tauri::command]
pub async fn get_referent_history(
    data: State<'_, AppData>,
    apprentice_id: Id,
) -> CommandResult<Vec<ReferentPeriod>> {
    Ok(data.store()?.referent_history(apprentice_id)?)
}

#[tauri::command]
pub async fn assign_referent(
    data: State<'_, AppData>,
    input: ReferentAssignmentInput,
) -> CommandResult<usize> {
    Ok(data.store()?.assign_referent(&input)?)
}

#[tauri::command]
pub async fn list_follow_ups(
    data: State<'_, AppData>,
    apprentice_id: Id,
) -> CommandResult<Vec<FollowUpRow>> {
    Ok(data.store()?.follow_ups_of(apprentice_id)?)
}

#[tauri::command]
pub async fn save_follow_up(
    data: State<'_, AppData>,
    input: FollowUpInput,
) -> CommandResult<FollowUp> {
    Ok(data.store()?.save_follow_up(&input)?)
}

#[tauri::command]
pub async fn get_overdue(data: State<'_, AppData>) -> CommandResult<OverdueList> {
    Ok(data.store()?.overdue(today())?)
}

#[tauri::command]
pub async fn set_overdue_after_days(data: State<'_, AppData>, days: String) -> CommandResult<i64> {
    Ok(data.store()?.set_overdue_after_days(&days)?)
}
