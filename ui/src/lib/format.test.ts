// French formats, with the same examples as the core's src/format.rs.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDecimal, formatDuration, formatEuros, formatFraction, formatInteger, formatPercent, formatScore, formatTime, quote } from './format';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('French formats', () => {
  it('shows ISO dates as dd/mm/yyyy and leaves empty ones empty', () => {
    expect(formatDate('2026-01-05')).toBe('05/01/2026');
    expect(formatDate('2025-09-15T00:00:00')).toBe('15/09/2025');
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
  });

  it('shows times as « 14 h 30 » and whole hours as « 9 h », like the core', () => {
    expect(formatTime('14:30:00')).toBe(`14${NBSP}h${NBSP}30`);
    expect(formatTime('09:00:00')).toBe(`9${NBSP}h`);
    expect(formatTime('08:05')).toBe(`8${NBSP}h${NBSP}05`);
    expect(formatTime(null)).toBe('');
  });

  it('shows durations in hours and minutes the core reads back', () => {
    expect(formatDuration(150)).toBe(`2${NBSP}h${NBSP}30`);
    expect(formatDuration(45)).toBe(`45${NBSP}min`);
    expect(formatDuration(180)).toBe(`3${NBSP}h`);
    expect(formatDuration(null)).toBe('');
  });

  it('uses a decimal comma and groups thousands with a fine space', () => {
    expect(formatDecimal(72.666, 1)).toBe('72,7');
    expect(formatDecimal(4, 1)).toBe('4,0');
    expect(formatInteger(12345)).toBe(`12${NNBSP}345`);
    expect(formatDecimal(-0.04, 1)).toBe('0,0');
    expect(formatDecimal(-2.5, 1)).toBe('-2,5');
  });

  it('writes scores back the way people type them', () => {
    expect(formatScore(4.2)).toBe('4,2');
    expect(formatScore(4)).toBe('4');
    expect(formatScore(null)).toBe('');
  });

  it('writes rates with a fine space before % and never divides by zero', () => {
    expect(formatPercent(15, 18)).toBe(`83,3${NNBSP}%`);
    expect(formatPercent(16, 22)).toBe(`72,7${NNBSP}%`);
    expect(formatPercent(0, 0)).toBe('non calculable');
    expect(formatFraction(15, 18)).toBe("15 / 18");
    expect(formatFraction(1500, 2000)).toBe(`1${NNBSP}500 / 2${NNBSP}000`);
  });

  it('puts € after the amount and spaces inside guillemets', () => {
    expect(formatEuros(1234.5)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(quote('Tremplin')).toBe(`«${NBSP}Tremplin${NBSP}»`);
  });
});
