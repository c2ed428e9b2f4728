// « Suivi des sortants »: the promo opened first, the grid's states and
// response rates, the questionnaire form of a cell (fixed timepoint, one
// save_exit_survey, the core's message next to its field, deletion), and the
// filière's results (« non calculable », who a figure counts).
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import SurveysPage from '../lib/features/surveys/SurveysPage.svelte';
import { pickCohort } from '../lib/features/surveys/surveys';
import { schoolYearOf, todayTyped as todayInput } from '../lib/format';
import type { ApprenticeRow } from '../lib/api/generated/ApprenticeRow';
import type { CohortRow } from '../lib/api/generated/CohortRow';
import type { ExitSurvey } from '../lib/api/generated/ExitSurvey';
import type { ExitSurveyInput } from '../lib/api/generated/ExitSurveyInput';
import type { Figure } from '../lib/api/generated/Figure';
import type { ProgrammeResults } from '../lib/api/generated/ProgrammeResults';
import type { ProgrammeRow } from '../lib/api/generated/ProgrammeRow';
import type { ReferenceData } from '../lib/api/generated/ReferenceData';
import type { SurveyCell } from '../lib/api/generated/SurveyCell';
import type { SurveyGrid } from '../lib/api/generated/SurveyGrid';
import type { TimepointResults } from '../lib/api/generated/TimepointResults';
import { axeViolations, find, loadedStore, reference, renderWithApp, settle, validationError, type Handler } from './fixtures';

// The shared fixtures' closed lists: the same labels the core sends.
const fullReference: ReferenceData = reference;

function store() {
  const s = loadedStore();
  s.reference = fullReference;
  return s;
}

const programmes: ProgrammeRow[] = [
  { id: 1, code: 'BTS MCO', name: 'Management commercial opérationnel', diplomaCode: null, rncpCode: null, level: 5, cohortCount: 3, apprenticeCount: 60 },
  { id: 2, code: 'CAP CUIS', name: 'Cuisine', diplomaCode: null, rncpCode: null, level: 3, cohortCount: 1, apprenticeCount: 12 },
];

function cohort(id: number, programmeId: number, start: number): CohortRow {
  return {
    id, programmeId, programmeCode: programmeId === 1 ? 'BTS MCO' : 'CAP CUIS', programmeName: '', label: `Promo ${start}-${start + 2}`,
    startDate: `${start}-09-01`, endDate: `${start + 2}-06-30`, apprenticeCount: 20,
  };
}

// Given oldest first: the screen shows them newest first.
const cohortsOf: Record<number, CohortRow[]> = { 1: [cohort(11, 1, 2023), cohort(13, 1, 2025), cohort(12, 1, 2024)], 2: [cohort(21, 2, 2023)] };

function cell(timepoint: SurveyCell['timepoint'], state: SurveyCell['state'], dueOn: string, situation: SurveyCell['situation'] = null, surveyId: number | null = null): SurveyCell {
  return { timepoint, state, dueOn, situation, surveyId };
}

const rate = (numerator: number, denominator: number, display: string) => ({ numerator, denominator, percent: denominator ? (numerator * 100) / denominator : null, display, method: 'Répondants ÷ sortants.' });

