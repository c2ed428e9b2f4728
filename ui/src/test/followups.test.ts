// « Suivi individuel »: the « En retard » list grouped by référent then promo
// (or the other way round) with its counts, « Ajouter un point » in one click
// (one save_follow_up, the list asked again, the row gone), the core's message
// next to the topics, the delay refused in French, an apprentice's follow-ups
// found by name, and the dashboard's card.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import FollowUpsPage from '../lib/features/followups/FollowUpsPage.svelte';
import DashboardPage from '../lib/features/dashboard/DashboardPage.svelte';
import { groupOverdue } from '../lib/features/followups/followups';
import { todayTyped as todayInput } from '../lib/format';
import type { ApprenticeRow } from '../lib/api/generated/ApprenticeRow';
import type { Dashboard } from '../lib/api/generated/Dashboard';
import type { FollowUpInput } from '../lib/api/generated/FollowUpInput';
import type { FollowUpRow } from '../lib/api/generated/FollowUpRow';
import type { OverdueList } from '../lib/api/generated/OverdueList';
import type { OverdueRow } from '../lib/api/generated/OverdueRow';
import { axeViolations, find, loadedStore, renderWithApp, settle, staff, validationError, type Handler } from './fixtures';

function overdueRow(apprenticeId: number, lastName: string, firstName: string, cohort: 2 | 3, referentId: number | null, days: number, lastReview: string | null): OverdueRow {
  const referentName = referentId == null ? null : referentId === 1 ? 'Sophie Lefèvre' : 'Éloïse Bernard';
  return {
    apprenticeId, firstName, lastName, cohortId: cohort,
    cohortLabel: cohort === 2 ? 'Promo 2025-2027' : 'Promo 2024-2026',
    programmeCode: cohort === 2 ? 'BTS MCO' : 'CAP CUIS',
    referentId, referentName, lastReview, since: lastReview ?? '2025-09-01', days,
  };
}

const ROWS: OverdueRow[] = [
  overdueRow(101, 'Durand', 'Léa', 2, 1, 43, '2026-09-30'),
  overdueRow(102, 'Martin', 'Hugo', 2, 1, 437, null),
  overdueRow(103, 'Petit', 'Zoé', 3, 1, 72, '2026-09-01'),
  overdueRow(104, 'Roux', 'Tom', 3, 3, 40, '2026-10-03'),
  overdueRow(105, 'Faure', 'Inès', 2, null, 50, '2026-09-23'),
];

const list = (rows: OverdueRow[], afterDays = 35): OverdueList => ({ asOf: '2026-11-12', afterDays, inTraining: 40, rows });

function apprentice(row: OverdueRow): ApprenticeRow {
  return {
    id: row.apprenticeId, cohortId: row.cohortId, cohortLabel: row.cohortLabel, programmeId: row.cohortId === 2 ? 1 : 2, programmeCode: row.programmeCode,
    referentName: row.referentName, firstName: row.firstName, lastName: row.lastName, birthDate: null, email: null, phone: null, employer: null, employerSiret: null,
    contractStart: null, contractEnd: null, status: 'in_training', exitDate: null, referentId: row.referentId,
  };
}
const APPRENTICES: ApprenticeRow[] = [...ROWS.map(apprentice), { ...apprentice(overdueRow(106, 'Lambert', 'Chloé', 3, 3, 0, null)) }];

const HISTORY: FollowUpRow[] = [
  {
    id: 901, apprenticeId: 103, kind: 'end_of_cycle', heldOn: '2026-06-20', staffId: 1, staffName: 'Sophie Lefèvre', topics: [],
    findings: 'Diplôme obtenu.', nextSteps: null, impact: 'Le job dating lui a permis de trouver son employeur.', project: 'CDI chez son employeur.',
  },
  {
    id: 900, apprenticeId: 103, kind: 'monthly_review', heldOn: '2026-09-01', staffId: null, staffName: null, topics: ['administrative', 'social'],
    findings: 'Retard de transport répété.', nextSteps: 'Voir l’aide au permis.', impact: null, project: null,
  },
];

type Options = { rows?: OverdueRow[]; save?: (input: FollowUpInput) => unknown; days?: (text: string) => unknown };

