//! The registers as tables of typed cells, for `interchange::registers` to
//! write as CSV or XLSX. One query per register (no query per row); codes of
//! closed lists become their French labels.

use chrono::NaiveDate;
use rusqlite::Row;

use super::Store;
use crate::error::Result;
use crate::interchange::registers::{Cell, ColumnKind, RegisterTable};
use crate::model::{
    ActionKind, ApprenticeStatus, CorrectiveStatus, EmploymentContract, FollowUpKind,
    FollowUpTopic, NonConformityLevel, OfferChannel, OfferContract, PartnerKind, Register,
    RootCause, Situation, StudyType, SurveyMethod, Timepoint,
};

fn label_of<T: Copy>(
    code: &str,
    from: fn(&str) -> Option<T>,
    label: fn(T) -> &'static str,
) -> Cell {
    match from(code) {
        Some(value) => Cell::Text(label(value).to_string()),
        None => Cell::text(code),
    }
}

fn text(r: &Row<'_>, i: usize) -> rusqlite::Result<Cell> {
    Ok(r.get::<_, Option<String>>(i)?
        .map_or(Cell::Empty, |s| Cell::text(&s)))
}

fn date(r: &Row<'_>, i: usize) -> rusqlite::Result<Cell> {
    Ok(r.get::<_, Option<NaiveDate>>(i)?
        .map_or(Cell::Empty, Cell::Date))
}

fn int(r: &Row<'_>, i: usize) -> rusqlite::Result<Cell> {
    Ok(r.get::<_, Option<i64>>(i)?
        .map_or(Cell::Empty, Cell::Integer))
}

fn decimal(r: &Row<'_>, i: usize) -> rusqlite::Result<Cell> {
    Ok(r.get::<_, Option<f64>>(i)?
        .map_or(Cell::Empty, Cell::Decimal))
}

fn flag(r: &Row<'_>, i: usize) -> rusqlite::Result<Cell> {
    Ok(Cell::Bool(r.get::<_, bool>(i)?))
}