function grid(cohortId: number, m6Answered = false): SurveyGrid {
  if (cohortId === 13) return { cohortId, cohortLabel: 'Promo 2025-2027', programmeCode: 'BTS MCO', asOf: '2026-01-10', inTraining: 20, rows: [], response: [rate(0, 0, 'non calculable'), rate(0, 0, 'non calculable'), rate(0, 0, 'non calculable'), rate(0, 0, 'non calculable')] };
  if (cohortId === 12)
    return {
      cohortId, cohortLabel: 'Promo 2024-2026', programmeCode: 'BTS MCO', asOf: '2026-01-10', inTraining: 19,
      rows: [{ apprenticeId: 201, firstName: 'Tom', lastName: 'Roux', status: 'dropped_out', exitDate: '2025-02-14', cells: [cell('exit', 'overdue', '2025-02-14'), cell('m3', 'overdue', '2025-05-14'), cell('m6', 'overdue', '2025-08-14'), cell('m12', 'due', '2026-02-14')] }],
      response: [rate(0, 1, '0,0\u202f%'), rate(0, 1, '0,0\u202f%'), rate(0, 1, '0,0\u202f%'), rate(0, 0, 'non calculable')],
    };
  if (cohortId === 21) return { cohortId, cohortLabel: 'Promo 2023-2025', programmeCode: 'CAP CUIS', asOf: '2026-01-10', inTraining: 0, rows: [{ apprenticeId: 301, firstName: 'Inès', lastName: 'Faure', status: 'graduated', exitDate: '2025-06-30', cells: [cell('exit', 'due', '2025-06-30'), cell('m3', 'due', '2025-09-30'), cell('m6', 'due', '2025-12-30'), cell('m12', 'not_yet_due', '2026-06-30')] }], response: [rate(0, 1, '0,0\u202f%'), rate(0, 1, '0,0\u202f%'), rate(0, 1, '0,0\u202f%'), rate(0, 0, 'non calculable')] };
  return {
    cohortId: 11,
    cohortLabel: 'Promo 2023-2025',
    programmeCode: 'BTS MCO',
    asOf: '2026-01-10',
    inTraining: 2,
    rows: [
      {
        apprenticeId: 101, firstName: 'Léa', lastName: 'Durand', status: 'graduated', exitDate: '2025-06-30',
        cells: [
          cell('exit', 'answered', '2025-06-30', 'employed', 501),
          cell('m3', 'answered', '2025-09-30', 'school_studies', 502),
          m6Answered ? cell('m6', 'answered', '2025-12-30', 'employed', 503) : cell('m6', 'overdue', '2025-12-30'),
          cell('m12', 'not_yet_due', '2026-06-30'),
        ],
      },
      {
        apprenticeId: 102, firstName: 'Hugo', lastName: 'Martin', status: 'failed', exitDate: '2025-06-30',
        cells: [cell('exit', 'answered', '2025-06-30', 'unreachable', 504), cell('m3', 'due', '2025-09-30'), cell('m6', 'due', '2025-12-30'), cell('m12', 'not_yet_due', '2026-06-30')],
      },
      {
        apprenticeId: 103, firstName: 'Zoé', lastName: 'Petit', status: 'graduated', exitDate: '2025-06-30',
        cells: [cell('exit', 'answered', '2025-06-30', 'apprenticeship', 505), cell('m3', 'overdue', '2025-09-30'), cell('m6', 'due', '2025-12-30'), cell('m12', 'not_yet_due', '2026-06-30')],
      },
    ],
    response: [rate(2, 3, '66,7\u202f%'), rate(1, 3, '33,3\u202f%'), m6Answered ? rate(1, 3, '33,3\u202f%') : rate(0, 3, '0,0\u202f%'), rate(0, 0, 'non calculable')],
  };
}

const existing: ExitSurvey = {
  id: 501, apprenticeId: 101, timepoint: 'exit', surveyedOn: '2025-07-02', method: 'phone', situation: 'employed',
  contract: 'cdi', inTargetJob: true, studyType: null, institution: null, comment: 'Embauchée par son employeur.',
};

function figure(key: string, label: string, num: number[], den: number[], display: string): Figure {
  return { key, label, numeratorIds: num, denominatorIds: den, numerator: num.length, denominator: den.length, percent: den.length ? (num.length * 100) / den.length : null, display, method: `Méthode de ${label}.` };
}

const none = (key: string, label: string) => figure(key, label, [], [], 'non calculable');
const count = (ids: number[]) => ({ count: ids.length, ids });

