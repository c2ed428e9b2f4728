//! Action plans and objectives, the milestones of the year, the annual review.

use tauri::State;
use tremplin::model::*;
use tremplin::validate::check_school_year;

use crate::error::CommandResult;
use crate::state::{today, AppData};

#[tauri::command]
pub async fn list_plans(
    data: State<'_, AppData>,
    school_year: Option<String>,
) -> CommandResult<Vec<PlanRow>> {
    let year = school_year.as_deref().map(check_school_year).transpose()?;
    Ok(data.store()?.list_plans(year)?)
}

#[tauri::command]
pub async fn get_plan(data: State<'_, AppData>, id: Id) -> CommandResult<PlanDetail> {
    Ok(data.store()?.plan_detail(id, today())?)
}

#[tauri::command]
pub async fn save_action_plan(
    data: State<'_, AppData>,
    input: ActionPlanInput,
) -> CommandResult<PlanDetail> {
    Ok(data.store()?.save_action_plan(&input, today())?)
}

#[tauri::command]
pub async fn save_objective(
    data: State<'_, AppData>,
    input: ObjectiveInput,
) -> CommandResult<PlanDetail> {
    Ok(data.store()?.save_objective(&input, today())?)
}

#[tauri::command]
pub async fn list_objective_choices(
    data: State<'_, AppData>,
    school_year: String,
) -> CommandResult<Vec<ObjectiveChoice>> {
    Ok(data
        .store()?
        .objective_choices(check_school_year(&school_year)?)?)
}

#[tauri::command]
pub async fn list_milestones(
    data: State<'_, AppData>,
    school_year: String,
) -> CommandResult<Vec<Milestone>> {
    Ok(data.store()?.milestones(check_school_year(&school_year)?)?)
}

#[tauri::command]
pub async fn edit_milestones(
    data: State<'_, AppData>,
    school_year: String,
) -> CommandResult<Vec<Milestone>> {
    Ok(data
        .store()?
        .edit_milestones(check_school_year(&school_year)?)?)
}

#[tauri::command]
pub async fn save_milestone(
    data: State<'_, AppData>,
    input: MilestoneInput,
) -> CommandResult<Vec<Milestone>> {
    Ok(data.store()?.save_milestone(&input)?)
}

#[tauri::command]
pub async fn get_review(
    data: State<'_, AppData>,
    programme_id: Id,
    school_year: String,
) -> CommandResult<ReviewDetail> {
    let year = check_school_year(&school_year)?;
    Ok(data.store()?.review_detail(programme_id, year, today())?)
}

#[tauri::command]
pub async fn save_annual_review(
    data: State<'_, AppData>,
    input: AnnualReviewInput,
) -> CommandResult<ReviewDetail> {
    Ok(data.store()?.save_annual_review(&input, today())?)
}
