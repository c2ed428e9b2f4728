//! Start-up, the CFA itself, the dashboard, and deletions of any record.

use tauri::State;
use tremplin::model::*;
use tremplin::store::Entity;

use crate::error::CommandResult;
use crate::state::{today, AppData};

#[tauri::command]
pub async fn get_app_state(data: State<'_, AppData>) -> CommandResult<AppState> {
    let mut state = data.store()?.app_state(today())?;
    state.backup_problem = data.backup_problem();
    Ok(state)
}

#[tauri::command]
pub async fn get_reference_data() -> CommandResult<ReferenceData> {
    Ok(ReferenceData::get())
}

#[tauri::command]
pub async fn create_demo(data: State<'_, AppData>) -> CommandResult<AppState> {
    let mut store = data.store()?;
    tremplin::demo::create(&mut store, &tremplin::demo::DemoConfig::default())?;
    Ok(store.app_state(today())?)
}

#[tauri::command]
pub async fn save_organisation(
    data: State<'_, AppData>,
    input: OrganisationInput,
) -> CommandResult<Organisation> {
    Ok(data.store()?.save_organisation(&input)?)
}

#[tauri::command]
pub async fn get_dashboard(
    data: State<'_, AppData>,
    school_year: String,
) -> CommandResult<Dashboard> {
    let year = tremplin::validate::check_school_year(&school_year)?;
    Ok(data.store()?.dashboard(year, today())?)
}

#[tauri::command]
pub async fn get_deletion_impact(
    data: State<'_, AppData>,
    entity: Entity,
    id: Id,
) -> CommandResult<DeletionImpact> {
    Ok(data.store()?.deletion_impact(entity, id)?)
}

#[tauri::command]
pub async fn delete_record(data: State<'_, AppData>, entity: Entity, id: Id) -> CommandResult<()> {
    Ok(data.store()?.delete(entity, id)?)
}