function timepoint(tp: 'm6' | 'm12', answered: boolean): TimepointResults {
  if (!answered)
    return {
      timepoint: tp, leavers: count([]), notYetDue: count([101, 102, 103]), respondents: count([]), unreachable: count([]), unanswered: count([]), neutralised: count([]),
      responseRate: none('response_rate', 'Taux de réponse'), insertion: none('insertion', 'Taux d’insertion global'), targetJob: none('target_job', 'Taux d’insertion dans le métier visé'),
      furtherStudies: none('further_studies', 'Taux de poursuite d’études'),
      furtherStudiesByRoute: [none('further_studies_school', 'Poursuite d’études par la voie scolaire'), none('further_studies_apprenticeship', 'Poursuite d’études par l’apprentissage')],
      furtherStudiesByType: [],
    };
  return {
    timepoint: tp, leavers: count([101, 102, 103]), notYetDue: count([]), respondents: count([101, 103]), unreachable: count([102]), unanswered: count([]), neutralised: count([103]),
    responseRate: figure('response_rate', 'Taux de réponse', [101, 103], [101, 102, 103], '66,7\u202f%'),
    insertion: figure('insertion', 'Taux d’insertion global', [101], [101], '100,0\u202f%'),
    targetJob: figure('target_job', 'Taux d’insertion dans le métier visé', [], [101], '0,0\u202f%'),
    furtherStudies: figure('further_studies', 'Taux de poursuite d’études', [103], [101, 103], '50,0\u202f%'),
    furtherStudiesByRoute: [figure('further_studies_school', 'Poursuite d’études par la voie scolaire', [], [101, 103], '0,0\u202f%'), figure('further_studies_apprenticeship', 'Poursuite d’études par l’apprentissage', [103], [101, 103], '50,0\u202f%')],
    furtherStudiesByType: [figure('study_type:bts', 'BTS', [103], [103], '100,0\u202f%')],
  };
}

const results: ProgrammeResults = {
  programmeId: 1, programmeCode: 'BTS MCO', programmeName: 'Management commercial opérationnel', schoolYear: '2024-2025', asOf: '2026-01-10',
  scope: 'Sortants dont la date de sortie tombe dans l’année scolaire 2024-2025 (du 01/09/2024 au 31/08/2025), mesurés au 10/01/2026.',
  total: { cohortId: null, label: 'BTS MCO', accompanied: figure('accompanied', 'Apprentis accompagnés', [101, 103], [101, 102, 103], '66,7\u202f%'), timepoints: [timepoint('m6', true), timepoint('m12', false)] },
  cohorts: [{ cohortId: 11, label: 'Promo 2023-2025', accompanied: figure('accompanied', 'Apprentis accompagnés', [101, 103], [101, 102, 103], '66,7\u202f%'), timepoints: [timepoint('m6', true), timepoint('m12', false)] }],
  people: [
    { id: 101, firstName: 'Léa', lastName: 'Durand', cohortLabel: 'Promo 2023-2025' },
    { id: 102, firstName: 'Hugo', lastName: 'Martin', cohortLabel: 'Promo 2023-2025' },
    { id: 103, firstName: 'Zoé', lastName: 'Petit', cohortLabel: 'Promo 2023-2025' },
  ],
};

function apprentice(id: number, firstName: string, lastName: string, cohortId: number, exitDate: string | null): ApprenticeRow {
  const promo = Object.values(cohortsOf).flat().find((c) => c.id === cohortId)!;
  return {
    id, firstName, lastName, cohortId, cohortLabel: promo.label, programmeId: promo.programmeId, programmeCode: promo.programmeCode,
    referentName: null, birthDate: null, email: null, phone: null, employer: null, employerSiret: null, contractStart: null, contractEnd: null,
    status: exitDate ? 'graduated' : 'in_training', exitDate, referentId: null,
  };
}

