// One function per Tauri command of src-tauri (same name in camelCase).
// The types come from the Rust core through ts-rs (./generated, never edited).
import { call } from './call';
import type { RestoreReport } from './generated/RestoreReport';
import type { RecordKind } from './generated/RecordKind';
import type { ProofInput } from './generated/ProofInput';
import type { Proof } from './generated/Proof';
import type { CheckReport } from './generated/CheckReport';
import type { BackupsView } from './generated/BackupsView';
import type { ArchiveReport } from './generated/ArchiveReport';
import type { ErasureReport } from './generated/ErasureReport';
import type { RetentionPlan } from './generated/RetentionPlan';
import type { RetentionReport } from './generated/RetentionReport';
import type { RetentionRule } from './generated/RetentionRule';
import type { PersonalExport } from './generated/PersonalExport';
import type { StandingDocument } from './generated/StandingDocument';
import type { StandingDocumentInput } from './generated/StandingDocumentInput';
import type { StandingDocumentRow } from './generated/StandingDocumentRow';
import type { VersionInput } from './generated/VersionInput';
import type { ActionDetail } from './generated/ActionDetail';
import type { ActionFilter } from './generated/ActionFilter';
import type { ActionInput } from './generated/ActionInput';
import type { ActionPlanInput } from './generated/ActionPlanInput';
import type { ActionRow } from './generated/ActionRow';
import type { Agreement } from './generated/Agreement';
import type { AgreementInput } from './generated/AgreementInput';
import type { AnnualReviewInput } from './generated/AnnualReviewInput';
import type { AppState } from './generated/AppState';
import type { Apprentice } from './generated/Apprentice';
import type { ApprenticeFilter } from './generated/ApprenticeFilter';
import type { ApprenticeInput } from './generated/ApprenticeInput';
import type { ApprenticeRow } from './generated/ApprenticeRow';
import type { AttendanceRow } from './generated/AttendanceRow';
import type { Cohort } from './generated/Cohort';
import type { CohortInput } from './generated/CohortInput';
import type { CohortRow } from './generated/CohortRow';
import type { Dashboard } from './generated/Dashboard';
import type { DeletionImpact } from './generated/DeletionImpact';
import type { Entity } from './generated/Entity';
import type { ExitSurvey } from './generated/ExitSurvey';
import type { ExitSurveyInput } from './generated/ExitSurveyInput';
import type { FollowUp } from './generated/FollowUp';
import type { FollowUpInput } from './generated/FollowUpInput';
import type { FollowUpRow } from './generated/FollowUpRow';
import type { Id } from './generated/Id';
import type { Milestone } from './generated/Milestone';
import type { MilestoneInput } from './generated/MilestoneInput';
import type { ObjectiveChoice } from './generated/ObjectiveChoice';
import type { ObjectiveInput } from './generated/ObjectiveInput';
import type { OfferFilter } from './generated/OfferFilter';
import type { OfferList } from './generated/OfferList';
import type { Organisation } from './generated/Organisation';
import type { OrganisationInput } from './generated/OrganisationInput';
import type { OverdueList } from './generated/OverdueList';
import type { Partner } from './generated/Partner';
import type { PartnerDetail } from './generated/PartnerDetail';
import type { PartnerInput } from './generated/PartnerInput';
import type { PartnerRow } from './generated/PartnerRow';
import type { PlanDetail } from './generated/PlanDetail';
import type { PlanRow } from './generated/PlanRow';
import type { Programme } from './generated/Programme';
import type { ProgrammeInput } from './generated/ProgrammeInput';
import type { ProgrammeResults } from './generated/ProgrammeResults';
import type { ProgrammeRow } from './generated/ProgrammeRow';
import type { ReferenceData } from './generated/ReferenceData';
import type { ReferentAssignmentInput } from './generated/ReferentAssignmentInput';
import type { ReferentPeriod } from './generated/ReferentPeriod';
import type { RelayedOffer } from './generated/RelayedOffer';
import type { RelayedOfferInput } from './generated/RelayedOfferInput';
import type { ReviewDetail } from './generated/ReviewDetail';
import type { Staff } from './generated/Staff';
import type { StaffInput } from './generated/StaffInput';
import type { StaffRow } from './generated/StaffRow';
import type { SurveyGrid } from './generated/SurveyGrid';
import type { ApprenticeFile } from './generated/ApprenticeFile';
import type { Evaluation } from './generated/Evaluation';
import type { EvaluationInput } from './generated/EvaluationInput';
import type { FrameworkIndicator } from './generated/FrameworkIndicator';
import type { NonConformity } from './generated/NonConformity';
import type { NonConformityInput } from './generated/NonConformityInput';
import type { NonConformityRow } from './generated/NonConformityRow';
import type { ResourceUsage } from './generated/ResourceUsage';
import type { ResourceUsageInput } from './generated/ResourceUsageInput';
import type { SupportResourceDetail } from './generated/SupportResourceDetail';
import type { SupportResourceInput } from './generated/SupportResourceInput';
import type { SupportResourceRow } from './generated/SupportResourceRow';
import type { WrittenDocument } from './generated/WrittenDocument';

