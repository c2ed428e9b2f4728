//! Questions across aggregates: the dashboard, the school years that have
//! data, and what a deletion would take with it.

use chrono::{Months, NaiveDate};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::actions::participation;
use super::Store;
use crate::error::{Error, Result};
use crate::model::*;

/// The kinds of record a person can delete from the UI.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Entity {
    Programme,
    Cohort,
    Staff,
    Apprentice,
    Partner,
    Agreement,
    Action,
    ExitSurvey,
    ActionPlan,
    Objective,
    Milestone,
    RelayedOffer,
    AnnualReview,
    FollowUp,
    NonConformity,
    SupportResource,
    ResourceUsage,
    StandingDocument,
}

impl Entity {
    fn table(self) -> &'static str {
        match self {
            Entity::Programme => "programme",
            Entity::Cohort => "cohort",
            Entity::Staff => "staff",
            Entity::Apprentice => "apprentice",
            Entity::Partner => "partner",
            Entity::Agreement => "agreement",
            Entity::Action => "action",
            Entity::ExitSurvey => "exit_survey",
            Entity::ActionPlan => "action_plan",
            Entity::Objective => "objective",
            Entity::Milestone => "milestone",
            Entity::RelayedOffer => "relayed_offer",
            Entity::AnnualReview => "annual_review",
            Entity::FollowUp => "follow_up",
            Entity::NonConformity => "non_conformity",
            Entity::SupportResource => "support_resource",
            Entity::ResourceUsage => "resource_usage",
            Entity::StandingDocument => "standing_document",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Entity::Programme => "Filière",
            Entity::Cohort => "Promo",
            Entity::Staff => "Membre de l’équipe",
            Entity::Apprentice => "Apprenti(e)",
            Entity::Partner => "Partenaire",
            Entity::Agreement => "Convention",
            Entity::Action => "Action",
            Entity::ExitSurvey => "Questionnaire de sortie",
            Entity::ActionPlan => "Plan d’actions",
            Entity::Objective => "Objectif",
            Entity::Milestone => "Jalon",
            Entity::RelayedOffer => "Offre relayée",
            Entity::AnnualReview => "Bilan annuel",
            Entity::FollowUp => "Entretien de suivi",
            Entity::NonConformity => "Non-conformité",
            Entity::SupportResource => "Ressource d’accompagnement",
            Entity::ResourceUsage => "Chiffre d’usage",
            Entity::StandingDocument => "Document du dispositif",
        }
    }
}

/// « 1 émargement », « 18 émargements ».
fn count(n: i64, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n > 1 { plural } else { singular })
}

impl Store {
    fn count(&self, sql: &str, id: Id) -> Result<i64> {
        Ok(self.conn.query_row(sql, [id], |r| r.get(0))?)
    }

