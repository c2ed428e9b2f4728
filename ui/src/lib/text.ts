// Search and sort that ignore case and accents: « lefevre » finds « Lefèvre »,
// and « Éloïse » sorts with the E's. Mirrors `fold` in the core's src/format.rs.

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Lower case, accents removed, ligatures spelled out: « Cœur Lefèvre » → « coeur lefevre ». */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

/** True when every word of the query appears in the folded haystack. */
export function matchesQuery(foldedHaystack: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  return words.every((word) => foldedHaystack.includes(word));
}

/** French order, ignoring case and accents; numbers compare as numbers, empty last. */
export function compareValues(a: string | number | null | undefined, b: string | number | null | undefined): number {
  const emptyA = a == null || a === '';
  const emptyB = b == null || b === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** Keeps the rows whose text matches the query; rows keep their order. */
export function filterRows<T>(rows: T[], keys: string[], query: string): T[] {
  if (!query.trim()) return rows;
  return rows.filter((_, i) => matchesQuery(keys[i], query));
}
