// The « Évaluation » tab of an action: only for evaluated kinds, started with
// a scale and a target, scores sent for every row, figures shown as the core
// returns them (never recomputed), its warnings, nested errors next to their
// input, deletion after confirmation.
import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/svelte';
import ActionForm from '../lib/features/actions/ActionForm.svelte';
import type { ActionDetail } from '../lib/api/generated/ActionDetail';
import type { Evaluation } from '../lib/api/generated/Evaluation';
import type { EvaluationInput } from '../lib/api/generated/EvaluationInput';
import { axeViolations, cohorts, loadedStore, partners, reference, renderWithApp, sheetRow, staff, validationError, type Handler } from './fixtures';

const noop = () => {};

function store() {
  const app = loadedStore();
  app.reference = {
    ...reference,
    actionKinds: [
      ...reference.actionKinds,
      { code: 'learning_support', label: 'Soutien pédagogique / remise à niveau', indicator14: true, indicator29: false, evaluated: true },
      { code: 'digital_tools', label: 'Ateliers outils numériques', indicator14: true, indicator29: false, evaluated: true },
    ],
  };
  return app;
}

const sheet = [sheetRow(11, 1, 'Martin'), sheetRow(12, 1, 'Petit', 'Hugo'), sheetRow(13, 1, 'Roux', 'Inès')];

function action(kind: ActionDetail['action']['kind']): ActionDetail {
  return {
    action: {
      id: 9,
      kind,
      title: 'Remise à niveau en mathématiques',
      startDate: '2025-11-18',
      endDate: null,
      startTime: null,
      durationMinutes: 120,
      place: 'Salle 4',
      public: null,
      content: null,
      indicator14: true,
      indicator29: false,
      feedbackScore: 4.5,
      feedbackComments: null,
      cohortIds: [1],
      speakerStaffIds: [],
      speakerPartnerIds: [],
      coOrganiserIds: [],
      objectiveIds: [],
    },
    attendance: sheet.map((row, i) => ({ ...row, present: i !== 2, signed: i !== 2 })),
    participation: { numerator: 2, denominator: 3, percent: 66.7, display: '66,7\u202f%', method: '' },
  };
}

/** An evaluation as the core returns it; the figures are deliberately not those of the scores. */
function evaluation(scores: [number | null, number | null][], target: number | null = null): Evaluation {
  return {
    actionId: 9,
    scale: 'out_of_20',
    target,
    rows: sheet.map((row, i) => ({
      apprenticeId: row.apprenticeId,
      firstName: row.firstName,
      lastName: row.lastName,
      cohortLabel: row.cohortLabel,
      present: i !== 2,
      before: scores[i]?.[0] ?? null,
      after: scores[i]?.[1] ?? null,
    })),
    figures: {
      before: { value: 9.4, count: 12 },
      after: { value: 12.5, count: 11 },
      progression: { value: 3.5, count: 11 },
      reachingTarget:
        target == null ? null : { numerator: 9, denominator: 12, percent: 75, display: '75,0\u202f%', method: 'Participants dont le score après l’action atteint 14/20 ÷ participants évalués après l’action.' },
      warnings: ['Groupe de remise à niveau de 11 apprentis\u00a0: au-delà de 8, l’accompagnement individuel est difficile à démontrer. Envisagez de dédoubler le groupe.'],
    },
  };
}

function open(detail: ActionDetail | null, handler: Handler) {
  return renderWithApp(ActionForm, { detail, cohorts, staff, partners, onsaved: noop, onclose: noop, ondeleted: noop }, handler, store());
}

async function showEvaluationTab() {
  const trigger = document.querySelector<HTMLElement>('[data-tab="evaluation"]')!;
  // bits-ui tabs activate on mousedown (pointer) and on focus/keyboard.
  await fireEvent.mouseDown(trigger);
  await fireEvent.click(trigger);
  await waitFor(() => expect(trigger.getAttribute('data-state')).toBe('active'));
}

function input(score: 'before' | 'after', apprenticeId: number): HTMLInputElement {
  return document.querySelector<HTMLInputElement>(`input[data-score="${score}"][data-apprentice="${apprenticeId}"]`)!;
}