/** The core: the list until a review of today is saved, then without that apprentice. */
function core(options: Options = {}): Handler {
  let rows = options.rows ?? ROWS;
  let afterDays = 35;
  return (cmd, args) => {
    switch (cmd) {
      case 'get_overdue':
        return list(rows, afterDays);
      case 'list_apprentices':
        return APPRENTICES;
      case 'list_staff':
        return staff;
      case 'list_follow_ups':
        return args.apprenticeId === 103 ? HISTORY : [];
      case 'save_follow_up': {
        const input = args.input as FollowUpInput;
        if (options.save) return options.save(input);
        rows = rows.filter((r) => r.apprenticeId !== input.apprenticeId);
        return { ...input, id: 950, heldOn: '2026-11-12', staffId: input.staffId, findings: input.findings || null, nextSteps: input.nextSteps || null, impact: null, project: null };
      }
      case 'set_overdue_after_days': {
        const text = String(args.days);
        if (options.days) return options.days(text);
        afterDays = Number(text);
        return afterDays;
      }
      default:
        return null;
    }
  };
}

async function openPage(options: Options = {}) {
  const store = loadedStore();
  const result = renderWithApp(FollowUpsPage, {}, core(options), store);
  await find('[data-overdue]');
  return result;
}

// Collapses the layout's spaces, keeps the no-break ones French typography asks for.
const text = (element: Element | null) => element?.textContent?.replace(/[ \t\n\r]+/g, ' ').trim() ?? '';
const row = (id: number) => document.querySelector<HTMLElement>(`[data-overdue="${id}"]`)!;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(2026, 10, 12, 10, 0));
});
afterEach(() => {
  vi.useRealTimers();
});

describe('grouping', () => {
  it('puts « Sans référent » first, then référents by name, then promos by label, the most overdue first', () => {
    const groups = groupOverdue(ROWS, 'referent');
    expect(groups.map((g) => [g.label, g.count])).toEqual([[null, 1], ['Éloïse Bernard', 1], ['Sophie Lefèvre', 3]]);
    expect(groups[2].subgroups.map((s) => [s.label, s.rows.map((r) => r.apprenticeId)])).toEqual([
      ['BTS MCO · Promo 2025-2027', [102, 101]],
      ['CAP CUIS · Promo 2024-2026', [103]],
    ]);
    const byPromo = groupOverdue(ROWS, 'cohort');
    expect(byPromo.map((g) => [g.label, g.count])).toEqual([['BTS MCO · Promo 2025-2027', 3], ['CAP CUIS · Promo 2024-2026', 2]]);
    expect(byPromo[0].subgroups.map((s) => [s.label, s.rows.length])).toEqual([[null, 1], ['Sophie Lefèvre', 2]]);
  });

  it('writes today as a date field holds it', () => {
    expect(todayInput(new Date(2026, 0, 5))).toBe('05/01/2026');
  });
});

describe('« En retard »', () => {
  it('says how many are overdue out of those in training, grouped by référent then promo with their counts', async () => {
    await openPage();
    const section = screen.getByTestId('overdue');
    expect(screen.getByTestId('overdue-count').textContent).toBe('5');
    expect(text(section.querySelector('.sentence'))).toBe('5 apprentis en formation sur 40 sans point mensuel depuis plus de 35 jours au 12/11/2026');
    expect(text(screen.getByTestId('overdue-delay'))).toBe('Délai\u00a0: 35 jours');

    const groups = [...section.querySelectorAll<HTMLElement>('[data-group]')];
    expect(groups.map((g) => text(g.querySelector('h3')))).toEqual(['Sans référent 1 apprenti(e)', 'Éloïse Bernard 1 apprenti(e)', 'Sophie Lefèvre 3 apprentis']);
    const sophie = groups[2];
    expect([...sophie.querySelectorAll('h4')].map(text)).toEqual(['BTS MCO · Promo 2025-2027 2 apprentis', 'CAP CUIS · Promo 2024-2026 1 apprenti(e)']);
    // The most overdue first inside a promo.
    expect([...sophie.querySelectorAll('[data-subgroup="cohort-2"] [data-overdue]')].map((li) => li.getAttribute('data-overdue'))).toEqual(['102', '101']);

    expect(text(row(101))).toContain('Durand Léa');
    expect(text(row(101))).toContain('dernier point le 30/09/2026');
    expect(text(row(101).querySelector('.days'))).toBe('43 jours');
    expect(text(row(102))).toContain('aucun point depuis le début de la formation');
    expect(text(row(102).querySelector('.days'))).toBe('437 jours');
    expect(row(101).querySelector('[data-action="add-review"]')!.getAttribute('aria-label')).toBe('Ajouter un point — Durand Léa');

    // By promo first: the promos hold the référents.
    const byPromo = screen.getByRole('button', { name: 'Promo' });
    await fireEvent.click(byPromo);
    expect(byPromo.getAttribute('aria-pressed')).toBe('true');
    const promoGroups = [...section.querySelectorAll<HTMLElement>('[data-group]')];
    expect(promoGroups.map((g) => text(g.querySelector('h3')))).toEqual(['BTS MCO · Promo 2025-2027 3 apprentis', 'CAP CUIS · Promo 2024-2026 2 apprentis']);
    expect([...promoGroups[0].querySelectorAll('h4')].map(text)).toEqual(['Sans référent 1 apprenti(e)', 'Sophie Lefèvre 2 apprentis']);
    expect(screen.getByTestId('overdue-count').textContent).toBe('5');
  });

  it('says nobody is late when every apprentice in training had their review', async () => {
    renderWithApp(FollowUpsPage, {}, core({ rows: [] }), loadedStore());
    await waitFor(() => expect(text(document.querySelector('[data-testid="overdue"] .empty-title'))).toBe('Personne n’est en retard\u00a0: chaque apprenti(e) en formation a eu son point mensuel.'));
    expect(screen.getByTestId('overdue-count').textContent).toBe('0');
    expect(document.querySelector('[data-grouping]')).toBeNull();
  });

  it('shows the core’s message and a retry when the list cannot be loaded', async () => {
    let fail = true;
    const base = core();
    const { calls } = renderWithApp(FollowUpsPage, {}, (cmd, args) => {
      if (cmd === 'get_overdue' && fail) throw { code: 'storage', message: 'La base de données est verrouillée.', fields: [] };
      return base(cmd, args);
    }, loadedStore());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('La base de données est verrouillée.');
    fail = false;
    await fireEvent.click(within(alert).getByRole('button', { name: 'Réessayer' }));
    await find('[data-overdue="101"]');
    expect(calls.filter((c) => c.cmd === 'get_overdue')).toHaveLength(2);
  });

  it('has no accessibility violation on the list', async () => {
    const { container } = await openPage();
    expect(await axeViolations(container)).toEqual([]);
  });
});

