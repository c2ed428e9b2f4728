// The evaluation's figures written with their scale, as the core writes them.
import { describe, expect, it } from 'vitest';
import { formatGain, formatMean, formatScoreOn, isEvaluated, shortNumber, typedScore } from './scores';

describe('evaluation scores', () => {
  it('takes the evaluated kinds from the reference data', () => {
    const kinds = [
      { code: 'learning_support', label: 'Soutien', indicator14: true, indicator29: false, evaluated: true },
      { code: 'job_dating', label: 'Job dating', indicator14: false, indicator29: true, evaluated: false },
    ] as const;
    expect(isEvaluated('learning_support', kinds)).toBe(true);
    expect(isEvaluated('job_dating', kinds)).toBe(false);
    expect(isEvaluated('soft_skills', kinds)).toBe(false);
    expect(isEvaluated('', kinds)).toBe(false);
    expect(isEvaluated(null, kinds)).toBe(false);
  });

  it('writes one decimal at most, with a comma and grouped thousands', () => {
    expect(shortNumber(12.5)).toBe('12,5');
    expect(shortNumber(12)).toBe('12');
    expect(shortNumber(12.04)).toBe('12');
    expect(shortNumber(13.333)).toBe('13,3');
    expect(shortNumber(1240)).toBe('1\u202f240');
  });

  it('writes a score on its scale', () => {
    expect(formatScoreOn('out_of_20', 12.5)).toBe('12,5/20');
    expect(formatScoreOn('out_of_10', 7)).toBe('7/10');
    expect(formatScoreOn('percent', 78)).toBe('78\u202f%');
    expect(formatScoreOn('percent', 77.777)).toBe('77,8\u202f%');
  });

  it('writes a progression with its sign and « point » singular under 2', () => {
    expect(formatGain(3.5)).toBe('+3,5\u00a0points');
    expect(formatGain(-10)).toBe('\u221210\u00a0points');
    expect(formatGain(1.5)).toBe('+1,5\u00a0point');
    expect(formatGain(0)).toBe('0\u00a0point');
    expect(formatGain(-0.01)).toBe('0\u00a0point');
    // The plural follows the printed value, as in the PDF.
    expect(formatGain(1.96)).toBe('+2\u00a0points');
  });

  it('writes a mean, « non calculable » over nobody', () => {
    expect(formatMean('out_of_20', { value: 12.5, count: 12 })).toBe('12,5/20');
    expect(formatMean('percent', { value: 3.5, count: 12 }, 'gain')).toBe('+3,5\u00a0points');
    expect(formatMean('out_of_20', { value: null, count: 0 })).toBe('non calculable');
  });

  it('types a stored score back with a comma, keeping its decimals', () => {
    expect(typedScore(14.25)).toBe('14,25');
    expect(typedScore(9)).toBe('9');
    expect(typedScore(null)).toBe('');
  });
});
