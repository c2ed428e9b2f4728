// « Non-conformités »: the list (indicator, level, « 1/3 réalisées », the
// next due date, the late badge, « Ouverte » / « Levée le … », filters and
// search, the empty state), the form (the framework's indicators with 14 and
// 29 first, rows sent back with their id, an empty due date for the core's
// default with the default shown, « En retard de N jours », the steering log
// newest first, nested errors next to their row's field, deletion), and the
// dashboard's card of overdue corrective actions.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import ConformityPage from '../lib/features/conformity/ConformityPage.svelte';
import NonConformityForm from '../lib/features/conformity/NonConformityForm.svelte';
import DashboardPage from '../lib/features/dashboard/DashboardPage.svelte';
import { daysLate, defaultDueDate, shiftErrors, typedDate } from '../lib/features/conformity/conformity';
import { CalendarDate } from '@internationalized/date';
import type { Dashboard } from '../lib/api/generated/Dashboard';
import type { FrameworkIndicator } from '../lib/api/generated/FrameworkIndicator';
import type { NonConformity } from '../lib/api/generated/NonConformity';
import type { NonConformityInput } from '../lib/api/generated/NonConformityInput';
import type { NonConformityRow } from '../lib/api/generated/NonConformityRow';
import { axeViolations, find, loadedStore, renderWithApp, settle, staff, validationError, type Handler } from './fixtures';

const indicator = (number: number, criterion: number, label: string): FrameworkIndicator => ({
  number, criterion, criterionLabel: `Critère ${criterion}`, label, cfaOnly: false, framework: 'Qualiopi V9',
});
const FRAMEWORK: FrameworkIndicator[] = [
  indicator(1, 1, 'Information du public sur les prestations'),
  indicator(14, 3, 'Accompagnement socio-professionnel, éducatif et relatif à l’exercice de la citoyenneté'),
  indicator(29, 6, 'Insertion professionnelle ou poursuite d’études'),
  indicator(32, 7, 'Mise en œuvre de mesures d’amélioration'),
];

function row(id: number, values: Partial<NonConformityRow>): NonConformityRow {
  return {
    id, indicator: 14, indicatorLabel: 'Indicateur 14 — Accompagnement socio-professionnel, éducatif et relatif à l’exercice de la citoyenneté',
    level: 'minor', foundOn: '2026-03-10', description: '', closedOn: null, actionCount: 0, doneCount: 0, overdueCount: 0, nextDue: null, lastReview: null,
    ...values,
  };
}

const ROWS: NonConformityRow[] = [
  row(1, { level: 'major', description: 'Les points mensuels ne sont pas tracés pour tous les apprentis.', actionCount: 3, doneCount: 1, overdueCount: 1, nextDue: '2026-06-10', lastReview: '2026-10-05' }),
  row(3, { description: 'Référent non désigné pour deux apprentis.', foundOn: '2026-03-10' }),
  row(2, { indicator: 29, indicatorLabel: 'Indicateur 29 — Insertion professionnelle ou poursuite d’études', description: 'Taux d’insertion non publiés sur le site.', closedOn: '2026-09-15', actionCount: 2, doneCount: 2 }),
];

const DETAIL: NonConformity = {
  id: 1, indicator: 14, level: 'major', foundOn: '2026-03-10', description: 'Les points mensuels ne sont pas tracés pour tous les apprentis.', rootCause: 'process', closedOn: null,
  correctiveActions: [
    { id: 11, description: 'Mettre en place un tableau de suivi mensuel', ownerId: 1, ownerName: 'Sophie Lefèvre', dueDate: '2026-06-10', status: 'in_progress', doneOn: null, proofs: null },
    { id: 12, description: 'Former les référents au suivi', ownerId: 3, ownerName: 'Éloïse Bernard', dueDate: '2026-06-10', status: 'done', doneOn: '2026-05-20', proofs: 'Feuille d’émargement de la formation.' },
    { id: 13, description: 'Audit interne du suivi', ownerId: null, ownerName: null, dueDate: '2026-12-10', status: 'planned', doneOn: null, proofs: null },
  ],
  reviews: [
    { id: 21, heldOn: '2026-09-05', notes: 'Tableau commencé pour le BTS MCO.' },
    { id: 22, heldOn: '2026-10-05', notes: 'Relance des référents du CAP.' },
  ],
};

