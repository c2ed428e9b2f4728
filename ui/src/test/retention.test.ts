// « Conservation des données (RGPD) »: each rule with its period and effect,
// what it would do today record by record, a period refused next to its
// field, and the rules applied only after a question.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import RetentionSection from '../lib/features/data/RetentionSection.svelte';
import type { RetentionPlan } from '../lib/api/generated/RetentionPlan';
import { find, renderWithApp, validationError } from './fixtures';

describe('retention rules', () => {
  it('lists what they would do, then applies after the question', async () => {
    let plan: RetentionPlan = {
      asOf: '2026-12-02',
      rules: [
        { kind: 'left_apprentices', months: 60, defaultMonths: 60, effect: 'Après la sortie : nom remplacé.' },
        { kind: 'follow_up_notes', months: 24, defaultMonths: 36, effect: 'Après l’entretien : constats effacés.' },
      ],
      items: [
        { kind: 'follow_up_notes', recordId: 4, label: 'Entretien du 10/01/2022 — Léa Martin', since: '2022-01-10' },
        { kind: 'follow_up_notes', recordId: 5, label: 'Entretien du 12/02/2022 — Noé Petit', since: '2022-02-12' },
      ],
    };
    const { calls } = renderWithApp(RetentionSection, {}, (cmd, args) => {
      switch (cmd) {
        case 'get_retention_plan':
          return plan;
        case 'set_retention':
          if ((args.months as number) < 6) throw validationError({ months: 'Choisissez une durée entre 6 et 240 mois.' });
          return { ...plan.rules[0], months: args.months };
        case 'apply_retention':
          plan = { ...plan, items: [] };
          return { asOf: '2026-12-02', changed: [['left_apprentices', 0], ['follow_up_notes', 2]], filesRemoved: 0 };
        default:
          return null;
      }
    });
    const notes = await find('[data-rule="follow_up_notes"]');
    expect(notes.textContent).toContain('2 fiches concernées aujourd’hui');
    expect(notes.textContent).toContain('Léa Martin');
    expect(notes.textContent).toContain('(par défaut\u00a0: 36 mois)');
    expect(document.querySelector('[data-rule="left_apprentices"]')!.textContent).toContain('0 fiche concernée');

    const field = document.querySelector<HTMLInputElement>('#retention-left_apprentices')!;
    await fireEvent.input(field, { target: { value: '2' } });
    await fireEvent.click(document.querySelector('[data-rule="left_apprentices"] [data-action="save-retention"]')!);
    await waitFor(() => expect(document.querySelector('#retention-error-left_apprentices')?.textContent).toContain('entre 6 et 240'));

    await fireEvent.click(document.querySelector('[data-action="apply-retention"]')!);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('irréversible');
    expect(calls.some((c) => c.cmd === 'apply_retention')).toBe(false);
    await fireEvent.click(document.querySelector('[data-action="confirm-retention"]')!);
    await waitFor(() => expect(notes.textContent).toContain('0 fiche concernée'));
    expect(calls.filter((c) => c.cmd === 'apply_retention')).toHaveLength(1);
    expect(calls.find((c) => c.cmd === 'apply_retention')?.args).toEqual({
      asOf: '2026-12-02',
      items: [
        ['follow_up_notes', 4],
        ['follow_up_notes', 5],
      ],
    });
    expect(document.querySelector<HTMLButtonElement>('[data-action="apply-retention"]')!.disabled).toBe(true);
  });
});
