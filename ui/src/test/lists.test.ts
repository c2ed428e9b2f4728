// List screens: filters sent to the core, the school year followed, empty states.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import ApprenticesPage from '../lib/features/apprentices/ApprenticesPage.svelte';
import ActionsPage from '../lib/features/actions/ActionsPage.svelte';
import type { ActionRow } from '../lib/api/generated/ActionRow';
import type { ApprenticeRow } from '../lib/api/generated/ApprenticeRow';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import { cohorts, find, renderWithApp, staff } from './fixtures';

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: null, rncpCode: null, level: 5, cohortCount: 2, apprenticeCount: 3 },
  { id: 2, code: 'CAP CUIS', name: 'Cuisine', diplomaCode: null, rncpCode: null, level: 3, cohortCount: 0, apprenticeCount: 0 },
];

function apprentice(id: number, lastName: string, cohortId: number, exit: Partial<Pick<ApprenticeRow, 'status' | 'exitDate'>> = {}): ApprenticeRow {
  const cohort = cohorts.find((c) => c.id === cohortId)!;
  return {
    id, cohortId, lastName, firstName: 'Léa', cohortLabel: cohort.label, programmeId: cohort.programmeId, programmeCode: cohort.programmeCode,
    referentName: null, birthDate: null, email: null, phone: null, employer: null, employerSiret: null, contractStart: null, contractEnd: null, status: 'in_training', exitDate: null, referentId: null,
    ...exit,
  };
}

function action(id: number, title: string, kind: ActionRow['kind'], i14: boolean, i29: boolean): ActionRow {
  return { id, kind, title, startDate: `2025-10-${String(id).padStart(2, '0')}`, indicator14: i14, indicator29: i29, cohortLabels: ['BTS MCO 2024-2026'], invited: 18, present: 15 };
}

describe('apprentices list', () => {
  it('asks the core for the chosen filière and promo', async () => {
    const { calls } = renderWithApp(ApprenticesPage, {}, (cmd) => {
      if (cmd === 'list_programmes') return programmes;
      if (cmd === 'list_cohorts') return cohorts;
      if (cmd === 'list_staff') return staff;
      if (cmd === 'list_apprentices') return [apprentice(1, 'Lefèvre', 1), apprentice(2, 'Petit', 2, { status: 'graduated', exitDate: '2026-06-30' })];
      return null;
    });
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('2 apprentis'));
    // « Sortie »: the exit date, empty while in training.
    const exitColumn = [...document.querySelectorAll('thead th')].findIndex((th) => th.textContent?.includes('Sortie'));
    expect(exitColumn).toBeGreaterThan(0);
    const exitCell = (id: number) => document.querySelectorAll(`tr[data-id="${id}"] td`)[exitColumn]?.textContent?.trim();
    expect(exitCell(2)).toBe('30/06/2026');
    expect(exitCell(1)).toBe('');
    await fireEvent.change(await find('#filter-programme'), { target: { value: '1' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'list_apprentices').at(-1)?.args).toEqual({ filter: { programmeId: 1, cohortId: null } }));
    await fireEvent.change(await find('#filter-cohort'), { target: { value: '2' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'list_apprentices').at(-1)?.args).toEqual({ filter: { programmeId: 1, cohortId: 2 } }));
  });
});

describe('actions list', () => {
  it('follows the school year and filters by indicator and kind', async () => {
    const rows = [action(1, 'Atelier CV', 'cv_workshop', true, true), action(2, 'Forum', 'job_dating', false, true), action(3, 'Tutorat', 'mentoring', true, false)];
    const { calls, store } = renderWithApp(ActionsPage, {}, (cmd) => (cmd === 'list_actions' ? rows : []));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3 actions'));
    expect(calls.find((c) => c.cmd === 'list_actions')?.args).toEqual({ filter: { schoolYear: '2025-2026', programmeId: null, partnerId: null } });
    // Newest first by default.
    expect([...document.querySelectorAll('tbody tr[data-id]')].map((tr) => tr.getAttribute('data-id'))).toEqual(['3', '2', '1']);

    await fireEvent.change(await find('#filter-indicator'), { target: { value: '14' } });
    expect(screen.getByTestId('count').textContent).toBe('2 actions');
    await fireEvent.change(await find('#filter-kind'), { target: { value: 'mentoring' } });
    expect(screen.getByTestId('count').textContent).toBe('1 action');

    store.schoolYear = '2024-2025';
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'list_actions').at(-1)?.args).toEqual({ filter: { schoolYear: '2024-2025', programmeId: null, partnerId: null } }));
  });

  it('says there is no action for the year and offers to create one', async () => {
    renderWithApp(ActionsPage, {}, () => []);
    expect(await screen.findByText('Aucune action pour 2025-2026.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Créer une action' }));
    expect(document.querySelector('#field-kind')).not.toBeNull();
  });
});
