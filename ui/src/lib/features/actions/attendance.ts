// The attendance sheet of an action as the form edits it: marks kept when
// the targeted cohorts change, and the live participation rate.
import type { AttendanceMark } from '../../api/generated/AttendanceMark';
import type { AttendanceRow } from '../../api/generated/AttendanceRow';
import { formatFraction, formatPercent } from '../../format';

/**
 * The new sheet for the chosen cohorts: apprentices already on the old sheet
 * keep what was ticked; the others come as the core sent them.
 */
export function mergeSheet(current: AttendanceMark[], sheet: AttendanceRow[]): AttendanceMark[] {
  const ticked = new Map(current.map((mark) => [mark.apprenticeId, mark]));
  return sheet.map((row) => {
    const kept = ticked.get(row.apprenticeId);
    return kept ? { ...kept } : { apprenticeId: row.apprenticeId, present: row.present, signed: row.signed };
  });
}

/** Present ÷ invited: « 83,3 % » and « 15 / 18 » (« non calculable » with nobody invited). */
export function participation(marks: AttendanceMark[]): { present: number; invited: number; rate: string; fraction: string } {
  const present = marks.filter((mark) => mark.present).length;
  const invited = marks.length;
  return { present, invited, rate: formatPercent(present, invited), fraction: formatFraction(present, invited) };
}
