// Indicator 14: one référent per apprentice, with its history — the handover
// day asked when the référent changes, the history newest first, and one
// référent given to a whole promo (or the part of it left ticked) at once.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import { getLocalTimeZone, today } from '@internationalized/date';
import ApprenticeForm from '../lib/features/apprentices/ApprenticeForm.svelte';
import ApprenticesPage from '../lib/features/apprentices/ApprenticesPage.svelte';
import { formatTypedDate } from '../lib/components/ui/field/dates';
import type { Apprentice } from '../lib/api/generated/Apprentice';
import type { ApprenticeRow } from '../lib/api/generated/ApprenticeRow';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import type { ReferentPeriod } from '../lib/api/generated/ReferentPeriod';
import { axeViolations, cohorts, find, renderWithApp, staff, validationError } from './fixtures';

const noop = () => {};
const todayTyped = () => formatTypedDate(today(getLocalTimeZone()));

const lea: Apprentice = {
  id: 5, cohortId: 1, firstName: 'Léa', lastName: 'Martin', birthDate: null, email: null, phone: null, employer: null, employerSiret: null,
  contractStart: '2024-09-02', contractEnd: '2026-06-30', status: 'in_training', exitDate: null, referentId: 1,
};

const periods: ReferentPeriod[] = [
  { id: 10, apprenticeId: 5, staffId: 4, staffName: 'Nathalie Perrot', startDate: '2024-09-02', endDate: '2026-01-05' },
  { id: 11, apprenticeId: 5, staffId: 1, staffName: 'Sophie Lefèvre', startDate: '2026-01-05', endDate: null },
];

function type(selector: string, value: string) {
  return fireEvent.input(document.querySelector<HTMLInputElement>(selector)!, { target: { value } });
}

const historyLines = () => [...document.querySelectorAll('[data-testid="referent-history"] li')].map((li) => li.textContent?.trim());

describe('an apprentice’s référent', () => {
  it('asks from which day when the référent changes, sends it, then reloads the history', async () => {
    let history = periods;
    const { calls } = renderWithApp(ApprenticeForm, { apprentice: lea, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd, args) => {
      if (cmd === 'get_referent_history') return history;
      if (cmd === 'save_apprentice') {
        const input = args.input as { referentId: number };
        history = [{ ...periods[0] }, { ...periods[1], endDate: '2026-03-02' }, { id: 12, apprenticeId: 5, staffId: 3, staffName: 'Éloïse Bernard', startDate: '2026-03-02', endDate: null }];
        return { ...lea, referentId: input.referentId };
      }
      return null;
    });
    await waitFor(() => expect(historyLines()).toHaveLength(2));
    // Unchanged: no date asked.
    expect(document.querySelector('#field-referentSince')).toBeNull();

    await fireEvent.change(document.querySelector('#field-referentId')!, { target: { value: '3' } });
    const since = await find<HTMLInputElement>('#field-referentSince');
    expect(since.value).toBe(todayTyped());
    expect(document.querySelector('label[for="field-referentSince"]')!.textContent).toContain('Relais à partir du');
    expect(document.querySelector('#hint-referentSince')!.textContent).toBe('L’historique garde le référent précédent jusqu’à cette date.');
    // Right under the référent select.
    expect(document.querySelector('#field-referentId')!.closest('.field')!.nextElementSibling!.contains(since)).toBe(true);

    await type('#field-referentSince', '02/03/2026');
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_apprentice')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_apprentice')!.args.input).toMatchObject({ id: 5, referentId: 3, referentSince: '02/03/2026' });
    await waitFor(() => expect(historyLines()[0]).toBe('Éloïse Bernard — depuis le 02/03/2026 (actuel)'));
    expect(calls.filter((c) => c.cmd === 'get_referent_history')).toHaveLength(2);
    // Saved: the new référent is the saved one, no date asked any more.
    expect(document.querySelector('#field-referentSince')).toBeNull();
  });

  it('forgets the day when the change is undone', async () => {
    const { calls } = renderWithApp(ApprenticeForm, { apprentice: lea, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd) => {
      if (cmd === 'get_referent_history') return periods;
      if (cmd === 'save_apprentice') return lea;
      return null;
    });
    await fireEvent.change(document.querySelector('#field-referentId')!, { target: { value: '3' } });
    expect(document.querySelector('#field-referentSince')).not.toBeNull();
    await fireEvent.change(document.querySelector('#field-referentId')!, { target: { value: '1' } });
    expect(document.querySelector('#field-referentSince')).toBeNull();
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_apprentice')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_apprentice')!.args.input).toMatchObject({ referentId: 1, referentSince: '' });
  });

  it('shows the core’s message on the handover day', async () => {
    const message = 'Le référent actuel suit cet(te) apprenti(e) depuis le 05/01/2026\u00a0: le relais ne peut pas être antérieur.';
    renderWithApp(ApprenticeForm, { apprentice: lea, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd) => {
      if (cmd === 'get_referent_history') return periods;
      if (cmd === 'save_apprentice') throw validationError({ referentSince: message });
      return null;
    });
    await fireEvent.change(document.querySelector('#field-referentId')!, { target: { value: '3' } });
    await type('#field-referentSince', '01/12/2025');
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(document.querySelector('#error-referentSince')?.textContent).toContain(message));
    const since = document.querySelector<HTMLInputElement>('#field-referentSince')!;
    expect(since.value).toBe('01/12/2025');
    expect(since.getAttribute('aria-invalid')).toBe('true');
    expect(since.getAttribute('aria-describedby')).toBe('error-referentSince');
    await waitFor(() => expect(document.activeElement).toBe(since));
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('lists the référents newest first, the current one marked', async () => {
    renderWithApp(ApprenticeForm, { apprentice: lea, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd, args) => {
      if (cmd === 'get_referent_history') {
        expect(args).toEqual({ apprenticeId: 5 });
        return [
          { ...periods[0], staffName: 'Nathalie Perrot' },
          { ...periods[1], staffName: 'Karim Belkacem' },
        ];
      }
      return null;
    });
    expect(screen.getByRole('heading', { name: 'Historique des référents' })).toBeTruthy();
    await waitFor(() =>
      expect(historyLines()).toEqual(['Karim Belkacem — depuis le 05/01/2026 (actuel)', 'Nathalie Perrot — du 02/09/2024 au 05/01/2026']),
    );
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('has no history for a new apprentice, and asks no handover day', async () => {
    const { calls } = renderWithApp(ApprenticeForm, { apprentice: null, cohorts, staff, onsaved: noop, onclose: noop, ondeleted: noop });
    await fireEvent.change(document.querySelector('#field-referentId')!, { target: { value: '3' } });
    expect(document.querySelector('#field-referentSince')).toBeNull();
    expect(document.querySelector('[data-testid="referent-history"]')).toBeNull();
    expect(calls.some((c) => c.cmd === 'get_referent_history')).toBe(false);
  });
});

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: null, rncpCode: null, level: 5, cohortCount: 2, apprenticeCount: 3 },
];

