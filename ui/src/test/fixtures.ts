// Small data the component tests share, in the shapes the core sends, and a
// helper that renders a component inside the app context over a fake IPC.
import { render } from '@testing-library/svelte';
import { mockIPC } from '@tauri-apps/api/mocks';
import type { Component } from 'svelte';
import axe from 'axe-core';
import { AppStore, appContext } from '../lib/state/app.svelte';
import type { AppState } from '../lib/api/generated/AppState';
import type { ReferenceData } from '../lib/api/generated/ReferenceData';
import type { CohortRow } from '../lib/api/generated/CohortRow';
import type { StaffRow } from '../lib/api/generated/StaffRow';
import type { PartnerRow } from '../lib/api/generated/PartnerRow';
import type { AttendanceRow } from '../lib/api/generated/AttendanceRow';

export const reference: ReferenceData = {
  actionKinds: [
    { code: 'cv_workshop', label: 'Atelier CV / lettre de motivation', indicator14: true, indicator29: true, evaluated: false },
    { code: 'job_dating', label: 'Job dating / forum / salon', indicator14: false, indicator29: true, evaluated: false },
    { code: 'mentoring', label: 'Mentorat (jumelage)', indicator14: true, indicator29: false, evaluated: false },
  ],
  partnerKinds: [
    { code: 'employer', label: 'Employeur' },
    { code: 'opco', label: 'OPCO' },
  ],
  staffRoles: [
    { code: 'referent', label: 'Référent' },
    { code: 'trainer', label: 'Formateur' },
  ],
  apprenticeStatuses: [
    { code: 'in_training', label: 'En formation' },
    { code: 'graduated', label: 'Diplômé(e)' },
    { code: 'failed', label: 'Sorti(e) sans diplôme' },
    { code: 'dropped_out', label: 'Rupture / abandon' },
    { code: 'reoriented', label: 'Réorientation' },
  ],
  timepoints: [
    { code: 'exit', label: 'À la sortie' },
    { code: 'm3', label: 'À 3 mois' },
    { code: 'm6', label: 'À 6 mois' },
    { code: 'm12', label: 'À 12 mois' },
  ],
  surveyMethods: [
    { code: 'phone', label: 'Téléphone' },
    { code: 'email', label: 'E-mail' },
    { code: 'form', label: 'Formulaire' },
    { code: 'other', label: 'Autre' },
  ],
  situations: [
    { code: 'employed', label: 'En emploi' },
    { code: 'employed_abroad', label: 'En emploi à l’étranger' },
    { code: 'apprenticeship', label: 'Nouveau contrat d’apprentissage après le diplôme' },
    { code: 'school_studies', label: 'Poursuite d’études (voie scolaire)' },
    { code: 'job_seeking', label: 'En recherche d’emploi' },
    { code: 'unable_to_work', label: 'Dans l’incapacité de travailler' },
    { code: 'inactive', label: 'Inactif(ve) / autre' },
    { code: 'unreachable', label: 'Injoignable' },
  ],
  employmentContracts: [
    { code: 'cdi', label: 'CDI' },
    { code: 'cdd_long', label: 'CDD de 6 mois ou plus' },
  ],
  studyTypes: [
    { code: 'licence_pro', label: 'Licence professionnelle' },
    { code: 'bts', label: 'BTS' },
  ],
  offerContracts: [
    { code: 'cdi', label: 'CDI' },
    { code: 'apprenticeship', label: 'Alternance' },
    { code: 'internship', label: 'Stage' },
  ],
  offerChannels: [
    { code: 'email', label: 'E-mail' },
    { code: 'ent', label: 'ENT' },
  ],
  objectiveMeasures: [
    { code: 'cohort_share', label: 'Part des apprentis d’une promo présents à une action' },
    { code: 'final_year_share', label: 'Part des apprentis en dernière année présents à une action' },
    { code: 'action_count', label: 'Nombre d’actions dans l’année' },
    { code: 'result', label: 'Résultat (insertion, poursuite d’études, réponse)' },
    { code: 'manual', label: 'Valeur saisie (avec sa source)' },
  ],
  resultFigures: [
    { code: 'response_rate_6', label: 'Taux de réponse à 6 mois' },
    { code: 'insertion_6', label: 'Taux d’insertion global à 6 mois' },
  ],
  objectiveStatuses: [
    { code: 'reached', label: 'Atteint' },
    { code: 'in_progress', label: 'En cours' },
    { code: 'missed', label: 'Non atteint' },
  ],
  milestoneKinds: [
    { code: 'rentree', label: 'Rentrée' },
    { code: 'parcoursup', label: 'Parcoursup' },
    { code: 'fair', label: 'Salon / forum' },
  ],
  followUpKinds: [
    { code: 'monthly_review', label: 'Point mensuel' },
    { code: 'end_of_cycle', label: 'Entretien de fin de parcours' },
  ],
  followUpTopics: [
    { code: 'administrative', label: 'Administratif' },
    { code: 'technical', label: 'Technique' },
    { code: 'social', label: 'Social' },
    { code: 'other', label: 'Autre' },
  ],
  evaluationScales: [
    { code: 'out_of_20', label: 'Note sur 20' },
    { code: 'out_of_10', label: 'Note sur 10' },
    { code: 'percent', label: '% de bonnes réponses' },
  ],
  resourceKinds: [
    { code: 'e_learning', label: 'Plateforme d’e-learning' },
    { code: 'library', label: 'Médiathèque / CDI' },
    { code: 'financial_aid', label: 'Aides financières' },
    { code: 'other', label: 'Autre ressource' },
  ],
  usageMetrics: [
    { code: 'connections', label: 'Connexions' },
    { code: 'completion_rate', label: 'Taux de complétion (%)' },
    { code: 'satisfaction', label: 'Satisfaction (sur 5)' },
    { code: 'beneficiaries', label: 'Bénéficiaires' },
  ],
  nonConformityLevels: [
    { code: 'minor', label: 'Mineure' },
    { code: 'major', label: 'Majeure' },
  ],
  rootCauses: [
    { code: 'process', label: 'Processus' },
    { code: 'documentation', label: 'Documentation' },
    { code: 'human_resources', label: 'Ressources humaines' },
    { code: 'other', label: 'Autre' },
  ],
  correctiveStatuses: [
    { code: 'planned', label: 'Prévue' },
    { code: 'in_progress', label: 'En cours' },
    { code: 'done', label: 'Réalisée' },
  ],
  proofKinds: [
    { code: 'attendance_sheet', label: 'Feuille d’émargement' },
    { code: 'photo', label: 'Photo' },
    { code: 'other', label: 'Autre' },
  ],
  proofMedia: [
    { code: 'pdf', label: 'PDF' },
    { code: 'png', label: 'Image PNG' },
  ],
  recordKinds: [{ code: 'action', label: 'Action' }],
  registers: [{ code: 'apprentices', label: 'Apprentis' }],
  retentionKinds: [
    { code: 'left_apprentices', label: 'Identité des apprentis sortis' },
    { code: 'follow_up_notes', label: 'Notes des entretiens de suivi' },
  ],
  standingDocumentKinds: [
    { code: 'support_procedure', label: 'Procédure d’accompagnement' },
    { code: 'annual_calendar', label: 'Calendrier annuel des actions' },
  ],
  levels: [
    { code: 3, label: '3 — CAP' },
    { code: 5, label: '5 — BTS' },
  ],
};

