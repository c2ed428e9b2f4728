//! Documents made of the CFA's records: each fills a [`DocumentModel`] from
//! values the store loaded, and the document engine prints it. The engine
//! knows nothing of apprentices; this module knows nothing of pages.

mod attendance;
mod individual;

pub use attendance::{attendance_sheet, SheetFill};
pub use individual::individual_file;

/// A file name from a person's name and a day: « dossier-individuel-dupont-lea-2026-12-02.pdf ».
pub fn file_name(prefix: &str, parts: &[&str], day: chrono::NaiveDate) -> String {
    let mut name = String::from(prefix);
    for part in parts {
        let folded = crate::format::fold(part);
        let slug: String = folded
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let slug = slug
            .split('-')
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        if !slug.is_empty() {
            name.push('-');
            name.push_str(&slug);
        }
    }
    // A long title stays readable and the name within export_path's limit.
    let mut cut = name.len().min(150);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let name = name[..cut].trim_end_matches('-');
    format!("{name}-{}.pdf", day.format("%Y-%m-%d"))
}

/// The name of an apprentice's printed individual file: their id first (two
/// homonyms printed the same day get two files; an erasure finds them).
pub fn individual_file_name(a: &crate::model::Apprentice, day: chrono::NaiveDate) -> String {
    file_name(
        "dossier-individuel",
        &[&a.id.to_string(), &a.last_name, &a.first_name],
        day,
    )
}

/// The names of an apprentice's data export: the JSON, then the PDF.
pub fn personal_file_names(
    a: &crate::model::Apprentice,
    day: chrono::NaiveDate,
) -> (String, String) {
    let json = file_name(
        "donnees-personnelles",
        &[&a.id.to_string(), &a.last_name, &a.first_name],
        day,
    );
    let json = format!("{}.json", json.trim_end_matches(".pdf"));
    (json, individual_file_name(a, day))
}

/// A document written to disk: where, and how many pages.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct WrittenDocument {
    /// The file's name in its folder (the folder is the app's own).
    pub file_name: String,
    #[serde(skip)]
    #[ts(skip)]
    pub path: std::path::PathBuf,
    #[ts(type = "number")]
    pub pages: usize,
    #[ts(type = "number")]
    pub bytes: usize,
}

/// Prints an apprentice's file to `out` (written atomically).
pub fn write_individual_file(
    store: &crate::Store,
    apprentice_id: crate::model::Id,
    out: &std::path::Path,
    generated: chrono::NaiveDateTime,
) -> crate::Result<WrittenDocument> {
    let file = store.apprentice_file(apprentice_id, generated.date())?;
    let organisation = store.organisation()?;
    write_model(
        &individual_file(organisation.as_ref(), &file, generated),
        out,
    )
}

/// Prints an action's attendance sheet, to sign, to `out` (written atomically).
pub fn write_attendance_sheet(
    data: &crate::model::SheetData,
    out: &std::path::Path,
    generated: chrono::NaiveDateTime,
) -> crate::Result<WrittenDocument> {
    write_model(&attendance_sheet(data, SheetFill::Blank, generated), out)
}

fn write_model(
    model: &crate::document::model::DocumentModel,
    out: &std::path::Path,
) -> crate::Result<WrittenDocument> {
    let rendered = crate::document::render_document(model, std::path::Path::new("."))?;
    crate::document::write_pdf(out, &rendered.pdf)?;
    Ok(WrittenDocument {
        file_name: out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        path: out.to_path_buf(),
        pages: rendered.pages,
        bytes: rendered.pdf.len(),
    })
}

/// A person's data as it leaves Tremplin (RGPD right of access): the JSON of
/// everything held about them, and their individual file as a PDF.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PersonalExport {
    pub json: WrittenDocument,
    pub pdf: WrittenDocument,
}

/// Writes `json_out` (the [`crate::model::PersonalData`], atomically) and
/// `pdf_out` (the individual file) for one apprentice.
pub fn write_personal_data(
    store: &crate::Store,
    apprentice_id: crate::model::Id,
    json_out: &std::path::Path,
    pdf_out: &std::path::Path,
    now: chrono::NaiveDateTime,
) -> crate::Result<PersonalExport> {
    let data = store.personal_data(apprentice_id, now)?;
    let mut json = serde_json::to_vec_pretty(&data)
        .map_err(|e| crate::Error::Document(format!("export JSON impossible ({e})")))?;
    json.push(b'\n');
    crate::fsio::write_atomic(json_out, &json)?;
    let pdf = write_individual_file(store, apprentice_id, pdf_out, now)?;
    Ok(PersonalExport {
        json: WrittenDocument {
            file_name: json_out
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            path: json_out.to_path_buf(),
            pages: 0,
            bytes: json.len(),
        },
        pdf,
    })
}

/// The folder beside the database where printed documents go (« Exports »).
pub const EXPORTS_FOLDER: &str = "Exports";

/// The path of a document named `file_name` in the exports folder of the
/// store's data folder, which is created if needed. The name must be a plain
/// PDF or JSON file name: no folder, no « .. » (it may come from the window).
pub fn export_path(store: &crate::Store, file_name: &str) -> crate::Result<std::path::PathBuf> {
    let plain = !file_name.is_empty()
        && file_name.len() <= 200
        && (file_name.ends_with(".pdf") || file_name.ends_with(".json"))
        && !file_name.starts_with('.')
        && file_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !plain {
        return Err(crate::validate::field_error(
            "fileName",
            "Ce nom de document n’est pas valide.",
        ));
    }
    let Some(data_dir) = store.path().and_then(|p| p.parent()) else {
        return Err(crate::validate::field_error(
            "fileName",
            "Une base en mémoire n’a pas de dossier où enregistrer un document.",
        ));
    };
    let dir = data_dir.join(EXPORTS_FOLDER);
    std::fs::create_dir_all(&dir).map_err(|e| crate::Error::io(&dir, e))?;
    Ok(dir.join(file_name))
}