function row(id: number, lastName: string, firstName: string, cohortId: number, referent: number | null): ApprenticeRow {
  const cohort = cohorts.find((c) => c.id === cohortId)!;
  const person = staff.find((s) => s.id === referent);
  return {
    id, cohortId, lastName, firstName, cohortLabel: cohort.label, programmeId: cohort.programmeId, programmeCode: cohort.programmeCode,
    referentName: person ? `${person.firstName} ${person.lastName}` : null, birthDate: null, email: null, phone: null, employer: null, employerSiret: null,
    contractStart: null, contractEnd: null, status: 'in_training', exitDate: null, referentId: referent,
  };
}

/** The apprentices page over a fake core whose assign_referent really changes the rows. */
function renderPage(refuse?: Record<string, string>) {
  let rows = [row(1, 'Martin', 'Léa', 1, 1), row(2, 'Petit', 'Hugo', 1, 1), row(3, 'Durand', 'Inès', 1, null), row(4, 'Roux', 'Noé', 2, 1)];
  return renderWithApp(ApprenticesPage, {}, (cmd, args) => {
    if (cmd === 'list_programmes') return programmes;
    if (cmd === 'list_cohorts') return cohorts;
    if (cmd === 'list_staff') return staff;
    if (cmd === 'list_apprentices') {
      const filter = args.filter as { cohortId: number | null };
      return rows.filter((r) => filter.cohortId == null || r.cohortId === filter.cohortId);
    }
    if (cmd === 'assign_referent') {
      if (refuse) throw validationError(refuse);
      const input = args.input as { apprenticeIds: number[]; staffId: number };
      rows = rows.map((r) => (input.apprenticeIds.includes(r.id) ? row(r.id, r.lastName, r.firstName, r.cohortId, input.staffId) : r));
      return input.apprenticeIds.length;
    }
    return null;
  });
}

const referentCell = (id: number) => {
  const column = [...document.querySelectorAll('thead th')].findIndex((th) => th.textContent?.includes('Référent'));
  return document.querySelectorAll(`tr[data-id="${id}"] td`)[column]?.textContent?.trim();
};

async function openBulk() {
  await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('4 apprentis'));
  const button = document.querySelector<HTMLButtonElement>('[data-action="bulk-referent"]')!;
  // A whole promo: nothing to do before one is chosen.
  expect(button.disabled).toBe(true);
  // Beside « Nouveau », not among the filters (they must stay on one line).
  expect(button.closest('.list-actions')).not.toBeNull();
  await fireEvent.change(await find('#filter-cohort'), { target: { value: '1' } });
  await waitFor(() => expect(screen.getByTestId('count').textContent).toBe('3 apprentis'));
  expect(button.disabled).toBe(false);
  await fireEvent.click(button);
  return screen.getByRole('alertdialog');
}