describe('« Ajouter un point »', () => {
  it('opens the form for that apprentice today, saves a monthly review, then the list no longer shows them', async () => {
    const { calls, store } = await openPage();
    await fireEvent.click(row(101).querySelector('[data-action="add-review"]')!);

    const fixed = await screen.findByTestId('followup-fixed');
    expect(fixed.querySelector('[data-apprentice="101"]')!.textContent).toBe('Durand Léa');
    // The kind is fixed: no select to change it.
    expect(fixed.querySelector('[data-kind="monthly_review"]')!.textContent).toBe('Point mensuel');
    expect(document.querySelector('#field-kind')).toBeNull();
    expect(document.querySelector<HTMLInputElement>('#field-heldOn')!.value).toBe('12/11/2026');
    const staffSelect = document.querySelector<HTMLSelectElement>('#field-staffId')!;
    expect(staffSelect.selectedOptions[0].textContent).toBe('Le référent à cette date');
    expect(document.querySelector('#hint-staffId')!.textContent).toBe('Référent actuel\u00a0: Sophie Lefèvre');
    expect(document.querySelector('#hint-findings')!.textContent).toBe('Restez factuel\u00a0: ce texte décrit des faits, il peut être lu par l’apprenti(e) et l’auditeur.');
    expect(document.querySelector('#field-impact')).toBeNull();

    // Ticked out of order, sent in the closed list's order.
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Technique' }));
    await fireEvent.click(screen.getByRole('checkbox', { name: 'Administratif' }));
    await fireEvent.input(document.querySelector('#field-findings')!, { target: { value: 'Bonne intégration dans l’équipe.' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_follow_up')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_follow_up')!.args.input).toEqual({
      id: null,
      apprenticeId: 101,
      kind: 'monthly_review',
      heldOn: '12/11/2026',
      staffId: null,
      topics: ['administrative', 'technical'],
      findings: 'Bonne intégration dans l’équipe.',
      nextSteps: '',
      impact: '',
      project: '',
    });
    await waitFor(() => expect(document.querySelector('[data-overdue="101"]')).toBeNull());
    expect(calls.filter((c) => c.cmd === 'get_overdue')).toHaveLength(2);
    expect(screen.getByTestId('overdue-count').textContent).toBe('4');
    expect(store.toasts.items.map((toast) => toast.message)).toContain('Point enregistré.');
    // The saved review stays open, now deletable.
    expect(document.querySelector('[data-action="delete"]')).not.toBeNull();
  });

  it('shows the core’s message next to the topics and keeps what was typed', async () => {
    const { store } = await openPage({ save: () => { throw validationError({ topics: 'Cochez au moins un thème abordé (administratif, technique, social, autre).' }); } });
    await fireEvent.click(row(104).querySelector('[data-action="add-review"]')!);
    await find('#field-findings');
    await fireEvent.input(document.querySelector('#field-findings')!, { target: { value: 'Absences en entreprise à vérifier.' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    const error = await find('#error-topics');
    expect(error.textContent).toContain('Cochez au moins un thème abordé');
    expect(document.querySelector('#field-topics')!.closest('fieldset')!.getAttribute('aria-describedby')).toBe('error-topics');
    expect(document.querySelector<HTMLTextAreaElement>('#field-findings')!.value).toBe('Absences en entreprise à vérifier.');
    // One message, shown by its field: no summary above the form.
    expect(document.querySelector('.form-summary')).toBeNull();
    expect(store.toasts.items.some((toast) => toast.kind === 'success')).toBe(false);
    expect(document.querySelector('[data-overdue="104"]')).not.toBeNull();
  });

  it('has no accessibility violation on the form', async () => {
    await openPage();
    await fireEvent.click(row(102).querySelector('[data-action="add-review"]')!);
    await find('#field-heldOn');
    expect(await axeViolations(document.body)).toEqual([]);
  });
});

describe('the delay', () => {
  it('is refused in French next to its field, then saved and the list asked again', async () => {
    let refuse = true;
    const { calls, store } = await openPage({
      days: (value) => {
        if (refuse) throw validationError({ overdueAfterDays: 'Le délai d’un point mensuel s’écrit en jours, de 7 à 120.' });
        return Number(value);
      },
    });
    await fireEvent.click(document.querySelector('[data-action="edit-delay"]')!);
    const input = await find<HTMLInputElement>('#field-overdueAfterDays');
    expect(input.value).toBe('35');
    await fireEvent.input(input, { target: { value: '200' } });
    await fireEvent.click(document.querySelector('[data-action="save-delay"]')!);

    const error = await find('#error-overdueAfterDays');
    expect(error.textContent).toContain('Le délai d’un point mensuel s’écrit en jours, de 7 à 120.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.value).toBe('200');
    expect(calls.find((c) => c.cmd === 'set_overdue_after_days')!.args).toEqual({ days: '200' });
    expect(calls.filter((c) => c.cmd === 'get_overdue')).toHaveLength(1);

    refuse = false;
    await fireEvent.input(input, { target: { value: '30' } });
    await fireEvent.submit(input.closest('form')!);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'get_overdue')).toHaveLength(2));
    await waitFor(() => expect(document.querySelector('#field-overdueAfterDays')).toBeNull());
    expect(store.toasts.items.map((toast) => toast.message)).toContain('Délai enregistré.');
  });

  it('closes on Échap without saving', async () => {
    const { calls } = await openPage();
    await fireEvent.click(document.querySelector('[data-action="edit-delay"]')!);
    const input = await find<HTMLInputElement>('#field-overdueAfterDays');
    await fireEvent.keyDown(input, { key: 'Escape' });
    expect(document.querySelector('#field-overdueAfterDays')).toBeNull();
    expect(calls.some((c) => c.cmd === 'set_overdue_after_days')).toBe(false);
  });
});

describe('« Points d’un(e) apprenti(e) »', () => {
  it('finds an apprentice by name and shows their follow-ups newest first, each opening its form', async () => {
    const { calls } = await openPage();
    expect(calls.find((c) => c.cmd === 'list_apprentices')!.args).toEqual({ filter: { programmeId: null, cohortId: null } });
    const picker = await find<HTMLInputElement>('#field-followup-apprentice');
    picker.focus();
    await fireEvent.keyDown(picker, { key: 'z' });
    await fireEvent.input(picker, { target: { value: 'zoe' } });
    await settle();
    const options = [...document.querySelectorAll('[data-combobox-item]')].map(text);
    expect(options).toEqual(['Petit Zoé CAP CUIS · Promo 2024-2026']);
    await fireEvent.keyDown(picker, { key: 'Enter' });

    await find('[data-follow-up="900"]');
    expect(calls.find((c) => c.cmd === 'list_follow_ups')!.args).toEqual({ apprenticeId: 103 });
    const history = screen.getByTestId('followup-history');
    expect(text(screen.getByTestId('history-count'))).toBe('2 points');
    const entries = [...history.querySelectorAll<HTMLElement>('[data-follow-up]')];
    // In the core's order (newest first).
    expect(entries.map((e) => e.getAttribute('data-follow-up'))).toEqual(['901', '900']);
    const review = entries[1];
    expect(text(review)).toContain('01/09/2026');
    expect(text(review)).toContain('Point mensuel');
    expect(text(review)).toContain('le référent à cette date');
    expect([...review.querySelectorAll('.badge')].map(text)).toEqual(['Administratif', 'Social']);
    expect(text(review)).toContain('Retard de transport répété.');
    expect(text(review)).toContain('Voir l’aide au permis.');
    const endOfCycle = entries[0];
    expect(text(endOfCycle)).toContain('Entretien de fin de parcours');
    expect(text(endOfCycle)).toContain('Sophie Lefèvre');
    expect(text(endOfCycle)).toContain('Le job dating lui a permis de trouver son employeur.');
    expect(text(endOfCycle)).toContain('CDI chez son employeur.');

    // Corrected from the list: the form holds the saved values, kind still changeable.
    await fireEvent.click(endOfCycle.querySelector('.entry-open')!);
    const kind = await find<HTMLSelectElement>('#field-kind');
    expect(kind.value).toBe('end_of_cycle');
    expect(document.querySelector<HTMLInputElement>('#field-heldOn')!.value).toBe('20/06/2026');
    expect(document.querySelector<HTMLTextAreaElement>('#field-impact')!.value).toBe('Le job dating lui a permis de trouver son employeur.');
    expect(document.querySelector<HTMLTextAreaElement>('#field-project')!.value).toBe('CDI chez son employeur.');
    expect(document.querySelector('[data-action="delete"]')).not.toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('opens the end-of-cycle interview with what the actions brought and the project', async () => {
    const { calls } = await openPage();
    await fireEvent.click(row(103).querySelector('[data-action="show-history"]')!);
    await find('[data-follow-up="901"]');
    await fireEvent.click(document.querySelector('[data-action="new-end-of-cycle"]')!);
    const kind = await find<HTMLSelectElement>('#field-kind');
    expect(kind.value).toBe('end_of_cycle');
    expect(document.querySelector('label[for="field-impact"]')!.textContent).toContain('Ce que les actions ont apporté');
    expect(document.querySelector('label[for="field-project"]')!.textContent).toContain('Projet après le diplôme');
    await fireEvent.input(document.querySelector('#field-project')!, { target: { value: 'Licence professionnelle.' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_follow_up')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_follow_up')!.args.input).toMatchObject({ apprenticeId: 103, kind: 'end_of_cycle', heldOn: '12/11/2026', project: 'Licence professionnelle.' });
    // The apprentice's follow-ups are asked again after the save.
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'list_follow_ups')).toHaveLength(2));
  });

  it('shows the history of a name picked in the « En retard » list', async () => {
    const { calls } = await openPage();
    await fireEvent.click(row(103).querySelector('[data-action="show-history"]')!);
    await find('[data-follow-up="900"]');
    expect(calls.find((c) => c.cmd === 'list_follow_ups')!.args).toEqual({ apprenticeId: 103 });
    expect(document.querySelector<HTMLInputElement>('#field-followup-apprentice')!.value).toBe('Petit Zoé');
  });

  it('says when an apprentice has no follow-up yet and offers the first one', async () => {
    await openPage();
    await fireEvent.click(row(101).querySelector('[data-action="show-history"]')!);
    await waitFor(() => expect(screen.getByText('Aucun point pour Durand Léa')).toBeTruthy());
    await fireEvent.click(document.querySelector('[data-action="new-review"]')!);
    const kind = await find<HTMLSelectElement>('#field-kind');
    expect(kind.value).toBe('monthly_review');
  });
});

describe('dashboard', () => {
  const rate = { numerator: 0, denominator: 0, percent: null, display: 'non calculable', method: '' };
  const dashboard: Dashboard = {
    schoolYear: '2025-2026', programmeCount: 1, cohortCount: 1, apprenticeCount: 40, staffCount: 3, partnerCount: 1,
    actionCount: 0, action14Count: 0, action29Count: 0, distinctKinds29: 0, participation: rate, accompanied: rate,
    dormantPartnerCount: 0, overdueFollowUpCount: 4, overdueCorrectiveActions: [], recentActions: [], results: [], previousResults: [],
  };

  it('shows the overdue count and opens « Suivi individuel »', async () => {
    const { store } = renderWithApp(DashboardPage, {}, (cmd) => (cmd === 'get_dashboard' ? dashboard : null), loadedStore());
    const card = await screen.findByTestId('dashboard-overdue');
    expect(card.querySelector('.stat-label')!.textContent).toBe('Points mensuels en retard');
    expect(card.querySelector('.stat-value')!.textContent).toBe('4');
    // Beside it, the corrective actions past their due date (none here).
    expect(screen.getByTestId('dashboard-corrective').querySelector('.stat-value')!.textContent).toBe('0');
    await fireEvent.click(screen.getByRole('button', { name: 'Voir la liste' }));
    expect(store.section).toBe('followups');
  });
});
