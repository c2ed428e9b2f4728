// Accent- and case-insensitive search and French sorting.
import { describe, expect, it } from 'vitest';
import { compareValues, filterRows, fold, matchesQuery } from './text';

describe('search and sort ignore case and accents', () => {
  it('folds accents, case and ligatures', () => {
    expect(fold('Lefèvre')).toBe('lefevre');
    expect(fold('ÉLOÏSE Çağla')).toBe('eloise cagla');
    expect(fold('Cœur')).toBe('coeur');
  });

  it('finds « Lefèvre » when typing « lefevre » and needs every word', () => {
    expect(matchesQuery(fold('Sophie Lefèvre Référente'), 'lefevre')).toBe(true);
    expect(matchesQuery(fold('Sophie Lefèvre Référente'), 'LEFÈVRE sophie')).toBe(true);
    expect(matchesQuery(fold('Sophie Lefèvre Référente'), 'lefevre marc')).toBe(false);
    expect(matchesQuery(fold('anything'), '   ')).toBe(true);
  });

  it('sorts Éloïse among the E and numbers as numbers, empty last', () => {
    const names = ['Fabre', 'Éloïse', 'eric', 'Dupont'];
    expect([...names].sort(compareValues)).toEqual(['Dupont', 'Éloïse', 'eric', 'Fabre']);
    expect([10, 9, 100].sort(compareValues)).toEqual([9, 10, 100]);
    expect(['b', null, 'a'].sort(compareValues)).toEqual(['a', 'b', null]);
  });

  it('filters rows by their folded keys and keeps their order', () => {
    const rows = ['Lefèvre', 'Durand', 'Lefebvre'];
    expect(filterRows(rows, rows.map(fold), 'lefe')).toEqual(['Lefèvre', 'Lefebvre']);
    expect(filterRows(rows, rows.map(fold), '')).toBe(rows);
  });
});