type Options = { rows?: NonConformityRow[]; save?: (input: NonConformityInput) => unknown };

function core(options: Options = {}): Handler {
  const rows = options.rows ?? ROWS;
  return (cmd, args) => {
    switch (cmd) {
      case 'list_framework':
        return FRAMEWORK;
      case 'list_staff':
        return staff;
      case 'list_non_conformities':
        return rows;
      case 'get_non_conformity':
        return args.id === 1 ? DETAIL : { ...DETAIL, id: args.id, correctiveActions: [], reviews: [] };
      case 'save_non_conformity':
        return options.save ? options.save(args.input as NonConformityInput) : { ...DETAIL, id: (args.input as NonConformityInput).id ?? 9 };
      case 'get_deletion_impact':
        return { allowed: true, message: 'Supprimer cette non-conformité, ses 3 actions correctives et ses 2 revues de pilotage ?' };
      default:
        return null;
    }
  };
}

async function openPage(options: Options = {}) {
  const result = renderWithApp(ConformityPage, {}, core(options), loadedStore());
  if ((options.rows ?? ROWS).length > 0) await find('tr[data-id]');
  else await find('.empty');
  return result;
}

async function openRecord(id = 1) {
  await fireEvent.click(document.querySelector(`tr[data-id="${id}"]`)!);
  return find('[data-testid="nc-actions"]');
}

const text = (element: Element | null) => element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const input = (id: string) => document.getElementById(`field-${id}`) as HTMLInputElement;
const corrective = (index: number) => document.querySelector<HTMLElement>(`[data-corrective-index="${index}"]`)!;
const cells = (id: number) => [...document.querySelectorAll(`tr[data-id="${id}"] td`)].map(text);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 12, 10, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('computations', () => {
  it('gives the default due date the core sets: audit + 3 months for a major one, + 6 for a minor one', () => {
    expect(typedDate(defaultDueDate('major', '10/03/2026'))).toBe('10/06/2026');
    expect(typedDate(defaultDueDate('minor', '10/03/2026'))).toBe('10/09/2026');
    // The end of a shorter month, as chrono's checked_add_months does.
    expect(typedDate(defaultDueDate('major', '30/11/2026'))).toBe('28/02/2027');
    expect(defaultDueDate('', '10/03/2026')).toBeNull();
    expect(defaultDueDate('major', '')).toBeNull();
  });

  it('counts the days an action not done is past its due date, the default one when empty', () => {
    const on = new CalendarDate(2026, 11, 12);
    const action = { id: null, description: '', ownerId: null, dueDate: '10/06/2026', status: 'in_progress', doneOn: '', proofs: '' };
    expect(daysLate(action, 'major', '10/03/2026', on)).toBe(155);
    expect(daysLate({ ...action, status: 'done' }, 'major', '10/03/2026', on)).toBe(0);
    expect(daysLate({ ...action, dueDate: '12/11/2026' }, 'major', '10/03/2026', on)).toBe(0);
    expect(daysLate({ ...action, dueDate: '' }, 'minor', '10/03/2026', on)).toBe(63);
  });

  it('moves the messages of the rows below a removed one up with their row', () => {
    expect(shiftErrors({ 'correctiveActions.0.dueDate': 'a', 'correctiveActions.1.description': 'b', 'correctiveActions.2': 'c', 'reviews.1.notes': 'd', closedOn: 'e' }, 'correctiveActions', 1)).toEqual({
      'correctiveActions.0.dueDate': 'a',
      'correctiveActions.1': 'c',
      'reviews.1.notes': 'd',
      closedOn: 'e',
    });
  });
});

