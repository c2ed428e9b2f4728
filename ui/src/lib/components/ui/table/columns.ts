// What a DataTable is told about its columns and its sort.
import type { Snippet } from 'svelte';

/**
 * One column of a DataTable: how to sort it, how to show a cell, and how it is
 * sized. Two kinds of column:
 * - `fit`: as wide as its widest value or its header, never truncated — dates,
 *   counts, codes, badges;
 * - text (the default): shares the room the `fit` columns leave, in proportion
 *   to `grow`, and truncates with an ellipsis (the whole value in the cell's
 *   tooltip) when room is short. When it is, the columns with the lowest
 *   `giveWay` shrink first, down to `min`; only then does the table scroll.
 */
export type Column<Row> = {
  key: string;
  label: string;
  /** The value sorting compares (text ignores case and accents). */
  value: (row: Row) => string | number | null;
  /** What the cell shows; the sort value as text when absent. */
  text?: (row: Row) => string;
  cell?: Snippet<[Row]>;
  align?: 'start' | 'end';
  /** Sized to its content and never truncated (dates, counts, codes, badges). */
  fit?: boolean;
  /** Text columns: share of the room beyond the preferred widths (default 1). */
  grow?: number;
  /**
   * Text columns: narrowest width in px (default 72; never narrower than the
   * header), or `'content'`: its widest value (up to 320 px), so it is cut only
   * when nothing else can give way (a promo, whose year must stay visible).
   */
  min?: number | 'content';
  /** Text columns: which shrink first when room is short, 1 before 2 (default 2). */
  giveWay?: number;
  /** Pixels a `cell` snippet draws beyond its text (a badge's padding). */
  extra?: number;
};

export type SortState = { key: string; direction: 'ascending' | 'descending' };
