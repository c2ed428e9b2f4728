// What « Suivi individuel » computes on its own: the « En retard » list
// grouped by référent then promo (or the other way round), the promo's label,
// today as a date field holds it, and the person a follow-up form is about.
import type { ApprenticeRow } from '../../api/generated/ApprenticeRow';
import type { OverdueRow } from '../../api/generated/OverdueRow';
import { compareValues } from '../../text';

export type Grouping = 'referent' | 'cohort';

/** One level of the grouped list: a référent (or « Sans référent ») or a promo. */
export type OverdueGroup = {
  /** `referent-3`, `referent-none`, `cohort-12`: stable hooks for the screen and its tests. */
  key: string;
  /** The référent's name, the promo's label, or null for « Sans référent ». */
  label: string | null;
  count: number;
  subgroups: { key: string; label: string | null; rows: OverdueRow[] }[];
};

/** « BTS MCO · Promo 2025-2027 ». */
export function promoLabel(row: { programmeCode: string; cohortLabel: string }): string {
  return row.programmeCode ? `${row.programmeCode} · ${row.cohortLabel}` : row.cohortLabel;
}

type Level = { key: (row: OverdueRow) => string; label: (row: OverdueRow) => string | null };

const BY_REFERENT: Level = {
  key: (row) => (row.referentId == null ? 'referent-none' : `referent-${row.referentId}`),
  label: (row) => (row.referentId == null ? null : (row.referentName ?? '')),
};
const BY_COHORT: Level = {
  key: (row) => `cohort-${row.cohortId}`,
  label: (row) => promoLabel(row),
};

/** « Sans référent » first (an apprentice without one is the first thing to fix), then by name. */
function compareLabels(a: string | null, b: string | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  return compareValues(a, b);
}

/** The most overdue first, then by name. */
function compareRows(a: OverdueRow, b: OverdueRow): number {
  return b.days - a.days || compareValues(`${a.lastName} ${a.firstName}`, `${b.lastName} ${b.firstName}`) || a.apprenticeId - b.apprenticeId;
}

function split(rows: OverdueRow[], level: Level): { key: string; label: string | null; rows: OverdueRow[] }[] {
  const groups = new Map<string, { key: string; label: string | null; rows: OverdueRow[] }>();
  for (const row of rows) {
    const key = level.key(row);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, label: level.label(row), rows: [] }));
    group.rows.push(row);
  }
  return [...groups.values()].sort((a, b) => compareLabels(a.label, b.label) || compareValues(a.key, b.key));
}

/** The rows by référent then promo (`referent`), or by promo then référent (`cohort`). */
export function groupOverdue(rows: OverdueRow[], grouping: Grouping): OverdueGroup[] {
  const [outer, inner] = grouping === 'referent' ? [BY_REFERENT, BY_COHORT] : [BY_COHORT, BY_REFERENT];
  return split(rows, outer).map((group) => ({
    key: group.key,
    label: group.label,
    count: group.rows.length,
    subgroups: split(group.rows, inner).map((sub) => ({ ...sub, rows: [...sub.rows].sort(compareRows) })),
  }));
}

/** Who a follow-up form is about, from the « En retard » list or the list of apprentices. */
export type Person = {
  id: number;
  firstName: string;
  lastName: string;
  programmeCode: string;
  cohortLabel: string;
  referentName: string | null;
};

export function personOf(row: OverdueRow | ApprenticeRow): Person {
  const id = 'apprenticeId' in row ? row.apprenticeId : row.id;
  return { id, firstName: row.firstName, lastName: row.lastName, programmeCode: row.programmeCode, cohortLabel: row.cohortLabel, referentName: row.referentName };
}

/** « Durand Léa »: lists sort by last name. */
export function fullName(person: { firstName: string; lastName: string }): string {
  return `${person.lastName} ${person.firstName}`;
}