export const getAppState = () => call<AppState>('get_app_state');
export const getReferenceData = () => call<ReferenceData>('get_reference_data');
/** Fills an empty database with the demonstration CFA. */
export const createDemo = () => call<AppState>('create_demo');
export const saveOrganisation = (input: OrganisationInput) => call<Organisation>('save_organisation', { input });
export const getDashboard = (schoolYear: string) => call<Dashboard>('get_dashboard', { schoolYear });

export const listProgrammes = () => call<ProgrammeRow[]>('list_programmes');
export const saveProgramme = (input: ProgrammeInput) => call<Programme>('save_programme', { input });
export const listCohorts = (programmeId: Id | null) => call<CohortRow[]>('list_cohorts', { programmeId });
export const saveCohort = (input: CohortInput) => call<Cohort>('save_cohort', { input });

export const listStaff = () => call<StaffRow[]>('list_staff');
export const saveStaff = (input: StaffInput) => call<Staff>('save_staff', { input });

export const listApprentices = (filter: ApprenticeFilter) => call<ApprenticeRow[]>('list_apprentices', { filter });
export const getApprentice = (id: Id) => call<Apprentice>('get_apprentice', { id });
export const saveApprentice = (input: ApprenticeInput) => call<Apprentice>('save_apprentice', { input });

export const listPartners = () => call<PartnerRow[]>('list_partners');
export const getPartner = (id: Id) => call<PartnerDetail>('get_partner', { id });
export const savePartner = (input: PartnerInput) => call<Partner>('save_partner', { input });
export const saveAgreement = (input: AgreementInput) => call<Agreement>('save_agreement', { input });

export const listActions = (filter: ActionFilter) => call<ActionRow[]>('list_actions', { filter });
export const getAction = (id: Id) => call<ActionDetail>('get_action', { id });
/** The attendance sheet for the chosen cohorts, before or after saving. */
export const getAttendanceSheet = (actionId: Id | null, cohortIds: Id[]) =>
  call<AttendanceRow[]>('get_attendance_sheet', { actionId, cohortIds });
export const exportAttendanceSheet = (actionId: Id) =>
  call<WrittenDocument>('export_attendance_sheet', { actionId });
export const saveAction = (input: ActionInput) => call<ActionDetail>('save_action', { input });

/** What deleting would take with it (ask before deleting). */
export const getDeletionImpact = (entity: Entity, id: Id) => call<DeletionImpact>('get_deletion_impact', { entity, id });
export const deleteRecord = (entity: Entity, id: Id) => call<void>('delete_record', { entity, id });

/** Every leaver of a cohort × every timepoint (as of today). */
export const getSurveyGrid = (cohortId: Id) => call<SurveyGrid>('get_survey_grid', { cohortId });
export const getExitSurvey = (id: Id) => call<ExitSurvey>('get_exit_survey', { id });
export const saveExitSurvey = (input: ExitSurveyInput) => call<ExitSurvey>('save_exit_survey', { input });
/** The results of a filière's leavers of a school year. */
export const getProgrammeResults = (programmeId: Id, schoolYear: string) =>
  call<ProgrammeResults>('get_programme_results', { programmeId, schoolYear });

export const listPlans = (schoolYear: string | null) => call<PlanRow[]>('list_plans', { schoolYear });
export const getPlan = (id: Id) => call<PlanDetail>('get_plan', { id });
export const saveActionPlan = (input: ActionPlanInput) => call<PlanDetail>('save_action_plan', { input });
export const saveObjective = (input: ObjectiveInput) => call<PlanDetail>('save_objective', { input });
export const listObjectiveChoices = (schoolYear: string) =>
  call<ObjectiveChoice[]>('list_objective_choices', { schoolYear });
export const listMilestones = (schoolYear: string) => call<Milestone[]>('list_milestones', { schoolYear });
/** Stores a year's default milestones so each can be edited or deleted. */
export const editMilestones = (schoolYear: string) => call<Milestone[]>('edit_milestones', { schoolYear });
export const saveMilestone = (input: MilestoneInput) => call<Milestone[]>('save_milestone', { input });
export const getReview = (programmeId: Id, schoolYear: string) =>
  call<ReviewDetail>('get_review', { programmeId, schoolYear });
export const saveAnnualReview = (input: AnnualReviewInput) => call<ReviewDetail>('save_annual_review', { input });

export const listOffers = (filter: OfferFilter) => call<OfferList>('list_offers', { filter });
export const saveRelayedOffer = (input: RelayedOfferInput) => call<RelayedOffer>('save_relayed_offer', { input });

/** Who followed an apprentice, oldest first (the last is the current référent). */
export const getReferentHistory = (apprenticeId: Id) => call<ReferentPeriod[]>('get_referent_history', { apprenticeId });
/** One référent for several apprentices from one day; returns how many. */
export const assignReferent = (input: ReferentAssignmentInput) => call<number>('assign_referent', { input });
export const listFollowUps = (apprenticeId: Id) => call<FollowUpRow[]>('list_follow_ups', { apprenticeId });
export const saveFollowUp = (input: FollowUpInput) => call<FollowUp>('save_follow_up', { input });
/** The « En retard » list as of today. */
export const getOverdue = () => call<OverdueList>('get_overdue');
export const setOverdueAfterDays = (days: string) => call<number>('set_overdue_after_days', { days });

