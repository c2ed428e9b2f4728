//! Filières & promos.

use tauri::State;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::AppData;

#[tauri::command]
pub async fn list_programmes(data: State<'_, AppData>) -> CommandResult<Vec<ProgrammeRow>> {
    Ok(data.store()?.list_programmes()?)
}

#[tauri::command]
pub async fn save_programme(
    data: State<'_, AppData>,
    input: ProgrammeInput,
) -> CommandResult<Programme> {
    Ok(data.store()?.save_programme(&input)?)
}

#[tauri::command]
pub async fn list_cohorts(
    data: State<'_, AppData>,
    programme_id: Option<Id>,
) -> CommandResult<Vec<CohortRow>> {
    Ok(data.store()?.list_cohorts(programme_id)?)
}

#[tauri::command]
pub async fn save_cohort(data: State<'_, AppData>, input: CohortInput) -> CommandResult<Cohort> {
    Ok(data.store()?.save_cohort(&input)?)
}
