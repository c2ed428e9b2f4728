// What the « Non-conformités » screen computes on its own, for display only:
// the form's values from a saved record, the default due date a corrective
// action gets when left empty (the core is the one that sets it), how late an
// action is, the framework's indicators as select options (14 and 29 first),
// and the errors of a repeated row kept in step when a row is removed.
import { CalendarDate, getLocalTimeZone, parseDate, today } from '@internationalized/date';
import type { CorrectiveActionInput } from '../../api/generated/CorrectiveActionInput';
import type { FrameworkIndicator } from '../../api/generated/FrameworkIndicator';
import type { NonConformity } from '../../api/generated/NonConformity';
import type { NonConformityInput } from '../../api/generated/NonConformityInput';
import type { SteeringReviewInput } from '../../api/generated/SteeringReviewInput';
import { formatTypedDate, parseTypedDate } from '../../components/ui/field/dates';
import { formatDate } from '../../format';

/** The indicators Tremplin follows: shown first in the choice. */
export const FOLLOWED_INDICATORS = [14, 29];

/** Months given to correct, from the audit (the core's `months_to_correct`). */
const MONTHS_TO_CORRECT: Record<string, number> = { major: 3, minor: 6 };

export function emptyNonConformity(): NonConformityInput {
  return { id: null, indicator: null, level: '', foundOn: '', description: '', rootCause: '', closedOn: '', correctiveActions: [], reviews: [] };
}

export function emptyCorrectiveAction(): CorrectiveActionInput {
  return { id: null, description: '', ownerId: null, dueDate: '', status: 'planned', doneOn: '', proofs: '' };
}

export function emptyReview(heldOn: string): SteeringReviewInput {
  return { id: null, heldOn, notes: '' };
}

/** A saved record as the form types it (dates jj/mm/aaaa, empty texts ''), each row keeping its id. */
export function inputOf(nc: NonConformity): NonConformityInput {
  return {
    id: nc.id,
    indicator: nc.indicator,
    level: nc.level,
    foundOn: formatDate(nc.foundOn),
    description: nc.description,
    rootCause: nc.rootCause,
    closedOn: formatDate(nc.closedOn),
    correctiveActions: nc.correctiveActions.map((a) => ({
      id: a.id,
      description: a.description,
      ownerId: a.ownerId,
      dueDate: formatDate(a.dueDate),
      status: a.status,
      doneOn: formatDate(a.doneOn),
      proofs: a.proofs ?? '',
    })),
    reviews: nc.reviews.map((r) => ({ id: r.id, heldOn: formatDate(r.heldOn), notes: r.notes })),
  };
}

/**
 * The due date the core gives an action left empty: the audit + 3 months for a
 * major non-conformity, + 6 for a minor one (the end of a shorter month when
 * the day does not exist, as the core does). Null until both are known.
 */
export function defaultDueDate(level: string, foundOn: string): CalendarDate | null {
  const months = MONTHS_TO_CORRECT[level];
  const found = parseTypedDate(foundOn);
  if (months === undefined || !found) return null;
  return found.add({ months });
}

export function typedDate(date: CalendarDate | null): string {
  return date ? formatTypedDate(date) : '';
}

/** Today in the person's time zone. */
export function todayDate(): CalendarDate {
  return today(getLocalTimeZone());
}

/**
 * Days an action not done is past its due date (the typed one, else the
 * default), 0 when it is not late, done, or its date does not read.
 */
export function daysLate(action: CorrectiveActionInput, level: string, foundOn: string, on: CalendarDate = todayDate()): number {
  if (action.status === 'done') return 0;
  const due = action.dueDate.trim() ? parseTypedDate(action.dueDate) : defaultDueDate(level, foundOn);
  if (!due) return 0;
  return Math.max(0, on.compare(due));
}

/** « 2026-03-12 » as a calendar date (null when empty or unreadable). */
export function isoDate(iso: string | null | undefined): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso.slice(0, 10));
  } catch {
    return null;
  }
}

/** « 14 — Accompagnement socio-professionnel… ». */
export function indicatorText(indicator: Pick<FrameworkIndicator, 'number' | 'label'>): string {
  return `${indicator.number} — ${indicator.label}`;
}

/**
 * The framework as select options: 14 and 29 in a first group, then the
 * others under their criterion, in the framework's order.
 */
export function indicatorOptions(framework: FrameworkIndicator[], followedGroup: string, criterionGroup: (n: number, label: string) => string) {
  const sorted = [...framework].sort((a, b) => a.number - b.number);
  const followed = FOLLOWED_INDICATORS.map((n) => sorted.find((i) => i.number === n)).filter((i): i is FrameworkIndicator => i !== undefined);
  return [
    ...followed.map((i) => ({ value: i.number, label: indicatorText(i), group: followedGroup })),
    ...sorted
      .filter((i) => !FOLLOWED_INDICATORS.includes(i.number))
      .map((i) => ({ value: i.number, label: indicatorText(i), group: criterionGroup(i.criterion, i.criterionLabel) })),
  ];
}

/**
 * The errors after row `removed` of the list `prefix` is taken out: its own
 * messages go, those of the rows below move up one place with their row.
 */
export function shiftErrors(errors: Record<string, string>, prefix: string, removed: number): Record<string, string> {
  const result: Record<string, string> = {};
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)(\\..*)?$`);
  for (const [field, message] of Object.entries(errors)) {
    const match = pattern.exec(field);
    if (!match) {
      result[field] = message;
      continue;
    }
    const index = Number(match[1]);
    if (index === removed) continue;
    result[index > removed ? `${prefix}.${index - 1}${match[2] ?? ''}` : field] = message;
  }
  return result;
}