/** Every apprentice of the CFA: the leavers of the grids above and one still in training. */
const apprentices: ApprenticeRow[] = [
  apprentice(101, 'Léa', 'Durand', 11, '2025-06-30'),
  apprentice(102, 'Hugo', 'Martin', 11, '2025-06-30'),
  apprentice(103, 'Zoé', 'Petit', 11, '2025-06-30'),
  apprentice(201, 'Tom', 'Roux', 12, '2025-02-14'),
  apprentice(301, 'Inès', 'Faure', 21, '2025-06-30'),
  apprentice(302, 'Inès', 'Fabre', 21, null),
];

/** The core as the screen sees it; `extra` answers first when it returns something. */
function ipc(extra: Handler = () => undefined): Handler {
  let saved = false;
  return (cmd, args) => {
    const answer = extra(cmd, args);
    if (answer !== undefined) return answer;
    switch (cmd) {
      case 'list_programmes':
        return programmes;
      case 'list_apprentices':
        return apprentices;
      case 'list_cohorts':
        return cohortsOf[args.programmeId as number];
      case 'get_survey_grid':
        return grid(args.cohortId as number, saved);
      case 'get_exit_survey':
        return existing;
      case 'save_exit_survey':
        saved = true;
        return { ...existing, ...(args.input as ExitSurveyInput), id: 503, timepoint: 'm6', surveyedOn: '2026-01-10' };
      case 'get_programme_results':
        return { ...results, schoolYear: args.schoolYear };
      case 'get_deletion_impact':
        return { allowed: true, message: 'Supprimer ce questionnaire de sortie ?' };
      default:
        return null;
    }
  };
}

const cellOf = (apprentice: number, tp: string) => document.querySelector<HTMLButtonElement>(`[data-apprentice="${apprentice}"][data-timepoint="${tp}"]`)!;
const select = (id: string) => document.querySelector<HTMLSelectElement>(id)!;

async function openPage(handler: Handler = ipc()) {
  const rendered = renderWithApp(SurveysPage, {}, handler, store());
  await find('[data-testid="survey-grid"]');
  await find('[data-figure="insertion"][data-timepoint="m6"]');
  return rendered;
}

describe('survey helpers', () => {
  it('puts a date in its school year and types today as dd/mm/yyyy', () => {
    expect(schoolYearOf('2025-06-30')).toBe('2024-2025');
    expect(schoolYearOf('2025-09-01')).toBe('2025-2026');
    expect(todayInput(new Date(2026, 0, 5))).toBe('05/01/2026');
  });

  it('opens the newest promo that has left, not one with a single early leaver', async () => {
    const newest = [cohort(13, 1, 2025), cohort(12, 1, 2024), cohort(11, 1, 2023)];
    expect((await pickCohort(newest, async (id) => grid(id))).cohortId).toBe(11);
    // With only the early leaver, that promo; with no leaver at all, the newest.
    expect((await pickCohort(newest.slice(0, 2), async (id) => grid(id))).cohortId).toBe(12);
    expect((await pickCohort(newest.slice(0, 1), async (id) => grid(id))).cohortId).toBe(13);
  });
});

