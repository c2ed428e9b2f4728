// Plan d'actions: the objectives measured (target, value with its numerator
// and denominator, status word), who a figure counts, the isolated actions,
// the objective form's validation, the empty state, the calendar and the
// annual review — over a fake IPC. Then the screen's own pure helpers.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import PlansPage from '../lib/features/plans/PlansPage.svelte';
import { addedId, figureText, formatBudget, formatPeriod, monthBounds, nextSchoolYear, schoolYearMonths, yearPosition, yearSpan } from '../lib/features/plans/plan';
import type { ActionRow } from '../lib/api/generated/ActionRow';
import type { Figure } from '../lib/api/generated/Figure';
import type { Milestone } from '../lib/api/generated/Milestone';
import type { ObjectiveProgress } from '../lib/api/generated/ObjectiveProgress';
import type { PlanDetail } from '../lib/api/generated/PlanDetail';
import type { PlanRow } from '../lib/api/generated/PlanRow';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import type { ReviewDetail } from '../lib/api/generated/ReviewDetail';
import type { TimepointResults } from '../lib/api/generated/TimepointResults';
import { axeViolations, cohorts, find, renderWithApp, staff, validationError, type Handler } from './fixtures';

const NNBSP = '\u202f';
const NBSP = '\u00a0';
const MONTHS = 'janv.|févr.|mars|avr.|mai|juin|juil.|août|sept.|oct.|nov.|déc.'.split('|');

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: null, rncpCode: null, level: 5, cohortCount: 2, apprenticeCount: 3 },
  { id: 2, code: 'CAP EPC', name: 'Équipier polyvalent du commerce', diplomaCode: null, rncpCode: null, level: 3, cohortCount: 0, apprenticeCount: 0 },
];

function action(id: number, title: string, startDate: string, present: number, invited: number, kind: ActionRow['kind'] = 'job_dating'): ActionRow {
  return { id, kind, title, startDate, indicator14: false, indicator29: true, cohortLabels: ['BTS MCO 2024-2026'], invited, present };
}

function figure(numeratorIds: number[], denominatorIds: number[], display: string, method = 'Présents à au moins une action ÷ apprentis de la promo.'): Figure {
  const percent = denominatorIds.length ? (numeratorIds.length * 100) / denominatorIds.length : null;
  return { key: 'accompanied', label: 'Apprentis accompagnés', numeratorIds, denominatorIds, numerator: numeratorIds.length, denominator: denominatorIds.length, percent, display, method };
}

const noRate = { numerator: 0, denominator: 0, percent: null, display: 'non calculable', method: 'Présents ÷ invités des actions liées.' };

const share: ObjectiveProgress = {
  objective: {
    id: 11,
    planId: 5,
    label: '80 % des 2e année ont passé une simulation d’entretien',
    ownerId: 1,
    periodStart: '2025-10-01',
    periodEnd: '2026-03-31',
    measure: 'cohort_share',
    target: 80,
    actionKinds: ['cv_workshop'],
    cohortId: 1,
    result: null,
    manualValue: null,
    manualSource: null,
    manualDate: null,
  },
  targetDisplay: `≥ 80${NNBSP}%`,
  value: 72.7,
  display: `72,7${NNBSP}%`,
  figure: figure([101, 102, 103, 104, 105, 106, 107, 108], [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111], `72,7${NNBSP}%`),
  status: 'in_progress',
  method: 'Apprentis de la promo BTS MCO 2024-2026 présents à au moins une action liée, sur tous les apprentis de la promo.',
  actions: [action(31, 'Simulations d’entretien', '2025-11-18', 8, 11, 'cv_workshop'), action(32, 'Atelier CV', '2026-01-13', 6, 11, 'cv_workshop')],
  participation: { numerator: 14, denominator: 22, percent: 63.6, display: `63,6${NNBSP}%`, method: 'Présents ÷ invités des actions liées.' },
};

const count: ObjectiveProgress = {
  objective: { ...share.objective, id: 12, label: 'Six actions de l’indicateur 29', ownerId: null, periodStart: '2025-09-08', periodEnd: '2026-06-26', measure: 'action_count', target: 6, actionKinds: [], cohortId: null },
  targetDisplay: '≥ 6 actions',
  value: 6,
  display: '6 actions',
  figure: null,
  status: 'reached',
  method: 'Actions de l’indicateur 29 de la période.',
  actions: [],
  participation: noRate,
};

