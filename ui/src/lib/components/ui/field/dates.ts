// The date picker's bridge between the text typed (« 05/01/2026 ») and the
// calendar's dates. The core stays the judge of what is valid: a text that does
// not parse here simply opens the calendar on today.
import { CalendarDate, endOfMonth } from '@internationalized/date';

/** « 5/1/2026 », « 05/01/2026 », « 05.01.2026 » → 2026-01-05; anything else → undefined. */
export function parseTypedDate(text: string): CalendarDate | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return undefined;
  const date = new CalendarDate(year, month, 1);
  if (day > endOfMonth(date).day) return undefined;
  return date.set({ day });
}

/** A calendar date as the forms type it: « 05/01/2026 ». */
export function formatTypedDate(date: { day: number; month: number; year: number }): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.day)}/${pad(date.month)}/${String(date.year).padStart(4, '0')}`;
}
