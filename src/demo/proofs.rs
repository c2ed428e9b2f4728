//! The demo CFA's pièces justificatives: the signed scans of its attendance
//! sheets, photos of its actions, reports, partnership agreements, the audit
//! report of each non-conformity, the leaflets of its support resources, a
//! few exit questionnaires. Every file is made here, deterministically (the
//! PDFs with the document engine, the photos drawn from a seed), so two demos
//! with the same seed hold the same bytes and the dossier has real annexes.
//!
//! Some actions are left without their sheet on purpose: an auditor would
//! find them, and so does the readiness check.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::history::Context;
use super::{DemoSummary, PROGRAMMES};
use crate::document::model::*;
use crate::document::{render_document, sample};
use crate::error::Result;
use crate::format::date;
use crate::model::*;
use crate::report::{attendance_sheet, SheetFill};
use crate::store::Writer;
use crate::validate;
use crate::vault::Vault;

/// Records of each other kind given a proof, at most (a large demo keeps
/// a small proofs folder).
const AT_MOST: i64 = 40;
/// Actions given their proofs, at most.
const ACTIONS_AT_MOST: i64 = 400;

fn noon(day: NaiveDate) -> NaiveDateTime {
    day.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default())
}

fn text(t: impl Into<String>) -> Block {
    Block::Paragraph {
        runs: vec![Run::plain(t)],
        id: None,
    }
}

/// A short letter-like document: a title, label–value lines, paragraphs.
fn letter(
    cfa: &str,
    title: &str,
    day: NaiveDate,
    fields: Vec<Field>,
    paragraphs: Vec<String>,
) -> Result<Vec<u8>> {
    let mut blocks = vec![Block::Sheet { fields, id: None }];
    blocks.extend(paragraphs.into_iter().map(text));
    let model = DocumentModel {
        metadata: Metadata {
            title: title.to_owned(),
            author: cfa.to_owned(),
            subject: String::new(),
            language: "fr-FR".into(),
            creation_date: noon(day),
        },
        running: Running {
            organisation: cfa.to_owned(),
            title: title.to_owned(),
            footer: String::new(),
        },
        cover: None,
        contents: None,
        sections: vec![Section {
            id: "document".into(),
            title: title.to_owned(),
            level: 1,
            new_page: false,
            blocks,
        }],
        annexes: Vec::new(),
    };
    Ok(render_document(&model, std::path::Path::new("."))?.pdf)
}

struct Attacher<'a, 'w> {
    w: &'a Writer<'w>,
    vault: &'a Vault,
    count: usize,
}

impl Attacher<'_, '_> {
    fn attach(
        &mut self,
        to: (RecordKind, Id),
        kind: ProofKind,
        title: &str,
        day: NaiveDate,
        file_name: &str,
        bytes: &[u8],
    ) -> Result<()> {
        let media = validate::proof_media(file_name, bytes);
        let new = validate::check_proof(
            &ProofInput {
                record_kind: to.0.code().into(),
                record_id: to.1,
                kind: kind.code().into(),
                title: title.into(),
                date: date(day),
            },
            file_name,
            media.clone(),
            day,
        )?;
        let media = media.map_err(|m| validate::field_error("file", m))?;
        let added = noon(day).format("%Y-%m-%dT%H:%M:%S").to_string();
        self.w
            .attach_proof(self.vault, &new, media, bytes, &added)?;
        self.count += 1;
        Ok(())
    }
}

