// Column widths: fit columns keep their content, text columns share the rest
// and give way in the order the table states.
import { describe, expect, it } from 'vitest';
import { columnWidths, longest, type Measured } from './widths';

const fit = (content: number, header = 40): Measured => ({ header, content, fit: true, grow: 1, min: 72, giveWay: 2 });
const text = (content: number, giveWay = 2, grow = 1, min = 72, header = 50): Measured => ({ header, content, fit: false, grow, min, giveWay });

describe('columnWidths', () => {
  it('gives fit columns their content and shares the extra room among text columns by grow', () => {
    expect(columnWidths([fit(100), text(100, 2, 1), text(100, 2, 3)], 700)).toEqual([100, 200, 400]);
  });

  it('never makes a fit column narrower than its header', () => {
    expect(columnWidths([fit(60, 120), text(80)], 400)[0]).toBe(120);
  });

  it('shrinks the columns that give way first, down to their minimum, before touching the others', () => {
    // Preferred: 100 + 300 + 300 = 700 in 500: the giveWay 1 column gives 200 of its 228 of slack.
    expect(columnWidths([fit(100), text(300, 1), text(300, 2)], 500)).toEqual([100, 100, 300]);
    // In 400 it reaches its minimum (72), then the next group gives the rest.
    expect(columnWidths([fit(100), text(300, 1), text(300, 2)], 400)).toEqual([100, 72, 228]);
  });

  it('keeps every column at its minimum and lets the table scroll when even that does not fit', () => {
    const widths = columnWidths([fit(100), text(300, 1), text(300, 2, 1, 120)], 200);
    expect(widths).toEqual([100, 72, 120]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
  });

  it('never lets a text column go under its header, so headers never overlap', () => {
    expect(columnWidths([text(300, 1, 1, 40, 140), text(300, 2)], 100)[0]).toBe(140);
  });

  it('fills the table exactly when there is room', () => {
    const widths = columnWidths([fit(91), text(77), text(53), text(10)], 1003);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(1003);
  });
});

describe('longest', () => {
  it('keeps the longest strings only', () => {
    expect(longest(['a', 'abcd', 'ab', 'abc'], 2)).toEqual(['abcd', 'abc']);
  });
});
