// How wide each column of a DataTable is: pure, so the rule is tested without a
// browser. Measuring text is the caller's job (`measureColumns`), with the
// window's real font; this file only shares the room.

/** What was measured of one column, in CSS pixels, padding included. */
export type Measured = {
  /** The header's width: a column is never narrower, so headers never overlap. */
  header: number;
  /** The widest cell drawn on one line. */
  content: number;
  fit: boolean;
  grow: number;
  min: number;
  giveWay: number;
};

/**
 * Widths in px for a table `available` px wide. `fit` columns get their
 * content (or header) width whatever happens. Text columns get their preferred
 * width and share what is left in proportion to `grow`; when room is short the
 * lowest `giveWay` group shrinks first (each column in proportion to how much
 * it can give), down to its minimum, then the next group. The sum exceeds
 * `available` only when every text column is at its minimum: the table then
 * scrolls sideways rather than overlap.
 */
export function columnWidths(columns: Measured[], available: number): number[] {
  const floor = (i: number) => Math.ceil(Math.max(columns[i].header, columns[i].min));
  const widths = columns.map((c, i) => (c.fit ? Math.ceil(Math.max(c.header, c.content)) : Math.max(floor(i), Math.ceil(c.content))));
  const text = columns.map((c, i) => (c.fit ? -1 : i)).filter((i) => i >= 0);
  const total = () => widths.reduce((a, b) => a + b, 0);

  let room = available - total();
  if (room >= 0) {
    const grow = text.reduce((sum, i) => sum + columns[i].grow, 0);
    if (grow > 0) {
      let given = 0;
      text.forEach((i, n) => {
        // The last column takes the rounding remainder, so the sum is exact.
        const share = n === text.length - 1 ? room - given : Math.floor((room * columns[i].grow) / grow);
        widths[i] += share;
        given += share;
      });
    }
    return widths;
  }

  const groups = [...new Set(text.map((i) => columns[i].giveWay))].sort((a, b) => a - b);
  for (const group of groups) {
    if (room >= 0) break;
    const members = text.filter((i) => columns[i].giveWay === group);
    const slack = members.map((i) => widths[i] - floor(i));
    const canGive = slack.reduce((a, b) => a + b, 0);
    if (canGive <= 0) continue;
    const take = Math.min(-room, canGive);
    let taken = 0;
    members.forEach((i, n) => {
      const part = n === members.length - 1 ? take - taken : Math.floor((take * slack[n]) / canGive);
      const cut = Math.min(part, slack[n]);
      widths[i] -= cut;
      taken += cut;
    });
    room += taken;
  }
  return widths;
}

/** The strings most likely to be widest: the longest few by length, so 5,000 rows need a few measures, not 5,000. */
export function longest(values: string[], keep = 24): string[] {
  if (values.length <= keep) return values;
  return [...values].sort((a, b) => b.length - a.length).slice(0, keep);
}
