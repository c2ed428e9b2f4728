// `t()` looks a key up in the current catalogue (French unless told otherwise)
// and fills its {placeholders}; `tn()` picks the singular or plural form.
import { en } from './en';
import { fr, type MessageKey } from './fr';
import { formatInteger } from '../format';

export type { MessageKey };
export type Locale = 'fr' | 'en';

const catalogues: Record<Locale, Record<MessageKey, string>> = { fr, en };
let current: Locale = 'fr';

export function setLocale(locale: Locale): void {
  current = locale;
}

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[current][key] ?? fr[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Keys that come as a pair `<base>.one` / `<base>.other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? B : never;
}[MessageKey];

/** « 1 apprenti », « 124 apprentis », « 0 apprenti » (French singular for 0 and 1). */
export function tn(base: PluralBase, count: number): string {
  const key = (count <= 1 ? `${base}.one` : `${base}.other`) as MessageKey;
  return t(key, { count: formatInteger(count) });
}
