// What the « dossier individuel » computes on its own: lists in time order
// (the core sends them so; a stable sort keeps its order within a day), the
// chronology's filters (one chip groups the path: training, contract, exit)
// and the sentences of the header.
import type { Apprentice } from '../../../api/generated/Apprentice';
import type { FileAction } from '../../../api/generated/FileAction';
import type { Rate } from '../../../api/generated/Rate';
import type { TimelineEntry } from '../../../api/generated/TimelineEntry';
import type { TimelineKind } from '../../../api/generated/TimelineKind';
import { formatDate, formatInteger } from '../../../format';
import { t, type MessageKey } from '../../../i18n';

/** Oldest first; items of one day keep their order (ISO dates compare as text). */
export function byDate<T>(items: readonly T[], date: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, day: date(item) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index))
    .map((entry) => entry.item);
}

export type TimelineFilter = 'all' | 'path' | 'referent' | 'action' | 'follow_up' | 'survey';

/** The chips, in the order they show. */
export const FILTERS: readonly TimelineFilter[] = ['all', 'path', 'referent', 'action', 'follow_up', 'survey'];

const FILTER_OF: Record<TimelineKind, Exclude<TimelineFilter, 'all'>> = {
  training: 'path',
  contract: 'path',
  exit: 'path',
  referent: 'referent',
  action: 'action',
  follow_up: 'follow_up',
  survey: 'survey',
};

export function filterTimeline(entries: readonly TimelineEntry[], filter: TimelineFilter): TimelineEntry[] {
  return filter === 'all' ? [...entries] : entries.filter((entry) => FILTER_OF[entry.kind] === filter);
}

/** How many entries each chip shows. */
export function filterCounts(entries: readonly TimelineEntry[]): Record<TimelineFilter, number> {
  const counts: Record<TimelineFilter, number> = { all: entries.length, path: 0, referent: 0, action: 0, follow_up: 0, survey: 0 };
  for (const entry of entries) counts[FILTER_OF[entry.kind]] += 1;
  return counts;
}

export const FILTER_LABEL: Record<TimelineFilter, MessageKey> = {
  all: 'file.filter.all',
  path: 'file.filter.path',
  referent: 'file.filter.referent',
  action: 'file.filter.action',
  follow_up: 'file.filter.follow_up',
  survey: 'file.filter.survey',
};

/** The word that doubles each entry's icon. */
export const KIND_LABEL: Record<TimelineKind, MessageKey> = {
  training: 'file.kind.training',
  contract: 'file.kind.contract',
  referent: 'file.kind.referent',
  action: 'file.kind.action',
  follow_up: 'file.kind.follow_up',
  exit: 'file.kind.exit',
  survey: 'file.kind.survey',
};

/** « 7 actions sur 9 (77,8 %) »; « Aucune action (non calculable) » when invited to none. */
export function participationText(rate: Rate): string {
  if (rate.denominator <= 0) return t('file.participation.none', { rate: rate.display });
  const key: MessageKey = rate.numerator <= 1 ? 'file.participation.one' : 'file.participation.other';
  return t(key, { count: formatInteger(rate.numerator), total: formatInteger(rate.denominator), rate: rate.display });
}

/** « du 02/09/2024 au 30/06/2026 », « depuis le … », « jusqu’au … », or « Non renseigné ». */
export function contractText(apprentice: Pick<Apprentice, 'contractStart' | 'contractEnd'>): string {
  const start = formatDate(apprentice.contractStart);
  const end = formatDate(apprentice.contractEnd);
  if (start && end) return t('file.period.between', { start, end });
  if (start) return t('file.period.since', { start });
  if (end) return t('file.period.until', { end });
  return t('file.notSet');
}

/** « Présent(e) / a signé », « Présent(e) / sans signature », « Absent(e) ». */
export function presenceText(action: Pick<FileAction, 'present' | 'signed'>): string {
  if (!action.present) return t('file.presence.absent');
  return action.signed ? t('file.presence.signed') : t('file.presence.unsigned');
}
