// The action form: kind presets, attendance sheet and participation rate, one save_action.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/svelte';
import ActionForm from '../lib/features/actions/ActionForm.svelte';
import type { ActionDetail } from '../lib/api/generated/ActionDetail';
import type { ActionInput } from '../lib/api/generated/ActionInput';
import type { CohortRow } from '../lib/api/generated/CohortRow';
import type { ObjectiveChoice } from '../lib/api/generated/ObjectiveChoice';
import { axeViolations, cohorts, partners, renderWithApp, sheetRow, staff } from './fixtures';

const noop = () => {};

const cohort1 = [sheetRow(11, 1, 'Martin'), sheetRow(12, 1, 'Petit'), sheetRow(13, 1, 'Roux')];
const cohort2 = [sheetRow(21, 2, 'Blanc')];

function sheetFor(args: Record<string, unknown>) {
  const ids = args.cohortIds as number[];
  return [...(ids.includes(1) ? cohort1 : []), ...(ids.includes(2) ? cohort2 : [])];
}

const existing: ActionDetail = {
  action: {
    id: 9,
    kind: 'job_dating',
    title: 'Forum de l’alternance',
    startDate: '2025-11-18',
    endDate: null,
    startTime: '14:30:00',
    durationMinutes: 150,
    place: 'Gymnase',
    public: '2e année',
    content: null,
    indicator14: false,
    indicator29: true,
    feedbackScore: 4.2,
    feedbackComments: null,
    cohortIds: [1],
    speakerStaffIds: [2],
    speakerPartnerIds: [],
    coOrganiserIds: [1],
    objectiveIds: [31],
  },
  attendance: cohort1.map((row, i) => ({ ...row, present: i < 2, signed: i === 0 })),
  participation: { numerator: 2, denominator: 3, percent: 66.7, display: '66,7\u202f%', method: '' },
};

const objectives: ObjectiveChoice[] = [
  { id: 31, label: 'Accompagner chaque apprenti vers l’emploi', programmeId: 1, programmeCode: 'BTS MCO', schoolYear: '2025-2026' },
  { id: 32, label: 'Relayer 20 offres', programmeId: 1, programmeCode: 'BTS MCO', schoolYear: '2025-2026' },
  { id: 41, label: 'Deux visites d’entreprise', programmeId: 2, programmeCode: 'CAP CUIS', schoolYear: '2025-2026' },
];
const cuisine: CohortRow = { id: 3, programmeId: 2, programmeCode: 'CAP CUIS', programmeName: 'Cuisine', label: 'CAP CUIS 2025-2027', startDate: '2025-09-01', endDate: '2027-06-30', apprenticeCount: 0 };

function check(selector: string) {
  return fireEvent.click(document.querySelector(selector)!);
}

