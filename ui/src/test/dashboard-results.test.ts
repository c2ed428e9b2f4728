// The dashboard's indicator-29 results: each rate with its numerator and
// denominator, « non calculable » as the core says it, who is counted on a click.
import { describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/svelte';
import ResultsTable from '../lib/features/dashboard/ResultsTable.svelte';
import type { Figure } from '../lib/api/generated/Figure';
import type { ProgrammeResults } from '../lib/api/generated/ProgrammeResults';
import type { TimepointResults } from '../lib/api/generated/TimepointResults';
import { axeViolations, renderWithApp } from './fixtures';

function figure(key: string, numeratorIds: number[], denominatorIds: number[], display: string): Figure {
  return {
    key,
    label: key,
    numerator: numeratorIds.length,
    denominator: denominatorIds.length,
    percent: denominatorIds.length ? (numeratorIds.length * 100) / denominatorIds.length : null,
    display,
    method: `Méthode de ${key}.`,
    numeratorIds,
    denominatorIds,
  };
}

const headcount = (ids: number[]) => ({ count: ids.length, ids });

function at(timepoint: 'm6' | 'm12'): TimepointResults {
  return {
    timepoint,
    leavers: headcount([1, 2, 3]),
    notYetDue: headcount([]),
    respondents: headcount([1, 2]),
    unreachable: headcount([3]),
    unanswered: headcount([]),
    responseRate: figure('response_rate', [1, 2], [1, 2, 3], '66,7\u202f%'),
    neutralised: headcount([2]),
    insertion: figure('insertion', [1], [1], '100,0\u202f%'),
    targetJob: figure('target_job', [], [1], '0,0\u202f%'),
    furtherStudies: figure('further_studies', [2], [1, 2], '50,0\u202f%'),
    furtherStudiesByRoute: [],
    furtherStudiesByType: [],
  };
}

const results: ProgrammeResults = {
  programmeId: 1,
  programmeCode: 'BTS MCO',
  programmeName: 'Management commercial opérationnel',
  schoolYear: '2024-2025',
  asOf: '2026-12-02',
  scope: 'Sortants 2024-2025.',
  total: { cohortId: null, label: 'BTS MCO', accompanied: figure('accompanied', [], [], 'non calculable'), timepoints: [at('m6'), at('m12')] },
  cohorts: [],
  people: [
    { id: 1, firstName: 'Léa', lastName: 'Martin', cohortLabel: 'Promo 2023-2025' },
    { id: 2, firstName: 'Hugo', lastName: 'Petit', cohortLabel: 'Promo 2023-2025' },
    { id: 3, firstName: 'Inès', lastName: 'Roux', cohortLabel: 'Promo 2023-2025' },
  ],
};

describe('dashboard results', () => {
  it('show each rate with its fraction, « non calculable » as is, and who is counted on a click', async () => {
    renderWithApp(ResultsTable, { title: 'Résultats', scope: 'Sortants 2024-2025.', results: [results], testid: 'results-previous' }, () => null);
    const row = document.querySelector('[data-testid="results-previous"] tr[data-programme="BTS MCO"]')!;
    const response = row.querySelector('[data-figure="response_rate"][data-timepoint="m6"]')!;
    expect(response.textContent).toContain('66,7\u202f%');
    expect(response.textContent).toContain('2 / 3');
    expect(row.querySelector('[data-figure="accompanied"]')!.textContent).toContain('non calculable');
    expect(row.querySelector('[data-figure="leavers"]')!.textContent?.trim()).toBe('3');
    await fireEvent.click(response.querySelector('button')!);
    const dialog = await waitFor(() => {
      const d = document.querySelector('[data-testid="figure-people"]');
      if (!d) throw new Error('no dialog');
      return d;
    });
    expect(dialog.textContent).toContain('Méthode de response_rate.');
    const numerator = dialog.querySelector('[data-list="numerator"]')!.textContent!;
    const denominator = dialog.querySelector('[data-list="denominator"]')!.textContent!;
    expect(numerator).toContain('Léa Martin');
    expect(numerator).not.toContain('Inès Roux');
    expect(denominator).toContain('Inès Roux');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
