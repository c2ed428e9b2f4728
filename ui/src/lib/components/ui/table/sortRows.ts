// The pure part of DataTable: sorting (accent-insensitive, stable, empty last)
// and which rows to draw for a scroll position.
import { compareValues } from '../../../text';
import type { Column, SortState } from './columns';

/** A sorted copy; equal rows keep their order. */
export function sortRows<Row>(rows: Row[], columns: Column<Row>[], sort: SortState | null): Row[] {
  if (!sort) return rows;
  const column = columns.find((c) => c.key === sort.key);
  if (!column) return rows;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: column.value(row) }))
    .sort((a, b) => {
      const emptyA = a.value == null || a.value === '';
      const emptyB = b.value == null || b.value === '';
      // Empty cells go last whichever the direction.
      if (emptyA !== emptyB) return emptyA ? 1 : -1;
      return sign * compareValues(a.value, b.value) || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** Only the rows in view (plus a margin) are drawn, so 5,000 rows stay smooth. */
export function visibleWindow(total: number, scrollTop: number, viewport: number, rowHeight: number, overscan = 8) {
  const height = viewport > 0 ? viewport : rowHeight * 40;
  const start = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const end = Math.min(total, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  return { start, end, before: start * rowHeight, after: (total - end) * rowHeight };
}
