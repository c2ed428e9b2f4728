// Record forms: validation messages by field, Ctrl+S and Échap, deletion, list search.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import StaffForm from '../lib/features/staff/StaffForm.svelte';
import StaffPage from '../lib/features/staff/StaffPage.svelte';
import ApprenticeForm from '../lib/features/apprentices/ApprenticeForm.svelte';
import { axeViolations, cohorts, renderWithApp, staff, validationError } from './fixtures';

const noop = () => {};

function type(selector: string, value: string) {
  return fireEvent.input(document.querySelector<HTMLInputElement>(selector)!, { target: { value } });
}

describe('record forms', () => {
  it('show each validation message next to its field and keep what was typed', async () => {
    const { calls } = renderWithApp(StaffForm, { staff: null, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd) => {
      if (cmd === 'save_staff') throw validationError({ lastName: 'Le nom est obligatoire.', email: '« sophie@ » n’est pas une adresse e-mail.' });
      return null;
    });
    await type('#field-firstName', 'Sophie');
    await type('#field-email', 'sophie@');
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    await waitFor(() => expect(document.querySelector('#error-lastName')?.textContent).toContain('Le nom est obligatoire.'));
    expect(document.querySelector('#error-email')?.textContent).toContain('n’est pas une adresse e-mail');
    expect(document.querySelector<HTMLInputElement>('#field-firstName')!.value).toBe('Sophie');
    expect(document.querySelector<HTMLInputElement>('#field-email')!.value).toBe('sophie@');
    expect(document.querySelector('#field-lastName')!.getAttribute('aria-invalid')).toBe('true');
    expect(calls.find((c) => c.cmd === 'save_staff')?.args).toEqual({
      input: { id: null, firstName: 'Sophie', lastName: '', role: 'referent', email: 'sophie@', phone: '' },
    });
    expect(document.querySelector('.toast-success')).toBeNull();
  });

  it('save with Ctrl+S, confirm with a toast and then update the same record', async () => {
    const saved: number[] = [];
    const { calls, store } = renderWithApp(StaffForm, { staff: null, onsaved: (id: number) => saved.push(id), onclose: noop, ondeleted: noop }, (cmd, args) => {
      if (cmd === 'save_staff') return { ...(args.input as object), id: 42, email: null, phone: null };
      return null;
    });
    await type('#field-firstName', 'Marc');
    await type('#field-lastName', 'Durand');
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(saved).toEqual([42]));
    expect(store.toasts.items.map((t) => t.kind)).toEqual(['success']);
    await type('#field-phone', '0472000000');
    await fireEvent.keyDown(window, { key: 's', ctrlKey: true });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'save_staff')).toHaveLength(2));
    expect((calls.filter((c) => c.cmd === 'save_staff')[1].args.input as { id: number }).id).toBe(42);
  });

  it('ask before closing with Échap when something changed', async () => {
    let closed = 0;
    renderWithApp(StaffForm, { staff: null, onsaved: noop, onclose: () => closed++, ondeleted: noop });
    await type('#field-firstName', 'Marc');
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(closed).toBe(0);
    expect(screen.getByRole('alertdialog').textContent).toContain('Quitter quand même');
    await fireEvent.click(screen.getByRole('button', { name: 'Quitter sans enregistrer' }));
    expect(closed).toBe(1);
  });

  it('fill an edited apprentice with dates as dd/mm/yyyy and pass the a11y check', async () => {
    const { container } = renderWithApp(ApprenticeForm, {
      apprentice: {
        id: 5,
        cohortId: 2,
        firstName: 'Léa',
        lastName: 'Martin',
        birthDate: '2005-03-09',
        email: null,
        phone: null,
        employer: 'Boulangerie Dupain', employerSiret: null,
        contractStart: '2025-09-01',
        contractEnd: null,
        status: 'in_training',
        exitDate: null,
        referentId: 1,
      },
      cohorts,
      staff,
      onsaved: noop,
      onclose: noop,
      ondeleted: noop,
    }, (cmd) => (cmd === 'get_referent_history' ? [] : null));
    expect(document.querySelector<HTMLInputElement>('#field-birthDate')!.value).toBe('09/03/2005');
    expect(document.querySelector<HTMLInputElement>('#field-contractStart')!.value).toBe('01/09/2025');
    expect(document.querySelector<HTMLInputElement>('#field-contractEnd')!.placeholder).toBe('jj/mm/aaaa');
    expect(document.querySelector<HTMLSelectElement>('#field-cohortId')!.selectedOptions[0].textContent).toBe('BTS MCO 2025-2027');
    expect(document.querySelector<HTMLSelectElement>('#field-referentId')!.selectedOptions[0].textContent).toContain('Lefèvre');
    expect(container.ownerDocument.body.textContent).toContain('RGPD');
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('ask the exit date once a reason is chosen, and show the core’s message on it', async () => {
    const apprentice = {
      id: 6, cohortId: 1, firstName: 'Hugo', lastName: 'Petit', birthDate: null, email: null, phone: null, employer: null, employerSiret: null,
      contractStart: '2024-09-02', contractEnd: '2026-06-30', status: 'graduated' as const, exitDate: '2026-07-03', referentId: null,
    };
    const { calls } = renderWithApp(ApprenticeForm, { apprentice, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd) => {
      if (cmd === 'save_apprentice') throw validationError({ exitDate: 'La date de sortie est obligatoire quand un motif de sortie est choisi.' });
      if (cmd === 'get_referent_history') return [];
      return null;
    });
    expect(screen.getByRole('heading', { name: 'Sortie du CFA' })).toBeTruthy();
    expect(document.querySelector('label[for="field-status"]')!.textContent).toContain('Statut / motif de sortie');
    expect(document.querySelector<HTMLInputElement>('#field-exitDate')!.value).toBe('03/07/2026');
    expect(document.body.textContent).toContain('Distincte de la fin du contrat');

    await fireEvent.change(document.querySelector('#field-status')!, { target: { value: 'in_training' } });
    expect(document.querySelector('#field-exitDate')).toBeNull();
    await fireEvent.change(document.querySelector('#field-status')!, { target: { value: 'graduated' } });
    await type('#field-exitDate', '');
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(document.querySelector('#error-exitDate')?.textContent).toContain('La date de sortie est obligatoire'));
    expect(document.querySelector('#field-exitDate')!.getAttribute('aria-describedby')).toBe('error-exitDate');
    expect((calls.find((c) => c.cmd === 'save_apprentice')?.args.input as { status: string; exitDate: string })).toMatchObject({ status: 'graduated', exitDate: '' });
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('date picker in a form', () => {
  it('closes its calendar on Échap without closing the form', async () => {
    let closed = 0;
    renderWithApp(ApprenticeForm, { apprentice: null, cohorts, staff, onsaved: noop, onclose: () => closed++, ondeleted: noop });
    await fireEvent.click(document.querySelector('[data-date-picker="birthDate"]')!);
    const popover = await waitFor(() => document.querySelector<HTMLElement>('[data-popover-content]')!);
    const day = popover.querySelector<HTMLElement>('[data-bits-day]:not([data-outside-month])')!;
    day.focus();
    await fireEvent.keyDown(day, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('[data-popover-content]')).toBeNull());
    expect(closed).toBe(0);
    expect(document.querySelector('#field-birthDate')).not.toBeNull();
    // Échap again, from the form, closes it (nothing was changed).
    await fireEvent.keyDown(document.querySelector('#field-birthDate')!, { key: 'Escape' });
    expect(closed).toBe(1);
  });
});

describe('deleting', () => {
  it('shows what the core says goes with the record, and deletes only on confirm', async () => {
    let deleted = 0;
    const { calls } = renderWithApp(StaffForm, { staff: staff[0], onsaved: noop, onclose: noop, ondeleted: () => deleted++ }, (cmd) => {
      if (cmd === 'get_deletion_impact') return { allowed: true, message: 'Supprimer Sophie Lefèvre et ses 3 interventions ?' };
      return null;
    });
    await fireEvent.click(document.querySelector('[data-action="delete"]')!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Supprimer Sophie Lefèvre et ses 3 interventions ?');
    expect(calls.find((c) => c.cmd === 'get_deletion_impact')?.args).toEqual({ entity: 'staff', id: 1 });
    expect(calls.some((c) => c.cmd === 'delete_record')).toBe(false);
    await fireEvent.click(document.querySelector('[data-action="confirm"]')!);
    await waitFor(() => expect(deleted).toBe(1));
    expect(calls.find((c) => c.cmd === 'delete_record')?.args).toEqual({ entity: 'staff', id: 1 });
  });

  it('explains a refusal and offers no delete button', async () => {
    const { calls } = renderWithApp(StaffForm, { staff: staff[0], onsaved: noop, onclose: noop, ondeleted: noop }, (cmd) => {
      if (cmd === 'get_deletion_impact') return { allowed: false, message: 'Sophie Lefèvre est référente de 12 apprentis : changez leur référent d’abord.' };
      return null;
    });
    await fireEvent.click(document.querySelector('[data-action="delete"]')!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('changez leur référent');
    expect(document.querySelector('[data-action="confirm"]')).toBeNull();
    expect(calls.some((c) => c.cmd === 'delete_record')).toBe(false);
  });
});

describe('lists', () => {
  it('filter as you type ignoring accents, count what is shown and open a row', async () => {
    renderWithApp(StaffPage, {}, (cmd) => (cmd === 'list_staff' ? staff : null));
    await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3 personnes'));
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'lefevre' } });
    expect(screen.getByTestId('count').textContent).toBe('1 personne');
    expect([...document.querySelectorAll('tbody tr[data-id]')].map((tr) => tr.getAttribute('data-id'))).toEqual(['1']);
    await fireEvent.input(screen.getByTestId('search'), { target: { value: 'ELOISE' } });
    expect([...document.querySelectorAll('tbody tr[data-id]')].map((tr) => tr.getAttribute('data-id'))).toEqual(['3']);
    await fireEvent.click(document.querySelector('tr[data-id="3"]')!);
    expect(document.querySelector<HTMLInputElement>('#field-firstName')!.value).toBe('Éloïse');
  });

  it('explain an empty list and offer the next step', async () => {
    renderWithApp(StaffPage, {}, () => []);
    expect(await screen.findByText('Personne dans l’équipe pour le moment.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Ajouter une personne' }));
    expect(document.querySelector('#field-firstName')).not.toBeNull();
  });
});
