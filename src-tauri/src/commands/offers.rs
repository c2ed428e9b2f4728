//! Relayed offers.

use tauri::State;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::AppData;

#[tauri::command]
pub async fn list_offers(
    data: State<'_, AppData>,
    filter: OfferFilter,
) -> CommandResult<OfferList> {
    Ok(data.store()?.list_offers(&filter)?)
}

#[tauri::command]
pub async fn save_relayed_offer(
    data: State<'_, AppData>,
    input: RelayedOfferInput,
) -> CommandResult<RelayedOffer> {
    Ok(data.store()?.save_relayed_offer(&input)?)
}
