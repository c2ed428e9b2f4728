//! Exit questionnaires, the cohort grid and the results of a filière.

use tauri::State;
use tremplin::metrics::ProgrammeResults;
use tremplin::model::*;

use crate::error::CommandResult;
use crate::state::{today, AppData};

#[tauri::command]
pub async fn get_survey_grid(data: State<'_, AppData>, cohort_id: Id) -> CommandResult<SurveyGrid> {
    Ok(data.store()?.survey_grid(cohort_id, today())?)
}

#[tauri::command]
pub async fn get_exit_survey(data: State<'_, AppData>, id: Id) -> CommandResult<ExitSurvey> {
    Ok(data.store()?.exit_survey(id)?)
}

#[tauri::command]
pub async fn save_exit_survey(
    data: State<'_, AppData>,
    input: ExitSurveyInput,
) -> CommandResult<ExitSurvey> {
    Ok(data.store()?.save_exit_survey(&input, today())?)
}

#[tauri::command]
pub async fn get_programme_results(
    data: State<'_, AppData>,
    programme_id: Id,
    school_year: String,
) -> CommandResult<ProgrammeResults> {
    let year = tremplin::validate::check_school_year(&school_year)?;
    Ok(data
        .store()?
        .programme_results(programme_id, year, today())?)
}