const result: ObjectiveProgress = {
  objective: { ...share.objective, id: 13, label: 'Insertion à 6 mois', measure: 'result', target: 75, actionKinds: [], cohortId: null, result: 'insertion_6' },
  targetDisplay: `≥ 75${NNBSP}%`,
  value: 50,
  display: `50,0${NNBSP}%`,
  figure: figure([101], [101, 102], `50,0${NNBSP}%`),
  status: 'missed',
  method: 'Sortants 2024-2025 en emploi à 6 mois.',
  actions: [],
  participation: noRate,
};

const isolated = action(41, 'Forum de l’alternance', '2025-11-25', 3, 10);

const plan: PlanDetail = {
  plan: { id: 5, programmeId: 1, schoolYear: '2025-2026', intent: 'Chaque apprenti de 2e année prépare sa sortie.', ownerId: 1, resources: 'Deux référents, la mission locale.', budgetCents: 150000 },
  programmeCode: 'BTS MCO',
  programmeName: 'Management commercial opérationnel',
  ownerName: 'Sophie Lefèvre',
  asOf: '2026-02-10',
  objectives: [share, count, result],
  isolatedActions: [isolated],
  people: [
    { id: 101, firstName: 'Léa', lastName: 'Martin', cohortLabel: 'BTS MCO 2024-2026' },
    { id: 102, firstName: 'Hugo', lastName: 'Petit', cohortLabel: 'BTS MCO 2024-2026' },
    ...[103, 104, 105, 106, 107, 108, 109, 110].map((id) => ({ id, firstName: 'Prénom', lastName: `Nom${id}`, cohortLabel: 'BTS MCO 2024-2026' })),
    { id: 111, firstName: 'Inès', lastName: 'Roux', cohortLabel: 'BTS MCO 2024-2026' },
  ],
};

const planRow: PlanRow = { id: 5, programmeId: 1, programmeCode: 'BTS MCO', programmeName: 'Management commercial opérationnel', schoolYear: '2025-2026', ownerName: 'Sophie Lefèvre', objectiveCount: 3 };

const milestones: Milestone[] = [
  { id: null, schoolYear: '2025-2026', kind: 'rentree', label: 'Rentrée', startDate: '2025-09-01', endDate: null },
  { id: null, schoolYear: '2025-2026', kind: 'parcoursup', label: 'Parcoursup : phase principale', startDate: '2026-06-02', endDate: '2026-07-10' },
];

function timepoint(code: 'm6' | 'm12', response: Figure, insertion: Figure): TimepointResults {
  const none = { count: 0, ids: [] };
  return {
    timepoint: code,
    leavers: { count: response.denominator, ids: response.denominatorIds },
    notYetDue: none,
    respondents: { count: response.numerator, ids: response.numeratorIds },
    unreachable: none,
    unanswered: none,
    responseRate: response,
    neutralised: none,
    insertion,
    targetJob: insertion,
    furtherStudies: figure([], response.numeratorIds, `0,0${NNBSP}%`),
    furtherStudiesByRoute: [{ ...figure([], response.numeratorIds, `0,0${NNBSP}%`), key: 'further_studies_school', label: 'dont voie scolaire' }],
    furtherStudiesByType: [],
  };
}

const review: ReviewDetail = {
  programmeId: 1,
  schoolYear: '2025-2026',
  review: null,
  results: {
    programmeId: 1,
    programmeCode: 'BTS MCO',
    programmeName: 'Management commercial opérationnel',
    schoolYear: '2025-2026',
    asOf: '2026-02-10',
    scope: 'Les sortants dont la date de sortie tombe entre le 01/09/2025 et le 31/08/2026.',
    total: {
      cohortId: null,
      label: 'BTS MCO',
      accompanied: figure([101], [101, 102], `50,0${NNBSP}%`),
      timepoints: [
        timepoint('m6', figure([101, 102, 103, 104, 105, 106, 107, 108], [101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111], `72,7${NNBSP}%`), figure([101], [101, 102], `50,0${NNBSP}%`)),
        timepoint('m12', figure([], [], 'non calculable'), figure([], [], 'non calculable')),
      ],
    },
    cohorts: [],
    people: plan.people,
  },
  objectives: [share, count, result],
  nextYearObjectives: [],
};