describe('the list', () => {
  it('shows each non-conformity with its level, actions done, next due date, and its status — the late badge for an open one with late actions — open ones first', async () => {
    const { calls } = await openPage();
    expect(calls.some((c) => c.cmd === 'list_framework')).toBe(true);
    expect(text(screen.getByTestId('count'))).toBe('3 non-conformités');
    expect([...document.querySelectorAll('tr[data-id]')].map((tr) => tr.getAttribute('data-id'))).toEqual(['1', '3', '2']);
    expect([...document.querySelectorAll('thead th')].map(text)).toEqual(['Indicateur', 'Niveau', 'Audit', 'Écart constaté', 'Actions', 'Échéance', 'Statut']);

    expect(cells(1)).toEqual(['14', 'Majeure', '10/03/2026', 'Les points mensuels ne sont pas tracés pour tous les apprentis.', '1/3 réalisées', '10/06/2026', '1 en retard']);
    const first = document.querySelector('tr[data-id="1"]')!;
    expect(first.querySelector('.badge')!.getAttribute('title')).toContain('Indicateur 14 — Accompagnement socio-professionnel');
    // The major one stands out; the late badge says it in words.
    expect(first.querySelector('[data-level="major"]')).not.toBeNull();
    expect(first.querySelector('[data-late="1"]')!.textContent).toContain('1 en retard');

    expect(cells(3)).toEqual(['14', 'Mineure', '10/03/2026', 'Référent non désigné pour deux apprentis.', 'Aucune', '', 'Ouverte']);
    expect(document.querySelector('tr[data-id="3"] [data-late]')).toBeNull();
    expect(cells(2)).toEqual(['29', 'Mineure', '10/03/2026', 'Taux d’insertion non publiés sur le site.', '2/2 réalisées', '', 'Levée le 15/09/2026']);
  });

  it('filters by status and level, and searches the description and the indicator', async () => {
    await openPage();
    const ids = () => [...document.querySelectorAll('tr[data-id]')].map((tr) => tr.getAttribute('data-id'));
    const status = document.querySelector<HTMLSelectElement>('#filter-status')!;
    expect([...status.options].map((o) => o.textContent)).toEqual(['Toutes', 'Ouvertes', 'Levées']);
    await fireEvent.change(status, { target: { value: status.options[2].value } });
    expect(ids()).toEqual(['2']);
    await fireEvent.change(status, { target: { value: status.options[1].value } });
    expect(ids()).toEqual(['1', '3']);

    const level = document.querySelector<HTMLSelectElement>('#filter-level')!;
    await fireEvent.change(level, { target: { value: [...level.options].find((o) => o.textContent === 'Majeure')!.value } });
    expect(ids()).toEqual(['1']);
    await fireEvent.change(level, { target: { value: level.options[0].value } });
    await fireEvent.change(status, { target: { value: status.options[0].value } });

    const search = screen.getByRole('searchbox');
    await fireEvent.input(search, { target: { value: 'referent designe' } });
    expect(ids()).toEqual(['3']);
    await fireEvent.input(search, { target: { value: 'poursuite d’études' } });
    expect(ids()).toEqual(['2']);
  });

  it('explains itself when empty and offers « Nouvelle non-conformité »', async () => {
    await openPage({ rows: [] });
    expect(text(document.querySelector('.empty-title'))).toBe('Aucune non-conformité enregistrée.');
    await fireEvent.click(screen.getByRole('button', { name: 'Nouvelle non-conformité' }));
    await find('[data-testid="nc-actions"]');
    expect(text(document.querySelector('.panel-title, h2'))).toContain('Nouvelle non-conformité');
  });

  it('has no accessibility violation', async () => {
    const { container } = await openPage();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('the form', () => {
  it('offers the framework’s indicators with 14 and 29 first, and the closed lists from the core', async () => {
    await openPage({ rows: [] });
    await fireEvent.click(document.querySelector('[data-action="new"]')!);
    const select = await find<HTMLSelectElement>('#field-indicator');
    const groups = [...select.querySelectorAll('optgroup')];
    expect(groups[0].label).toBe('Indicateurs suivis par Tremplin');
    expect([...groups[0].querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '14 — Accompagnement socio-professionnel, éducatif et relatif à l’exercice de la citoyenneté',
      '29 — Insertion professionnelle ou poursuite d’études',
    ]);
    expect(groups.slice(1).map((g) => g.label)).toEqual(['Critère 1 — Critère 1', 'Critère 7 — Critère 7']);
    expect([...input('level').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— Choisir —', 'Mineure', 'Majeure']);
    expect([...input('rootCause').querySelectorAll('option')].map((o) => o.textContent)).toEqual(['— Choisir —', 'Processus', 'Documentation', 'Ressources humaines', 'Autre']);
    expect(document.querySelector('[data-testid="nc-actions-empty"]')).not.toBeNull();
  });

  it('sends a new one with an empty due date for the default, shown computed beside it', async () => {
    const saved: NonConformity = {
      id: 9, indicator: 29, level: 'minor', foundOn: '2026-10-01', description: 'Enquête à 6 mois non relancée.', rootCause: 'documentation', closedOn: null,
      correctiveActions: [{ id: 31, description: 'Relancer par téléphone', ownerId: 2, ownerName: 'Marc Durand', dueDate: '2027-04-01', status: 'planned', doneOn: null, proofs: null }],
      reviews: [],
    };
    const { calls, store } = await openPage({ rows: [], save: () => saved });
    await fireEvent.click(document.querySelector('[data-action="new"]')!);
    await find('#field-indicator');
    const select = input('indicator') as unknown as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: [...select.options].find((o) => o.textContent?.startsWith('29 —'))!.value } });
    await fireEvent.change(input('level'), { target: { value: 'minor' } });
    await fireEvent.input(input('foundOn'), { target: { value: '01/10/2026' } });
    await fireEvent.input(input('description'), { target: { value: 'Enquête à 6 mois non relancée.' } });
    await fireEvent.change(input('rootCause'), { target: { value: 'documentation' } });

    await fireEvent.click(document.querySelector('[data-action="add-corrective"]')!);
    const added = await find('[data-corrective-index="0"]');
    expect(text(added.querySelector('legend'))).toBe('Action corrective 1');
    expect(document.getElementById('hint-correctiveActions.0.dueDate')!.textContent).toBe('Par défaut\u00a0: 01/04/2027 (audit + 3 mois pour une majeure, + 6 mois pour une mineure)');
    await fireEvent.change(input('level'), { target: { value: 'major' } });
    expect(document.getElementById('hint-correctiveActions.0.dueDate')!.textContent).toContain('01/01/2027');
    await fireEvent.change(input('level'), { target: { value: 'minor' } });
    expect(input('correctiveActions.0.dueDate').value).toBe('');
    expect(document.getElementById('hint-correctiveActions.0.proofs')!.textContent).toContain('joignez les fichiers dans ses');
    await fireEvent.input(input('correctiveActions.0.description'), { target: { value: 'Relancer par téléphone' } });
    const owner = input('correctiveActions.0.ownerId') as unknown as HTMLSelectElement;
    await fireEvent.change(owner, { target: { value: [...owner.options].find((o) => o.textContent === 'Marc Durand')!.value } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_non_conformity')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_non_conformity')!.args.input).toEqual({
      id: null,
      indicator: 29,
      level: 'minor',
      foundOn: '01/10/2026',
      description: 'Enquête à 6 mois non relancée.',
      rootCause: 'documentation',
      closedOn: '',
      correctiveActions: [{ id: null, description: 'Relancer par téléphone', ownerId: 2, dueDate: '', status: 'planned', doneOn: '', proofs: '' }],
      reviews: [],
    });
    expect(store.toasts.items.map((toast) => toast.message)).toContain('Non-conformité enregistrée.');
    // The list is asked again and the saved record opens with the core's due date.
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'list_non_conformities')).toHaveLength(2));
    await waitFor(() => expect(input('correctiveActions.0.dueDate')?.value).toBe('01/04/2027'));
    expect(document.querySelector('[data-action="delete"]')).not.toBeNull();
  });

  it('keeps the id of every existing row, flags the late action, and logs a new review on top', async () => {
    const { calls } = await openPage();
    await openRecord(1);
    expect(calls.find((c) => c.cmd === 'get_non_conformity')!.args).toEqual({ id: 1 });
    expect(input('indicator').value).not.toBe('');
    expect((input('indicator') as unknown as HTMLSelectElement).selectedOptions[0].textContent).toContain('14 — Accompagnement');
    expect(input('foundOn').value).toBe('10/03/2026');
    expect(input('correctiveActions.1.doneOn').value).toBe('20/05/2026');
    expect(input('correctiveActions.1.proofs').value).toBe('Feuille d’émargement de la formation.');
    // Not done, no done-on field.
    expect(input('correctiveActions.2.doneOn')).toBeNull();

    // Late: the first one (due 10/06/2026, in progress), not the done one nor the one due in December.
    expect(corrective(0).getAttribute('data-overdue')).toBe('155');
    expect(text(corrective(0).querySelector('[data-testid="corrective-late"]'))).toBe('En retard de 155 jours');
    expect(corrective(1).hasAttribute('data-overdue')).toBe(false);
    expect(corrective(2).hasAttribute('data-overdue')).toBe(false);

    // Done now: the day it was done appears, today by default; the flag goes.
    const status = input('correctiveActions.0.status') as unknown as HTMLSelectElement;
    await fireEvent.change(status, { target: { value: 'done' } });
    expect(corrective(0).hasAttribute('data-overdue')).toBe(false);
    expect(input('correctiveActions.0.doneOn').value).toBe('12/11/2026');
    await fireEvent.input(input('correctiveActions.0.proofs'), { target: { value: 'Tableau de suivi partagé.' } });

    // The planned audit goes; a new action comes with an empty due date.
    await fireEvent.click(corrective(2).querySelector('[data-action="remove-corrective"]')!);
    expect(document.querySelector('[data-corrective-index="2"]')).toBeNull();
    await fireEvent.click(document.querySelector('[data-action="add-corrective"]')!);
    await find('[data-corrective-index="2"]');
    expect(document.getElementById('hint-correctiveActions.2.dueDate')!.textContent).toContain('10/06/2026');
    // Its default is already past: it would be late at once.
    expect(corrective(2).getAttribute('data-overdue')).toBe('155');
    await fireEvent.input(input('correctiveActions.2.description'), { target: { value: 'Contrôle trimestriel par la direction' } });
    await fireEvent.input(input('correctiveActions.2.dueDate'), { target: { value: '15/12/2026' } });
    expect(corrective(2).hasAttribute('data-overdue')).toBe(false);

    // The steering log: newest first, a new review on top, dated today.
    const reviewOrder = () => [...document.querySelectorAll('[data-review-index]')].map((el) => el.getAttribute('data-review-index'));
    expect(reviewOrder()).toEqual(['1', '0']);
    await fireEvent.click(document.querySelector('[data-action="add-steering-review"]')!);
    expect(reviewOrder()).toEqual(['2', '1', '0']);
    expect(input('reviews.2.heldOn').value).toBe('12/11/2026');
    await fireEvent.input(input('reviews.2.notes'), { target: { value: 'Toutes les promos ont leur tableau.' } });

    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_non_conformity')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_non_conformity')!.args.input).toEqual({
      id: 1,
      indicator: 14,
      level: 'major',
      foundOn: '10/03/2026',
      description: 'Les points mensuels ne sont pas tracés pour tous les apprentis.',
      rootCause: 'process',
      closedOn: '',
      correctiveActions: [
        { id: 11, description: 'Mettre en place un tableau de suivi mensuel', ownerId: 1, dueDate: '10/06/2026', status: 'done', doneOn: '12/11/2026', proofs: 'Tableau de suivi partagé.' },
        { id: 12, description: 'Former les référents au suivi', ownerId: 3, dueDate: '10/06/2026', status: 'done', doneOn: '20/05/2026', proofs: 'Feuille d’émargement de la formation.' },
        { id: null, description: 'Contrôle trimestriel par la direction', ownerId: null, dueDate: '15/12/2026', status: 'planned', doneOn: '', proofs: '' },
      ],
      reviews: [
        { id: 21, heldOn: '05/09/2026', notes: 'Tableau commencé pour le BTS MCO.' },
        { id: 22, heldOn: '05/10/2026', notes: 'Relance des référents du CAP.' },
        { id: null, heldOn: '12/11/2026', notes: 'Toutes les promos ont leur tableau.' },
      ],
    });
  });

  it('shows a nested message next to its row’s field, and moves it with the row', async () => {
    const { calls, store } = await openPage({
      save: () => {
        throw validationError({
          'correctiveActions.1.dueDate': 'L’échéance ne peut pas précéder l’audit.',
          'reviews.0.notes': 'Le compte rendu de la revue est obligatoire.',
          closedOn: 'Une non-conformité se lève quand toutes ses actions correctives sont réalisées.',
        });
      },
    });
    await openRecord(1);
    await fireEvent.input(input('correctiveActions.1.dueDate'), { target: { value: '01/01/2026' } });
    await fireEvent.input(input('reviews.0.notes'), { target: { value: '' } });
    await fireEvent.input(input('closedOn'), { target: { value: '12/11/2026' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    const error = await find('[id="error-correctiveActions.1.dueDate"]');
    expect(error.textContent).toContain('L’échéance ne peut pas précéder l’audit.');
    // In the second action's row, on its due date field, which keeps what was typed.
    expect(error.closest('[data-corrective-index]')!.getAttribute('data-corrective-index')).toBe('1');
    const due = input('correctiveActions.1.dueDate');
    expect(due.getAttribute('aria-invalid')).toBe('true');
    expect(due.getAttribute('aria-describedby')).toBe('error-correctiveActions.1.dueDate');
    expect(due.value).toBe('01/01/2026');
    expect(input('correctiveActions.0.dueDate').getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById('error-reviews.0.notes')!.closest('[data-review-index]')!.getAttribute('data-review-index')).toBe('0');
    expect(document.getElementById('error-closedOn')!.textContent).toContain('toutes ses actions correctives sont réalisées');
    // Several messages: the core's sentence above the form too.
    expect(text(document.querySelector('.form-summary'))).toBe('Le formulaire contient des erreurs.');
    expect(store.toasts.items.some((toast) => toast.kind === 'success')).toBe(false);
    expect(calls.filter((c) => c.cmd === 'list_non_conformities')).toHaveLength(1);

    // The first action removed: the message follows its row, now the first.
    await fireEvent.click(corrective(0).querySelector('[data-action="remove-corrective"]')!);
    expect(document.getElementById('error-correctiveActions.0.dueDate')!.textContent).toContain('L’échéance ne peut pas précéder l’audit.');
    expect(input('correctiveActions.0.dueDate').value).toBe('01/01/2026');
    expect(document.getElementById('error-correctiveActions.1.dueDate')).toBeNull();
  });

  it('asks the core what goes with the record before deleting it', async () => {
    const { calls } = await openPage();
    await openRecord(1);
    await fireEvent.click(document.querySelector('[data-action="delete"]')!);
    const message = await find('[data-testid="deletion-message"]');
    expect(message.textContent).toBe('Supprimer cette non-conformité, ses 3 actions correctives et ses 2 revues de pilotage ?');
    expect(calls.find((c) => c.cmd === 'get_deletion_impact')!.args).toEqual({ entity: 'non_conformity', id: 1 });
    await fireEvent.click(document.querySelector('[data-action="confirm"]')!);
    await waitFor(() => expect(calls.find((c) => c.cmd === 'delete_record')?.args).toEqual({ entity: 'non_conformity', id: 1 }));
  });

  it('has no accessibility violation', async () => {
    // The form alone, as the other forms' tests do: outside the window's <main>,
    // the list's header and the panel's would count as two banners.
    const noop = () => {};
    renderWithApp(NonConformityForm, { nc: DETAIL, framework: FRAMEWORK, staff, onsaved: noop, onclose: noop, ondeleted: noop }, core());
    await find('[data-corrective-index="2"]');
    await settle();
    expect(await axeViolations(document.body)).toEqual([]);
  }, 30_000);
});

describe('the dashboard', () => {
  const rate = { numerator: 0, denominator: 0, percent: null, display: 'non calculable', method: '' };
  const dashboard = (overdue: Dashboard['overdueCorrectiveActions']): Dashboard => ({
    schoolYear: '2025-2026', programmeCount: 1, cohortCount: 1, apprenticeCount: 40, staffCount: 3, partnerCount: 1,
    actionCount: 0, action14Count: 0, action29Count: 0, distinctKinds29: 0, participation: rate, accompanied: rate,
    dormantPartnerCount: 0, overdueFollowUpCount: 4, overdueCorrectiveActions: overdue, recentActions: [], results: [], previousResults: [],
  });
  const OVERDUE: Dashboard['overdueCorrectiveActions'] = [
    { id: 11, nonConformityId: 1, indicator: 14, level: 'major', description: 'Mettre en place un tableau de suivi mensuel', ownerName: 'Sophie Lefèvre', dueDate: '2026-06-10', days: 155 },
    { id: 41, nonConformityId: 4, indicator: 29, level: 'minor', description: 'Publier les taux sur le site', ownerName: null, dueDate: '2026-11-11', days: 1 },
  ];

  it('counts the corrective actions past their due date, lists them, and opens « Non-conformités »', async () => {
    const { store } = renderWithApp(DashboardPage, {}, (cmd) => (cmd === 'get_dashboard' ? dashboard(OVERDUE) : null), loadedStore());
    const card = await screen.findByTestId('dashboard-corrective');
    expect(card.querySelector('.stat-label')!.textContent).toBe('Non-conformités');
    expect(card.querySelector('.stat-value')!.textContent).toBe('2');
    expect(card.querySelector('.stat-detail')!.textContent).toBe('actions correctives en retard');
    const items = [...card.querySelectorAll('[data-corrective]')];
    expect(items.map((li) => li.getAttribute('data-corrective'))).toEqual(['11', '41']);
    expect(text(items[0])).toBe('Indicateur 14\u00a0: Mettre en place un tableau de suivi mensuel Sophie Lefèvre · échéance dépassée depuis 155 jours');
    expect(text(items[1])).toContain('sans responsable · échéance dépassée depuis 1 jour');
    // Beside the overdue follow-ups' card.
    expect(screen.getByTestId('dashboard-overdue')).not.toBeNull();

    await fireEvent.click(items[1].querySelector('button')!);
    expect(store.section).toBe('conformity');
    expect(store.recordToOpen).toBe(4);
    store.recordToOpen = null;
    store.section = 'dashboard';
    await fireEvent.click(screen.getByRole('button', { name: 'Voir les non-conformités' }));
    expect(store.section).toBe('conformity');
    expect(store.recordToOpen).toBeNull();
  });

  it('says 0 and lists nothing when every action is on time', async () => {
    const { container } = renderWithApp(DashboardPage, {}, (cmd) => (cmd === 'get_dashboard' ? dashboard([]) : null), loadedStore());
    const card = await screen.findByTestId('dashboard-corrective');
    expect(card.querySelector('.stat-value')!.textContent).toBe('0');
    expect(card.querySelector('[data-testid="dashboard-corrective-list"]')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });
});
