// The evaluation before/after of an action as the tab shows it: which kinds
// are evaluated, and the core's figures written with their scale
// (« 12,5/20 », « 78 % », « +3,5 points »), as the core's
// EvaluationScale::show and show_gain write them in the PDF dossier.
import type { ActionKindChoice } from '../../api/generated/ActionKindChoice';
import type { EvaluationScale } from '../../api/generated/EvaluationScale';
import type { Mean } from '../../api/generated/Mean';
import { NBSP, NNBSP, formatDecimal } from '../../format';
import { t } from '../../i18n';

/** Whether a kind's participants are evaluated before and after (the core's
 * ActionKind::is_evaluated, sent as `evaluated` in the reference data). */
export function isEvaluated(kind: string | null | undefined, kinds: readonly ActionKindChoice[]): boolean {
  return kind != null && kinds.some((k) => k.code === kind && k.evaluated);
}

/** One decimal at most, none when round: 12.5 → « 12,5 », 12 → « 12 », 1240 → « 1 240 ». */
export function shortNumber(value: number): string {
  const text = formatDecimal(value, 1);
  return text.endsWith(',0') ? text.slice(0, -2) : text;
}

/** A score on its scale: « 12,5/20 », « 7/10 », « 78 % ». */
export function formatScoreOn(scale: EvaluationScale, value: number): string {
  const number = shortNumber(value);
  switch (scale) {
    case 'out_of_20':
      return `${number}/20`;
    case 'out_of_10':
      return `${number}/10`;
    case 'percent':
      return `${number}${NNBSP}%`;
  }
}

/** A difference of scores: « +3,5 points », « −10 points », « +1,5 point », « 0 point » (plural from 2). */
export function formatGain(gain: number): string {
  // Sign and plural follow the printed (rounded) value, as the core's show_gain.
  const rounded = Math.round(gain * 10) / 10;
  const number = shortNumber(Math.abs(rounded));
  const sign = number === '0' ? '' : rounded > 0 ? '+' : '\u2212';
  return `${sign}${number}${NBSP}${Math.abs(rounded) >= 2 ? t('evaluation.points') : t('evaluation.point')}`;
}

/** A mean as the figures show it; « non calculable » over nobody. */
export function formatMean(scale: EvaluationScale, mean: Mean, kind: 'score' | 'gain' = 'score'): string {
  if (mean.value == null) return t('evaluation.notComputable');
  return kind === 'gain' ? formatGain(mean.value) : formatScoreOn(scale, mean.value);
}

/** A stored score typed back into its input, without losing a decimal: 14.25 → « 14,25 ». */
export function typedScore(value: number | null | undefined): string {
  return value == null ? '' : String(value).replace('.', ',');
}