describe('cohort grid', () => {
  it('opens on the promo whose apprentices left, shows each state and the response row', async () => {
    const { calls } = await openPage();
    expect([...select('#survey-cohort').options].map((o) => o.text)).toEqual(['Promo 2025-2027', 'Promo 2024-2026', 'Promo 2023-2025']);
    expect(select('#survey-cohort').value).toBe('11');
    expect(screen.getByTestId('count').textContent).toBe('3 sortants');

    const first = screen.getByTestId('survey-grid').querySelector('tbody tr')!;
    expect(first.textContent).toContain('Durand Léa');
    expect(first.textContent).toContain('Diplômé(e)');
    expect(first.textContent).toContain('30/06/2025');

    expect(cellOf(101, 'exit').dataset.state).toBe('answered');
    expect(cellOf(101, 'exit').textContent?.trim()).toBe('En emploi');
    expect(cellOf(101, 'm3').textContent?.trim()).toBe('Poursuite (scolaire)');
    expect(cellOf(102, 'exit').textContent?.trim()).toBe('Injoignable');
    expect(cellOf(103, 'exit').textContent?.trim()).toBe('Apprentissage');
    expect(cellOf(101, 'm6').dataset.state).toBe('overdue');
    expect(cellOf(101, 'm6').textContent?.trim()).toBe('En retard');
    expect(cellOf(102, 'm3').dataset.state).toBe('due');
    expect(cellOf(102, 'm3').textContent?.trim()).toBe('À recueillir');
    expect(cellOf(101, 'm12').dataset.state).toBe('not_yet_due');
    expect(cellOf(101, 'm12').textContent?.trim()).toBe('dû le 30/06/2026');
    expect(cellOf(101, 'exit').tagName).toBe('BUTTON');

    const m3 = document.querySelector('[data-response="m3"]')!.textContent!.replace(/[ \n\t]+/g, ' ');
    expect(m3).toContain('33,3\u202f%');
    expect(m3).toContain('(1 / 3)');
    expect(document.querySelector('[data-response="m12"]')!.textContent).toContain('non calculable');

    const facts = screen.getByTestId('in-training').textContent!;
    expect(facts).toContain('2 apprentis de cette promo sont encore en formation');
    expect(facts).toContain('plus de 30 jours est en retard');
    // The results follow the promo: its leavers left in 2024-2025.
    expect(calls.find((c) => c.cmd === 'get_programme_results')?.args).toEqual({ programmeId: 1, schoolYear: '2024-2025' });
    expect(select('#results-year').value).toBe('2024-2025');
  });

  it('explains an empty promo and remembers the promo chosen in each filière', async () => {
    await openPage();
    await fireEvent.change(select('#survey-cohort'), { target: { value: '13' } });
    expect(await screen.findByText('Aucun sortant dans cette promo')).toBeTruthy();
    expect(screen.getByText('Indiquez la date et le motif de sortie sur la fiche de l’apprenti(e).')).toBeTruthy();
    expect(screen.getByTestId('in-training').textContent).toContain('20 apprentis');

    await fireEvent.change(select('#survey-programme'), { target: { value: '2' } });
    await waitFor(() => expect(cellOf(301, 'exit')).toBeTruthy());
    await fireEvent.change(select('#survey-programme'), { target: { value: '1' } });
    await waitFor(() => expect(select('#survey-cohort').value).toBe('13'));
    expect(await screen.findByText('Aucun sortant dans cette promo')).toBeTruthy();
  });

  it('moves between cells with the arrow keys, one tab stop for the grid', async () => {
    await openPage();
    const stops = [...screen.getByTestId('survey-grid').querySelectorAll('button')].filter((b) => b.tabIndex === 0);
    expect(stops).toHaveLength(1);
    cellOf(101, 'exit').focus();
    await fireEvent.keyDown(cellOf(101, 'exit'), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cellOf(101, 'm3'));
    await fireEvent.keyDown(cellOf(101, 'm3'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cellOf(102, 'm3'));
    await fireEvent.keyDown(cellOf(102, 'm3'), { key: 'End' });
    expect(document.activeElement).toBe(cellOf(102, 'm12'));
  });

  it('finds a leaver by name in another filière, opens their promo and marks their row', async () => {
    const { calls } = await openPage();
    expect(calls.find((c) => c.cmd === 'list_apprentices')?.args).toEqual({ filter: { programmeId: null, cohortId: null } });
    const finder = await find<HTMLInputElement>('#field-survey-find');
    expect(document.querySelector('label[for="field-survey-find"]')!.textContent).toContain('Retrouver un(e) sortant(e)');
    const options = () => [...document.querySelectorAll('[data-combobox-item]')].map((el) => el.textContent?.replace(/\s+/g, ' ').trim());

    // Typed without its accent; the namesake still in training is not a leaver.
    finder.focus();
    await fireEvent.keyDown(finder, { key: 's' });
    await fireEvent.input(finder, { target: { value: 'ines' } });
    await settle();
    expect(options()).toEqual(['Faure Inès CAP CUIS · Promo 2023-2025 · sortie le 30/06/2025']);
    const grids = calls.filter((c) => c.cmd === 'get_survey_grid').length;
    await fireEvent.keyDown(finder, { key: 'Enter' });

    await waitFor(() => expect(document.querySelector('tr[data-id="301"]')?.getAttribute('aria-current')).toBe('true'));
    expect(select('#survey-programme').value).toBe('2');
    expect(select('#survey-cohort').value).toBe('21');
    // One grid call, for their promo.
    expect(calls.filter((c) => c.cmd === 'get_survey_grid').slice(grids).map((c) => c.args)).toEqual([{ cohortId: 21 }]);
    expect(document.querySelector('tr[data-id="301"]')!.classList.contains('current')).toBe(true);
    expect(finder.value).toBe('Faure Inès');
    // Their first questionnaire still to collect has the focus.
    await waitFor(() => expect(document.activeElement).toBe(cellOf(301, 'exit')));

    // Back in the first filière: the promo of the one found, their first unanswered cell.
    finder.focus();
    await fireEvent.keyDown(finder, { key: 'a' });
    await fireEvent.input(finder, { target: { value: 'durand lea' } });
    await settle();
    await fireEvent.keyDown(finder, { key: 'Enter' });
    await waitFor(() => expect(document.querySelector('tr[data-id="101"]')?.getAttribute('aria-current')).toBe('true'));
    expect(select('#survey-programme').value).toBe('1');
    expect(select('#survey-cohort').value).toBe('11');
    await waitFor(() => expect(document.activeElement).toBe(cellOf(101, 'm6')));

    // Another leaver of the same promo: the mark moves to their row.
    finder.focus();
    await fireEvent.keyDown(finder, { key: 'o' });
    await fireEvent.input(finder, { target: { value: 'hugo' } });
    await settle();
    await fireEvent.keyDown(finder, { key: 'Enter' });
    await waitFor(() => expect(document.querySelector('tr[data-id="102"]')?.getAttribute('aria-current')).toBe('true'));
    expect(document.querySelector('tr[data-id="101"]')!.hasAttribute('aria-current')).toBe(false);
    expect(document.querySelector('tr[data-id="101"]')!.classList.contains('current')).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(cellOf(102, 'm3')));
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('shows a load failure with a way to try again', async () => {
    let fail = true;
    renderWithApp(SurveysPage, {}, ipc((cmd) => {
      if (cmd === 'list_programmes' && fail) throw { code: 'storage', message: 'La base de données est verrouillée.', fields: [] };
      return undefined;
    }), store());
    expect((await screen.findByRole('alert')).textContent).toContain('verrouillée');
    fail = false;
    await fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await find('[data-testid="survey-grid"]');
  });
});

describe('questionnaire form', () => {
  it('opens an overdue cell as a new questionnaire with its timepoint and apprentice fixed', async () => {
    const { calls } = await openPage();
    await fireEvent.click(cellOf(101, 'm6'));
    const panel = await screen.findByRole('dialog');
    expect(panel.textContent).toContain('Léa Durand — À 6 mois');
    expect(screen.getByTestId('survey-fixed').textContent).toContain('À 6 mois');
    expect(screen.getByTestId('survey-fixed').textContent).toContain('Durand Léa');
    // Fixed: no field to change the timepoint or the apprentice.
    expect(document.querySelector('#field-timepoint')).toBeNull();
    expect(document.querySelector('#field-apprenticeId')).toBeNull();
    expect(document.querySelector<HTMLInputElement>('#field-surveyedOn')!.value).toBe(todayInput());
    expect(document.querySelector('[data-action="delete"]')).toBeNull();
    expect(calls.some((c) => c.cmd === 'get_exit_survey')).toBe(false);
    // The job's details only once the situation is a job.
    expect(document.querySelector('#field-contract')).toBeNull();
  });

  it('saves with the apprentice and the timepoint of the cell, then reloads the grid and the results', async () => {
    const { calls, store: app } = await openPage();
    await fireEvent.click(cellOf(101, 'm6'));
    await find('#field-situation');
    await fireEvent.change(select('#field-method'), { target: { value: 'phone' } });
    await fireEvent.change(select('#field-situation'), { target: { value: 'employed' } });
    await fireEvent.change(await find('#field-contract'), { target: { value: 'cdi' } });
    await fireEvent.click(document.querySelector('#field-inTargetJob')!);
    const grids = calls.filter((c) => c.cmd === 'get_survey_grid').length;
    const figures = calls.filter((c) => c.cmd === 'get_programme_results').length;

    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_exit_survey')).toBe(true));
    expect(calls.find((c) => c.cmd === 'save_exit_survey')?.args).toEqual({
      input: {
        id: null, apprenticeId: 101, timepoint: 'm6', surveyedOn: todayInput(), method: 'phone', situation: 'employed',
        contract: 'cdi', inTargetJob: true, studyType: '', institution: '', comment: '',
      },
    });
    await waitFor(() => expect(app.toasts.items.map((toast) => toast.message)).toContain('Questionnaire enregistré.'));
    await waitFor(() => expect(cellOf(101, 'm6').dataset.state).toBe('answered'));
    expect(calls.filter((c) => c.cmd === 'get_survey_grid').length).toBe(grids + 1);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'get_programme_results').length).toBe(figures + 1));
    // The form stays on the saved questionnaire, which can now be deleted.
    expect(document.querySelector('[data-action="delete"]')).not.toBeNull();
  });

  it('shows the core’s message next to the contract and keeps what was typed', async () => {
    const { calls, store: app } = await openPage(ipc((cmd) => {
      if (cmd === 'save_exit_survey') throw validationError({ contract: 'Choisissez le type de contrat de l’emploi.' });
      return undefined;
    }));
    await fireEvent.click(cellOf(102, 'm3'));
    await find('#field-situation');
    await fireEvent.change(select('#field-method'), { target: { value: 'email' } });
    await fireEvent.change(select('#field-situation'), { target: { value: 'employed_abroad' } });
    await fireEvent.input(await find('#field-comment'), { target: { value: 'Parti au Canada.' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);

    await waitFor(() => expect(document.querySelector('#error-contract')?.textContent).toContain('Choisissez le type de contrat'));
    expect(calls.find((c) => c.cmd === 'save_exit_survey')?.args).toMatchObject({ input: { apprenticeId: 102, timepoint: 'm3', situation: 'employed_abroad' } });
    expect(select('#field-contract').getAttribute('aria-invalid')).toBe('true');
    expect(select('#field-method').value).toBe('email');
    expect(select('#field-situation').value).toBe('employed_abroad');
    expect(document.querySelector<HTMLTextAreaElement>('#field-comment')!.value).toBe('Parti au Canada.');
    expect(app.toasts.items.some((toast) => toast.kind === 'success')).toBe(false);
  });

  it('opens an answered cell’s questionnaire, explains the apprenticeship route, and deletes it', async () => {
    const { calls } = await openPage();
    await fireEvent.click(cellOf(101, 'exit'));
    await find('#field-situation');
    expect(calls.find((c) => c.cmd === 'get_exit_survey')?.args).toEqual({ id: 501 });
    expect(document.querySelector<HTMLInputElement>('#field-surveyedOn')!.value).toBe('02/07/2025');
    expect(select('#field-situation').value).toBe('employed');
    expect(select('#field-contract').value).toBe('cdi');
    expect(document.querySelector<HTMLInputElement>('#field-inTargetJob')!.checked).toBe(true);

    await fireEvent.change(select('#field-situation'), { target: { value: 'apprenticeship' } });
    expect(document.querySelector('#hint-situation')?.textContent).toContain('jamais un emploi');
    expect(document.querySelector('#field-contract')).toBeNull();
    expect(document.querySelector('#field-studyType')).not.toBeNull();
    expect(document.querySelector('#field-institution')).not.toBeNull();
    await fireEvent.change(select('#field-situation'), { target: { value: 'employed' } });
    expect(document.querySelector('#hint-comment')?.textContent).toContain('Restez factuel');

    await fireEvent.click(document.querySelector('[data-action="delete"]')!);
    await fireEvent.click(await find('[data-action="confirm"]'));
    await waitFor(() => expect(calls.find((c) => c.cmd === 'delete_record')?.args).toEqual({ entity: 'exit_survey', id: 501 }));
    await waitFor(() => expect(document.querySelector('#field-situation')).toBeNull());
  });

  it('passes the accessibility check with the form open', async () => {
    const { container } = await openPage();
    await fireEvent.click(cellOf(101, 'exit'));
    await find('#field-situation');
    await settle();
    expect(await axeViolations(container.ownerDocument.body)).toEqual([]);
  });
});

describe('programme results', () => {
  it('shows each figure with its fraction, « non calculable » over zero, and who it counts', async () => {
    await openPage();
    const section = screen.getByTestId('programme-results');
    expect(section.textContent).toContain('Sortants dont la date de sortie tombe dans l’année scolaire 2024-2025');

    const insertion6 = section.querySelector('[data-figure="insertion"][data-timepoint="m6"]')!;
    expect(insertion6.textContent).toContain('100,0\u202f%');
    expect(insertion6.textContent).toContain('1 / 1');
    const response12 = section.querySelector('[data-figure="response_rate"][data-timepoint="m12"]')!;
    expect(response12.textContent).toContain('non calculable');
    expect(response12.textContent).not.toContain('%');
    for (const key of ['response_rate', 'insertion', 'target_job', 'further_studies', 'further_studies_school', 'further_studies_apprenticeship']) {
      expect(section.querySelector(`[data-figure="${key}"][data-timepoint="m6"]`), key).not.toBeNull();
      expect(section.querySelector(`[data-figure="${key}"][data-timepoint="m12"]`)!.textContent, key).toContain('non calculable');
    }
    expect(section.querySelector('[data-figure="study_type:bts"][data-timepoint="m6"]')!.textContent).toContain('1 / 1');
    expect(section.querySelector('[data-figure="accompanied"]')!.textContent).toContain('2 / 3');
    expect(section.querySelector('[data-headcount="unreachable"][data-timepoint="m6"]')!.textContent?.trim()).toBe('1');

    await fireEvent.click(section.querySelector('[data-figure="response_rate"][data-timepoint="m6"]')!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Taux de réponse — À 6 mois');
    expect(dialog.textContent).toContain('Méthode de Taux de réponse.');
    const numerator = within(dialog).getByText('Au numérateur (2)').parentElement!;
    const denominator = within(dialog).getByText('Au dénominateur (3)').parentElement!;
    expect([...numerator.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['Léa Durand — Promo 2023-2025', 'Zoé Petit — Promo 2023-2025']);
    expect(denominator.textContent).toContain('Hugo Martin — Promo 2023-2025');
    expect(await axeViolations(document.body)).toEqual([]);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Fermer' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    // A zero denominator lists nobody, and says so.
    await fireEvent.click(section.querySelector('[data-figure="insertion"][data-timepoint="m12"]')!);
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Personne.');
  });

  it('asks again for another school year of leavers', async () => {
    const { calls } = await openPage();
    await fireEvent.change(select('#results-year'), { target: { value: '2025-2026' } });
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'get_programme_results').at(-1)?.args).toEqual({ programmeId: 1, schoolYear: '2025-2026' }));
  });

  it('passes the accessibility check with the grid and the results', async () => {
    const { container } = await openPage();
    await settle();
    expect(await axeViolations(container)).toEqual([]);
  });
});