/** An action's evaluation before/after (null when it has none yet). */
export const getEvaluation = (actionId: Id) => call<Evaluation | null>('get_evaluation', { actionId });
export const saveEvaluation = (input: EvaluationInput) => call<Evaluation>('save_evaluation', { input });
export const deleteEvaluation = (actionId: Id) => call<void>('delete_evaluation', { actionId });

export const listSupportResources = () => call<SupportResourceRow[]>('list_support_resources');
export const getSupportResource = (id: Id) => call<SupportResourceDetail>('get_support_resource', { id });
export const saveSupportResource = (input: SupportResourceInput) =>
  call<SupportResourceDetail>('save_support_resource', { input });
export const saveResourceUsage = (input: ResourceUsageInput) => call<ResourceUsage>('save_resource_usage', { input });

/** The Qualiopi reference framework's indicators (kept as data in the core). */
export const listFramework = () => call<FrameworkIndicator[]>('list_framework');
/** Every non-conformity, open first; overdue counts as of today. */
export const listNonConformities = () => call<NonConformityRow[]>('list_non_conformities');
export const getNonConformity = (id: Id) => call<NonConformity>('get_non_conformity', { id });
export const saveNonConformity = (input: NonConformityInput) => call<NonConformity>('save_non_conformity', { input });

/** Everything about one apprentice, in time order (the « dossier individuel »). */
export const getApprenticeFile = (apprenticeId: Id) => call<ApprenticeFile>('get_apprentice_file', { apprenticeId });
/** Prints the file as a PDF into the data folder's « Exports »: its name and pages. */
export const exportApprenticeFile = (apprenticeId: Id) =>
  call<WrittenDocument>('export_apprentice_file', { apprenticeId });
/** RGPD: everything about one person, as JSON and the individual file's PDF in Exports. */
export const exportPersonalData = (apprenticeId: Id) =>
  call<PersonalExport>('export_personal_data', { apprenticeId });
/** RGPD: erases the person and what is theirs alone (asked first). */
export const eraseApprentice = (apprenticeId: Id) => call<ErasureReport>('erase_apprentice', { apprenticeId });
/** RGPD retention: the rules and what they would do today; set one; apply (asked first). */
export const getRetentionPlan = () => call<RetentionPlan>('get_retention_plan');
export const setRetention = (kind: string, months: number) => call<RetentionRule>('set_retention', { kind, months });
export const applyRetention = (plan: RetentionPlan) =>
  call<RetentionReport>('apply_retention', { asOf: plan.asOf, items: plan.items.map((i) => [i.kind, i.recordId]) });
/** Opens a printed document of « Exports » with the system's viewer. */
export const openExport = (fileName: string) => call<void>('open_export', { fileName });

// Pièces justificatives, the integrity check, backups (no path ever crosses).
export const listProofs = (recordKind: RecordKind, recordId: number) =>
  call<Proof[]>('list_proofs', { recordKind, recordId });
export const pickProof = (input: ProofInput) => call<Proof | null>('pick_proof', { input });
export const attachDroppedProof = (input: ProofInput, name: string, bytes: Uint8Array) =>
  call<Proof>('attach_dropped_proof', bytes, {
    'proof-input': encodeURIComponent(JSON.stringify({ input, name })),
  });
export const updateProof = (id: number, input: ProofInput) => call<Proof>('update_proof', { id, input });
export const deleteProof = (id: number) => call<void>('delete_proof', { id });
export const getProofImage = (id: number) => call<ArrayBuffer>('get_proof_image', { id });
export const openProof = (id: number) => call<void>('open_proof', { id });
export const checkData = () => call<CheckReport>('check_data');
export const listBackups = () => call<BackupsView>('list_backups');
export const setBackupKeep = (keep: number) => call<number>('set_backup_keep', { keep });
export const saveArchive = () => call<ArchiveReport | null>('save_archive');
export const restoreArchive = () => call<RestoreReport | null>('restore_archive');

// Le dispositif: standing documents and their versions (files as for proofs).
export const listStandingDocuments = () => call<StandingDocumentRow[]>('list_standing_documents');
export const getStandingDocument = (id: Id) => call<StandingDocument>('get_standing_document', { id });
export const saveStandingDocument = (input: StandingDocumentInput) => call<StandingDocument>('save_standing_document', { input });
export const pickDocumentVersion = (input: VersionInput) => call<StandingDocument | null>('pick_document_version', { input });
export const attachDroppedVersion = (input: VersionInput, name: string, bytes: Uint8Array) =>
  call<StandingDocument>('attach_dropped_version', bytes, {
    'version-input': encodeURIComponent(JSON.stringify({ input, name })),
  });
export const deleteDocumentVersion = (id: Id) => call<StandingDocument>('delete_document_version', { id });
export const openDocumentVersion = (id: Id) => call<void>('open_document_version', { id });
