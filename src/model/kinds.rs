//! Closed lists of the domain — action kinds, partner kinds, staff roles,
//! apprentice statuses, diploma levels — each with a stable code (stored in the
//! database and sent on the wire) and its French label.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Declares a closed list: the enum, its stable codes, French labels, and `ALL`.
macro_rules! closed_list {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $code:literal, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($variant,)+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// Stable code, as stored in SQLite and sent to the UI.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// French label, as shown to people and printed in dossiers.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

closed_list! {
    /// What kind of action happened (DESIGN.md, « Action kinds »).
    ActionKind {
        CvWorkshop = "cv_workshop", "Atelier CV / lettre de motivation";
        InterviewSimulation = "interview_simulation", "Simulation d’entretien";
        CompanyVisit = "company_visit", "Visite d’entreprise / immersion";
        Mentoring = "mentoring", "Mentorat (jumelage)";
        JobDating = "job_dating", "Job dating / forum / salon";
        ProfessionalTalk = "professional_talk", "Intervention de professionnels";
        FurtherStudyInfo = "further_study_info", "Information poursuite d’études";
        FirstJobCoaching = "first_job_coaching", "Coaching « premier emploi »";
        LearningSupport = "learning_support", "Soutien pédagogique / remise à niveau";
        DigitalTools = "digital_tools", "Outils numériques";
        SoftSkills = "soft_skills", "Compétences transversales";
        CitizenshipWorkshop = "citizenship_workshop", "Atelier citoyenneté";
        SolidarityProject = "solidarity_project", "Projet solidaire / comité d’apprentis";
        OfferRelay = "offer_relay", "Diffusion d’offres";
    }
}

impl ActionKind {
    /// The indicators (14, 29) this kind counts for unless the user changes it.
    pub fn default_indicators(self) -> (bool, bool) {
        use ActionKind::*;
        match self {
            CvWorkshop | InterviewSimulation | CompanyVisit => (true, true),
            Mentoring | LearningSupport | DigitalTools | SoftSkills | CitizenshipWorkshop
            | SolidarityProject => (true, false),
            JobDating | ProfessionalTalk | FurtherStudyInfo | FirstJobCoaching | OfferRelay => {
                (false, true)
            }
        }
    }
}

closed_list! {
    /// Partner categories named by the seeds.
    PartnerKind {
        Employer = "employer", "Employeur";
        Branch = "branch", "Branche professionnelle";
        Opco = "opco", "OPCO";
        MissionLocale = "mission_locale", "Mission locale";
        FranceTravail = "france_travail", "France Travail";
        InsertionAssociation = "insertion_association", "Association d’insertion";
        School = "school", "École / université";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// What a staff member does in the CFA.
    StaffRole {
        Referent = "referent", "Référent(e)";
        Trainer = "trainer", "Formateur / formatrice";
        CareersOfficer = "careers_officer", "Chargé(e) de relations entreprises";
        Management = "management", "Direction";
        Administrative = "administrative", "Administratif";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// Where an apprentice stands in the training.
    ApprenticeStatus {
        InTraining = "in_training", "En formation";
        Graduated = "graduated", "Diplômé(e)";
        Failed = "failed", "Sorti(e) sans diplôme";
        DroppedOut = "dropped_out", "Abandon / rupture";
    }
}

/// One entry of a closed list as the UI needs it: code and French label.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Choice<T> {
    pub code: T,
    pub label: String,
}

/// An action kind with the indicators it counts for by default.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActionKindChoice {
    pub code: ActionKind,
    pub label: String,
    pub indicator14: bool,
    pub indicator29: bool,
}

/// Every closed list with its labels, sent once to the UI.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReferenceData {
    pub action_kinds: Vec<ActionKindChoice>,
    pub partner_kinds: Vec<Choice<PartnerKind>>,
    pub staff_roles: Vec<Choice<StaffRole>>,
    pub apprentice_statuses: Vec<Choice<ApprenticeStatus>>,
    /// Levels of the national nomenclature (3 = CAP … 8 = doctorat).
    pub levels: Vec<Choice<u8>>,
}

/// Label of a diploma level in the 2019 national nomenclature.
pub fn level_label(level: u8) -> &'static str {
    match level {
        3 => "Niveau 3 (CAP, BEP)",
        4 => "Niveau 4 (Bac, BP)",
        5 => "Niveau 5 (BTS, BUT 2)",
        6 => "Niveau 6 (Licence, BUT, Bachelor)",
        7 => "Niveau 7 (Master, ingénieur)",
        8 => "Niveau 8 (Doctorat)",
        _ => "Niveau inconnu",
    }
}

impl ReferenceData {
    pub fn get() -> Self {
        fn choices<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<Choice<T>> {
            all.iter()
                .map(|&code| Choice {
                    code,
                    label: label(code).to_owned(),
                })
                .collect()
        }
        Self {
            action_kinds: ActionKind::ALL
                .iter()
                .map(|&code| {
                    let (indicator14, indicator29) = code.default_indicators();
                    ActionKindChoice {
                        code,
                        label: code.label().to_owned(),
                        indicator14,
                        indicator29,
                    }
                })
                .collect(),
            partner_kinds: choices(PartnerKind::ALL, PartnerKind::label),
            staff_roles: choices(StaffRole::ALL, StaffRole::label),
            apprentice_statuses: choices(ApprenticeStatus::ALL, ApprenticeStatus::label),
            levels: choices(&[3u8, 4, 5, 6, 7, 8], level_label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_its_variant() {
        for &kind in ActionKind::ALL {
            assert_eq!(
                ActionKind::from_code(kind.code()),
                Some(kind),
                "{kind:?} must round-trip"
            );
        }
        for &kind in PartnerKind::ALL {
            assert_eq!(PartnerKind::from_code(kind.code()), Some(kind));
        }
        for &role in StaffRole::ALL {
            assert_eq!(StaffRole::from_code(role.code()), Some(role));
        }
        for &status in ApprenticeStatus::ALL {
            assert_eq!(ApprenticeStatus::from_code(status.code()), Some(status));
        }
    }

    #[test]
    fn serde_code_matches_storage_code() {
        for &kind in ActionKind::ALL {
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", kind.code()),
                "wire and database codes must agree"
            );
        }
    }

    #[test]
    fn every_kind_counts_for_at_least_one_indicator() {
        for &kind in ActionKind::ALL {
            let (i14, i29) = kind.default_indicators();
            assert!(i14 || i29, "{kind:?} counts for no indicator");
        }
    }
}
