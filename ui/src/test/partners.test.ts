// The partner page: agreements added, refused and deleted; actions it took part in.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import PartnersPage from '../lib/features/partners/PartnersPage.svelte';
import type { PartnerDetail } from '../lib/api/generated/PartnerDetail';
import { find, partners, renderWithApp, validationError } from './fixtures';

function detail(agreements: PartnerDetail['agreements']): PartnerDetail {
  const { agreementCount: _a, coOrganisedCount: _c, lastActionDate: _l, ...partner } = partners[0];
  return {
    partner,
    agreements,
    actions: [{ id: 9, kind: 'job_dating', title: 'Forum de l’alternance', startDate: '2025-11-18', indicator14: false, indicator29: true, cohortLabels: [], invited: 18, present: 15 }],
  };
}

describe('partner page', () => {
  it('shows its agreements and actions, adds an agreement and deletes one after confirmation', async () => {
    let agreements: PartnerDetail['agreements'] = [{ id: 4, partnerId: 1, title: 'Convention de partenariat 2025', signedOn: '2025-09-10', validUntil: null }];
    const { calls } = renderWithApp(PartnersPage, {}, (cmd, args) => {
      switch (cmd) {
        case 'list_partners':
          return partners;
        case 'get_partner':
          return detail(agreements);
        case 'save_agreement': {
          const input = args.input as { title: string; signedOn: string };
          if (input.signedOn === '31/02/2025') throw validationError({ signedOn: 'Le 31/02/2025 n’existe pas.' });
          agreements = [...agreements, { id: 5, partnerId: 1, title: input.title, signedOn: '2025-10-01', validUntil: null }];
          return agreements[1];
        }
        case 'get_deletion_impact':
          return { allowed: true, message: 'Supprimer la convention « Convention de partenariat 2025 » ?' };
        case 'delete_record':
          agreements = agreements.filter((a) => a.id !== (args.id as number));
          return null;
        default:
          return null;
      }
    });
    await fireEvent.click(await find('tr[data-id="1"]'));
    await waitFor(() => expect(document.querySelector('#field-name')).not.toBeNull());
    expect(document.querySelector<HTMLInputElement>('#field-name')!.value).toBe('Mission locale de Lyon');
    expect(document.body.textContent).toContain('Convention de partenariat 2025');
    expect(document.body.textContent).toContain('10/09/2025');
    expect(document.body.textContent).toContain('Forum de l’alternance');

    await fireEvent.click(document.querySelector('[data-action="new-agreement"]')!);
    await fireEvent.input(document.querySelector('#field-title')!, { target: { value: 'Avenant 2026' } });
    await fireEvent.input(document.querySelector('#field-signedOn')!, { target: { value: '31/02/2025' } });
    await fireEvent.click(document.querySelector('[data-action="save-agreement"]')!);
    await waitFor(() => expect(document.querySelector('#error-signedOn')?.textContent).toContain('n’existe pas'));
    expect(document.querySelector<HTMLInputElement>('#field-title')!.value).toBe('Avenant 2026');

    await fireEvent.input(document.querySelector('#field-signedOn')!, { target: { value: '01/10/2025' } });
    // Ctrl+S inside the small form saves the agreement, not the partner.
    await fireEvent.keyDown(document.querySelector('#field-signedOn')!, { key: 's', ctrlKey: true });
    await waitFor(() => expect(document.querySelector('tr[data-agreement-id="5"]')).not.toBeNull());
    expect(calls.some((c) => c.cmd === 'save_partner')).toBe(false);
    expect(calls.filter((c) => c.cmd === 'save_agreement').at(-1)?.args).toEqual({
      input: { id: null, partnerId: 1, title: 'Avenant 2026', signedOn: '01/10/2025', validUntil: '' },
    });

    await fireEvent.click(document.querySelector('tr[data-agreement-id="4"] [data-action="delete-agreement"]')!);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Supprimer la convention');
    await fireEvent.click(document.querySelector('[data-action="confirm"]')!);
    await waitFor(() => expect(document.querySelector('tr[data-agreement-id="4"]')).toBeNull());
    expect(calls.find((c) => c.cmd === 'delete_record')?.args).toEqual({ entity: 'agreement', id: 4 });
  });
});