const ticked = () => [...document.querySelectorAll<HTMLInputElement>('#field-apprenticeIds input[type="checkbox"]')].filter((c) => c.checked).map((c) => Number(c.value));

describe('changing a promo’s référent', () => {
  it('sends the ticked apprentices, the référent and the day, then shows the new référent in the list', async () => {
    const { calls, store } = renderPage();
    const dialog = await openBulk();
    expect(dialog.querySelector('h2')!.textContent).toBe('Changer de référent — BTS MCO 2024-2026');
    // The promo's apprentices, all ticked, by name; the day is today.
    const labels = [...dialog.querySelectorAll('#field-apprenticeIds label')].map((l) => l.textContent?.trim());
    expect(labels).toEqual(['Durand Inès', 'Martin Léa (Sophie Lefèvre)', 'Petit Hugo (Sophie Lefèvre)']);
    expect(ticked().sort()).toEqual([1, 2, 3]);
    expect(document.querySelector<HTMLInputElement>('#field-since')!.value).toBe(todayTyped());
    await waitFor(() => expect(document.activeElement).toBe(document.querySelector('#field-staffId')));

    await fireEvent.change(document.querySelector('#field-staffId')!, { target: { value: '3' } });
    await type('#field-since', '02/03/2026');
    const confirm = dialog.querySelector<HTMLButtonElement>('[data-action="assign-referent"]')!;
    expect(confirm.textContent?.trim()).toBe('Confier 3 apprentis');
    const loads = calls.filter((c) => c.cmd === 'list_apprentices').length;
    await fireEvent.click(confirm);

    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const sent = calls.find((c) => c.cmd === 'assign_referent')!.args.input as { apprenticeIds: number[]; staffId: number; since: string };
    expect({ ...sent, apprenticeIds: [...sent.apprenticeIds].sort() }).toEqual({ apprenticeIds: [1, 2, 3], staffId: 3, since: '02/03/2026' });
    expect(calls.filter((c) => c.cmd === 'list_apprentices').length).toBe(loads + 1);
    await waitFor(() => expect(referentCell(1)).toBe('Éloïse Bernard'));
    expect(referentCell(3)).toBe('Éloïse Bernard');
    expect(store.toasts.items.map((toast) => toast.message)).toContain('3 apprentis confiés à Éloïse Bernard.');
  });

  it('leaves out an unticked apprentice', async () => {
    const { calls, store } = renderPage();
    await openBulk();
    await fireEvent.click(document.querySelector('#field-apprenticeIds input[value="2"]')!);
    expect(ticked().sort()).toEqual([1, 3]);
    expect(document.querySelector('[data-action="assign-referent"]')!.textContent?.trim()).toBe('Confier 2 apprentis');
    await fireEvent.change(document.querySelector('#field-staffId')!, { target: { value: '3' } });
    await fireEvent.click(document.querySelector('[data-action="assign-referent"]')!);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    const sent = calls.find((c) => c.cmd === 'assign_referent')!.args.input as { apprenticeIds: number[]; staffId: number; since: string };
    expect([...sent.apprenticeIds].sort()).toEqual([1, 3]);
    expect(sent.since).toBe(todayTyped());
    await waitFor(() => expect(referentCell(1)).toBe('Éloïse Bernard'));
    expect(referentCell(2)).toBe('Sophie Lefèvre');
    expect(store.toasts.items.map((toast) => toast.message)).toContain('2 apprentis confiés à Éloïse Bernard.');
  });

  it('shows the core’s messages by field and keeps the dialog open', async () => {
    const { calls } = renderPage({ staffId: 'Choisissez le nouveau référent.', since: '« 31/02/2026 » n’est pas une date valide.' });
    await openBulk();
    await type('#field-since', '31/02/2026');
    await fireEvent.click(document.querySelector('[data-action="assign-referent"]')!);
    await waitFor(() => expect(document.querySelector('#error-staffId')?.textContent).toContain('Choisissez le nouveau référent.'));
    expect(document.querySelector('#error-since')?.textContent).toContain('n’est pas une date valide');
    expect(document.querySelector<HTMLInputElement>('#field-since')!.value).toBe('31/02/2026');
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(calls.find((c) => c.cmd === 'assign_referent')!.args.input).toMatchObject({ staffId: null, since: '31/02/2026' });
    expect(calls.filter((c) => c.cmd === 'list_apprentices')).toHaveLength(2);
  });

  it('passes the accessibility check, and Échap closes it without assigning', async () => {
    const { calls } = renderPage();
    const dialog = await openBulk();
    expect(await axeViolations(dialog)).toEqual([]);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls.some((c) => c.cmd === 'assign_referent')).toBe(false);
  });
});