describe('action form', () => {
  it('pre-ticks the default indicators of the chosen kind, still editable', async () => {
    renderWithApp(ActionForm, { detail: null, cohorts, staff, partners, onsaved: noop, onclose: noop, ondeleted: noop });
    const kind = document.querySelector<HTMLSelectElement>('#field-kind')!;
    const i14 = document.querySelector<HTMLInputElement>('#field-indicator14')!;
    const i29 = document.querySelector<HTMLInputElement>('#field-indicator29')!;
    await fireEvent.change(kind, { target: { value: 'mentoring' } });
    expect([i14.checked, i29.checked]).toEqual([true, false]);
    await fireEvent.change(kind, { target: { value: 'job_dating' } });
    expect([i14.checked, i29.checked]).toEqual([false, true]);
    await fireEvent.click(i14);
    expect(i14.checked).toBe(true);
  });

  it('lists the apprentices of the chosen promos and follows the ticks with the participation rate', async () => {
    const { calls } = renderWithApp(ActionForm, { detail: null, cohorts, staff, partners, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd, args) =>
      cmd === 'get_attendance_sheet' ? sheetFor(args) : null,
    );
    expect(screen.getByTestId('participation').textContent).toContain('non calculable');
    await check('#field-cohortIds input[value="1"]');
    await waitFor(() => expect(document.querySelectorAll('input[data-present]')).toHaveLength(3));
    expect(calls.find((c) => c.cmd === 'get_attendance_sheet')?.args).toEqual({ actionId: null, cohortIds: [1] });
    expect(screen.getByTestId('participation').textContent).toContain('0 / 3');

    await check('input[data-present="11"]');
    await check('input[data-present="12"]');
    expect(screen.getByTestId('participation').textContent).toContain('66,7\u202f%');
    expect(screen.getByTestId('participation').textContent).toContain('2 / 3');

    // Signing means being there; unticking « présent » unticks « a signé ».
    await check('input[data-signed="13"]');
    expect(document.querySelector<HTMLInputElement>('input[data-present="13"]')!.checked).toBe(true);
    expect(screen.getByTestId('participation').textContent).toContain('100,0\u202f%');
    await check('input[data-present="13"]');
    expect(document.querySelector<HTMLInputElement>('input[data-signed="13"]')!.checked).toBe(false);

    // Adding a promo keeps the marks already ticked.
    await check('#field-cohortIds input[value="2"]');
    await waitFor(() => expect(document.querySelectorAll('input[data-present]')).toHaveLength(4));
    expect(document.querySelector<HTMLInputElement>('input[data-present="11"]')!.checked).toBe(true);
    expect(screen.getByTestId('participation').textContent).toContain('50,0\u202f%');
    expect(screen.getByTestId('participation').textContent).toContain('2 / 4');

    await fireEvent.click(document.querySelector('[data-action="check-all"]')!);
    expect(screen.getByTestId('participation').textContent).toContain('4 / 4');
  });

  it('fills an existing action in French formats and saves everything in one save_action', async () => {
    let sent: ActionInput | null = null;
    renderWithApp(ActionForm, { detail: existing, cohorts, staff, partners, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd, args) => {
      if (cmd === 'save_action') {
        sent = args.input as ActionInput;
        return existing;
      }
      return null;
    });
    expect(document.querySelector<HTMLInputElement>('#field-startDate')!.value).toBe('18/11/2025');
    expect(document.querySelector<HTMLInputElement>('#field-startTime')!.value).toBe('14\u00a0h\u00a030');
    expect(document.querySelector<HTMLInputElement>('#field-duration')!.value).toBe('2\u00a0h\u00a030');
    expect(document.querySelector<HTMLInputElement>('#field-feedbackScore')!.value).toBe('4,2');
    expect(screen.getByTestId('participation').textContent).toContain('66,7\u202f%');
    expect(document.querySelector<HTMLInputElement>('#field-coOrganiserIds input[value="1"]')!.checked).toBe(true);

    await check('input[data-present="13"]');
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent).toMatchObject({
      id: 9,
      kind: 'job_dating',
      startDate: '18/11/2025',
      endDate: '',
      cohortIds: [1],
      speakerStaffIds: [2],
      coOrganiserIds: [1],
      objectiveIds: [31],
      attendance: [
        { apprenticeId: 11, present: true, signed: true },
        { apprenticeId: 12, present: true, signed: false },
        { apprenticeId: 13, present: true, signed: false },
      ],
    });
  });

  it('lists the year’s objectives as « filière — objectif », narrowed to the filières of the chosen promos', async () => {
    let sent: ActionInput | null = null;
    const { calls } = renderWithApp(ActionForm, { detail: null, cohorts: [...cohorts, cuisine], staff, partners, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd, args) => {
      if (cmd === 'list_objective_choices') return objectives;
      if (cmd === 'get_attendance_sheet') return sheetFor(args);
      if (cmd === 'save_action') {
        sent = args.input as ActionInput;
        return { ...existing, action: { ...existing.action, objectiveIds: (args.input as ActionInput).objectiveIds } };
      }
      return null;
    });
    const shown = () => [...document.querySelectorAll('#field-objectiveIds label')].map((l) => l.textContent?.trim());
    await waitFor(() => expect(shown()).toHaveLength(3));
    expect(calls.find((c) => c.cmd === 'list_objective_choices')?.args).toEqual({ schoolYear: '2025-2026' });
    expect(shown()).toEqual(['BTS MCO — Accompagner chaque apprenti vers l’emploi', 'BTS MCO — Relayer 20 offres', 'CAP CUIS — Deux visites d’entreprise']);
    expect(document.body.textContent).toContain('apparaît comme «\u00a0action isolée\u00a0» dans le plan');

    await check('#field-objectiveIds input[value="41"]');
    await check('#field-cohortIds input[value="1"]');
    // The BTS promo narrows to BTS objectives; the CAP one stays while ticked.
    expect(shown()).toEqual(['BTS MCO — Accompagner chaque apprenti vers l’emploi', 'BTS MCO — Relayer 20 offres', 'CAP CUIS — Deux visites d’entreprise']);
    await check('#field-objectiveIds input[value="41"]');
    expect(shown()).toEqual(['BTS MCO — Accompagner chaque apprenti vers l’emploi', 'BTS MCO — Relayer 20 offres']);
    await check('#field-objectiveIds input[value="32"]');
    await check('#field-cohortIds input[value="3"]');
    expect(shown()).toHaveLength(3);

    await fireEvent.change(document.querySelector('#field-kind')!, { target: { value: 'job_dating' } });
    await fireEvent.click(document.querySelector('[data-action="save"]')!);
    await waitFor(() => expect(sent).not.toBeNull());
    expect(sent!.objectiveIds).toEqual([32]);
    expect(sent!.cohortIds).toEqual([1, 3]);
  });

  it('says so when the year has no objective', async () => {
    renderWithApp(ActionForm, { detail: null, cohorts, staff, partners, onsaved: noop, onclose: noop, ondeleted: noop }, (cmd) => (cmd === 'list_objective_choices' ? [] : null));
    await waitFor(() => expect(document.querySelector('#field-objectiveIds')!.textContent).toContain('Aucun objectif dans le plan d’actions 2025-2026.'));
  });

  it('passes the accessibility check with its attendance sheet', async () => {
    renderWithApp(ActionForm, { detail: existing, cohorts, staff, partners, onsaved: noop, onclose: noop, ondeleted: noop });
    expect(await axeViolations(document.body)).toEqual([]);
  });
});