/** The core of a CFA whose BTS MCO has its 2025-2026 plan and whose CAP EPC has none. */
function core(overrides: Record<string, Handler> = {}): Handler {
  return (cmd, args) => {
    if (overrides[cmd]) return overrides[cmd](cmd, args);
    switch (cmd) {
      case 'list_programmes':
        return programmes;
      case 'list_staff':
        return staff;
      case 'list_cohorts':
        return cohorts;
      case 'list_plans':
        return [planRow];
      case 'get_plan':
        return plan;
      case 'list_milestones':
        return milestones;
      case 'get_review':
        return review;
      default:
        return null;
    }
  };
}

const row = (id: number) => document.querySelector<HTMLTableRowElement>(`tr[data-objective="${id}"]`)!;

describe('plan d’actions', () => {
  it('shows the plan of the chosen filière and year: intention, pilote, budget in euros', async () => {
    const { calls } = renderWithApp(PlansPage, {}, core());
    const summary = await find('[data-testid="plan-summary"]');
    expect(summary.textContent).toContain('Chaque apprenti de 2e année prépare sa sortie.');
    expect(summary.textContent).toContain('Sophie Lefèvre');
    expect(screen.getByTestId('plan-budget').textContent).toBe(`1${NNBSP}500${NBSP}€`);
    expect(calls.find((c) => c.cmd === 'list_plans')?.args).toEqual({ schoolYear: '2025-2026' });
    expect(calls.find((c) => c.cmd === 'get_plan')?.args).toEqual({ id: 5 });
    expect([...document.querySelectorAll('[role="tab"]')].map((tab) => tab.getAttribute('data-tab'))).toEqual(['objectives', 'calendar', 'review']);
  });

  it('lists the objectives with their target, the value with numerator and denominator, and the status word', async () => {
    const { container } = renderWithApp(PlansPage, {}, core());
    await find('tr[data-objective="11"]');
    expect(container.querySelectorAll('tr[data-objective]')).toHaveLength(3);

    expect(row(11).dataset.status).toBe('in_progress');
    expect(row(11).textContent).toContain(`≥ 80${NNBSP}%`);
    expect(row(11).querySelector('.objective-value')!.textContent).toContain(`72,7${NNBSP}% (8 / 11)`);
    expect(row(11).textContent).toContain('En cours');
    expect(row(11).textContent).toContain(`oct.${NBSP}2025 – mars${NBSP}2026`);
    expect(row(11).textContent).toContain('Sophie Lefèvre');
    // Two linked actions, 14 present of 22 invited.
    const linked = row(11).querySelector('.objective-actions')!;
    expect(linked.textContent).toContain('2 actions');
    expect(linked.querySelector('.participation')!.textContent).toBe(`63,6${NNBSP}% (14 / 22)`);

    expect(row(12).dataset.status).toBe('reached');
    expect(row(12).querySelector('.objective-value')!.textContent).toContain('6 actions');
    expect(row(12).textContent).toContain('Atteint');
    expect(row(12).textContent).toContain('08/09/2025 – 26/06/2026');

    expect(row(13).dataset.status).toBe('missed');
    expect(row(13).textContent).toContain('Non atteint');
    expect(row(13).querySelector('.objective-value')!.textContent).toContain(`50,0${NNBSP}% (1 / 2)`);

    expect(await axeViolations(container)).toEqual([]);
  });

  it('lists who a value counts, in its numerator and its denominator, with the method', async () => {
    renderWithApp(PlansPage, {}, core());
    await find('tr[data-objective="11"]');
    await fireEvent.click(row(11).querySelector('.objective-value button')!);
    const dialog = await find('[role="alertdialog"]');
    expect(dialog.textContent).toContain(share.method);
    const numerator = within(dialog).getByTestId('numerator');
    const denominator = within(dialog).getByTestId('denominator');
    expect(numerator.querySelectorAll('li')).toHaveLength(8);
    expect(denominator.querySelectorAll('li')).toHaveLength(11);
    expect(numerator.textContent).toContain('Léa Martin — BTS MCO 2024-2026');
    expect(numerator.textContent).not.toContain('Inès Roux');
    expect(denominator.textContent).toContain('Inès Roux — BTS MCO 2024-2026');
    // The dialog does not open the objective's form under it.
    expect(document.querySelector('#field-label')).toBeNull();
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(document.querySelector('[role="alertdialog"]')).toBeNull());
  });

  it('lists the isolated actions and opens one in Actions', async () => {
    const { store } = renderWithApp(PlansPage, {}, core());
    const list = await find('[data-testid="isolated-actions"]');
    expect(list.textContent).toContain('un système structuré, pas des actions isolées');
    const line = list.querySelector<HTMLTableRowElement>('tr[data-id="41"]')!;
    expect(line.textContent).toContain('25/11/2025');
    expect(line.textContent).toContain('Forum de l’alternance');
    expect(line.textContent).toContain('Job dating / forum / salon');
    expect(line.textContent).toContain('3 / 10');
    // Linked actions are not isolated.
    expect(list.textContent).not.toContain('Simulations d’entretien');
    await fireEvent.click(within(line).getByRole('button', { name: 'Forum de l’alternance' }));
    expect(store.section).toBe('actions');
    expect(store.recordToOpen).toBe(41);
  });

  it('opens an objective from its row and shows the core’s refusal next to its field', async () => {
    const { calls } = renderWithApp(
      PlansPage,
      {},
      core({
        save_objective: () => {
          throw validationError({ target: 'La cible (en %) est un nombre de 0 à 100.' });
        },
      }),
    );
    await find('tr[data-objective="11"]');
    await fireEvent.click(row(11).querySelector('td.period')!);
    const label = await find<HTMLInputElement>('#field-label');
    expect(label.value).toBe(share.objective.label);
    expect(document.querySelector<HTMLInputElement>('#field-periodStart')!.value).toBe('01/10/2025');
    expect(document.querySelector<HTMLSelectElement>('#field-measure')!.value).toBe('cohort_share');
    expect(document.querySelector<HTMLSelectElement>('#field-cohortId')).not.toBeNull();

    const target = document.querySelector<HTMLInputElement>('#field-target')!;
    expect(target.value).toBe('80');
    await fireEvent.input(target, { target: { value: '180' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    await waitFor(() => expect(document.querySelector('#error-target')?.textContent).toContain('La cible (en %) est un nombre de 0 à 100.'));
    expect(target.getAttribute('aria-invalid')).toBe('true');
    expect(target.value).toBe('180');
    const sent = calls.find((c) => c.cmd === 'save_objective')?.args.input as Record<string, unknown>;
    expect(sent).toMatchObject({ id: 11, planId: 5, measure: 'cohort_share', target: '180', cohortId: 1, actionKinds: ['cv_workshop'], periodStart: '01/10/2025', periodEnd: '31/03/2026' });
  });

  it('shows the fields of the measure chosen, and fills the period from months', async () => {
    renderWithApp(PlansPage, {}, core());
    await find('tr[data-objective="11"]');
    await fireEvent.click(document.querySelector('[data-action="new-objective"]')!);
    const measure = await find<HTMLSelectElement>('#field-measure');
    expect(document.querySelector('#field-target')).toBeNull();

    await fireEvent.change(measure, { target: { value: 'result' } });
    expect(document.querySelector('#field-result')).not.toBeNull();
    expect(document.querySelector('#field-cohortId')).toBeNull();
    expect(document.body.textContent).toContain('Mesuré sur les sortants de l’année précédente, dont les questionnaires tombent pendant ce plan.');

    await fireEvent.change(measure, { target: { value: 'action_count' } });
    expect(document.querySelector('label[for="field-target"]')!.textContent).toContain('nombre d’actions');
    expect(document.querySelector('#field-actionKinds')).not.toBeNull();
    expect(document.body.textContent).toContain('Aucun coché = toutes les actions de l’indicateur 29.');

    await fireEvent.change(measure, { target: { value: 'manual' } });
    expect(document.querySelector('#field-manualValue')).not.toBeNull();
    expect(document.querySelector('#field-manualSource')).not.toBeNull();

    // October → March: from the 1st of October to the 31st of March.
    await fireEvent.change(document.querySelector('#field-fromMonth')!, { target: { value: '1' } });
    await fireEvent.change(document.querySelector('#field-toMonth')!, { target: { value: '6' } });
    expect(document.querySelector<HTMLInputElement>('#field-periodStart')!.value).toBe('01/10/2025');
    expect(document.querySelector<HTMLInputElement>('#field-periodEnd')!.value).toBe('31/03/2026');
  });

  it('offers to create the plan when the filière has none for the year, with the year and filière of the screen', async () => {
    const { calls } = renderWithApp(PlansPage, {}, core({ list_plans: () => [] }));
    const create = await find('[data-action="create-plan"]');
    expect(create.textContent).toContain('Créer le plan d’actions 2025-2026');
    await fireEvent.click(create);
    await fireEvent.input(await find('#field-budget'), { target: { value: '1 500 €' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_action_plan')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_action_plan')?.args.input).toMatchObject({ id: null, programmeId: 1, schoolYear: '2025-2026', budget: '1 500 €' });
  });

  it('follows the filière chosen and the school year of the top bar', async () => {
    const { calls, store } = renderWithApp(PlansPage, {}, core({ list_plans: (_cmd, args) => (args.schoolYear === '2025-2026' ? [planRow] : []) }));
    await find('tr[data-objective="11"]');
    await fireEvent.change(screen.getByTestId('plan-programme'), { target: { value: '2' } });
    await find('[data-action="create-plan"]');
    expect(calls.filter((c) => c.cmd === 'list_cohorts').at(-1)?.args).toEqual({ programmeId: 2 });
    await fireEvent.change(screen.getByTestId('plan-programme'), { target: { value: '1' } });
    await find('tr[data-objective="11"]');
    store.schoolYear = '2024-2025';
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'list_plans').at(-1)?.args).toEqual({ schoolYear: '2024-2025' }));
    await find('[data-action="create-plan"]');
    expect(document.body.textContent).toContain('Créer le plan d’actions 2024-2025');
  });

  it('draws the year’s calendar: milestones, objectives by status, linked and isolated actions', async () => {
    const { calls } = renderWithApp(PlansPage, {}, core({ edit_milestones: () => milestones.map((m, i) => ({ ...m, id: 70 + i })) }));
    await find('tr[data-objective="11"]');
    await fireEvent.click(document.querySelector('[data-tab="calendar"]')!);
    const calendar = await find('[data-testid="plan-calendar"]');
    await waitFor(() => expect(calendar.textContent).toContain('Parcoursup : phase principale'));
    expect(calls.find((c) => c.cmd === 'list_milestones')?.args).toEqual({ schoolYear: '2025-2026' });
    expect(calendar.textContent).toContain('sept.');
    expect(calendar.textContent).toContain('août');
    expect(calendar.querySelector('[data-calendar-objective="13"]')!.getAttribute('data-status')).toBe('missed');
    expect(calendar.querySelector('[data-calendar-objective="13"]')!.textContent).toContain('Non atteint');
    expect(calendar.querySelector('[data-calendar-action="31"]')!.getAttribute('data-isolated')).toBe('false');
    expect(calendar.querySelector('[data-calendar-action="41"]')!.getAttribute('data-isolated')).toBe('true');

    await fireEvent.click(calendar.querySelector('[data-action="edit-milestones"]')!);
    await waitFor(() => expect(calendar.querySelectorAll('[data-action="edit-milestone"]')).toHaveLength(2));
    expect(calls.find((c) => c.cmd === 'edit_milestones')?.args).toEqual({ schoolYear: '2025-2026' });
    await fireEvent.click(calendar.querySelectorAll('[data-action="edit-milestone"]')[0]);
    expect((await find<HTMLInputElement>('#field-label')).value).toBe('Rentrée');
    expect(document.querySelector('[data-action="delete"]')).not.toBeNull();
    expect(await axeViolations(calendar)).toEqual([]);
  });

  it('fills the annual review with the results and saves what the CFA writes', async () => {
    const { calls, store } = renderWithApp(PlansPage, {}, core({ save_annual_review: () => ({ ...review, review: { id: 9, programmeId: 1, schoolYear: '2025-2026', difficulties: 'Peu de réponses.', priorities: '', nextObjectiveIds: [] } }) }));
    await find('tr[data-objective="11"]');
    await fireEvent.click(document.querySelector('[data-tab="review"]')!);
    const tab = await find('[data-testid="annual-review"]');
    await waitFor(() => expect(tab.querySelector('[data-testid="review-results"]')).not.toBeNull());
    expect(calls.find((c) => c.cmd === 'get_review')?.args).toEqual({ programmeId: 1, schoolYear: '2025-2026' });
    expect(tab.textContent).toContain(review.results.scope);
    const response = tab.querySelector('tr[data-figure="response_rate"]')!;
    expect(response.textContent).toContain(`72,7${NNBSP}% (8 / 11)`);
    expect(response.textContent).toContain('non calculable');
    expect(tab.querySelector('tr[data-figure="further_studies_school"]')!.textContent).toContain('dont voie scolaire');
    expect(tab.querySelector('li[data-objective="13"]')!.textContent).toContain('Non atteint');
    expect(tab.textContent).toContain('Créez d’abord le plan 2026-2027 pour les lier.');

    expect(await axeViolations(tab)).toEqual([]);

    await fireEvent.input(document.querySelector('#field-difficulties')!, { target: { value: 'Peu de réponses.' } });
    // What is typed survives a look at another tab, and leaving the section asks first.
    expect(store.unsaved).toBe(true);
    await fireEvent.click(document.querySelector('[data-tab="objectives"]')!);
    await find('tr[data-objective="11"]');
    await fireEvent.click(document.querySelector('[data-tab="review"]')!);
    await waitFor(() => expect(document.querySelector<HTMLTextAreaElement>('#field-difficulties')?.value).toBe('Peu de réponses.'));
    await fireEvent.click(document.querySelector('[data-action="save-review"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_annual_review')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_annual_review')?.args.input).toEqual({ id: null, programmeId: 1, schoolYear: '2025-2026', difficulties: 'Peu de réponses.', priorities: '', nextObjectiveIds: [] });
    await waitFor(() => expect(document.querySelector('[data-action="delete-review"]')).not.toBeNull());
    expect(store.unsaved).toBe(false);
  });
});

describe('plan helpers', () => {
  it('write a period by months when it covers whole months, else by days', () => {
    expect(formatPeriod('2025-10-01', '2026-03-31', MONTHS)).toBe(`oct.${NBSP}2025 – mars${NBSP}2026`);
    expect(formatPeriod('2026-02-01', '2026-02-28', MONTHS)).toBe(`févr.${NBSP}2026`);
    expect(formatPeriod('2025-10-06', '2026-03-31', MONTHS)).toBe('06/10/2025 – 31/03/2026');
    expect(formatPeriod('2025-10-01', '2026-03-30', MONTHS)).toBe('01/10/2025 – 30/03/2026');
  });

  it('give a month’s bounds, leap years included, and the months of a school year', () => {
    expect(monthBounds({ year: 2028, month: 2 })).toEqual({ start: '01/02/2028', end: '29/02/2028' });
    const months = schoolYearMonths('2025-2026');
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ year: 2025, month: 9 });
    expect(months[4]).toEqual({ year: 2026, month: 1 });
    expect(months[11]).toEqual({ year: 2026, month: 8 });
    expect(nextSchoolYear('2025-2026')).toBe('2026-2027');
  });

  it('place days and periods on the school year, cut to it', () => {
    expect(yearPosition('2025-08-31', '2025-2026')).toBeNull();
    expect(yearPosition('2026-09-01', '2025-2026')).toBeNull();
    expect(yearPosition('2025-09-01', '2025-2026')!).toBeCloseTo(0.5 / 365, 5);
    const whole = yearSpan('2025-09-01', '2026-08-31', '2025-2026')!;
    expect(whole.left).toBe(0);
    expect(whole.width).toBeCloseTo(1, 10);
    const cut = yearSpan('2025-06-01', '2025-09-30', '2025-2026')!;
    expect(cut.left).toBe(0);
    expect(cut.cutStart).toBe(true);
    expect(cut.width).toBeCloseTo(30 / 365, 5);
    expect(yearSpan('2024-01-01', '2024-02-01', '2025-2026')).toBeNull();
    // A single day is one day wide.
    expect(yearSpan('2026-01-10', null, '2025-2026')!.width).toBeCloseTo(1 / 365, 5);
  });

  it('write budgets, figures and find a new id', () => {
    expect(formatBudget(150000)).toBe(`1${NNBSP}500${NBSP}€`);
    expect(formatBudget(150050)).toBe(`1${NNBSP}500,50${NBSP}€`);
    expect(formatBudget(null)).toBe('');
    expect(figureText({ display: `72,7${NNBSP}%`, numerator: 8, denominator: 11, percent: 72.7 })).toBe(`72,7${NNBSP}% (8 / 11)`);
    expect(figureText({ display: 'non calculable', numerator: 0, denominator: 0, percent: null })).toBe('non calculable');
    expect(addedId([1, 2], [1, 3, 2])).toBe(3);
    expect(addedId([1, 2], [1, 2])).toBeNull();
  });
});
