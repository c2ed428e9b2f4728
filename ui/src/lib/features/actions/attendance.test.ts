// The attendance sheet: marks kept across promo changes, participation rate.
import { describe, expect, it } from 'vitest';
import { mergeSheet, participation } from './attendance';
import { sheetRow } from '../../../test/fixtures';

describe('attendance sheet', () => {
  it('keeps what was ticked when promos are added, and drops apprentices no longer invited', () => {
    const current = [
      { apprenticeId: 1, present: true, signed: true },
      { apprenticeId: 2, present: false, signed: false },
    ];
    const sheet = [sheetRow(1, 1, 'Martin'), sheetRow(3, 2, 'Petit')];
    expect(mergeSheet(current, sheet)).toEqual([
      { apprenticeId: 1, present: true, signed: true },
      { apprenticeId: 3, present: false, signed: false },
    ]);
  });

  it('computes present ÷ invited, « non calculable » with nobody invited', () => {
    const marks = Array.from({ length: 18 }, (_, i) => ({ apprenticeId: i, present: i < 15, signed: false }));
    expect(participation(marks)).toEqual({ present: 15, invited: 18, rate: '83,3\u202f%', fraction: '15 / 18' });
    expect(participation([]).rate).toBe('non calculable');
  });
});
