// The window's shared state: what the core told us at start (organisation,
// school years, closed lists), the chosen school year, the open section, and
// the guard that asks before leaving a form with unsaved changes. Shared
// through Svelte context (`provideApp` in App.svelte, `useApp` below it).
import { getContext, setContext } from 'svelte';
import { getAppState, getReferenceData } from '../api/commands';
import { AppError } from '../api/call';
import type { AppState } from '../api/generated/AppState';
import type { ReferenceData } from '../api/generated/ReferenceData';
import { Toasts } from './toasts.svelte';

export const SECTIONS = [
  'dashboard',
  'programmes',
  'apprentices',
  'staff',
  'partners',
  'actions',
  'plans',
  'offers',
  'surveys',
  'followups',
  'resources',
  'conformity',
  'dispositif',
  'data',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Passed as the record to open: « open the form for a new one ». */
export const NEW_RECORD = -1;

const EMPTY_REFERENCE: ReferenceData = {
  actionKinds: [],
  partnerKinds: [],
  staffRoles: [],
  apprenticeStatuses: [],
  timepoints: [],
  surveyMethods: [],
  situations: [],
  employmentContracts: [],
  studyTypes: [],
  offerContracts: [],
  offerChannels: [],
  objectiveMeasures: [],
  resultFigures: [],
  objectiveStatuses: [],
  milestoneKinds: [],
  followUpKinds: [],
  followUpTopics: [],
  evaluationScales: [],
  resourceKinds: [],
  usageMetrics: [],
  nonConformityLevels: [],
  rootCauses: [],
  correctiveStatuses: [],
  proofKinds: [],
  proofMedia: [],
  recordKinds: [],
  standingDocumentKinds: [],
  retentionKinds: [],
  registers: [],
  levels: [],
};

export class AppStore {
  state = $state<AppState | null>(null);
  reference = $state<ReferenceData>(EMPTY_REFERENCE);
  schoolYear = $state('');
  section = $state<Section>('dashboard');
  loading = $state(true);
  loadError = $state<string | null>(null);
  /** Set by the open form while it has changes not yet saved. */
  unsaved = $state(false);
  /** A section (and record) waiting for the person to confirm leaving a form. */
  pending = $state<{ section: Section; recordId: number | null } | null>(null);
  /** A record another screen asked the current section to open. */
  recordToOpen = $state<number | null>(null);
  /** Grows at each navigation, so opening the current section again starts it afresh. */
  visit = $state(0);
  toasts = new Toasts();

  async load(): Promise<void> {
    this.loading = true;
    this.loadError = null;
    try {
      const [state, reference] = await Promise.all([getAppState(), getReferenceData()]);
      this.reference = reference;
      this.setState(state);
    } catch (error) {
      this.loadError = error instanceof AppError ? error.message : String(error);
    } finally {
      this.loading = false;
    }
  }

  /** Takes a fresh AppState, keeping the chosen year when it still exists. */
  setState(state: AppState, resetYear = false): void {
    this.state = state;
    if (resetYear || !state.schoolYears.includes(this.schoolYear)) this.schoolYear = state.defaultSchoolYear;
  }

  /** Asks the core again (school years change when actions are saved). */
  async refreshState(resetYear = false): Promise<void> {
    try {
      this.setState(await getAppState(), resetYear);
    } catch (error) {
      if (error instanceof AppError) this.toasts.error(error.message);
    }
  }

  get organisationName(): string {
    return this.state?.organisation?.name ?? '';
  }

  /** Opens a section (and optionally one of its records), asking first if a form has changes. */
  navigate(section: Section, recordId: number | null = null): void {
    if (this.unsaved) {
      this.pending = { section, recordId };
      return;
    }
    this.#go(section, recordId);
  }

  confirmLeave(): void {
    const pending = this.pending;
    this.pending = null;
    this.unsaved = false;
    if (pending) this.#go(pending.section, pending.recordId);
  }

  cancelLeave(): void {
    this.pending = null;
  }

  /** Called by a section when it opens: the record to show at once, if any. */
  takeRecordToOpen(): number | null {
    const id = this.recordToOpen;
    this.recordToOpen = null;
    return id;
  }

  #go(section: Section, recordId: number | null): void {
    this.recordToOpen = recordId;
    this.section = section;
    this.visit += 1;
  }

  actionKindLabel(code: string): string {
    return this.reference.actionKinds.find((k) => k.code === code)?.label ?? code;
  }
  partnerKindLabel(code: string): string {
    return this.reference.partnerKinds.find((k) => k.code === code)?.label ?? code;
  }
  proofKindLabel(code: string): string {
    return this.reference.proofKinds.find((k) => k.code === code)?.label ?? code;
  }
  staffRoleLabel(code: string): string {
    return this.reference.staffRoles.find((k) => k.code === code)?.label ?? code;
  }
  statusLabel(code: string): string {
    return this.reference.apprenticeStatuses.find((k) => k.code === code)?.label ?? code;
  }
  levelLabel(level: number | null): string {
    if (level == null) return '';
    return this.reference.levels.find((k) => k.code === level)?.label ?? String(level);
  }
}

const KEY = Symbol('tremplin-app');

export function provideApp(store: AppStore): AppStore {
  setContext(KEY, store);
  return store;
}

export function useApp(): AppStore {
  const store = getContext<AppStore | undefined>(KEY);
  if (!store) throw new Error('useApp() outside provideApp()');
  return store;
}

/** For tests: the context map that `render(Component, { context })` expects. */
export function appContext(store: AppStore): Map<symbol, AppStore> {
  return new Map([[KEY, store]]);
}
