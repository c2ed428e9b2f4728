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
        #[ts(export)]
        pub enum $name { $(#[serde(rename = $code)] $variant,)+ }

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
        DroppedOut = "dropped_out", "Rupture / abandon";
        Reoriented = "reoriented", "Réorientation";
    }
}

impl ApprenticeStatus {
    /// Every status but « en formation » is an exit reason: the apprentice
    /// left the CFA (and has an exit date).
    pub fn has_left(self) -> bool {
        self != ApprenticeStatus::InTraining
    }
}

closed_list! {
    /// When an exit questionnaire is due: at the exit, then 3, 6, 12 months after.
    Timepoint {
        Exit = "exit", "À la sortie";
        Month3 = "m3", "À 3 mois";
        Month6 = "m6", "À 6 mois";
        Month12 = "m12", "À 12 mois";
    }
}

impl Timepoint {
    /// Months after the exit date.
    pub fn months(self) -> u32 {
        match self {
            Timepoint::Exit => 0,
            Timepoint::Month3 => 3,
            Timepoint::Month6 => 6,
            Timepoint::Month12 => 12,
        }
    }

    pub fn from_months(months: u32) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.months() == months)
    }
}

closed_list! {
    /// How an exit questionnaire was collected.
    SurveyMethod {
        Phone = "phone", "Téléphone";
        Email = "email", "E-mail";
        Form = "form", "Formulaire";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// A leaver's situation, as DESIGN.md lists it (« Exit surveys and results »).
    Situation {
        Employed = "employed", "En emploi";
        EmployedAbroad = "employed_abroad", "En emploi à l’étranger";
        Apprenticeship = "apprenticeship", "Nouveau contrat d’apprentissage après le diplôme";
        SchoolStudies = "school_studies", "Poursuite d’études (voie scolaire)";
        JobSeeking = "job_seeking", "En recherche d’emploi";
        UnableToWork = "unable_to_work", "Dans l’incapacité de travailler";
        Inactive = "inactive", "Inactif(ve) / autre";
        Unreachable = "unreachable", "Injoignable";
    }
}

impl Situation {
    /// Further studies, by either route (an apprenticeship contract signed
    /// after the diploma is further study, never employment).
    pub fn is_further_study(self) -> bool {
        matches!(self, Situation::Apprenticeship | Situation::SchoolStudies)
    }

    /// Left out of insertion rates, numerator and denominator (France Compétences).
    pub fn is_neutralised(self) -> bool {
        self.is_further_study()
            || matches!(self, Situation::UnableToWork | Situation::EmployedAbroad)
    }
}

closed_list! {
    /// The contract of a leaver in employment.
    EmploymentContract {
        Cdi = "cdi", "CDI";
        CddLong = "cdd_long", "CDD de 6 mois ou plus";
        CddShort = "cdd_short", "CDD de moins de 6 mois";
        Interim = "interim", "Intérim";
        SelfEmployed = "self_employed", "Indépendant(e)";
        CivilService = "civil_service", "Fonction publique";
    }
}

closed_list! {
    /// The typology of further studies.
    StudyType {
        LicencePro = "licence_pro", "Licence professionnelle";
        Bachelor = "bachelor", "Bachelor";
        But = "but", "BUT";
        EngineeringSchool = "engineering_school", "École d’ingénieurs";
        Bts = "bts", "BTS";
        Master = "master", "Master";
        Other = "other", "Autre formation";
    }
}

closed_list! {
    /// The contract an offer relayed to apprentices proposes.
    OfferContract {
        Cdi = "cdi", "CDI";
        Cdd = "cdd", "CDD";
        Apprenticeship = "apprenticeship", "Alternance";
        Internship = "internship", "Stage";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// How an offer was passed on.
    OfferChannel {
        Email = "email", "E-mail";
        Ent = "ent", "ENT";
        Poster = "poster", "Affichage";
        SocialMedia = "social_media", "Réseaux sociaux";
        Newsletter = "newsletter", "Newsletter";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// What measures an objective — always computed from the records, except `Manual`.
    ObjectiveMeasure {
        CohortShare = "cohort_share", "Part des apprentis d’une promo présents à une action";
        FinalYearShare = "final_year_share", "Part des apprentis en dernière année présents à une action";
        ActionCount = "action_count", "Nombre d’actions dans l’année";
        Result = "result", "Résultat (insertion, poursuite d’études, réponse)";
        Manual = "manual", "Valeur saisie (avec sa source)";
    }
}

impl ObjectiveMeasure {
    /// A percentage target (else a count or a hand-entered value).
    pub fn is_percentage(self) -> bool {
        !matches!(self, ObjectiveMeasure::ActionCount)
    }
}

closed_list! {
    /// The results an objective can aim at (see `metrics`).
    ResultFigure {
        ResponseRate6 = "response_rate_6", "Taux de réponse à 6 mois";
        Insertion6 = "insertion_6", "Taux d’insertion global à 6 mois";
        TargetJob6 = "target_job_6", "Taux d’insertion dans le métier visé à 6 mois";
        FurtherStudies6 = "further_studies_6", "Taux de poursuite d’études à 6 mois";
        ResponseRate12 = "response_rate_12", "Taux de réponse à 12 mois";
        Insertion12 = "insertion_12", "Taux d’insertion global à 12 mois";
        TargetJob12 = "target_job_12", "Taux d’insertion dans le métier visé à 12 mois";
        FurtherStudies12 = "further_studies_12", "Taux de poursuite d’études à 12 mois";
        Accompanied = "accompanied", "Part d’apprentis accompagnés";
    }
}

impl ResultFigure {
    pub fn timepoint(self) -> Timepoint {
        use ResultFigure::*;
        match self {
            ResponseRate12 | Insertion12 | TargetJob12 | FurtherStudies12 => Timepoint::Month12,
            _ => Timepoint::Month6,
        }
    }
}

closed_list! {
    /// Whether an objective is reached.
    ObjectiveStatus {
        Reached = "reached", "Atteint";
        InProgress = "in_progress", "En cours";
        Missed = "missed", "Non atteint";
    }
}

closed_list! {
    /// The individual follow-ups of indicator 14.
    FollowUpKind {
        MonthlyReview = "monthly_review", "Point mensuel";
        EndOfCycle = "end_of_cycle", "Entretien de fin de parcours";
    }
}

closed_list! {
    /// What a monthly review covered.
    FollowUpTopic {
        Administrative = "administrative", "Administratif";
        Technical = "technical", "Technique";
        Social = "social", "Social";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// How an action's evaluations before and after are scored.
    EvaluationScale {
        OutOf20 = "out_of_20", "Note sur 20";
        OutOf10 = "out_of_10", "Note sur 10";
        Percent = "percent", "% de bonnes réponses";
    }
}

impl EvaluationScale {
    /// The highest score of the scale.
    pub fn max(self) -> f64 {
        match self {
            EvaluationScale::OutOf20 => 20.0,
            EvaluationScale::OutOf10 => 10.0,
            EvaluationScale::Percent => 100.0,
        }
    }

    /// « 14,5/20 », « 80 % ».
    pub fn show(self, score: f64) -> String {
        let value = crate::format::number(score, 1);
        match self {
            EvaluationScale::OutOf20 => format!("{value}/20"),
            EvaluationScale::OutOf10 => format!("{value}/10"),
            EvaluationScale::Percent => format!("{value}\u{202f}%"),
        }
    }

    /// A difference of scores: « +3,5 points », « −10 points ».
    pub fn show_gain(self, gain: f64) -> String {
        // Sign and plural follow the printed value: 1,96 prints « +2 points »,
        // 0,04 prints « 0 point ».
        let rounded = (gain * 10.0).round() / 10.0;
        let value = crate::format::number(rounded.abs(), 1);
        let sign = if rounded > 0.0 {
            "+"
        } else if rounded < 0.0 {
            "−"
        } else {
            ""
        };
        let unit = if rounded.abs() >= 2.0 {
            "points"
        } else {
            "point"
        };
        format!("{sign}{value}\u{a0}{unit}")
    }
}

impl ActionKind {
    /// Kinds whose participants are evaluated before and after (indicator 14).
    pub fn is_evaluated(self) -> bool {
        matches!(
            self,
            ActionKind::LearningSupport
                | ActionKind::DigitalTools
                | ActionKind::SoftSkills
                | ActionKind::CitizenshipWorkshop
        )
    }
}

closed_list! {
    /// Support resources (« outils et ressources complémentaires »).
    ResourceKind {
        ELearning = "e_learning", "Plateforme d’e-learning";
        Library = "library", "Médiathèque / CDI";
        MethodSheets = "method_sheets", "Fiches méthodes";
        OnlineTutoring = "online_tutoring", "Tutorat en ligne";
        FinancialAid = "financial_aid", "Aides financières";
        SocialServices = "social_services", "Travailleurs sociaux et services";
        Catering = "catering", "Restauration";
        Lodging = "lodging", "Hébergement";
        Mobility = "mobility", "Aide à la mobilité";
        Other = "other", "Autre ressource";
    }
}

closed_list! {
    /// What a usage figure of a support resource counts.
    UsageMetric {
        Connections = "connections", "Connexions";
        CompletionRate = "completion_rate", "Taux de complétion (%)";
        Loans = "loans", "Prêts";
        Sessions = "sessions", "Séances";
        Satisfaction = "satisfaction", "Satisfaction (sur 5)";
        Beneficiaries = "beneficiaries", "Bénéficiaires";
    }
}

impl UsageMetric {
    /// The highest value the figure can take, when it has one.
    pub fn max(self) -> Option<f64> {
        match self {
            UsageMetric::CompletionRate => Some(100.0),
            UsageMetric::Satisfaction => Some(5.0),
            _ => None,
        }
    }

    /// Counts are whole numbers; rates and scores are not.
    pub fn is_count(self) -> bool {
        self.max().is_none()
    }

    /// « 1 240 », « 72,5 % », « 4,2/5 ».
    pub fn show(self, value: f64) -> String {
        match self {
            UsageMetric::CompletionRate => format!("{}\u{202f}%", crate::format::number(value, 1)),
            UsageMetric::Satisfaction => format!("{}/5", crate::format::number(value, 1)),
            _ => crate::format::number(value, 0),
        }
    }
}

closed_list! {
    /// How serious a non-conformity is.
    NonConformityLevel {
        Minor = "minor", "Mineure";
        Major = "major", "Majeure";
    }
}

impl NonConformityLevel {
    /// Months given to make corrective actions effective, from the audit.
    pub fn months_to_correct(self) -> u32 {
        match self {
            NonConformityLevel::Major => 3,
            NonConformityLevel::Minor => 6,
        }
    }
}

closed_list! {
    /// Where a non-conformity comes from.
    RootCause {
        Process = "process", "Processus";
        Documentation = "documentation", "Documentation";
        HumanResources = "human_resources", "Ressources humaines";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// Where a corrective action stands.
    CorrectiveStatus {
        Planned = "planned", "Prévue";
        InProgress = "in_progress", "En cours";
        Done = "done", "Réalisée";
    }
}

closed_list! {
    /// Milestones of the school year the calendar shows.
    MilestoneKind {
        Rentree = "rentree", "Rentrée";
        Recruitment = "recruitment", "Recrutement";
        Fair = "fair", "Salon / forum";
        Parcoursup = "parcoursup", "Parcoursup";
        Admissions = "admissions", "Admissions";
        Exams = "exams", "Examens";
        Other = "other", "Autre";
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
    /// Its participants are scored before and after (the « Évaluation » tab).
    pub evaluated: bool,
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
    pub timepoints: Vec<Choice<Timepoint>>,
    pub survey_methods: Vec<Choice<SurveyMethod>>,
    pub situations: Vec<Choice<Situation>>,
    pub employment_contracts: Vec<Choice<EmploymentContract>>,
    pub study_types: Vec<Choice<StudyType>>,
    pub offer_contracts: Vec<Choice<OfferContract>>,
    pub offer_channels: Vec<Choice<OfferChannel>>,
    pub objective_measures: Vec<Choice<ObjectiveMeasure>>,
    pub result_figures: Vec<Choice<ResultFigure>>,
    pub objective_statuses: Vec<Choice<ObjectiveStatus>>,
    pub milestone_kinds: Vec<Choice<MilestoneKind>>,
    pub follow_up_kinds: Vec<Choice<FollowUpKind>>,
    pub follow_up_topics: Vec<Choice<FollowUpTopic>>,
    pub evaluation_scales: Vec<Choice<EvaluationScale>>,
    pub resource_kinds: Vec<Choice<ResourceKind>>,
    pub usage_metrics: Vec<Choice<UsageMetric>>,
    pub non_conformity_levels: Vec<Choice<NonConformityLevel>>,
    pub root_causes: Vec<Choice<RootCause>>,
    pub corrective_statuses: Vec<Choice<CorrectiveStatus>>,
    pub proof_kinds: Vec<Choice<ProofKind>>,
    pub proof_media: Vec<Choice<ProofMedia>>,
    pub record_kinds: Vec<Choice<RecordKind>>,
    pub standing_document_kinds: Vec<Choice<StandingDocumentKind>>,
    pub retention_kinds: Vec<Choice<RetentionKind>>,
    pub registers: Vec<Choice<Register>>,
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
                        evaluated: code.is_evaluated(),
                    }
                })
                .collect(),
            partner_kinds: choices(PartnerKind::ALL, PartnerKind::label),
            staff_roles: choices(StaffRole::ALL, StaffRole::label),
            apprentice_statuses: choices(ApprenticeStatus::ALL, ApprenticeStatus::label),
            timepoints: choices(Timepoint::ALL, Timepoint::label),
            survey_methods: choices(SurveyMethod::ALL, SurveyMethod::label),
            situations: choices(Situation::ALL, Situation::label),
            employment_contracts: choices(EmploymentContract::ALL, EmploymentContract::label),
            study_types: choices(StudyType::ALL, StudyType::label),
            offer_contracts: choices(OfferContract::ALL, OfferContract::label),
            offer_channels: choices(OfferChannel::ALL, OfferChannel::label),
            objective_measures: choices(ObjectiveMeasure::ALL, ObjectiveMeasure::label),
            result_figures: choices(ResultFigure::ALL, ResultFigure::label),
            objective_statuses: choices(ObjectiveStatus::ALL, ObjectiveStatus::label),
            milestone_kinds: choices(MilestoneKind::ALL, MilestoneKind::label),
            follow_up_kinds: choices(FollowUpKind::ALL, FollowUpKind::label),
            follow_up_topics: choices(FollowUpTopic::ALL, FollowUpTopic::label),
            evaluation_scales: choices(EvaluationScale::ALL, EvaluationScale::label),
            resource_kinds: choices(ResourceKind::ALL, ResourceKind::label),
            usage_metrics: choices(UsageMetric::ALL, UsageMetric::label),
            non_conformity_levels: choices(NonConformityLevel::ALL, NonConformityLevel::label),
            root_causes: choices(RootCause::ALL, RootCause::label),
            corrective_statuses: choices(CorrectiveStatus::ALL, CorrectiveStatus::label),
            proof_kinds: choices(ProofKind::ALL, ProofKind::label),
            proof_media: choices(ProofMedia::ALL, ProofMedia::label),
            record_kinds: choices(RecordKind::ALL, RecordKind::label),
            standing_document_kinds: choices(
                StandingDocumentKind::ALL,
                StandingDocumentKind::label,
            ),
            retention_kinds: choices(RetentionKind::ALL, RetentionKind::label),
            registers: choices(Register::ALL, Register::label),
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
        for &s in Situation::ALL {
            assert_eq!(Situation::from_code(s.code()), Some(s));
        }
        for &t in Timepoint::ALL {
            assert_eq!(Timepoint::from_code(t.code()), Some(t));
            assert_eq!(Timepoint::from_months(t.months()), Some(t));
        }
        for &m in ObjectiveMeasure::ALL {
            assert_eq!(ObjectiveMeasure::from_code(m.code()), Some(m));
        }
        for &r in ResultFigure::ALL {
            assert_eq!(ResultFigure::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn every_closed_list_sends_its_storage_code_on_the_wire() {
        fn check<T: Serialize + Copy>(all: &[T], code: fn(T) -> &'static str) {
            for &v in all {
                assert_eq!(
                    serde_json::to_string(&v).unwrap(),
                    format!("\"{}\"", code(v))
                );
            }
        }
        check(ApprenticeStatus::ALL, ApprenticeStatus::code);
        check(Timepoint::ALL, Timepoint::code);
        check(Situation::ALL, Situation::code);
        check(EmploymentContract::ALL, EmploymentContract::code);
        check(StudyType::ALL, StudyType::code);
        check(OfferContract::ALL, OfferContract::code);
        check(OfferChannel::ALL, OfferChannel::code);
        check(ObjectiveMeasure::ALL, ObjectiveMeasure::code);
        check(ResultFigure::ALL, ResultFigure::code);
        check(ObjectiveStatus::ALL, ObjectiveStatus::code);
        check(MilestoneKind::ALL, MilestoneKind::code);
        check(FollowUpKind::ALL, FollowUpKind::code);
        check(FollowUpTopic::ALL, FollowUpTopic::code);
        check(EvaluationScale::ALL, EvaluationScale::code);
        check(ResourceKind::ALL, ResourceKind::code);
        check(UsageMetric::ALL, UsageMetric::code);
        check(NonConformityLevel::ALL, NonConformityLevel::code);
        check(RootCause::ALL, RootCause::code);
        check(CorrectiveStatus::ALL, CorrectiveStatus::code);
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

closed_list! {
    /// The records a proof (pièce justificative) can be attached to; the code
    /// is the record's table.
    RecordKind {
        Action = "action", "Action";
        Partner = "partner", "Partenaire";
        Agreement = "agreement", "Convention";
        Apprentice = "apprentice", "Apprenti";
        FollowUp = "follow_up", "Entretien de suivi";
        ExitSurvey = "exit_survey", "Questionnaire de sortie";
        Objective = "objective", "Objectif";
        ActionPlan = "action_plan", "Plan d’actions";
        AnnualReview = "annual_review", "Bilan annuel";
        NonConformity = "non_conformity", "Non-conformité";
        CorrectiveAction = "corrective_action", "Action corrective";
        SupportResource = "support_resource", "Ressource d’accompagnement";
    }
}

impl RecordKind {
    /// The table holding this kind of record (from code, never from input).
    pub fn table(self) -> &'static str {
        self.code()
    }
}

closed_list! {
    /// What a proof is (DESIGN.md, « Proofs »).
    ProofKind {
        AttendanceSheet = "attendance_sheet", "Feuille d’émargement";
        Report = "report", "Compte rendu";
        Material = "material", "Support";
        Photo = "photo", "Photo";
        Agreement = "agreement", "Convention";
        Questionnaire = "questionnaire", "Questionnaire";
        Certificate = "certificate", "Attestation";
        Screenshot = "screenshot", "Capture d’écran";
        Other = "other", "Autre";
    }
}

closed_list! {
    /// A standing document of the « dispositif » (DESIGN.md, « The system as a whole »).
    StandingDocumentKind {
        SupportProcedure = "support_procedure", "Procédure d’accompagnement";
        ReferentJobDescription = "referent_job_description", "Fiche de poste du référent";
        SpeakerCertificate = "speaker_certificate", "Attestation de formation d’un intervenant";
        AnnualCalendar = "annual_calendar", "Calendrier annuel des actions";
        InternalManual = "internal_manual", "Livret ou manuel interne";
        Other = "other", "Autre document du dispositif";
    }
}

closed_list! {
    /// What a retention rule (RGPD) applies to.
    RetentionKind {
        LeftApprentices = "left_apprentices", "Identité des apprentis sortis";
        FollowUpNotes = "follow_up_notes", "Notes des entretiens de suivi";
        SurveyComments = "survey_comments", "Commentaires des questionnaires de sortie";
        PartnerContacts = "partner_contacts", "Contacts des partenaires inactifs";
    }
}

impl RetentionKind {
    /// The default period, in months, that the CFA's DPO may change.
    pub fn default_months(self) -> u32 {
        match self {
            RetentionKind::LeftApprentices => 60,
            RetentionKind::FollowUpNotes => 36,
            RetentionKind::SurveyComments => 36,
            RetentionKind::PartnerContacts => 36,
        }
    }

    /// What the rule does once the period is over.
    pub fn effect(self) -> &'static str {
        match self {
            RetentionKind::LeftApprentices => {
                "Après la sortie : nom remplacé par « Ancien(ne) apprenti(e) n° … », date de naissance, e-mail et téléphone effacés, notes et pièces de la personne effacées ; les chiffres (présences, questionnaires) restent."
            }
            RetentionKind::FollowUpNotes => {
                "Après l’entretien : constats, suites, apport et projet effacés ; la date et les thèmes restent."
            }
            RetentionKind::SurveyComments => {
                "Après le questionnaire : le commentaire libre est effacé ; la situation déclarée reste."
            }
            RetentionKind::PartnerContacts => {
                "Après la dernière action, convention ou offre du partenaire : nom, e-mail et téléphone du contact effacés."
            }
        }
    }
}

closed_list! {
    /// What a stored file holds, read from its first bytes (never its name).
    ProofMedia {
        Pdf = "pdf", "PDF";
        Jpeg = "jpeg", "Image JPEG";
        Png = "png", "Image PNG";
        Office = "office", "Document bureautique";
    }
}

closed_list! {
    /// A register that leaves Tremplin as a spreadsheet (CSV or XLSX).
    Register {
        Apprentices = "apprentices", "Apprentis";
        Partners = "partners", "Partenaires";
        Actions = "actions", "Actions";
        Attendance = "attendance", "Émargements";
        Offers = "offers", "Offres relayées";
        Surveys = "surveys", "Questionnaires de sortie";
        FollowUps = "follow_ups", "Suivis individuels";
        NonConformities = "non_conformities", "Non-conformités";
    }
}