impl Store {
    /// One register, every row, in a stable order.
    pub fn register(&self, register: Register) -> Result<RegisterTable> {
        use ColumnKind::*;
        let (columns, sql): (&[(&str, ColumnKind)], &str) = match register {
            Register::Apprentices => (
                &[
                    ("Nom", Text), ("Prénom", Text), ("Date de naissance", Date), ("E-mail", Text),
                    ("Téléphone", Text), ("Filière", Text), ("Promo", Text), ("Employeur", Text),
                    ("SIRET", Text), ("Début du contrat", Date), ("Fin du contrat", Date),
                    ("Statut", Text), ("Date de sortie", Date), ("Référent", Text),
                ],
                "SELECT a.last_name, a.first_name, a.birth_date, a.email, a.phone, p.code, c.label, a.employer,
                        a.employer_siret, a.contract_start, a.contract_end, a.status, a.exit_date,
                        s.first_name || ' ' || s.last_name
                 FROM apprentice a JOIN cohort c ON c.id = a.cohort_id JOIN programme p ON p.id = c.programme_id
                 LEFT JOIN staff s ON s.id = a.referent_id
                 ORDER BY p.code COLLATE NOCASE, c.label COLLATE NOCASE, a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id",
            ),
            Register::Partners => (
                &[
                    ("Nom", Text), ("Type", Text), ("Contact", Text), ("E-mail", Text), ("Téléphone", Text),
                    ("Ville", Text), ("Actions", Integer), ("Dernière action", Date), ("Conventions", Integer),
                    ("Convention valable jusqu’au", Date),
                ],
                "SELECT p.name, p.kind, p.contact_name, p.contact_email, p.contact_phone, p.city,
                        (SELECT count(DISTINCT ap.action_id) FROM action_partner ap WHERE ap.partner_id = p.id),
                        (SELECT max(a.start_date) FROM action_partner ap JOIN action a ON a.id = ap.action_id WHERE ap.partner_id = p.id),
                        (SELECT count(*) FROM agreement g WHERE g.partner_id = p.id),
                        (SELECT max(g.valid_until) FROM agreement g WHERE g.partner_id = p.id)
                 FROM partner p ORDER BY p.name COLLATE NOCASE, p.id",
            ),
            Register::Actions => (
                &[
                    ("Date", Date), ("Fin", Date), ("Titre", Text), ("Type", Text), ("Indicateur 14", Bool),
                    ("Indicateur 29", Bool), ("Lieu", Text), ("Durée (minutes)", Integer), ("Promos", Text),
                    ("Partenaires", Text), ("Invités", Integer), ("Présents", Integer), ("Émargés", Integer),
                    ("Taux de participation (%)", Decimal), ("Satisfaction (sur 5)", Decimal),
                ],
                "SELECT a.start_date, a.end_date, a.title, a.kind, a.indicator14, a.indicator29, a.place, a.duration_minutes,
                        (SELECT group_concat(label, ', ') FROM (SELECT p.code || ' ' || c.label AS label FROM action_cohort ac
                            JOIN cohort c ON c.id = ac.cohort_id JOIN programme p ON p.id = c.programme_id
                            WHERE ac.action_id = a.id ORDER BY 1)),
                        (SELECT group_concat(name, ', ') FROM (SELECT DISTINCT pa.name AS name FROM action_partner ap
                            JOIN partner pa ON pa.id = ap.partner_id WHERE ap.action_id = a.id ORDER BY 1)),
                        t.invited, t.present, t.signed,
                        CASE WHEN t.invited > 0 THEN round(100.0 * t.present / t.invited, 1) END,
                        a.feedback_score
                 FROM action a
                 LEFT JOIN (SELECT action_id, count(*) AS invited, sum(present) AS present, sum(signed) AS signed
                            FROM attendance GROUP BY action_id) t ON t.action_id = a.id
                 ORDER BY a.start_date, a.id",
            ),
            Register::Attendance => (
                &[
                    ("Date de l’action", Date), ("Action", Text), ("Nom", Text), ("Prénom", Text),
                    ("Filière", Text), ("Promo", Text), ("Présent(e)", Bool), ("Émargé", Bool),
                ],
                "SELECT a.start_date, a.title, p.last_name, p.first_name, pr.code, c.label, t.present, t.signed
                 FROM attendance t JOIN action a ON a.id = t.action_id JOIN apprentice p ON p.id = t.apprentice_id
                 JOIN cohort c ON c.id = p.cohort_id JOIN programme pr ON pr.id = c.programme_id
                 ORDER BY a.start_date, a.id, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, p.id",
            ),
            Register::Offers => (
                &[
                    ("Date", Date), ("Titre", Text), ("Contrat", Text), ("Canal", Text), ("Partenaire", Text),
                    ("Source", Text), ("Filières", Text), ("Commentaire", Text),
                ],
                "SELECT o.offered_on, o.title, o.contract, o.channel, pa.name, o.source,
                        (SELECT group_concat(code, ', ') FROM (SELECT p.code AS code FROM offer_programme op
                            JOIN programme p ON p.id = op.programme_id WHERE op.offer_id = o.id ORDER BY 1)),
                        o.comment
                 FROM relayed_offer o LEFT JOIN partner pa ON pa.id = o.partner_id
                 ORDER BY o.offered_on, o.id",
            ),
            Register::Surveys => (
                &[
                    ("Nom", Text), ("Prénom", Text), ("Date de naissance", Date), ("Filière", Text), ("Promo", Text),
                    ("Date de sortie", Date), ("Échéance", Text), ("Date de réponse", Date), ("Mode de recueil", Text),
                    ("Situation", Text), ("Type de contrat", Text), ("Dans le métier visé", Bool),
                    ("Type de formation", Text), ("Établissement", Text),
                ],
                "SELECT a.last_name, a.first_name, a.birth_date, p.code, c.label, a.exit_date, s.timepoint, s.surveyed_on,
                        s.method, s.situation, s.contract, s.in_target_job, s.study_type, s.institution
                 FROM exit_survey s JOIN apprentice a ON a.id = s.apprentice_id JOIN cohort c ON c.id = a.cohort_id
                 JOIN programme p ON p.id = c.programme_id
                 ORDER BY p.code COLLATE NOCASE, c.label COLLATE NOCASE, a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, a.id,
                          CASE s.timepoint WHEN 'exit' THEN 0 WHEN 'm3' THEN 3 WHEN 'm6' THEN 6 ELSE 12 END",
            ),
            Register::FollowUps => (
                &[
                    ("Date", Date), ("Type", Text), ("Nom", Text), ("Prénom", Text), ("Filière", Text), ("Promo", Text),
                    ("Mené par", Text), ("Thèmes", Text), ("Constats", Text), ("Suites", Text),
                ],
                "SELECT f.held_on, f.kind, a.last_name, a.first_name, p.code, c.label, s.first_name || ' ' || s.last_name,
                        (SELECT group_concat(topic, ',') FROM (SELECT topic FROM follow_up_topic WHERE follow_up_id = f.id ORDER BY topic)),
                        f.findings, f.next_steps
                 FROM follow_up f JOIN apprentice a ON a.id = f.apprentice_id JOIN cohort c ON c.id = a.cohort_id
                 JOIN programme p ON p.id = c.programme_id LEFT JOIN staff s ON s.id = f.staff_id
                 ORDER BY f.held_on, a.last_name COLLATE NOCASE, a.first_name COLLATE NOCASE, f.id",
            ),
            Register::NonConformities => (
                &[
                    ("Constatée le", Date), ("Indicateur", Integer), ("Niveau", Text), ("Description", Text),
                    ("Cause", Text), ("Levée le", Date), ("Actions correctives", Integer), ("Dont réalisées", Integer),
                    ("Prochaine échéance", Date),
                ],
                "SELECT n.found_on, n.indicator, n.level, n.description, n.root_cause, n.closed_on,
                        (SELECT count(*) FROM corrective_action ca WHERE ca.non_conformity_id = n.id),
                        (SELECT count(*) FROM corrective_action ca WHERE ca.non_conformity_id = n.id AND ca.status = ?1),
                        (SELECT min(due_date) FROM corrective_action ca WHERE ca.non_conformity_id = n.id AND ca.status <> ?1)
                 FROM non_conformity n ORDER BY n.found_on, n.id",
            ),
        };
        let mut stmt = self.conn.prepare(sql)?;
        let done = CorrectiveStatus::Done.code();
        let params: &[&dyn rusqlite::ToSql] = if register == Register::NonConformities {
            &[&done]
        } else {
            &[]
        };
        let rows = stmt.query_map(params, |r| row(register, r))?;
        Ok(RegisterTable {
            name: register.label().to_string(),
            columns: columns
                .iter()
                .map(|(label, kind)| (label.to_string(), *kind))
                .collect(),
            rows: rows.collect::<rusqlite::Result<_>>()?,
        })
    }
}