    /// What deleting a record would take with it, or why it cannot go.
    pub fn deletion_impact(&self, entity: Entity, id: Id) -> Result<DeletionImpact> {
        let exists: bool = self.conn.query_row(
            &format!(
                "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1)",
                entity.table()
            ),
            [id],
            |r| r.get(0),
        )?;
        if !exists {
            return Err(Error::NotFound {
                entity: entity.label(),
                id,
            });
        }
        let refuse = |message: String| {
            Ok(DeletionImpact {
                allowed: false,
                message,
            })
        };
        let allow = |message: String| {
            Ok(DeletionImpact {
                allowed: true,
                message,
            })
        };
        match entity {
            Entity::Programme => {
                let cohorts =
                    self.count("SELECT count(*) FROM cohort WHERE programme_id = ?1", id)?;
                if cohorts > 0 {
                    return refuse(format!(
                        "Cette filière a {} : supprimez-les ou rattachez-les ailleurs d’abord.",
                        count(cohorts, "promo", "promos")
                    ));
                }
                let plans = self.count(
                    "SELECT (SELECT count(*) FROM action_plan WHERE programme_id = ?1)
                          + (SELECT count(*) FROM annual_review WHERE programme_id = ?1)
                          + (SELECT count(*) FROM offer_programme WHERE programme_id = ?1)
                          + (SELECT count(*) FROM support_resource_programme WHERE programme_id = ?1)
                          + (SELECT count(*) FROM standing_document WHERE programme_id = ?1)",
                    id,
                )?;
                if plans > 0 {
                    return refuse(
                        "Cette filière a des plans d’actions, des bilans, des offres relayées, des ressources \
                         d’accompagnement ou des documents du dispositif qui la servent : \
                         ce sont des preuves des indicateurs 14 et 29, \
                         supprimez-les ou retirez-la d’abord."
                            .into(),
                    );
                }
                allow("Supprimer cette filière ?".into())
            }
            Entity::Cohort => {
                let apprentices =
                    self.count("SELECT count(*) FROM apprentice WHERE cohort_id = ?1", id)?;
                let actions = self.count(
                    "SELECT count(*) FROM action_cohort WHERE cohort_id = ?1",
                    id,
                )?;
                if apprentices > 0 || actions > 0 {
                    return refuse(format!(
                        "Cette promo a {} et est visée par {} : elles en dépendent.",
                        count(apprentices, "apprenti(e)", "apprentis"),
                        count(actions, "action", "actions")
                    ));
                }
                let objectives =
                    self.count("SELECT count(*) FROM objective WHERE cohort_id = ?1", id)?;
                if objectives > 0 {
                    return refuse(format!(
                        "Cette promo est mesurée par {} d’un plan d’actions : changez-les d’abord.",
                        count(objectives, "objectif", "objectifs")
                    ));
                }
                allow("Supprimer cette promo ?".into())
            }
            Entity::Staff => {
                let followed =
                    self.count("SELECT count(*) FROM apprentice WHERE referent_id = ?1", id)?;
                let spoke =
                    self.count("SELECT count(*) FROM action_staff WHERE staff_id = ?1", id)?;
                if followed > 0 || spoke > 0 {
                    return refuse(format!(
                        "Cette personne est référente de {} et intervenante de {} : \
                         désignez d’autres personnes d’abord, ces traces servent à l’audit.",
                        count(followed, "apprenti(e)", "apprentis"),
                        count(spoke, "action", "actions")
                    ));
                }
                let history = self.count(
                    "SELECT (SELECT count(*) FROM referent_period WHERE staff_id = ?1)
                          + (SELECT count(*) FROM follow_up WHERE staff_id = ?1)",
                    id,
                )?;
                if history > 0 {
                    return refuse(
                        "Cette personne figure dans l’historique des référents ou a mené des entretiens de suivi : \
                         ces traces servent à l’audit, elle reste dans l’équipe."
                            .into(),
                    );
                }
                let owns = self.count(
                    "SELECT (SELECT count(*) FROM action_plan WHERE owner_id = ?1)
                          + (SELECT count(*) FROM objective WHERE owner_id = ?1)
                          + (SELECT count(*) FROM corrective_action WHERE owner_id = ?1)",
                    id,
                )?;
                if owns > 0 {
                    return refuse(format!(
                        "Cette personne est pilote de {} (plans d’actions, objectifs ou actions correctives) : désignez un autre pilote d’abord.",
                        count(owns, "élément", "éléments")
                    ));
                }
                allow("Supprimer ce membre de l’équipe ?".into())
            }
            Entity::Apprentice => {
                let parts = [
                    (
                        self.count(
                            "SELECT count(*) FROM attendance WHERE apprentice_id = ?1",
                            id,
                        )?,
                        "émargement",
                        "émargements",
                    ),
                    (
                        self.count(
                            "SELECT count(*) FROM exit_survey WHERE apprentice_id = ?1",
                            id,
                        )?,
                        "questionnaire de sortie",
                        "questionnaires de sortie",
                    ),
                    (
                        self.count(
                            "SELECT count(*) FROM follow_up WHERE apprentice_id = ?1",
                            id,
                        )?,
                        "entretien de suivi",
                        "entretiens de suivi",
                    ),
                ];
                let named: Vec<String> = parts
                    .iter()
                    .filter(|(n, _, _)| *n > 0)
                    .map(|(n, one, many)| format!("ses {}", count(*n, one, many)))
                    .collect();
                if named.is_empty() {
                    allow("Supprimer cet(te) apprenti(e)\u{a0}?".into())
                } else {
                    allow(format!(
                        "Supprimer cet(te) apprenti(e), {}\u{a0}? Ce sont des preuves des indicateurs 14 et 29\u{a0}: \
                         elles disparaîtront des taux et du suivi.",
                        named.join(", ")
                    ))
                }
            }
            Entity::Partner => {
                let actions = self.count(
                    "SELECT count(DISTINCT action_id) FROM action_partner WHERE partner_id = ?1",
                    id,
                )?;
                if actions > 0 {
                    return refuse(format!(
                        "Ce partenaire figure dans {} : retirez-le de ces actions d’abord.",
                        count(actions, "action", "actions")
                    ));
                }
                let offers = self.count(
                    "SELECT count(*) FROM relayed_offer WHERE partner_id = ?1",
                    id,
                )?;
                if offers > 0 {
                    return refuse(format!(
                        "Ce partenaire est la source de {} : elles sont des preuves de l’indicateur 29.",
                        count(offers, "offre relayée", "offres relayées")
                    ));
                }
                let agreements =
                    self.count("SELECT count(*) FROM agreement WHERE partner_id = ?1", id)?;
                if agreements > 0 {
                    allow(format!(
                        "Supprimer ce partenaire et ses {} ?",
                        count(agreements, "convention", "conventions")
                    ))
                } else {
                    allow("Supprimer ce partenaire ?".into())
                }
            }
            Entity::Agreement => allow("Supprimer cette convention ?".into()),
            Entity::StandingDocument => {
                let versions = self.count(
                    "SELECT count(*) FROM document_version WHERE document_id = ?1",
                    id,
                )?;
                allow(format!(
                    "Supprimer ce document du dispositif et ses {} ? Pour le remplacer, ajoutez plutôt une nouvelle version : les anciennes restent des preuves.",
                    count(versions, "version", "versions")
                ))
            }
            Entity::Action => {
                let marks =
                    self.count("SELECT count(*) FROM attendance WHERE action_id = ?1", id)?;
                allow(format!(
                    "Supprimer cette action et ses {} ?",
                    count(marks, "émargement", "émargements")
                ))
            }
            Entity::ExitSurvey => allow(
                "Supprimer ce questionnaire ? Les taux de réponse et d’insertion changeront."
                    .into(),
            ),
            Entity::ActionPlan => {
                let objectives =
                    self.count("SELECT count(*) FROM objective WHERE plan_id = ?1", id)?;
                let links = self.count(
                    "SELECT count(*) FROM action_objective x JOIN objective o ON o.id = x.objective_id
                     WHERE o.plan_id = ?1",
                    id,
                )?;
                allow(format!(
                    "Supprimer ce plan, ses {} et leurs {} avec des actions ? Les actions restent.",
                    count(objectives, "objectif", "objectifs"),
                    count(links, "lien", "liens")
                ))
            }
            Entity::Objective => {
                let links = self.count(
                    "SELECT count(*) FROM action_objective WHERE objective_id = ?1",
                    id,
                )?;
                allow(if links == 0 {
                    "Supprimer cet objectif\u{a0}?".to_owned()
                } else {
                    format!(
                        "Supprimer cet objectif\u{a0}? Les actions liées ({links}) n’y seront plus rattachées\u{a0}; elles restent."
                    )
                })
            }
            Entity::Milestone => allow("Retirer ce jalon du calendrier ?".into()),
            Entity::RelayedOffer => allow("Supprimer cette offre relayée ?".into()),
            Entity::AnnualReview => allow("Supprimer ce bilan annuel ?".into()),
            Entity::FollowUp => allow(
                "Supprimer cet entretien ? Le suivi de l’apprenti(e) ne le montrera plus.".into(),
            ),
            Entity::NonConformity => {
                let actions = self.count(
                    "SELECT count(*) FROM corrective_action WHERE non_conformity_id = ?1",
                    id,
                )?;
                let reviews = self.count(
                    "SELECT count(*) FROM steering_review WHERE non_conformity_id = ?1",
                    id,
                )?;
                allow(format!(
                    "Supprimer cette non-conformité, ses {} et ses {}\u{a0}? L’auditeur de surveillance \
                     vérifiera qu’elle a été traitée\u{a0}: ne la supprimez que si elle a été saisie par erreur.",
                    count(actions, "action corrective", "actions correctives"),
                    count(reviews, "revue de pilotage", "revues de pilotage")
                ))
            }
            Entity::SupportResource => {
                let usages = self.count(
                    "SELECT count(*) FROM resource_usage WHERE resource_id = ?1",
                    id,
                )?;
                allow(if usages == 0 {
                    "Supprimer cette ressource\u{a0}?".to_owned()
                } else {
                    format!(
                        "Supprimer cette ressource et ses {}\u{a0}? Ce sont des preuves de l’indicateur 14.",
                        count(usages, "chiffre d’usage", "chiffres d’usage")
                    )
                })
            }
            Entity::ResourceUsage => allow("Supprimer ce chiffre d’usage\u{a0}?".into()),
        }
    }