export const appState: AppState = {
  organisation: { name: 'CFA des Métiers du Val', siret: null, uai: null, nda: null, address: null, postalCode: null, city: 'Lyon' },
  appVersion: '0.1.0',
  licence: 'MIT',
  dataFolder: '/tmp',
  databasePath: '/tmp/tremplin.sqlite',
  schemaVersion: 1,
  schoolYears: ['2025-2026', '2024-2025'],
  defaultSchoolYear: '2025-2026',
  storageWarning: null,
  backupProblem: null,
};

export const cohorts: CohortRow[] = [
  { id: 1, programmeId: 1, programmeCode: 'BTS MCO', programmeName: 'Management commercial opérationnel', label: 'BTS MCO 2024-2026', startDate: '2024-09-02', endDate: '2026-06-30', apprenticeCount: 2 },
  { id: 2, programmeId: 1, programmeCode: 'BTS MCO', programmeName: 'Management commercial opérationnel', label: 'BTS MCO 2025-2027', startDate: '2025-09-01', endDate: '2027-06-30', apprenticeCount: 1 },
];

export const staff: StaffRow[] = [
  { id: 1, firstName: 'Sophie', lastName: 'Lefèvre', role: 'referent', email: 's.lefevre@cfa.fr', phone: null, apprenticeCount: 12, actionCount: 3 },
  { id: 2, firstName: 'Marc', lastName: 'Durand', role: 'trainer', email: null, phone: '04 72 00 00 00', apprenticeCount: 0, actionCount: 1 },
  { id: 3, firstName: 'Éloïse', lastName: 'Bernard', role: 'referent', email: null, phone: null, apprenticeCount: 4, actionCount: 0 },
];

export const partners: PartnerRow[] = [
  { id: 1, name: 'Mission locale de Lyon', kind: 'opco', contactName: null, contactEmail: null, contactPhone: null, city: 'Lyon', notes: null, agreementCount: 1, coOrganisedCount: 2, lastActionDate: '2025-10-14' },
];

export function sheetRow(apprenticeId: number, cohortId: number, lastName: string, firstName = 'Léa'): AttendanceRow {
  return { apprenticeId, cohortId, cohortLabel: cohorts.find((c) => c.id === cohortId)!.label, firstName, lastName, present: false, signed: false };
}

export type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

/** A store as the window has it once loaded. */
export function loadedStore(state: AppState = appState): AppStore {
  const store = new AppStore();
  store.reference = reference;
  store.setState(state);
  store.loading = false;
  return store;
}

/** Renders `component` in the app context; `handler` answers the IPC calls and records them. */
export function renderWithApp<P extends Record<string, unknown>>(
  component: Component<P>,
  props: P,
  handler: Handler = () => null,
  store: AppStore = loadedStore(),
) {
  const calls: { cmd: string; args: Record<string, unknown> }[] = [];
  mockIPC((cmd, args) => {
    const payload = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: payload });
    return handler(cmd, payload);
  });
  const result = render(component as Component<Record<string, unknown>>, { props, context: appContext(store) });
  return { ...result, calls, store };
}

/** A validation refusal as the core sends it. */
export function validationError(fields: Record<string, string>) {
  return {
    code: 'validation',
    message: 'Le formulaire contient des erreurs.',
    fields: Object.entries(fields).map(([field, message]) => ({ field, message })),
  };
}

/** Accessibility violations axe finds (colour contrast cannot be measured in jsdom). */
export async function axeViolations(root: Element): Promise<string[]> {
  const result = await axe.run(root, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Lets pending promises and Svelte updates settle. */
export async function settle(times = 5): Promise<void> {
  for (let i = 0; i < times; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Waits until `selector` matches an element, and returns it. */
export async function find<E extends Element = HTMLElement>(selector: string): Promise<E> {
  const { waitFor } = await import('@testing-library/svelte');
  return waitFor(() => {
    const element = document.querySelector<E>(selector);
    if (!element) throw new Error(`nothing matches ${selector}`);
    return element;
  });
}