fn row(register: Register, r: &Row<'_>) -> rusqlite::Result<Vec<Cell>> {
    let code = |i: usize| -> rusqlite::Result<String> {
        Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
    };
    Ok(match register {
        Register::Apprentices => vec![
            text(r, 0)?,
            text(r, 1)?,
            date(r, 2)?,
            text(r, 3)?,
            text(r, 4)?,
            text(r, 5)?,
            text(r, 6)?,
            text(r, 7)?,
            text(r, 8)?,
            date(r, 9)?,
            date(r, 10)?,
            label_of(
                &code(11)?,
                ApprenticeStatus::from_code,
                ApprenticeStatus::label,
            ),
            date(r, 12)?,
            text(r, 13)?,
        ],
        Register::Partners => vec![
            text(r, 0)?,
            label_of(&code(1)?, PartnerKind::from_code, PartnerKind::label),
            text(r, 2)?,
            text(r, 3)?,
            text(r, 4)?,
            text(r, 5)?,
            int(r, 6)?,
            date(r, 7)?,
            int(r, 8)?,
            date(r, 9)?,
        ],
        Register::Actions => vec![
            date(r, 0)?,
            date(r, 1)?,
            text(r, 2)?,
            label_of(&code(3)?, ActionKind::from_code, ActionKind::label),
            flag(r, 4)?,
            flag(r, 5)?,
            text(r, 6)?,
            int(r, 7)?,
            text(r, 8)?,
            text(r, 9)?,
            Cell::Integer(r.get::<_, Option<i64>>(10)?.unwrap_or(0)),
            Cell::Integer(r.get::<_, Option<i64>>(11)?.unwrap_or(0)),
            Cell::Integer(r.get::<_, Option<i64>>(12)?.unwrap_or(0)),
            decimal(r, 13)?,
            decimal(r, 14)?,
        ],
        Register::Attendance => vec![
            date(r, 0)?,
            text(r, 1)?,
            text(r, 2)?,
            text(r, 3)?,
            text(r, 4)?,
            text(r, 5)?,
            flag(r, 6)?,
            flag(r, 7)?,
        ],
        Register::Offers => vec![
            date(r, 0)?,
            text(r, 1)?,
            label_of(&code(2)?, OfferContract::from_code, OfferContract::label),
            label_of(&code(3)?, OfferChannel::from_code, OfferChannel::label),
            text(r, 4)?,
            text(r, 5)?,
            text(r, 6)?,
            text(r, 7)?,
        ],
        Register::Surveys => {
            let contract = code(10)?;
            let study = code(12)?;
            vec![
                text(r, 0)?,
                text(r, 1)?,
                date(r, 2)?,
                text(r, 3)?,
                text(r, 4)?,
                date(r, 5)?,
                label_of(&code(6)?, Timepoint::from_code, Timepoint::label),
                date(r, 7)?,
                label_of(&code(8)?, SurveyMethod::from_code, SurveyMethod::label),
                label_of(&code(9)?, Situation::from_code, Situation::label),
                if contract.is_empty() {
                    Cell::Empty
                } else {
                    label_of(
                        &contract,
                        EmploymentContract::from_code,
                        EmploymentContract::label,
                    )
                },
                flag(r, 11)?,
                if study.is_empty() {
                    Cell::Empty
                } else {
                    label_of(&study, StudyType::from_code, StudyType::label)
                },
                text(r, 13)?,
            ]
        }
        Register::FollowUps => {
            let codes = code(7)?;
            let topics: String = codes
                .split(',')
                .filter(|t| !t.is_empty())
                .map(|t| {
                    FollowUpTopic::from_code(t)
                        .map_or_else(|| t.to_string(), |x| x.label().to_string())
                })
                .collect::<Vec<String>>()
                .join(", ");
            vec![
                date(r, 0)?,
                label_of(&code(1)?, FollowUpKind::from_code, FollowUpKind::label),
                text(r, 2)?,
                text(r, 3)?,
                text(r, 4)?,
                text(r, 5)?,
                text(r, 6)?,
                Cell::text(&topics),
                text(r, 8)?,
                text(r, 9)?,
            ]
        }
        Register::NonConformities => vec![
            date(r, 0)?,
            int(r, 1)?,
            label_of(
                &code(2)?,
                NonConformityLevel::from_code,
                NonConformityLevel::label,
            ),
            text(r, 3)?,
            label_of(&code(4)?, RootCause::from_code, RootCause::label),
            date(r, 5)?,
            int(r, 6)?,
            int(r, 7)?,
            date(r, 8)?,
        ],
    })
}
