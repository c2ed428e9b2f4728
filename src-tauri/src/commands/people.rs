//! Équipe and Apprentis.

use tauri::State;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::AppData;

#[tauri::command]
pub async fn list_staff(data: State<'_, AppData>) -> CommandResult<Vec<StaffRow>> {
    Ok(data.store()?.list_staff()?)
}

#[tauri::command]
pub async fn save_staff(data: State<'_, AppData>, input: StaffInput) -> CommandResult<Staff> {
    Ok(data.store()?.save_staff(&input)?)
}

#[tauri::command]
pub async fn list_apprentices(
    data: State<'_, AppData>,
    filter: ApprenticeFilter,
) -> CommandResult<Vec<ApprenticeRow>> {
    Ok(data.store()?.list_apprentices(&filter)?)
}

#[tauri::command]
pub async fn get_apprentice(data: State<'_, AppData>, id: Id) -> CommandResult<Apprentice> {
    Ok(data.store()?.apprentice(id)?)
}

#[tauri::command]
pub async fn save_apprentice(
    data: State<'_, AppData>,
    input: ApprenticeInput,
) -> CommandResult<Apprentice> {
    Ok(data.store()?.save_apprentice(&input)?)
}