/// Attaches the demo's proofs to the records `build` wrote, in its transaction.
pub(super) fn build(
    w: &Writer<'_>,
    vault: &Vault,
    context: &Context,
    summary: &mut DemoSummary,
) -> Result<()> {
    let conn = w.reader();
    let cfa: String = conn.query_row("SELECT name FROM organisation WHERE id = 1", [], |r| {
        r.get(0)
    })?;
    let mut a = Attacher { w, vault, count: 0 };

    // Actions that took place: the signed sheet (all but one in seven), a
    // photo (one in three), a report (one in four). A large demo stops at
    // ACTIONS_AT_MOST actions.
    let held: Vec<(Id, NaiveDate)> = conn
        .prepare(
            "SELECT a.id, a.start_date FROM action a
             WHERE EXISTS (SELECT 1 FROM attendance t WHERE t.action_id = a.id AND t.present)
             ORDER BY a.start_date, a.id LIMIT ?1",
        )?
        .query_map([ACTIONS_AT_MOST], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (n, (id, day)) in held.into_iter().enumerate() {
        let n = n + 1;
        let to = (RecordKind::Action, id);
        let data = w.sheet_data(id)?;
        if n % 7 != 3 {
            let model = attendance_sheet(&data, SheetFill::Signed, noon(day));
            let pdf = render_document(&model, std::path::Path::new("."))?.pdf;
            a.attach(
                to,
                ProofKind::AttendanceSheet,
                "Feuille d’émargement signée",
                day,
                &format!("emargement-{}.pdf", id),
                &pdf,
            )?;
        }
        if n % 3 == 0 {
            let jpeg = sample::photo_jpeg(id.0 as usize, 360, 240)?;
            a.attach(
                to,
                ProofKind::Photo,
                "Photo de la séance",
                day,
                &format!("photo-{}.jpg", id),
                &jpeg,
            )?;
        }
        if n % 4 == 1 {
            let x = &data.detail.action;
            let present = data.detail.attendance.iter().filter(|r| r.present).count();
            let mut paragraphs = vec![format!(
                "{} apprenti(e)s présent(e)s sur {} invité(e)s.",
                present,
                data.detail.attendance.len()
            )];
            if let Some(content) = x.content.clone().filter(|c| !c.is_empty()) {
                paragraphs.push(content);
            }
            if let Some(comments) = x.feedback_comments.clone().filter(|c| !c.is_empty()) {
                paragraphs.push(format!("Retours des participants : « {comments} »"));
            }
            let pdf = letter(
                &cfa,
                &format!("Compte rendu — {}", x.title),
                day,
                vec![
                    Field::new("Action", x.title.clone()),
                    Field::new("Nature", x.kind.label()),
                    Field::new("Date", date(day)),
                    Field::new("Lieu", x.place.clone().unwrap_or_else(|| "—".into())),
                    Field::new("Intervenants", data.speakers.join(", ")),
                ],
                paragraphs,
            )?;
            a.attach(
                to,
                ProofKind::Report,
                "Compte rendu de l’action",
                day,
                &format!("compte-rendu-{}.pdf", id),
                &pdf,
            )?;
        }
    }

    // Agreements: the signed convention.
    let agreements: Vec<(Id, String, String, NaiveDate, Option<NaiveDate>)> = conn
        .prepare(
            "SELECT g.id, g.title, p.name, g.signed_on, g.valid_until
             FROM agreement g JOIN partner p ON p.id = g.partner_id ORDER BY g.id LIMIT ?1",
        )?
        .query_map([AT_MOST], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, title, partner, signed, until) in agreements {
        let pdf = letter(
            &cfa,
            &title,
            signed,
            vec![
                Field::new("Entre", cfa.clone()),
                Field::new("Et", partner.clone()),
                Field::new("Signée le", date(signed)),
                Field::new("Valable jusqu’au", until.map_or_else(|| "—".into(), date)),
            ],
            vec![
                "Article 1 — Objet. Les parties organisent ensemble des actions d’information sur les \
                 métiers, des visites et des rencontres avec les apprentis, et se transmettent les offres \
                 d’emploi et de poursuite d’études."
                    .into(),
                "Article 2 — Engagements. Le partenaire accueille au moins une action par année scolaire ; \
                 le CFA en assure l’organisation, l’émargement et le compte rendu."
                    .into(),
                format!("Fait en deux exemplaires, le {}. Signatures des parties.", date(signed)),
            ],
        )?;
        a.attach(
            (RecordKind::Agreement, id),
            ProofKind::Agreement,
            "Convention signée",
            signed,
            &format!("convention-{id}.pdf"),
            &pdf,
        )?;
    }

    // Non-conformities: the audit report that found them.
    let findings: Vec<(Id, i64, String, NaiveDate)> = conn
        .prepare(
            "SELECT id, indicator, description, found_on FROM non_conformity ORDER BY id LIMIT ?1",
        )?
        .query_map([AT_MOST], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, indicator, description, found) in findings {
        let pdf = letter(
            &cfa,
            "Rapport d’audit de surveillance Qualiopi",
            found,
            vec![
                Field::new("Date de l’audit", date(found)),
                Field::new("Indicateur", indicator.to_string()),
            ],
            vec![
                format!("Constat : {description}"),
                "L’organisme dispose de trois mois pour présenter un plan d’actions correctives."
                    .into(),
            ],
        )?;
        a.attach(
            (RecordKind::NonConformity, id),
            ProofKind::Report,
            "Rapport d’audit",
            found,
            &format!("rapport-audit-{id}.pdf"),
            &pdf,
        )?;
    }

    // Support resources: their leaflet, or a capture of their page.
    let resources: Vec<(Id, String, Option<String>, Option<String>)> = conn
        .prepare(
            "SELECT id, name, description, provider FROM support_resource ORDER BY id LIMIT ?1",
        )?
        .query_map([AT_MOST], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let leaflet_day = NaiveDate::from_ymd_opt(2025, 9, 1).unwrap_or_default();
    for (n, (id, name, description, provider)) in resources.into_iter().enumerate() {
        if n % 3 == 2 {
            let png = sample::photo_png(1000 + id.0 as usize, 320, 200)?;
            a.attach(
                (RecordKind::SupportResource, id),
                ProofKind::Screenshot,
                "Capture de la page d’accès",
                leaflet_day,
                &format!("capture-{id}.png"),
                &png,
            )?;
        } else {
            let pdf = letter(
                &cfa,
                &format!("Présentation — {name}"),
                leaflet_day,
                vec![
                    Field::new("Ressource", name.clone()),
                    Field::new("Proposée par", provider.unwrap_or_else(|| cfa.clone())),
                ],
                vec![description.unwrap_or_default()],
            )?;
            a.attach(
                (RecordKind::SupportResource, id),
                ProofKind::Material,
                "Plaquette remise aux apprentis",
                leaflet_day,
                &format!("plaquette-{id}.pdf"),
                &pdf,
            )?;
        }
    }

    // One exit questionnaire in five: the form as the leaver returned it.
    let surveys: Vec<(Id, String, String, NaiveDate, String)> = conn
        .prepare(
            "SELECT s.id, a.first_name || ' ' || a.last_name, s.timepoint, s.surveyed_on, s.situation
             FROM exit_survey s JOIN apprentice a ON a.id = s.apprentice_id
             WHERE s.id % 5 = 0 ORDER BY s.id LIMIT ?1",
        )?
        .query_map([AT_MOST], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (id, who, timepoint, day, situation) in surveys {
        let timepoint = Timepoint::from_code(&timepoint).map_or("—", |t| t.label());
        let situation = Situation::from_code(&situation).map_or("—", |s| s.label());
        let pdf = letter(
            &cfa,
            "Questionnaire de suivi après la formation",
            day,
            vec![
                Field::new("Répondant(e)", who),
                Field::new("Moment", timepoint),
                Field::new("Répondu le", date(day)),
                Field::new("Situation déclarée", situation),
            ],
            vec![
                "Réponses recueillies par le CFA ; document conservé comme preuve de l’enquête."
                    .into(),
            ],
        )?;
        a.attach(
            (RecordKind::ExitSurvey, id),
            ProofKind::Questionnaire,
            "Questionnaire rempli",
            day,
            &format!("questionnaire-{id}.pdf"),
            &pdf,
        )?;
    }

    summary.proofs = a.count;
    summary.standing_documents = standing_documents(w, vault, &cfa, context)?;
    Ok(())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The « dispositif »: the support procedure (a second version replaced the
/// first), the référent's job description, the apprentice's handbook, two
/// speakers' training certificates, and each filière's calendar of actions
/// as given to its apprentices (last year's kept). Returns how many.
fn standing_documents(
    w: &Writer<'_>,
    vault: &Vault,
    cfa: &str,
    context: &Context,
) -> Result<usize> {
    let mut documents = 0;
    let mut add = |kind: StandingDocumentKind,
                   title: &str,
                   programme: Option<Id>,
                   versions: &[(&str, NaiveDate, &str)]|
     -> Result<()> {
        let doc = validate::check_standing_document(&StandingDocumentInput {
            id: None,
            kind: kind.code().into(),
            title: title.into(),
            programme_id: programme,
            notes: String::new(),
        })?;
        let id = w.save_standing_document(None, &doc)?;
        for (n, (label, issued, text)) in versions.iter().enumerate() {
            let pdf = letter(
                cfa,
                title,
                *issued,
                vec![
                    Field::new("Document", kind.label()),
                    Field::new("Version", *label),
                    Field::new("En vigueur depuis le", date(*issued)),
                ],
                vec![(*text).to_owned()],
            )?;
            let new = validate::check_version(
                &VersionInput {
                    document_id: id,
                    version: (*label).into(),
                    issued_on: date(*issued),
                    note: if n > 0 {
                        "Remplace la version précédente.".into()
                    } else {
                        String::new()
                    },
                },
                &format!("{}-v{}.pdf", kind.code(), n + 1),
                *issued,
            )?;
            let added = noon(*issued).format("%Y-%m-%dT%H:%M:%S").to_string();
            w.add_version(vault, &new, ProofMedia::Pdf, &pdf, &added)?;
        }
        documents += 1;
        Ok(())
    };
    add(
        StandingDocumentKind::SupportProcedure,
        "Procédure d’accompagnement des apprentis",
        None,
        &[
            ("1", day(2023, 9, 1), "Du premier contact au bilan après la formation : accueil, positionnement, désignation du référent, entretiens mensuels, repérage des difficultés, orientation vers les ressources, entretien de fin de parcours et questionnaires de suivi à 6 et 12 mois."),
            ("2", day(2025, 6, 30), "Version revue après l’audit : les entretiens mensuels sont tracés sous 35 jours, le plan d’actions de chaque filière est relu en comité de pilotage mensuel, les non-conformités ont un responsable et une échéance."),
        ],
    )?;
    add(
        StandingDocumentKind::ReferentJobDescription,
        "Fiche de poste — référent(e) d’apprentis",
        None,
        &[("1", day(2024, 1, 15), "Missions : suivre chaque apprenti(e) confié(e), mener un entretien au moins une fois par mois, assurer le lien avec l’employeur, alerter en cas de difficulté sociale, matérielle ou pédagogique, tracer chaque échange dans Tremplin.")],
    )?;
    add(
        StandingDocumentKind::InternalManual,
        "Livret d’accueil de l’apprenti",
        None,
        &[("2025-2026", day(2025, 9, 1), "Contacts utiles, règlement intérieur, aides au logement, à la restauration et à la mobilité, ressources en ligne, calendrier des temps forts de l’année.")],
    )?;
    for (n, name) in [
        "Formation « Accompagner les apprentis en difficulté »",
        "Formation « Conduire un entretien de suivi »",
    ]
    .iter()
    .enumerate()
    {
        add(
            StandingDocumentKind::SpeakerCertificate,
            &format!("Attestation — {name}"),
            None,
            &[(
                "1",
                day(2024 + n as i32, 3, 12),
                "Attestation de suivi d’une formation de 14 heures, délivrée aux référents du CFA.",
            )],
        )?;
    }
    for (index, (programme, spec)) in context.programme_ids.iter().zip(PROGRAMMES).enumerate() {
        add(
            StandingDocumentKind::AnnualCalendar,
            &format!("Calendrier des actions — {}", spec.code),
            Some(*programme),
            &[
                ("2024-2025", day(2024, 9, 2 + (index % 3) as u32), "Rentrée, forum des métiers en novembre, job dating en mars, information sur la poursuite d’études avant les vœux Parcoursup, coaching premier emploi en juin."),
                ("2025-2026", day(2025, 9, 1 + (index % 3) as u32), "Rentrée, visites d’entreprises à l’automne, forum des métiers, job dating, information Parcoursup en janvier, préparation de la sortie en mai et juin."),
            ],
        )?;
    }
    Ok(documents)
}