describe('evaluation tab', () => {
  it('is not offered for a kind that is not evaluated, and appears with an evaluated one', async () => {
    open(action('job_dating'), () => null);
    await waitFor(() => expect(document.querySelector('#field-kind')).not.toBeNull());
    expect(document.querySelector('[data-tab="evaluation"]')).toBeNull();
    expect(document.body.textContent).not.toContain('Évaluation');

    await fireEvent.change(document.querySelector('#field-kind')!, { target: { value: 'learning_support' } });
    await waitFor(() => expect(document.querySelector('[data-tab="evaluation"]')).not.toBeNull());
    // The saved action still has the old kind: it must be saved with this one first.
    await showEvaluationTab();
    expect(screen.getByTestId('evaluation-save-first').textContent).toContain('Enregistrez l’action avec ce type');
    expect(document.querySelector('[data-action="start-evaluation"]')).toBeNull();
  });

  it('asks to save a new action before evaluating it', async () => {
    const { calls } = open(null, () => null);
    await fireEvent.change(document.querySelector('#field-kind')!, { target: { value: 'digital_tools' } });
    await showEvaluationTab();
    expect(screen.getByTestId('evaluation-save-first').textContent).toContain('Enregistrez l’action avant de l’évaluer');
    expect(calls.some((c) => c.cmd === 'get_evaluation')).toBe(false);
  });

  it('starts an evaluation with its scale and target, then sends every row’s scores and shows the core’s figures', async () => {
    let stored: Evaluation | null = null;
    const { calls, container } = open(action('learning_support'), (cmd, args) => {
      if (cmd === 'get_evaluation') return stored;
      if (cmd === 'save_evaluation') {
        const input = args.input as EvaluationInput;
        if (input.scale === '') throw validationError({ scale: 'Choisissez le barème (sur 20, sur 10 ou % de bonnes réponses).' });
        stored = input.scores.length === 0 ? evaluation([], 14) : evaluation([[8, 13], [10.5, 12], [null, null]], 14);
        return stored;
      }
      return null;
    });
    expect(document.querySelector('#field-feedbackScore')).not.toBeNull();
    await showEvaluationTab();
    await waitFor(() => expect(document.body.textContent).toContain('Pas encore d’évaluation'));
    expect(calls.find((c) => c.cmd === 'get_evaluation')?.args).toEqual({ actionId: 9 });
    // The feedback score stays in the action's own tab.
    expect(document.querySelector('#field-feedbackScore')).toBeNull();

    // No scale chosen: the core's message stands next to the field.
    await fireEvent.click(document.querySelector('[data-action="start-evaluation"]')!);
    await waitFor(() => expect(document.querySelector('#error-scale')?.textContent).toContain('Choisissez le barème'));

    await fireEvent.change(document.querySelector('#field-scale')!, { target: { value: 'out_of_20' } });
    await fireEvent.input(document.querySelector('#field-target')!, { target: { value: '14' } });
    await fireEvent.click(document.querySelector('[data-action="start-evaluation"]')!);
    await waitFor(() => expect(input('before', 11)).not.toBeNull());
    expect(calls.filter((c) => c.cmd === 'save_evaluation').at(-1)?.args).toEqual({ input: { actionId: 9, scale: 'out_of_20', target: '14', scores: [] } });

    // One row per invited apprentice; the absent one is greyed but still editable.
    expect(document.querySelectorAll('input[data-score="before"]')).toHaveLength(3);
    const absent = input('before', 13).closest('tr')!;
    expect(absent.classList.contains('absent')).toBe(true);
    expect(absent.textContent).toContain('Absent(e)');
    expect(input('before', 13).disabled).toBe(false);

    await fireEvent.input(input('before', 11), { target: { value: '8' } });
    await fireEvent.input(input('after', 11), { target: { value: '13' } });
    await fireEvent.input(input('before', 12), { target: { value: '10,5' } });
    await fireEvent.input(input('after', 12), { target: { value: '12' } });
    await fireEvent.click(document.querySelector('[data-action="save-evaluation"]')!);
    await waitFor(() => expect(calls.filter((c) => c.cmd === 'save_evaluation')).toHaveLength(3));
    expect(calls.filter((c) => c.cmd === 'save_evaluation').at(-1)?.args).toEqual({
      input: {
        actionId: 9,
        scale: 'out_of_20',
        target: '14',
        scores: [
          { apprenticeId: 11, before: '8', after: '13' },
          { apprenticeId: 12, before: '10,5', after: '12' },
          { apprenticeId: 13, before: '', after: '' },
        ],
      },
    });
    expect(calls.some((c) => c.cmd === 'save_action')).toBe(false);

    // The figures are the core's, written with the scale.
    const figures = screen.getByTestId('evaluation-figures');
    const figure = (name: string) => figures.querySelector(`[data-figure="${name}"]`)!.textContent!;
    expect(figure('before')).toContain('Moyenne avant');
    expect(figure('before')).toContain('9,4/20');
    expect(figure('before')).toContain('sur 12');
    expect(figure('after')).toContain('12,5/20');
    expect(figure('after')).toContain('sur 11');
    expect(figure('progression')).toContain('Progression moyenne');
    expect(figure('progression')).toContain('+3,5\u00a0points');
    expect(figure('target')).toContain('Atteignent l’objectif');
    expect(figure('target')).toContain('75,0\u202f%');
    expect(figure('target')).toContain('9 / 12');
    expect(figure('target')).toContain('14/20');
    // A warning, never a block: the scores were saved.
    expect(screen.getByTestId('evaluation-warning').textContent).toContain('Groupe de remise à niveau de 11 apprentis');
    expect(screen.getByRole('note').textContent).toContain('dédoubler');
    expect(input('before', 12).value).toBe('10,5');

    const main = document.createElement('main');
    container.parentElement!.appendChild(main);
    main.appendChild(container);
    expect(await axeViolations(main)).toEqual([]);
  });

  it('shows no « objectif » figure without a target, and a nested error next to its row’s input', async () => {
    const { calls } = open(action('learning_support'), (cmd, args) => {
      if (cmd === 'get_evaluation') return evaluation([[9, 14.5], [11, null], [null, null]]);
      if (cmd === 'save_evaluation') {
        const input = args.input as EvaluationInput;
        if (input.scores[1].before === '25') throw validationError({ 'scores.1.before': 'Le score avant l’action va de 0 à 20.' });
        return evaluation([[9, 14.5], [11, null], [null, null]]);
      }
      return null;
    });
    await showEvaluationTab();
    await waitFor(() => expect(input('after', 11)).not.toBeNull());
    expect(input('before', 11).value).toBe('9');
    expect(input('after', 11).value).toBe('14,5');
    expect(screen.getByTestId('evaluation-figures').querySelector('[data-figure="target"]')).toBeNull();

    await fireEvent.input(input('before', 12), { target: { value: '25' } });
    await fireEvent.click(document.querySelector('[data-action="save-evaluation"]')!);
    await waitFor(() => expect(document.getElementById('error-scores.1.before')?.textContent).toContain('va de 0 à 20'));
    expect(input('before', 12).getAttribute('aria-invalid')).toBe('true');
    expect(input('before', 12).getAttribute('aria-describedby')).toBe('error-scores.1.before');
    expect(input('before', 12).value).toBe('25');
    expect(input('before', 12).closest('tr')!.contains(document.getElementById('error-scores.1.before'))).toBe(true);
    expect(calls.filter((c) => c.cmd === 'save_evaluation')).toHaveLength(1);
  });

  it('keeps typed scores across tabs and saves them with Ctrl+S while the tab shows', async () => {
    const { calls } = open(action('learning_support'), (cmd) => {
      if (cmd === 'get_evaluation') return evaluation([[9, null], [null, null], [null, null]]);
      if (cmd === 'save_evaluation') return evaluation([[9, 15], [null, null], [null, null]]);
      return null;
    });
    await showEvaluationTab();
    await waitFor(() => expect(input('after', 11)).not.toBeNull());
    await fireEvent.input(input('after', 11), { target: { value: '15' } });
    expect(document.body.textContent).toContain('Enregistrez l’évaluation pour mettre ces chiffres à jour.');

    const actionTab = document.querySelector<HTMLElement>('[data-tab="action"]')!;
    await fireEvent.mouseDown(actionTab);
    await fireEvent.click(actionTab);
    await waitFor(() => expect(document.querySelector('#field-feedbackScore')).not.toBeNull());
    await showEvaluationTab();
    await waitFor(() => expect(input('after', 11)?.value).toBe('15'));

    // Entrée goes down the column, it does not save the action.
    input('after', 11).focus();
    await fireEvent.keyDown(input('after', 11), { key: 'Enter' });
    expect(document.activeElement).toBe(input('after', 12));
    await fireEvent.keyDown(input('after', 12), { key: 's', ctrlKey: true });
    await waitFor(() => expect(calls.some((c) => c.cmd === 'save_evaluation')).toBe(true));
    expect(calls.some((c) => c.cmd === 'save_action')).toBe(false);
    expect((calls.find((c) => c.cmd === 'save_evaluation')!.args.input as EvaluationInput).scores[0]).toEqual({ apprenticeId: 11, before: '9', after: '15' });
  });

  it('deletes the evaluation after confirmation', async () => {
    let stored: Evaluation | null = evaluation([[9, 14], [11, 12], [null, null]]);
    const { calls } = open(action('learning_support'), (cmd) => {
      if (cmd === 'get_evaluation') return stored;
      if (cmd === 'delete_evaluation') {
        stored = null;
        return null;
      }
      return null;
    });
    await showEvaluationTab();
    await waitFor(() => expect(document.querySelector('[data-action="delete-evaluation"]')).not.toBeNull());
    await fireEvent.click(document.querySelector('[data-action="delete-evaluation"]')!);
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('les scores de 2 apprenti(s)');
    await fireEvent.click(within(dialog).getByRole('button', { name: /Supprimer/ }));
    await waitFor(() => expect(document.body.textContent).toContain('Pas encore d’évaluation'));
    expect(calls.find((c) => c.cmd === 'delete_evaluation')?.args).toEqual({ actionId: 9 });
    expect(calls.some((c) => c.cmd === 'delete_record')).toBe(false);
  });
});
