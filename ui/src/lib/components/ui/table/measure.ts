// Measures a DataTable's columns with the window's real font (a canvas), so
// widths follow the typeface the app ships rather than a guess per character.
import type { Column } from './columns';
import { longest, type Measured } from './widths';

/** Horizontal padding of a cell (both sides), as in DataTable's CSS. */
export const CELL_PADDING = 20;
/** The sort icon and its gap beside a header's label. */
export const SORT_ICON = 13 + 3;
/** The most a `min: 'content'` column keeps for itself. */
const MAX_CONTENT_MIN = 320;

type Measure = (text: string, bold: boolean) => number;

let canvas: HTMLCanvasElement | null = null;

/** A text measurer for the font `element` uses; a per-character estimate where there is no canvas (tests). */
export function measurer(element: Element | null): Measure {
  const style = element ? getComputedStyle(element) : null;
  const jsdom = typeof navigator !== 'undefined' && navigator.userAgent.includes('jsdom');
  const context = !jsdom && style ? (canvas ??= document.createElement('canvas')).getContext('2d') : null;
  if (!context || !style) return (text) => text.length * 7;
  const regular = `400 ${style.fontSize} ${style.fontFamily}`;
  const bold = `600 ${style.fontSize} ${style.fontFamily}`;
  return (text, strong) => {
    context.font = strong ? bold : regular;
    return context.measureText(text).width;
  };
}

export function cellText<Row>(column: Column<Row>, row: Row): string {
  if (column.text) return column.text(row);
  const value = column.value(row);
  return value == null ? '' : String(value);
}

/** What each column needs: its header, its widest cell among all rows (not only those drawn). */
export function measureColumns<Row>(columns: Column<Row>[], rows: Row[], measure: Measure): Measured[] {
  return columns.map((column) => {
    const texts = longest(rows.map((row) => cellText(column, row)));
    const content = texts.reduce((widest, text) => Math.max(widest, measure(text, false)), 0);
    const padded = content + CELL_PADDING + (column.extra ?? 0) + 2;
    return {
      // One pixel of slack: a measured width rounded down would show an ellipsis.
      header: measure(column.label, true) + CELL_PADDING + SORT_ICON + 2,
      content: padded,
      fit: column.fit ?? false,
      grow: column.grow ?? 1,
      min: column.min === 'content' ? Math.min(padded, MAX_CONTENT_MIN) : (column.min ?? 72),
      giveWay: column.giveWay ?? 2,
    };
  });
}
