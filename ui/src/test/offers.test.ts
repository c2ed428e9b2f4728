// Relayed offers: the fast-entry bar keeps the batch's day, source and
// filières and clears the title; the counts per month and filière; the
// core's message next to its field.
import { describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/svelte';
import OffersPage from '../lib/features/offers/OffersPage.svelte';
import { nextOffer, emptyOffer } from '../lib/features/offers/entry';
import type { OfferList } from '../lib/api/generated/OfferList';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import { axeViolations, partners, renderWithApp, validationError } from './fixtures';

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: null, rncpCode: null, level: 5, cohortCount: 2, apprenticeCount: 3 },
  { id: 2, code: 'CAP CUIS', name: 'Cuisine', diplomaCode: null, rncpCode: null, level: 3, cohortCount: 1, apprenticeCount: 2 },
];

const months = ['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08'];

function list(rows: number): OfferList {
  return {
    rows: Array.from({ length: rows }, (_, i) => ({
      id: i + 1,
      offeredOn: '2025-10-06',
      partnerId: 1,
      source: null,
      title: `Offre ${i + 1}`,
      contract: 'cdi',
      channel: 'ent',
      programmeIds: [1],
      comment: null,
      sourceLabel: 'Mission locale de Lyon',
      programmeCodes: ['BTS MCO'],
    })),
    byMonth: months.map((key) => ({ key, label: key, count: key === '2025-10' ? rows : 0 })),
    byProgramme: rows ? [{ key: 'BTS MCO', label: 'BTS MCO', count: rows }] : [],
  };
}

function type(selector: string, value: string) {
  return fireEvent.input(document.querySelector<HTMLInputElement>(selector)!, { target: { value } });
}

describe('relayed offers', () => {
  it('keep everything but the title and the comment for the next entry', () => {
    const first = { ...emptyOffer('02/12/2026', [1]), partnerId: 3, title: 'Vendeur', comment: 'Urgent', channel: 'ent' };
    const next = nextOffer(first);
    expect(next).toEqual({ ...first, title: '', comment: '' });
    next.programmeIds.push(2);
    expect(first.programmeIds).toEqual([1]);
  });

  it('save one offer with Entrée, keep the day and the source, and count it', async () => {
    let rows = 2;
    const { calls } = renderWithApp(OffersPage, {}, (cmd, args) => {
      if (cmd === 'list_partners') return partners;
      if (cmd === 'list_programmes') return programmes;
      if (cmd === 'list_offers') return list(rows);
      if (cmd === 'save_relayed_offer') {
        rows += 1;
        return { ...(args.input as object), id: 99, source: 'Indeed', comment: null, offeredOn: '2026-12-02' };
      }
      return null;
    });
    await waitFor(() => expect(document.querySelector('[data-testid="count"]')?.textContent).toBe('2 offres'));
    expect(document.querySelector('[data-testid="offers-by-month"]')?.textContent).toContain('2');
    expect(document.querySelectorAll('[data-testid="offers-by-month"] li')).toHaveLength(12);
    await type('#field-offeredOn', '02/12/2026');
    await type('#field-source', 'Indeed');
    await type('#field-title', 'Vendeur conseil');
    await fireEvent.click(document.querySelector('#field-programmeIds input[value="1"]')!);
    await fireEvent.submit(document.querySelector('[data-testid="offer-entry"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_relayed_offer')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_relayed_offer')?.args).toEqual({
      input: { id: null, offeredOn: '02/12/2026', partnerId: null, source: 'Indeed', title: 'Vendeur conseil', contract: 'apprenticeship', channel: 'email', programmeIds: [1], comment: '' },
    });
    await waitFor(() => expect(document.querySelector('[data-testid="count"]')?.textContent).toBe('3 offres'));
    expect(document.querySelector<HTMLInputElement>('#field-title')!.value).toBe('');
    expect(document.querySelector<HTMLInputElement>('#field-offeredOn')!.value).toBe('02/12/2026');
    expect(document.querySelector<HTMLInputElement>('#field-source')!.value).toBe('Indeed');
    expect(document.querySelector<HTMLInputElement>('#field-programmeIds input[value="1"]')!.checked).toBe(true);
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('show the core’s message next to its field and keep what was typed', async () => {
    renderWithApp(OffersPage, {}, (cmd) => {
      if (cmd === 'list_partners') return partners;
      if (cmd === 'list_programmes') return programmes;
      if (cmd === 'list_offers') return list(0);
      if (cmd === 'save_relayed_offer') throw validationError({ source: 'D’où vient l’offre ? Choisissez un partenaire ou écrivez la source.', programmeIds: 'Choisissez au moins une filière.' });
      return null;
    });
    await waitFor(() => expect(document.querySelector('#field-title')).not.toBeNull());
    await type('#field-title', 'Commis de cuisine');
    await fireEvent.submit(document.querySelector('[data-testid="offer-entry"]')!);
    await waitFor(() => expect(document.querySelector('#error-source')?.textContent).toContain('D’où vient l’offre'));
    expect(document.querySelector<HTMLInputElement>('#field-title')!.value).toBe('Commis de cuisine');
  });
});
