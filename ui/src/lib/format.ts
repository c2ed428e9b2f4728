// French formats for everything the UI displays: dates dd/mm/yyyy, times
// « 14 h 30 », decimal comma, non-breaking spaces before « ; : ! ? % » and
// inside guillemets, « € » after the amount. Same examples as the core's
// src/format.rs, so the window and the PDF dossier agree.

/** U+00A0, before « : » and inside guillemets. */
export const NBSP = '\u00a0';
/** U+202F (fine), before « ; ! ? % » as French typography and the core do. */
export const NNBSP = '\u202f';

/** « 2026-01-05 » → « 05/01/2026 »; empty or null → ''. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** Today as a date field holds it: « 05/01/2026 » (forms prefill it; the core parses it). */
export function todayTyped(now: Date = new Date()): string {
  const dd = String(now.getDate()).padStart(2, '0');
  const mm = String(now.getMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${now.getFullYear()}`;
}

/** « 2025-06-30 » → « 2024-2025 »: a school year runs from 1 September to 31 August. */
export function schoolYearOf(iso: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(iso);
  if (!match) return '';
  const year = Number(match[1]);
  const start = Number(match[2]) >= 9 ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** « 14:30:00 » → « 14 h 30 », « 09:00:00 » → « 9 h ». */
export function formatTime(time: string | null | undefined): string {
  if (!time) return '';
  const match = /^(\d{1,2}):(\d{2})/.exec(time);
  if (!match) return time;
  const hours = Number(match[1]);
  const minutes = match[2];
  return minutes === '00' ? `${hours}${NBSP}h` : `${hours}${NBSP}h${NBSP}${minutes}`;
}

/** 150 → « 2 h 30 », 45 → « 45 min », 180 → « 3 h ». */
export function formatDuration(minutes: number | null | undefined): string {
  if (minutes == null) return '';
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}${NBSP}min`;
  if (m === 0) return `${h}${NBSP}h`;
  return `${h}${NBSP}h${NBSP}${String(m).padStart(2, '0')}`;
}

/** 72.666 with 1 decimal → « 72,7 »; thousands grouped with a fine space. */
export function formatDecimal(value: number, decimals = 1): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const sign = value < 0 && Number(value.toFixed(decimals)) !== 0 ? '-' : '';
  return sign + (fraction ? `${grouped},${fraction}` : grouped);
}

/** 1234 → « 1 234 » (fine non-breaking space between thousands). */
export function formatInteger(value: number): string {
  return formatDecimal(value, 0);
}

/** A score typed back into a form: 4.2 → « 4,2 », 4 → « 4 ». */
export function formatScore(value: number | null | undefined): string {
  if (value == null) return '';
  return Number.isInteger(value) ? String(value) : formatDecimal(value, 1);
}

/** « 83,3 % », or « non calculable » when nobody was counted. */
export function formatPercent(numerator: number, denominator: number): string {
  if (denominator <= 0) return 'non calculable';
  return `${formatDecimal((numerator * 100) / denominator, 1)}${NNBSP}%`;
}

/** « 15 / 18 » (plain spaces: French typography asks none around a slash). */
export function formatFraction(numerator: number, denominator: number): string {
  return `${formatInteger(numerator)} / ${formatInteger(denominator)}`;
}

/** 1234.5 → « 1 234,50 € ». */
export function formatEuros(amount: number): string {
  return `${formatDecimal(amount, 2)}${NBSP}€`;
}

/** « texte » with non-breaking spaces inside the guillemets. */
export function quote(text: string): string {
  return `«${NBSP}${text}${NBSP}»`;
}

/** 812 → « 812 octets », 15 300 → « 15 Ko », 2 400 000 → « 2,3 Mo », 3,1 Go. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${formatInteger(bytes)}${NBSP}${bytes <= 1 ? 'octet' : 'octets'}`;
  if (bytes < 1024 * 1024) return `${formatInteger(Math.round(bytes / 1024))}${NBSP}Ko`;
  if (bytes < 1024 * 1024 * 1024) return `${formatDecimal(bytes / (1024 * 1024), 1)}${NBSP}Mo`;
  return `${formatDecimal(bytes / (1024 * 1024 * 1024), 1)}${NBSP}Go`;
}
