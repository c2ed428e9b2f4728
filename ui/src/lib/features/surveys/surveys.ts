// What the « Suivi des sortants » screen computes on its own: the school year
// of a date, today as the form types it, which promo to open first, and the
// short label of each situation for the grid's cells.
import type { CohortRow } from '../../api/generated/CohortRow';
import type { Situation } from '../../api/generated/Situation';
import type { SurveyGrid } from '../../api/generated/SurveyGrid';
import type { Timepoint } from '../../api/generated/Timepoint';
import type { MessageKey } from '../../i18n';

/** The grid's columns, in the order the core sends the cells. */
export const TIMEPOINTS: Timepoint[] = ['exit', 'm3', 'm6', 'm12'];

export const TIMEPOINT_KEYS: Record<Timepoint, MessageKey> = {
  exit: 'surveys.tp.exit',
  m3: 'surveys.tp.m3',
  m6: 'surveys.tp.m6',
  m12: 'surveys.tp.m12',
};

export const SHORT_SITUATION_KEYS: Record<Situation, MessageKey> = {
  employed: 'surveys.short.employed',
  employed_abroad: 'surveys.short.employed_abroad',
  apprenticeship: 'surveys.short.apprenticeship',
  school_studies: 'surveys.short.school_studies',
  job_seeking: 'surveys.short.job_seeking',
  unable_to_work: 'surveys.short.unable_to_work',
  inactive: 'surveys.short.inactive',
  unreachable: 'surveys.short.unreachable',
};

/** A leaver in employment (in France or abroad): contract and « métier visé » apply. */
export function isEmployment(situation: string): boolean {
  return situation === 'employed' || situation === 'employed_abroad';
}

/** Further studies by either route: type and institution apply. */
export function isStudies(situation: string): boolean {
  return situation === 'school_studies' || situation === 'apprenticeship';
}

/** The promos of a filière, the newest first. */
export function newestFirst(cohorts: CohortRow[]): CohortRow[] {
  return [...cohorts].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.endDate.localeCompare(a.endDate) || b.id - a.id);
}

/** The school years to choose from, newest first, without duplicates. */
export function yearChoices(years: string[], ...more: string[]): string[] {
  return [...new Set([...years, ...more].filter(Boolean))].sort((a, b) => b.localeCompare(a));
}

/**
 * The promo to open first: the newest one whose apprentices have mostly left
 * (at least as many leavers as apprentices still in training), else the
 * newest with any leaver, else the newest. An early leaver of a promo still in
 * training does not make it the default. Asks for as few grids as it can;
 * returns the grid it fetched for the promo chosen, if any.
 */
export async function pickCohort(
  cohorts: CohortRow[],
  grid: (cohortId: number) => Promise<SurveyGrid>,
): Promise<{ cohortId: number | null; grid: SurveyGrid | null }> {
  if (cohorts.length === 0) return { cohortId: null, grid: null };
  let withLeavers: SurveyGrid | null = null;
  let newest: SurveyGrid | null = null;
  for (const cohort of cohorts) {
    const found = await grid(cohort.id);
    newest ??= found;
    if (found.rows.length > 0 && found.rows.length >= found.inTraining) return { cohortId: cohort.id, grid: found };
    if (found.rows.length > 0 && !withLeavers) withLeavers = found;
  }
  if (withLeavers) return { cohortId: withLeavers.cohortId, grid: withLeavers };
  return { cohortId: cohorts[0].id, grid: newest };
}
