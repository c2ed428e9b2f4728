// Filières & promos: a filière shows its promos; a new promo starts in that filière.
import { describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/svelte';
import ProgrammesPage from '../lib/features/programmes/ProgrammesPage.svelte';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import { cohorts, find, renderWithApp } from './fixtures';

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: '32031213', rncpCode: 'RNCP38362', level: 5, cohortCount: 2, apprenticeCount: 3 },
];

describe('filières & promos', () => {
  it('shows a filière with its promos and opens a new promo already in that filière', async () => {
    const { calls } = renderWithApp(ProgrammesPage, {}, (cmd, args) => {
      if (cmd === 'list_programmes') return programmes;
      if (cmd === 'list_cohorts') return cohorts;
      if (cmd === 'save_cohort') return { ...(args.input as object), id: 3, startDate: '2026-09-01', endDate: '2028-06-30' };
      return null;
    });
    await fireEvent.click(await find('tr[data-id="1"]'));
    expect((await find<HTMLInputElement>('#field-code')).value).toBe('BTS MCO');
    expect(document.querySelector<HTMLSelectElement>('#field-level')!.value).toBe('5');
    expect(document.querySelectorAll('tr[data-cohort-id]')).toHaveLength(2);

    await fireEvent.click(document.querySelector('[data-action="new-cohort"]')!);
    const programme = await find<HTMLSelectElement>('#field-programmeId');
    expect(programme.selectedOptions[0].textContent).toContain('BTS MCO');
    await fireEvent.input(document.querySelector('#field-label')!, { target: { value: 'BTS MCO 2026-2028' } });
    await fireEvent.input(document.querySelector('#field-startDate')!, { target: { value: '01/09/2026' } });
    await fireEvent.input(document.querySelector('#field-endDate')!, { target: { value: '30/06/2028' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() =>
      expect(calls.find((c) => c.cmd === 'save_cohort')?.args).toEqual({
        input: { id: null, programmeId: 1, label: 'BTS MCO 2026-2028', startDate: '01/09/2026', endDate: '30/06/2028' },
      }),
    );
  });
});
