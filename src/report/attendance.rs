//! The « feuille d'émargement » of an action: who the CFA invited, with a box
//! to sign beside each name, printed before the action; the signed scan,
//! attached back to the action as a « feuille d'émargement », is its proof of
//! attendance.

use chrono::NaiveDateTime;

use crate::document::model::*;
use crate::format::{date, duration, time};
use crate::model::SheetData;

/// How the sheet is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFill {
    /// Empty boxes, to print and sign.
    Blank,
    /// As it comes back once signed (the demo's scans): a signature for each
    /// person marked as signed, « absent(e) » for the others.
    Signed,
}

/// « 1 apprenti(e) invité(e) », « 20 apprenti(e)s invité(e)s » (French: the
/// singular for 0 and 1).
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

fn paragraph(runs: Vec<Run>) -> Block {
    Block::Paragraph { runs, id: None }
}

/// A made-up handwritten signature: initial and name, in italics.
fn signature(first_name: &str, last_name: &str) -> Vec<Run> {
    let initial = first_name
        .chars()
        .next()
        .map(String::from)
        .unwrap_or_default();
    vec![Run::italic(format!("{initial}. {last_name}"))]
}

/// The document model of an action's attendance sheet, printed at `generated`.
pub fn attendance_sheet(
    data: &SheetData,
    fill: SheetFill,
    generated: NaiveDateTime,
) -> DocumentModel {
    let action = &data.detail.action;
    let cfa = data
        .organisation
        .as_ref()
        .map_or_else(|| "CFA".to_owned(), |o| o.name.clone());

    let mut when = date(action.start_date);
    if let Some(end) = action.end_date.filter(|e| *e != action.start_date) {
        when = format!("du {when} au {}", date(end));
    }
    if let Some(start) = action.start_time {
        when.push_str(&format!(" à {}", time(start)));
    }
    if let Some(minutes) = action.duration_minutes {
        when.push_str(&format!(" (durée\u{a0}: {})", duration(minutes)));
    }
    let list = |items: &[String]| {
        if items.is_empty() {
            "—".to_owned()
        } else {
            items.join(", ")
        }
    };
    let indicators = match (action.indicator14, action.indicator29) {
        (true, true) => "14 et 29",
        (true, false) => "14",
        _ => "29",
    };
    let mut fields = vec![
        Field::new("Organisme", cfa.clone()),
        Field::new("Action", action.title.clone()),
        Field::new("Nature", action.kind.label()),
        Field::new("Date", when),
        Field::new("Lieu", action.place.clone().unwrap_or_else(|| "—".into())),
        Field::new("Promos invitées", list(&data.cohorts)),
        Field::new("Intervenants", list(&data.speakers)),
    ];
    if !data.co_organisers.is_empty() {
        fields.push(Field::new("Co-organisée avec", list(&data.co_organisers)));
    }
    if let Some(public) = action.public.clone().filter(|p| !p.is_empty()) {
        fields.push(Field::new("Public", public));
    }
    fields.push(Field::new("Indicateurs Qualiopi", indicators));

    let invited = plural(
        data.detail.attendance.len(),
        "apprenti(e) invité(e)",
        "apprenti(e)s invité(e)s",
    );
    let instructions = match fill {
        SheetFill::Blank => format!(
            "{invited}. Chaque participant(e) signe dans la case à son nom ; \
             la case d’une personne absente reste vide. Une fois signée, numérisez cette feuille et \
             joignez-la à l’action comme « feuille d’émargement » : c’est la preuve de présence."
        ),
        SheetFill::Signed => format!(
            "{invited}, {}.",
            plural(
                data.detail.attendance.iter().filter(|a| a.present).count(),
                "présent(e)",
                "présent(e)s"
            )
        ),
    };

    let rows: Vec<Vec<Cell>> = data
        .detail
        .attendance
        .iter()
        .enumerate()
        .map(|(n, a)| {
            let box_ = match fill {
                // Two blank lines: room for a signature.
                SheetFill::Blank => Cell::from("\u{a0}\n\u{a0}"),
                SheetFill::Signed if a.signed => Cell::Runs {
                    runs: signature(&a.first_name, &a.last_name),
                },
                SheetFill::Signed if a.present => Cell::from("présent(e), non signé"),
                SheetFill::Signed => Cell::from("absent(e)"),
            };
            vec![
                Cell::from((n + 1).to_string()),
                Cell::from(a.last_name.to_uppercase()),
                Cell::from(a.first_name.clone()),
                Cell::from(a.cohort_label.clone()),
                box_,
            ]
        })
        .collect();
    let mut blocks = vec![
        Block::Sheet { fields, id: None },
        paragraph(vec![Run::plain(instructions)]),
    ];
    if rows.is_empty() {
        blocks.push(paragraph(vec![Run::italic(
            "Aucun apprenti n’est invité : choisissez les promos de l’action.",
        )]));
    } else {
        blocks.push(Block::Table {
            columns: vec![
                Column::new("N°", Align::Right).nowrap(),
                Column::new("Nom", Align::Left).unhyphenated(),
                Column::new("Prénom", Align::Left).unhyphenated(),
                Column::new("Promo", Align::Left).unhyphenated(),
                Column::new("Signature", Align::Left).fixed(150.0),
            ],
            rows,
            totals: None,
            id: Some("participants".into()),
            style: TableStyle::Normal,
            zebra: false,
        });
    }
    let speaker_rows: Vec<Vec<Cell>> = data
        .speakers
        .iter()
        .map(|name| {
            vec![
                Cell::from(name.clone()),
                match fill {
                    SheetFill::Blank => Cell::from("\u{a0}\n\u{a0}"),
                    SheetFill::Signed => Cell::Runs {
                        runs: vec![Run::italic(name.clone())],
                    },
                },
            ]
        })
        .collect();
    if !speaker_rows.is_empty() {
        blocks.push(Block::Heading {
            text: "Signature des intervenants".into(),
            id: None,
        });
        blocks.push(Block::Table {
            columns: vec![
                Column::new("Intervenant", Align::Left).unhyphenated(),
                Column::new("Signature", Align::Left).fixed(150.0),
            ],
            rows: speaker_rows,
            totals: None,
            id: None,
            style: TableStyle::Normal,
            zebra: false,
        });
    }

    let title = match fill {
        SheetFill::Blank => "Feuille d’émargement",
        SheetFill::Signed => "Feuille d’émargement signée",
    };
    DocumentModel {
        metadata: Metadata {
            title: format!("{title} — {}", action.title),
            author: cfa.clone(),
            subject: format!("{} du {}", action.kind.label(), date(action.start_date)),
            language: "fr-FR".into(),
            creation_date: generated,
        },
        running: Running {
            organisation: cfa,
            title: title.into(),
            footer: format!("Éditée le {} avec Tremplin", date(generated.date())),
        },
        cover: None,
        contents: None,
        sections: vec![Section {
            id: "emargement".into(),
            title: format!("{title} — {}", action.title),
            level: 1,
            new_page: false,
            blocks,
        }],
        annexes: Vec::new(),
    }
}
