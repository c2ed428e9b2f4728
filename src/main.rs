//! The `tremplin` command line: the core, headless, for automation and tests.
//!
//! Output formats are a contract (scripts rely on them): keep names, flags and
//! JSON fields stable, and document changes in the README.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use tremplin::document::cli::{
    run_render_document, run_sample_document, RenderDocumentArgs, SampleDocumentArgs,
};
use tremplin::{demo, location, Error, Store};

#[derive(Parser)]
#[command(
    name = "tremplin",
    version,
    about = "Tremplin : les preuves Qualiopi (indicateurs 14 et 29) d’un CFA"
)]
struct Cli {
    /// Data folder (database and evidence). Default: TREMPLIN_DATA_DIR, else the
    /// per-user data folder of the operating system.
    #[arg(long, global = true, env = location::DATA_DIR_VARIABLE, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fills an empty database with the demonstration CFA.
    Demo {
        /// Multiplies the demo (filières, apprentices, partners, actions).
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=1000))]
        scale: u32,
    },
    /// Lists the filières with their codes.
    Programmes {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Checks the database: integrity, foreign keys, schema version. Exits
    /// non-zero on any problem.
    Check {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Indicator 29's results of a filière: its leavers of a school year, at
    /// 6 and 12 months (DESIGN.md's definitions).
    Metrics {
        /// The filière's code (« BTS MCO »), as `programmes` lists it.
        #[arg(long, value_name = "CODE")]
        programme: String,
        /// The school year the leavers left in, « 2024-2025 ».
        #[arg(long, value_name = "YYYY-YYYY")]
        year: String,
        /// Only this timepoint (months after the exit).
        #[arg(long, value_parser = ["6", "12"])]
        timepoint: Option<String>,
        /// The day the figures are measured (which questionnaires are due). Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Indicator 14's « En retard » list: apprentices in training whose last
    /// monthly review is older than the setting (35 days by default).
    Overdue {
        /// The day of the list. Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// One apprentice's « dossier individuel » (indicator 14): with `--out`,
    /// printed as a PDF (written atomically); `--format json` prints the
    /// file's value, of which the PDF is a rendering.
    ApprenticeFile {
        /// The apprentice's id (as the app and `overdue --format json` give it).
        #[arg(long, value_name = "ID")]
        apprentice: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: Option<std::path::PathBuf>,
        /// The day of the file (which actions count in the participation). Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Everything held about one apprentice (RGPD right of access): writes
    /// `donnees-personnelles-ID-….json` and the individual file as a PDF in
    /// `--out-dir`.
    PersonalData {
        #[arg(long, value_name = "ID")]
        apprentice: i64,
        #[arg(long, value_name = "DIR")]
        out_dir: std::path::PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Erases an apprentice and everything that is theirs alone (RGPD right to
    /// erasure): their rows, their proofs, the files no other record uses,
    /// then the database is rewritten so none of its files holds a trace.
    /// Cannot be undone: `--confirm` is required.
    Erase {
        #[arg(long, value_name = "ID")]
        apprentice: i64,
        #[arg(long)]
        confirm: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Retention rules (RGPD): lists what they would do on `--as-of` (today
    /// by default); with `--apply`, does it in one transaction and rewrites
    /// the database so the erased text is in none of its files.
    Retention {
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long)]
        apply: bool,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// An action's « feuille d'émargement » to print and sign: the CFA, the
    /// action, its date, place and speakers, one row per invited apprentice
    /// with a signature box. The signed scan, attached back to the action as
    /// a « feuille d'émargement », is its proof of attendance.
    AttendanceSheet {
        /// The action's id.
        #[arg(long, value_name = "ID")]
        action: i64,
        #[arg(long, value_name = "FILE.pdf")]
        out: std::path::PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Attaches a file (PDF, JPEG, PNG, office document) to a record as a
    /// pièce justificative: stored once per content (SHA-256) in the data
    /// folder's « Preuves », written atomically, the file before the row.
    Attach {
        /// The record: `KIND:ID`, KIND one of action, partner, agreement,
        /// apprentice, follow_up, exit_survey, objective, action_plan,
        /// annual_review, non_conformity, corrective_action, support_resource.
        #[arg(long, value_name = "KIND:ID")]
        to: String,
        file: PathBuf,
        /// attendance_sheet, report, material, photo, agreement,
        /// questionnaire, certificate, screenshot, other. Default: photo for
        /// an image; for a PDF, attendance_sheet on an action, agreement on an
        /// agreement, questionnaire on an exit survey, report on a
        /// non-conformity or an annual review; other otherwise.
        #[arg(long, value_name = "K")]
        kind: Option<String>,
        /// Default: the file's name without its extension.
        #[arg(long, value_name = "T")]
        title: Option<String>,
        /// jj/mm/aaaa or YYYY-MM-DD. Default: today.
        #[arg(long, value_name = "D")]
        date: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Lists the pièces justificatives, of one record or all.
    Proofs {
        #[arg(long, value_name = "KIND:ID")]
        to: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Writes one archive (a .tar: a verified copy of the database, every
    /// proof, a manifest with their SHA-256), atomically.
    Backup {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Restores an archive made by `backup` into the data folder, after
    /// verifying all of it; the current data is kept in « Sauvegardes » first.
    Restore {
        archive: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// For the crash test: writes a partner and one proof per round, printing
    /// one line per commit (`partner ID`, `proof ID SHA256`), until killed or
    /// `--count` rounds.
    #[command(hide = true)]
    WriteLoop {
        #[arg(long, default_value_t = u32::MAX)]
        count: u32,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Imports a spreadsheet (CSV, XLSX, XLS, ODS): apprentices, exit
    /// questionnaires, or the State's InserJeunes figures. Columns are found
    /// by their headers. Prints what is (or, with `--dry-run`, would be)
    /// created and updated, and every refused line with its line number and
    /// reason; the valid lines are imported in one transaction.
    Import {
        #[arg(value_enum)]
        what: ImportWhat,
        file: PathBuf,
        /// Lines whose promo exists nowhere go to this promo (its id).
        #[arg(long, value_name = "ID", conflicts_with = "create_missing")]
        cohort: Option<i64>,
        /// Lines whose filière or promo exists nowhere create them.
        #[arg(long)]
        create_missing: bool,
        /// Shows the preview and writes nothing.
        #[arg(long)]
        dry_run: bool,
        /// The day of the import (two-digit years, new promos' dates). Default: today.
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// InserJeunes' official figures beside Tremplin's own, per filière and
    /// school year, with what differs in their definitions.
    Inserjeunes {
        #[arg(long, value_name = "YYYY-YYYY")]
        year: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Writes one register as a spreadsheet: CSV for Excel in French (`;`,
    /// UTF-8 with BOM, decimal comma, dates jj/mm/aaaa) or XLSX (typed cells,
    /// frozen header row), atomically.
    ExportRegister {
        /// apprentices, partners, actions, attendance, offers, surveys,
        /// follow_ups, non_conformities.
        name: String,
        #[arg(long, value_parser = ["csv", "xlsx"])]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Writes the whole dataset as one JSON file (docs/interchange.md),
    /// atomically. Proofs are referenced by their SHA-256.
    ExportData {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
    },
    /// Loads a file written by `export-data` into an empty database: all of
    /// it, or nothing with the JSON path of the first bad field.
    ImportData {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Produces an A4 PDF from a document model (JSON), written atomically.
    RenderDocument(RenderDocumentArgs),
    /// Writes a deterministic French sample document model and its proof files.
    SampleDocument(SampleDocumentArgs),
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ImportWhat {
    Apprentices,
    Surveys,
    Inserjeunes,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("Erreur : {error}");
            ExitCode::FAILURE
        }
    }
}

fn open(data_dir: Option<&std::path::Path>) -> Result<Store, Error> {
    let dir = location::data_dir(data_dir)?;
    Store::open_in_dir(&dir)
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Error> {
    use std::io::Write;
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::Document(e.to_string()))?;
    match writeln!(std::io::stdout().lock(), "{text}") {
        // A reader that stops early (`| head`) is not an error.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Error::io("<stdout>", e)),
        _ => Ok(()),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    let data_dir = cli.data_dir.as_deref();
    match cli.command {
        Command::RenderDocument(args) => {
            run_render_document(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::SampleDocument(args) => {
            run_sample_document(&args)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo { scale } => {
            let mut store = open(data_dir)?;
            let summary = demo::create(
                &mut store,
                &demo::DemoConfig {
                    scale,
                    ..Default::default()
                },
            )?;
            println!(
                "CFA de démonstration créé dans {} : {} filières, {} promos, {} apprentis, {} membres de l’équipe, \
                 {} partenaires, {} conventions, {} actions, {} lignes d’émargement, {} sortants, \
                 {} questionnaires de sortie, {} plans d’actions ({} objectifs), {} offres relayées, {} bilans, \
                 {} entretiens de suivi, {} changements de référent, {} évaluations avant/après, \
                 {} ressources d’accompagnement ({} chiffres d’usage), {} non-conformités, \
                 {} pièces justificatives, {} documents du dispositif.",
                store.path().map(|p| p.display().to_string()).unwrap_or_default(),
                summary.programmes,
                summary.cohorts,
                summary.apprentices,
                summary.staff,
                summary.partners,
                summary.agreements,
                summary.actions,
                summary.attendance,
                summary.leavers,
                summary.exit_surveys,
                summary.plans,
                summary.objectives,
                summary.offers,
                summary.reviews,
                summary.follow_ups,
                summary.referent_changes,
                summary.evaluations,
                summary.resources,
                summary.resource_usages,
                summary.non_conformities,
                summary.proofs,
                summary.standing_documents
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Metrics {
            programme,
            year,
            timepoint,
            as_of,
            format,
        } => {
            let store = open(data_dir)?;
            let year = tremplin::validate::check_school_year(&year)?;
            let as_of = as_of_or_today(as_of)?;
            let id = store.programme_id_by_code(&programme)?;
            let mut results = store.programme_results(id, year, as_of)?;
            if let Some(months) = timepoint.and_then(|t| t.parse::<u32>().ok()) {
                for group in std::iter::once(&mut results.total).chain(results.cohorts.iter_mut()) {
                    group.timepoints.retain(|t| t.timepoint.months() == months);
                }
            }
            match format {
                Format::Json => print_json(&results)?,
                Format::Text => print_results(&results),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::PersonalData {
            apprentice,
            out_dir,
            format,
        } => {
            let store = open(data_dir)?;
            let id = tremplin::model::Id(apprentice);
            let person = store.apprentice(id)?;
            let now = chrono::Local::now().naive_local();
            let (json, pdf) = tremplin::report::personal_file_names(&person, now.date());
            std::fs::create_dir_all(&out_dir).map_err(|e| Error::io(&out_dir, e))?;
            let written = tremplin::report::write_personal_data(
                &store,
                id,
                &out_dir.join(json),
                &out_dir.join(pdf),
                now,
            )?;
            match format {
                Format::Json => print_json(&serde_json::json!({
                    "json": written.json.path,
                    "pdf": written.pdf.path,
                    "pages": written.pdf.pages,
                }))?,
                Format::Text => println!(
                    "Données personnelles écrites dans {} et {} ({} page(s)).",
                    written.json.path.display(),
                    written.pdf.path.display(),
                    written.pdf.pages
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Erase {
            apprentice,
            confirm,
            format,
        } => {
            if !confirm {
                return Err(Error::Conflict(
                    "L’effacement est définitif : relancez la commande avec --confirm.".into(),
                ));
            }
            let mut store = open(data_dir)?;
            let report = store.erase_apprentice(tremplin::model::Id(apprentice))?;
            match format {
                Format::Json => print_json(&report)?,
                Format::Text => println!(
                    "Apprenti(e) n° {apprentice} effacé(e) : {} émargement(s), {} entretien(s), {} questionnaire(s), \
                     {} pièce(s) ({} fichier(s) supprimé(s)). {} sauvegarde(s) antérieure(s) le ou la contiennent encore \
                     jusqu’à leur rotation.",
                    report.attendance,
                    report.follow_ups,
                    report.exit_surveys,
                    report.proofs,
                    report.files_removed,
                    report.backups_holding
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Retention {
            as_of,
            apply,
            format,
        } => {
            let as_of = as_of_or_today(as_of)?;
            let mut store = open(data_dir)?;
            let plan = store.retention_plan(as_of)?;
            if apply {
                let listed: Vec<_> = plan.items.iter().map(|i| (i.kind, i.record_id)).collect();
                let report = store.apply_retention(as_of, &listed)?;
                match format {
                    Format::Json => print_json(&report)?,
                    Format::Text => {
                        for (kind, n) in &report.changed {
                            println!("{} : {n} fiche(s) modifiée(s)", kind.label());
                        }
                        println!(
                            "{} fichier(s) de preuves supprimé(s).",
                            report.files_removed
                        );
                    }
                }
            } else {
                match format {
                    Format::Json => print_json(&plan)?,
                    Format::Text => {
                        for rule in &plan.rules {
                            let items: Vec<_> =
                                plan.items.iter().filter(|i| i.kind == rule.kind).collect();
                            println!(
                                "{} — {} mois : {} fiche(s)",
                                rule.kind.label(),
                                rule.months,
                                items.len()
                            );
                            for item in items {
                                println!(
                                    "  {}  {}",
                                    tremplin::format::date(item.since),
                                    item.label
                                );
                            }
                        }
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::AttendanceSheet {
            action,
            out,
            format,
        } => {
            let store = open(data_dir)?;
            let id = tremplin::model::Id(action);
            let data = store.sheet_data(id)?;
            let written = tremplin::report::write_attendance_sheet(
                &data,
                &out,
                chrono::Local::now().naive_local(),
            )?;
            match format {
                Format::Json => print_json(&serde_json::json!({
                    "path": written.path,
                    "pages": written.pages,
                    "bytes": written.bytes,
                    "invited": data.detail.attendance.len(),
                }))?,
                Format::Text => println!(
                    "Feuille d’émargement de « {} » écrite dans {}\u{a0}: {} apprenti(e)s invité(e)s, {} page(s), {} octets.",
                    data.detail.action.title,
                    written.path.display(),
                    data.detail.attendance.len(),
                    written.pages,
                    written.bytes
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::ApprenticeFile {
            apprentice,
            out,
            as_of,
            format,
        } => {
            let store = open(data_dir)?;
            let id = tremplin::model::Id(apprentice);
            let as_of = as_of_or_today(as_of)?;
            let file = store.apprentice_file(id, as_of)?;
            let printed = match as_of == chrono::Local::now().date_naive() {
                true => chrono::Local::now().naive_local(),
                false => as_of.and_hms_opt(12, 0, 0).unwrap_or_default(),
            };
            let written = match &out {
                Some(path) => Some(tremplin::report::write_individual_file(
                    &store, id, path, printed,
                )?),
                None => None,
            };
            match (format, written) {
                (Format::Json, _) => print_json(&file)?,
                (Format::Text, Some(w)) => println!(
                    "Dossier individuel de {} {} écrit dans {}\u{a0}: {} page(s), {} octets.",
                    file.apprentice.first_name,
                    file.apprentice.last_name,
                    w.path.display(),
                    w.pages,
                    w.bytes
                ),
                (Format::Text, None) => {
                    println!(
                        "{} {} — {} ({})",
                        file.apprentice.first_name,
                        file.apprentice.last_name,
                        file.cohort_label,
                        file.programme_code
                    );
                    for e in &file.timeline {
                        println!(
                            "{}  {}  {}",
                            tremplin::format::date(e.date),
                            e.label,
                            e.detail
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Overdue { as_of, format } => {
            let store = open(data_dir)?;
            let as_of = as_of_or_today(as_of)?;
            let list = store.overdue(as_of)?;
            match format {
                Format::Json => print_json(&list)?,
                Format::Text => print_overdue(&list),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Programmes { format } => {
            let store = open(data_dir)?;
            let rows = store.list_programmes()?;
            match format {
                Format::Json => print_json(&rows)?,
                Format::Text => {
                    for row in &rows {
                        let p = &row.programme;
                        println!(
                            "{:<16} {:<60} CFD {:<8}  {:<10}  {} promo(s), {} apprenti(s)",
                            p.code,
                            p.name,
                            p.diploma_code.as_deref().unwrap_or("—"),
                            p.rncp_code.as_deref().unwrap_or("—"),
                            row.cohort_count,
                            row.apprentice_count
                        );
                    }
                    println!("{} filière(s)", rows.len());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Attach {
            to,
            file,
            kind,
            title,
            date,
            format,
        } => {
            let mut store = open(data_dir)?;
            let (record_kind, record_id) = parse_target(&to)?;
            let input = tremplin::model::ProofInput {
                record_kind: record_kind.code().into(),
                record_id,
                kind: kind.unwrap_or_default(),
                title: title.unwrap_or_default(),
                date: date.unwrap_or_default(),
            };
            let proof =
                store.attach_proof_file(&input, &file, chrono::Local::now().naive_local())?;
            match format {
                Format::Json => print_json(&proof)?,
                Format::Text => println!(
                    "Pièce n° {} « {} » ({}) jointe à : {} n° {} — {} octets, SHA-256 {}",
                    proof.id,
                    proof.title,
                    proof.kind.label(),
                    proof.record_kind.label(),
                    proof.record_id,
                    proof.file.size,
                    proof.file.sha256
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Proofs { to, format } => {
            let store = open(data_dir)?;
            let target = to.as_deref().map(parse_target).transpose()?;
            let proofs = store.proofs(target)?;
            match format {
                Format::Json => print_json(&proofs)?,
                Format::Text => {
                    for p in &proofs {
                        println!(
                            "{:>5}  {}  {:<22} {:<40} {} n° {}  {}",
                            p.id,
                            tremplin::format::date(p.date),
                            p.kind.label(),
                            p.title,
                            p.record_kind.label(),
                            p.record_id,
                            p.file.media.label()
                        );
                    }
                    println!("{} pièce(s)", proofs.len());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Backup { out, format } => {
            let store = open(data_dir)?;
            let report = store.write_archive(&out, chrono::Local::now().naive_local())?;
            match format {
                Format::Json => print_json(&report)?,
                Format::Text => println!(
                    "Sauvegarde écrite dans {} : la base (schéma {}) et {} pièce(s), {} octets.",
                    out.display(),
                    report.schema_version,
                    report.proof_files,
                    report.size
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore { archive, format } => {
            let dir = location::data_dir(data_dir)?;
            let report = tremplin::backup::restore_archive(
                &dir,
                &archive,
                chrono::Local::now().naive_local(),
            )?;
            match format {
                Format::Json => print_json(&report)?,
                Format::Text => {
                    println!(
                        "Sauvegarde du {} restaurée dans {} : schéma {}, {} pièce(s).",
                        report.archive_created_at,
                        dir.display(),
                        report.schema_version,
                        report.proof_files
                    );
                    if let Some(previous) = &report.previous_data {
                        println!(
                            "Les données d’avant sont gardées dans « {} » ({}).",
                            tremplin::backup::BACKUPS_FOLDER,
                            previous.file_name
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::WriteLoop { count, seed } => {
            let mut store = open(data_dir)?;
            tremplin::demo::write_loop(&mut store, count, seed, &mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import {
            what,
            file,
            cohort,
            create_missing,
            dry_run,
            as_of,
            format,
        } => {
            let today = as_of_or_today(as_of)?;
            let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let mut store = open(data_dir)?;
            let kind = match what {
                ImportWhat::Apprentices => tremplin::model::ImportKind::Apprentices,
                ImportWhat::Surveys => tremplin::model::ImportKind::Surveys,
                ImportWhat::Inserjeunes => {
                    let report = store.import_inserjeunes(&name, &bytes, today)?;
                    match format {
                        Format::Json => print_json(&report)?,
                        Format::Text => {
                            println!(
                                "Fichier : {name} ({}), {} ligne(s) ; {} chiffre(s) gardé(s), {} ligne(s) d’un autre établissement.",
                                report.format, report.lines, report.figures, report.other_uai
                            );
                            if !report.unmatched_diplomas.is_empty() {
                                println!(
                                    "Codes diplôme sans filière du CFA : {}",
                                    report.unmatched_diplomas.join(", ")
                                );
                            }
                            print_refused(&report.refused);
                        }
                    }
                    return Ok(ExitCode::SUCCESS);
                }
            };
            let options = tremplin::model::ImportOptions {
                cohort_id: cohort.map(tremplin::model::Id),
                create_missing,
                ..Default::default()
            };
            let mut quiet = |_: usize, _: usize| {};
            let preview = if dry_run {
                store.preview_import(kind, &name, &bytes, &options, today, &mut quiet)?
            } else {
                store.apply_import(kind, &name, &bytes, &options, today, &mut quiet)?
            };
            match format {
                Format::Json => print_json(&preview)?,
                Format::Text => print_preview(&preview),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Inserjeunes {
            year,
            as_of,
            format,
        } => {
            let store = open(data_dir)?;
            let year = year
                .map(|y| tremplin::validate::check_school_year(&y))
                .transpose()?;
            let list = store.inserjeunes_comparison(year, as_of_or_today(as_of)?)?;
            match format {
                Format::Json => print_json(&list)?,
                Format::Text => {
                    if list.is_empty() {
                        println!("Aucun chiffre InserJeunes importé pour une filière du CFA.");
                    }
                    for c in &list {
                        println!(
                            "{} — {} — {} (fichier : « {} »)",
                            c.programme_code, c.programme_name, c.school_year, c.year_label
                        );
                        for f in &c.figures {
                            println!(
                                "  {} : InserJeunes {} ; Tremplin {}",
                                f.label, f.official_text, f.ours_text
                            );
                        }
                        for n in &c.notes {
                            println!("  · {n}");
                        }
                        println!();
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::ExportRegister { name, format, out } => {
            let register = tremplin::model::Register::from_code(name.trim()).ok_or_else(|| {
                let names: Vec<&str> = tremplin::model::Register::ALL
                    .iter()
                    .map(|r| r.code())
                    .collect();
                tremplin::validate::field_error(
                    "name",
                    format!("« {name} » n’est pas un registre : {}.", names.join(", ")),
                )
            })?;
            let format = tremplin::interchange::registers::SheetFormat::from_code(&format)
                .unwrap_or(tremplin::interchange::registers::SheetFormat::Csv);
            let store = open(data_dir)?;
            let table = store.register(register)?;
            tremplin::interchange::registers::write(&table, format, &out)?;
            println!(
                "{} : {} ligne(s) écrite(s) dans {}",
                table.name,
                table.rows.len(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::ExportData { out } => {
            let store = open(data_dir)?;
            let bytes = store.export_data()?;
            tremplin::fsio::write_atomic(&out, &bytes)?;
            println!(
                "Jeu de données écrit dans {} ({} octets).",
                out.display(),
                bytes.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::ImportData { file, format } => {
            let bytes = std::fs::read(&file).map_err(|e| Error::io(&file, e))?;
            let mut store = open(data_dir)?;
            let written = store.import_data(&bytes)?;
            let report = store.check()?;
            let missing = report.proofs.missing.len();
            match format {
                Format::Json => print_json(&serde_json::json!({
                    "records": written,
                    "missingFiles": missing,
                }))?,
                Format::Text => {
                    println!("{written} enregistrement(s) importé(s).");
                    if missing > 0 {
                        println!(
                            "{missing} fichier(s) de preuves absents du dossier « Preuves » : copiez-les depuis l’ancien dossier de données, ou restaurez une archive."
                        );
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { format } => {
            let store = open(data_dir)?;
            let report = store.check()?;
            match format {
                Format::Json => print_json(&serde_json::json!({
                    "healthy": report.is_healthy(),
                    "databasePath": report.database_path,
                    "schemaVersion": report.schema_version,
                    "supportedVersion": report.supported_version,
                    "integrity": report.integrity,
                    "foreignKeyProblems": report.foreign_key_problems,
                    "proofs": report.proofs,
                }))?,
                Format::Text => {
                    println!("Base : {}", report.database_path);
                    println!(
                        "Schéma : version {} (cette version de Tremplin : {})",
                        report.schema_version, report.supported_version
                    );
                    println!("Intégrité : {}", report.integrity.join(" ; "));
                    println!("Références cassées : {}", report.foreign_key_problems);
                    print_proof_check(&report.proofs);
                    println!(
                        "{}",
                        if report.is_healthy() {
                            "Tout est en ordre."
                        } else {
                            "PROBLÈME : la base doit être réparée ou restaurée."
                        }
                    );
                }
            }
            Ok(if report.is_healthy() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn print_refused(refused: &[tremplin::model::RefusedLine]) {
    if refused.is_empty() {
        return;
    }
    println!("Lignes refusées :");
    for r in refused {
        println!("  ligne {} : {}", r.line, r.reason);
    }
}

fn print_preview(p: &tremplin::model::ImportPreview) {
    println!(
        "Fichier : {} ({}), {} ligne(s)",
        p.file_name, p.format, p.lines
    );
    println!("Colonnes :");
    for c in &p.columns {
        println!("  {}. « {} » — {}", c.index + 1, c.header, c.note);
    }
    for v in &p.situations {
        let read = tremplin::model::Situation::from_code(&v.code)
            .map_or("non reconnue : lignes refusées", |s| s.label());
        println!(
            "  Situation « {} » ({} ligne(s)) → {read}",
            v.value, v.lines
        );
    }
    for m in &p.missing {
        let what = if m.kind == "programme" {
            format!("filière « {} » ({})", m.programme_code, m.label)
        } else {
            format!("promo « {} » de la filière {}", m.label, m.programme_code)
        };
        println!("Inconnue dans Tremplin : {what}, {} ligne(s)", m.lines);
    }
    let (created, updated) = if p.applied {
        ("créé(s)", "mis à jour")
    } else {
        ("à créer", "à mettre à jour")
    };
    println!(
        "{} {created}, {} {updated}, {} ligne(s) refusée(s){}",
        p.created,
        p.updated,
        p.refused.len(),
        if p.applied {
            "."
        } else {
            " (rien n’est écrit)."
        }
    );
    print_refused(&p.refused);
}

fn print_proof_check(p: &tremplin::model::ProofCheck) {
    println!(
        "Pièces justificatives : {} fichier(s) vérifié(s), {} octets",
        p.files_checked, p.bytes_checked
    );
    for (label, list) in [("manquant", &p.missing), ("modifié", &p.altered)] {
        for problem in list {
            let titles: Vec<String> = problem
                .proofs
                .iter()
                .map(|u| {
                    format!(
                        "« {} » ({} n° {})",
                        u.title,
                        u.record_kind.label(),
                        u.record_id
                    )
                })
                .collect();
            println!(
                "  Fichier {label} : {} — {}",
                problem.stored_name,
                titles.join(", ")
            );
        }
    }
    for orphan in &p.orphans {
        println!("  Fichier sans fiche (laissé en place) : {orphan}");
    }
    for leftover in &p.leftovers {
        println!("  Fichier temporaire d’une écriture interrompue : {leftover}");
    }
    for u in &p.dangling {
        println!(
            "  Pièce n° {} « {} » d’une fiche disparue ({} n° {})",
            u.proof_id,
            u.title,
            u.record_kind.label(),
            u.record_id
        );
    }
}

fn figure_line(f: &tremplin::metrics::Figure) -> String {
    format!(
        "{} : {} ({} / {})",
        f.label, f.rate.display, f.rate.numerator, f.rate.denominator
    )
}

fn print_results(r: &tremplin::metrics::ProgrammeResults) {
    println!(
        "{} — {} — sortants {}",
        r.programme_code,
        r.programme_name,
        r.school_year.label()
    );
    println!("{}", r.scope);
    for group in std::iter::once(&r.total).chain(r.cohorts.iter()) {
        println!();
        println!(
            "{}",
            match group.cohort_id {
                None => format!("Filière {}", group.label),
                Some(_) => format!("Promo {}", group.label.trim_start_matches("Promo ")),
            }
        );
        println!("  {}", figure_line(&group.accompanied));
        for t in &group.timepoints {
            println!(
                "  {} : {} sortant(s) au questionnaire dû, {} répondant(s), {} injoignable(s), \
                 {} sans réponse, {} neutralisé(s), {} pas encore dû(s)",
                t.timepoint.label(),
                t.leavers.count,
                t.respondents.count,
                t.unreachable.count,
                t.unanswered.count,
                t.neutralised.count,
                t.not_yet_due.count
            );
            for f in [
                &t.response_rate,
                &t.insertion,
                &t.target_job,
                &t.further_studies,
            ]
            .into_iter()
            .chain(t.further_studies_by_route.iter())
            {
                println!("    {}", figure_line(f));
            }
            for f in &t.further_studies_by_type {
                println!("      {}", figure_line(f));
            }
        }
    }
}

/// The day given on the command line, else today (the core never reads the clock).
/// `KIND:ID` → the record a proof goes to.
fn parse_target(text: &str) -> Result<(tremplin::model::RecordKind, tremplin::model::Id), Error> {
    let parsed = text.split_once(':').and_then(|(kind, id)| {
        Some((
            tremplin::model::RecordKind::from_code(kind.trim())?,
            id.trim().parse::<i64>().ok()?,
        ))
    });
    parsed
        .map(|(kind, id)| (kind, tremplin::model::Id(id)))
        .ok_or_else(|| {
            let kinds: Vec<&str> = tremplin::model::RecordKind::ALL
                .iter()
                .map(|k| k.code())
                .collect();
            tremplin::validate::field_error(
                "to",
                format!(
                    "« {text} » : écrivez TYPE:NUMÉRO, TYPE parmi {}.",
                    kinds.join(", ")
                ),
            )
        })
}

fn as_of_or_today(text: Option<String>) -> Result<chrono::NaiveDate, Error> {
    match text {
        Some(text) => tremplin::validate::parse_date(&text)
            .map_err(|m| tremplin::validate::field_error("asOf", m)),
        None => Ok(chrono::Local::now().date_naive()),
    }
}

fn print_overdue(list: &tremplin::model::OverdueList) {
    println!(
        "En retard au {} : {} apprenti(s) sur {} en formation sans point mensuel depuis plus de {} jours.",
        tremplin::format::date(list.as_of),
        list.rows.len(),
        list.in_training,
        list.after_days
    );
    let mut rows: Vec<&tremplin::model::OverdueRow> = list.rows.iter().collect();
    let referent = |r: &tremplin::model::OverdueRow| {
        r.referent_name
            .clone()
            .unwrap_or_else(|| "Sans référent".into())
    };
    rows.sort_by_cached_key(|r| {
        (
            tremplin::format::fold(&referent(r)),
            tremplin::format::fold(&r.programme_code),
            tremplin::format::fold(&r.cohort_label),
            std::cmp::Reverse(r.days),
        )
    });
    let mut current: Option<(String, String)> = None;
    for r in rows {
        let group = (
            referent(r),
            format!("{} · {}", r.programme_code, r.cohort_label),
        );
        if current.as_ref().map(|c| &c.0) != Some(&group.0) {
            println!();
            println!("{}", group.0);
        }
        if current.as_ref() != Some(&group) {
            println!("  {}", group.1);
        }
        let last = match r.last_review {
            Some(date) => format!("dernier point le {}", tremplin::format::date(date)),
            None => format!(
                "aucun point depuis le début de la formation ({})",
                tremplin::format::date(r.since)
            ),
        };
        println!(
            "    {} {} — {last}, {} jours",
            r.last_name, r.first_name, r.days
        );
        current = Some(group);
    }
}
