// « Données personnelles (RGPD) » on an apprentice: the export names its two
// files and opens them; the erasure asks first, says what it did, then the
// record closes.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import PersonalDataSection from '../lib/features/apprentices/PersonalDataSection.svelte';
import { renderWithApp } from './fixtures';

describe('personal data of an apprentice', () => {
  it('exports, then erases only after the question', async () => {
    const onerased = vi.fn();
    const { calls, store } = renderWithApp(PersonalDataSection, { apprenticeId: 5, name: 'Léa Martin', onerased }, (cmd) => {
      switch (cmd) {
        case 'export_personal_data':
          return {
            json: { fileName: 'donnees-personnelles-5-martin-lea-2026-12-02.json', pages: 0, bytes: 4000 },
            pdf: { fileName: 'dossier-individuel-5-martin-lea-2026-12-02.pdf', pages: 3, bytes: 40000 },
          };
        case 'erase_apprentice':
          return { attendance: 12, followUps: 9, exitSurveys: 0, referentPeriods: 1, evaluationScores: 2, proofs: 2, filesRemoved: 1, backupsHolding: 14 };
        default:
          return null;
      }
    });
    await fireEvent.click(document.querySelector('[data-action="export-personal"]')!);
    await waitFor(() => expect(document.querySelector('[data-testid="personal-written"]')?.textContent).toContain('.json'));
    expect(calls.find((c) => c.cmd === 'export_personal_data')?.args).toEqual({ apprenticeId: 5 });
    await fireEvent.click(screen.getByLabelText('Ouvrir dossier-individuel-5-martin-lea-2026-12-02.pdf'));
    expect(calls.find((c) => c.cmd === 'open_export')?.args).toEqual({ fileName: 'dossier-individuel-5-martin-lea-2026-12-02.pdf' });

    await fireEvent.click(document.querySelector('[data-action="erase-personal"]')!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Effacer définitivement Léa Martin');
    expect(dialog.textContent).toContain('irréversible');
    expect(calls.some((c) => c.cmd === 'erase_apprentice')).toBe(false);
    await fireEvent.click(document.querySelector('[data-action="confirm-erase"]')!);
    await waitFor(() => expect(onerased).toHaveBeenCalled());
    expect(calls.find((c) => c.cmd === 'erase_apprentice')?.args).toEqual({ apprenticeId: 5 });
    expect(store.toasts.items.at(-1)!.message).toContain('14 sauvegarde(s) antérieure(s)');
  });
});
