// What a DataTable is told about its columns and its sort.
import type { Snippet } from 'svelte';

/** One column of a DataTable: how to sort it, and how to show a cell. */
export type Column<Row> = {
  key: string;
  label: string;
  /** The value sorting compares (text ignores case and accents). */
  value: (row: Row) => string | number | null;
  /** What the cell shows; the sort value as text when absent. */
  text?: (row: Row) => string;
  cell?: Snippet<[Row]>;
  align?: 'start' | 'end';
  width?: string;
};

export type SortState = { key: string; direction: 'ascending' | 'descending' };
