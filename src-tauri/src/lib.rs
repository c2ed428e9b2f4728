//! The Tauri shell: opens the database, registers one command per use case and
//! starts the window. No SQL and no business rule lives here — each command is
//! a few lines calling the core library `tremplin`.

mod commands;
mod error;
mod state;

pub use error::CommandError;
pub use state::AppData;

/// Every command the UI may call; `commands.txt` lists the same names for the
/// ACL (a test checks they agree).
pub fn invoke_handler<R: tauri::Runtime>(
) -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    use commands::*;
    tauri::generate_handler![
        app::get_app_state,
        app::get_reference_data,
        app::create_demo,
        app::save_organisation,
        app::get_dashboard,
        app::get_deletion_impact,
        app::delete_record,
        programmes::list_programmes,
        programmes::save_programme,
        programmes::list_cohorts,
        programmes::save_cohort,
        people::list_staff,
        people::save_staff,
        people::list_apprentices,
        people::get_apprentice,
        people::save_apprentice,
        partners::list_partners,
        partners::get_partner,
        partners::save_partner,
        partners::save_agreement,
        actions::list_actions,
        actions::get_action,
        actions::get_attendance_sheet,
        actions::export_attendance_sheet,
        actions::save_action,
        results::get_survey_grid,
        results::get_exit_survey,
        results::save_exit_survey,
        results::get_programme_results,
        plans::list_plans,
        plans::get_plan,
        plans::save_action_plan,
        plans::save_objective,
        plans::list_objective_choices,
        plans::list_milestones,
        plans::edit_milestones,
        plans::save_milestone,
        plans::get_review,
        plans::save_annual_review,
        offers::list_offers,
        offers::save_relayed_offer,
        followups::get_referent_history,
        followups::assign_referent,
        followups::list_follow_ups,
        followups::save_follow_up,
        followups::get_overdue,
        followups::set_overdue_after_days,
        support::get_evaluation,
        support::save_evaluation,
        support::delete_evaluation,
        support::list_support_resources,
        support::get_support_resource,
        support::save_support_resource,
        support::save_resource_usage,
        support::list_framework,
        support::list_non_conformities,
        support::get_non_conformity,
        support::save_non_conformity,
        support::get_apprentice_file,
        support::export_apprentice_file,
        support::export_personal_data,
        support::erase_apprentice,
        support::get_retention_plan,
        support::set_retention,
        support::apply_retention,
        support::open_export,
        proofs::list_proofs,
        proofs::pick_proof,
        proofs::attach_dropped_proof,
        proofs::update_proof,
        proofs::delete_proof,
        proofs::get_proof_image,
        proofs::open_proof,
        proofs::check_data,
        proofs::list_backups,
        proofs::set_backup_keep,
        proofs::save_archive,
        proofs::restore_archive,
        dispositif::list_standing_documents,
        dispositif::get_standing_document,
        dispositif::save_standing_document,
        dispositif::pick_document_version,
        dispositif::attach_dropped_version,
        dispositif::delete_document_version,
        dispositif::open_document_version,
    ]
}

/// The app's configuration, icons and ACL (capabilities) from `tauri.conf.json`
/// and `capabilities/`, compiled in; tests run the commands under it too.
pub fn context<R: tauri::Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Starts the app on the database of `TREMPLIN_DATA_DIR` or of the per-user
/// data folder. A database that cannot be opened (newer schema, damaged) does
/// not stop the window: every command then answers with that error, in French.
pub fn run() {
    let data = AppData::open(tremplin::location::data_dir(None));
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(data)
        .invoke_handler(invoke_handler())
        .run(context());
    if let Err(error) = result {
        eprintln!("Tremplin n’a pas pu démarrer : {error}");
        std::process::exit(1);
    }
}
