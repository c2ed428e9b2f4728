//! Partenaires and their conventions.

use tauri::State;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::AppData;

#[tauri::command]
pub async fn list_partners(data: State<'_, AppData>) -> CommandResult<Vec<PartnerRow>> {
    Ok(data.store()?.list_partners()?)
}

#[tauri::command]
pub async fn get_partner(data: State<'_, AppData>, id: Id) -> CommandResult<PartnerDetail> {
    Ok(data.store()?.partner_detail(id)?)
}

#[tauri::command]
pub async fn save_partner(data: State<'_, AppData>, input: PartnerInput) -> CommandResult<Partner> {
    Ok(data.store()?.save_partner(&input)?)
}

#[tauri::command]
pub async fn save_agreement(
    data: State<'_, AppData>,
    input: AgreementInput,
) -> CommandResult<Agreement> {
    Ok(data.store()?.save_agreement(&input)?)
}
