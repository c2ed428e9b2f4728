// What the « Plan d'actions » screen computes on its own: the school year's
// months and where a date falls on them (the calendar), a period and a budget
// in French, a figure with its numerator and denominator. Pure, tested in
// src/test/plans.test.ts.
import type { Figure } from '../../api/generated/Figure';
import type { Rate } from '../../api/generated/Rate';
import { NBSP, formatDate, formatDecimal, formatFraction, formatInteger } from '../../format';

/** A month of the school year: its calendar year and number (1–12). */
export type Month = { year: number; month: number };

const DAY = 86_400_000;

/** « 2025-2026 » → 2025; NaN when the text is no school year. */
function firstYear(schoolYear: string): number {
  const match = /^(\d{4})-(\d{4})$/.exec(schoolYear);
  return match ? Number(match[1]) : Number.NaN;
}

/** « 2025-2026 » → « 2026-2027 ». */
export function nextSchoolYear(schoolYear: string): string {
  const first = firstYear(schoolYear);
  return Number.isNaN(first) ? schoolYear : `${first + 1}-${first + 2}`;
}

/** September to August of the school year. */
export function schoolYearMonths(schoolYear: string): Month[] {
  const first = firstYear(schoolYear);
  if (Number.isNaN(first)) return [];
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((8 + i) % 12) + 1;
    return { year: month >= 9 ? first : first + 1, month };
  });
}

function utc(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}

function bounds(schoolYear: string): [number, number] | null {
  const first = firstYear(schoolYear);
  if (Number.isNaN(first)) return null;
  return [Date.UTC(first, 8, 1), Date.UTC(first + 1, 8, 1)];
}

/** Where a day falls on the school year, 0 (1 September) to 1 (31 August's end); null outside. */
export function yearPosition(iso: string, schoolYear: string): number | null {
  const day = utc(iso);
  const range = bounds(schoolYear);
  if (day == null || !range || day < range[0] || day >= range[1]) return null;
  // The middle of the day, so a dot sits inside its day's slice.
  return (day + DAY / 2 - range[0]) / (range[1] - range[0]);
}

/**
 * A bar from `start` to `end` (both days included) on the school year, as
 * fractions of its width, cut to the year; null when it falls outside.
 */
export function yearSpan(start: string, end: string | null, schoolYear: string): { left: number; width: number; cutStart: boolean; cutEnd: boolean } | null {
  const from = utc(start);
  const to = end ? utc(end) : from;
  const range = bounds(schoolYear);
  if (from == null || to == null || !range) return null;
  const [low, high] = range;
  const a = Math.max(from, low);
  const b = Math.min(to + DAY, high);
  if (b <= a) return null;
  return { left: (a - low) / (high - low), width: (b - a) / (high - low), cutStart: from < low, cutEnd: to + DAY > high };
}

/** The last day of a month (February of leap years included). */
function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month's first and last days as a form takes them: « 01/10/2025 », « 31/10/2025 ». */
export function monthBounds({ year, month }: Month): { start: string; end: string } {
  const mm = String(month).padStart(2, '0');
  return { start: `01/${mm}/${year}`, end: `${String(lastDay(year, month)).padStart(2, '0')}/${mm}/${year}` };
}

/**
 * « oct. 2025 – mars 2026 » when the period runs from a month's first day to
 * a month's last, else « 06/10/2025 – 20/03/2026 ». `monthNames` holds the
 * twelve short names, January first.
 */
export function formatPeriod(start: string, end: string, monthNames: string[]): string {
  const a = /^(\d{4})-(\d{2})-(\d{2})/.exec(start);
  const b = /^(\d{4})-(\d{2})-(\d{2})/.exec(end);
  if (a && b && a[3] === '01' && Number(b[3]) === lastDay(Number(b[1]), Number(b[2]))) {
    const from = `${monthNames[Number(a[2]) - 1]}${NBSP}${a[1]}`;
    const to = `${monthNames[Number(b[2]) - 1]}${NBSP}${b[1]}`;
    return from === to ? from : `${from} – ${to}`;
  }
  return `${formatDate(start)} – ${formatDate(end)}`;
}

/** Budget in cents → « 1 500 € », « 1 500,50 € »; null → ''. */
export function formatBudget(cents: number | null | undefined): string {
  if (cents == null) return '';
  const euros = cents / 100;
  return `${Number.isInteger(euros) ? formatInteger(euros) : formatDecimal(euros, 2)}${NBSP}€`;
}

/** A number typed back into a form: 80 → « 80 », 72.5 → « 72,5 »; null → ''. */
export function numberInput(value: number | null | undefined): string {
  if (value == null) return '';
  return Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
}

/** « 72,7 % (8 / 11) »; « non calculable » as the core words it. */
export function figureText(figure: Pick<Figure | Rate, 'display' | 'numerator' | 'denominator' | 'percent'>): string {
  return figure.percent == null ? figure.display : `${figure.display} (${formatFraction(figure.numerator, figure.denominator)})`;
}

/** The id in `after` that `before` did not have (the record a save created). */
export function addedId(before: number[], after: number[]): number | null {
  const known = new Set(before);
  return after.find((id) => !known.has(id)) ?? null;
}
