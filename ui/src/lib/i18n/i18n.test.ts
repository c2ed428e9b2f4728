// The catalogues: same keys and placeholders, French typography, plurals.
import { describe, expect, it } from 'vitest';
import { fr } from './fr';
import { en } from './en';
import { setLocale, t, tn } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in French and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });

  it('have no empty message and the same placeholders in both languages', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(en[key as keyof typeof fr]), key).toEqual(placeholders(text));
    }
  });

  it('follow French typography: no ordinary space before ; : ! ? % » or after «', () => {
    for (const [key, text] of Object.entries(fr)) {
      expect(text, key).not.toMatch(/ [;:!?%»]/);
      expect(text, key).not.toMatch(/« /);
      expect(text, key).not.toMatch(/[^\s\u00a0\u202f\d(][;!?%]|\w:\s/);
    }
  });

  it('fill placeholders and choose singular for 0 and 1', () => {
    expect(t('dashboard.subtitle', { year: '2025-2026' })).toBe('Année scolaire 2025-2026');
    expect(tn('apprentices.count', 1)).toBe('1 apprenti');
    expect(tn('apprentices.count', 0)).toBe('0 apprenti');
    expect(tn('apprentices.count', 124)).toBe('124 apprentis');
    expect(tn('apprentices.count', 5000)).toBe('5\u202f000 apprentis');
  });

  it('switch to English', () => {
    setLocale('en');
    try {
      expect(tn('apprentices.count', 2)).toBe('2 apprentices');
    } finally {
      setLocale('fr');
    }
  });
});