    /// Deletes a record and what depends on it, unless something forbids it.
    pub fn delete(&mut self, entity: Entity, id: Id) -> Result<()> {
        let impact = self.deletion_impact(entity, id)?;
        if !impact.allowed {
            return Err(Error::Conflict(impact.message));
        }
        self.write(|tx| {
            tx.execute(
                &format!("DELETE FROM {} WHERE id = ?1", entity.table()),
                [id],
            )?;
            Ok(())
        })?;
        // Triggers removed the proofs of what went; their files go too
        // unless another record uses them.
        self.remove_unused_files()?;
        Ok(())
    }

    /// School years with actions or cohorts, plus the current one, newest first.
    pub fn school_years(&self, today: NaiveDate) -> Result<Vec<SchoolYear>> {
        let mut stmt = self.conn.prepare(
            "SELECT start_date FROM action UNION SELECT start_date FROM cohort UNION SELECT end_date FROM cohort",
        )?;
        let mut years: Vec<SchoolYear> = stmt
            .query_map([], |r| r.get::<_, NaiveDate>(0))?
            .map(|d| d.map(SchoolYear::containing))
            .collect::<rusqlite::Result<_>>()?;
        years.push(SchoolYear::containing(today));
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        Ok(years)
    }

    /// Everything the window needs when it opens.
    pub fn app_state(&self, today: NaiveDate) -> Result<AppState> {
        let current = SchoolYear::containing(today);
        let latest_with_actions: Option<NaiveDate> = self.conn.query_row(
            "SELECT max(start_date) FROM action WHERE start_date <= ?1",
            [today],
            |r| r.get(0),
        )?;
        let has_current: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM action WHERE start_date BETWEEN ?1 AND ?2)",
            params![current.first_day(), current.last_day()],
            |r| r.get(0),
        )?;
        let default_school_year = match latest_with_actions {
            Some(date) if !has_current => SchoolYear::containing(date),
            _ => current,
        };
        Ok(AppState {
            organisation: self.organisation()?,
            app_version: env!("CARGO_PKG_VERSION").into(),
            licence: env!("CARGO_PKG_LICENSE").into(),
            data_folder: self
                .path()
                .and_then(|p| p.parent())
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            database_path: self
                .path()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| ":memory:".into()),
            schema_version: self.schema_version()?,
            school_years: self.school_years(today)?,
            default_school_year,
            storage_warning: self
                .path()
                .and_then(|p| p.parent())
                .and_then(crate::location::storage_warning),
            backup_problem: None,
        })
    }

    /// Counts and rates of one school year.
    pub fn dashboard(&self, year: SchoolYear, today: NaiveDate) -> Result<Dashboard> {
        let (from, to) = (year.first_day(), year.last_day());
        let one = |sql: &str| -> Result<i64> {
            Ok(self.conn.query_row(sql, params![from, to], |r| r.get(0))?)
        };
        let in_year = "a.start_date BETWEEN ?1 AND ?2";
        let cohorts_in_year = "c.start_date <= ?2 AND c.end_date >= ?1";
        let attendance = |present: &str| {
            format!(
            "SELECT count(*) FROM attendance t JOIN action a ON a.id = t.action_id WHERE {in_year} {present}"
        )
        };
        let apprentices_of_year = format!(
            "SELECT count(*) FROM apprentice p JOIN cohort c ON c.id = p.cohort_id WHERE {cohorts_in_year}
               AND (p.exit_date IS NULL OR p.exit_date >= ?1)"
        );
        let accompanied_of_year = format!(
            "SELECT count(*) FROM apprentice p JOIN cohort c ON c.id = p.cohort_id WHERE {cohorts_in_year}
               AND (p.exit_date IS NULL OR p.exit_date >= ?1)
               AND EXISTS (SELECT 1 FROM attendance t JOIN action a ON a.id = t.action_id
                           WHERE t.apprentice_id = p.id AND t.present AND a.indicator29 AND {in_year})"
        );
        let year_ago = today.checked_sub_months(Months::new(12)).unwrap_or(today);
        let dormant: i64 = self.conn.query_row(
            "SELECT count(*) FROM partner p WHERE NOT EXISTS (
                SELECT 1 FROM action_partner x JOIN action a ON a.id = x.action_id
                WHERE x.partner_id = p.id AND x.role = 'co_organiser' AND a.start_date > ?1)",
            [year_ago],
            |r| r.get(0),
        )?;
        let mut recent = self.list_actions(&ActionFilter {
            school_year: Some(year),
            ..Default::default()
        })?;
        recent.truncate(8);
        Ok(Dashboard {
            school_year: year,
            programme_count: self.conn.query_row("SELECT count(*) FROM programme", [], |r| r.get(0))?,
            cohort_count: one(&format!("SELECT count(*) FROM cohort c WHERE {cohorts_in_year}"))?,
            apprentice_count: one(&apprentices_of_year)?,
            staff_count: self.conn.query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?,
            partner_count: self.conn.query_row("SELECT count(*) FROM partner", [], |r| r.get(0))?,
            action_count: one(&format!("SELECT count(*) FROM action a WHERE {in_year}"))?,
            action14_count: one(&format!("SELECT count(*) FROM action a WHERE {in_year} AND a.indicator14"))?,
            action29_count: one(&format!("SELECT count(*) FROM action a WHERE {in_year} AND a.indicator29"))?,
            distinct_kinds29: one(&format!(
                "SELECT count(DISTINCT a.kind) FROM action a WHERE {in_year} AND a.indicator29"
            ))?,
            participation: participation(one(&attendance("AND t.present"))?, one(&attendance(""))?),
            accompanied: Rate::new(
                one(&accompanied_of_year)?,
                one(&apprentices_of_year)?,
                "Apprentis des promos de l’année présents à au moins une action de l’indicateur 29 ÷ \
                 apprentis de ces promos.",
            ),
            dormant_partner_count: dormant,
            recent_actions: recent,
            results: self.all_results(year, today)?,
            previous_results: self.all_results(SchoolYear::starting(year.start_year() - 1), today)?,
            overdue_follow_up_count: self.overdue(today)?.rows.len() as i64,
            overdue_corrective_actions: self.overdue_corrective_actions(today)?,
        })
    }
}
