// The evaluation before/after of one action as the record holds it: what the
// core computed, and the scores being typed. Owned by the action form, not by
// its tab, so switching tabs keeps what was typed (and closing asks first).
import { AppError } from '../../api/call';
import { deleteEvaluation, getEvaluation, saveEvaluation } from '../../api/commands';
import type { Evaluation } from '../../api/generated/Evaluation';
import type { EvaluationInput } from '../../api/generated/EvaluationInput';
import { FormState } from '../../state/form.svelte';
import type { Toasts } from '../../state/toasts.svelte';
import { t } from '../../i18n';
import { typedScore } from './scores';

function inputOf(actionId: number | null, evaluation: Evaluation | null): EvaluationInput {
  return {
    actionId,
    scale: evaluation?.scale ?? '',
    target: typedScore(evaluation?.target),
    scores: (evaluation?.rows ?? []).map((row) => ({ apprenticeId: row.apprenticeId, before: typedScore(row.before), after: typedScore(row.after) })),
  };
}

export class EvaluationState {
  /** The evaluation as last read or saved; null when the action has none yet. */
  evaluation = $state<Evaluation | null>(null);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  deleting = $state(false);
  form = new FormState<EvaluationInput>(inputOf(null, null));
  #actionId: number | null = null;
  #toasts: Toasts;
  #request = 0;
  #loading: Promise<void> | null = null;

  constructor(toasts: Toasts) {
    this.#toasts = toasts;
  }

  /** Scores typed and not saved (choosing a scale before starting does not count). */
  get dirty(): boolean {
    return this.evaluation != null && this.form.dirty;
  }

  /** Asks the core once per action (again with `force`, or after a failure). */
  load(actionId: number, force = false): Promise<void> {
    if (force || this.#actionId !== actionId || !this.#loading) {
      this.#actionId = actionId;
      this.#loading = this.#fetch(actionId);
    }
    return this.#loading;
  }

  async #fetch(actionId: number): Promise<void> {
    const request = ++this.#request;
    this.loadError = null;
    try {
      const evaluation = await getEvaluation(actionId);
      if (request === this.#request) this.fill(evaluation ?? null);
    } catch (error) {
      if (request !== this.#request) return;
      this.loadError = error instanceof AppError ? error.message : String(error);
      this.#loading = null;
    }
  }

  /** The action was saved (its promos, hence its rows, may have changed): read again unless scores are being typed. */
  actionSaved(): void {
    if (this.#actionId != null && this.loaded && !this.dirty) void this.load(this.#actionId, true);
  }

  fill(evaluation: Evaluation | null): void {
    this.evaluation = evaluation;
    this.loaded = true;
    this.form.reset(inputOf(this.#actionId, evaluation));
  }

  /** Starts the evaluation with its scale and target: the core answers with one row per invited apprentice. */
  async start(): Promise<void> {
    this.form.values.actionId = this.#actionId;
    this.form.values.scores = [];
    const saved = await this.form.submit(saveEvaluation, this.#toasts, t('evaluation.started'));
    if (saved) this.fill(saved);
  }

  /** Sends every row's scores; the figures shown are the ones the core returns. */
  async save(): Promise<void> {
    this.form.values.actionId = this.#actionId;
    const saved = await this.form.submit(saveEvaluation, this.#toasts, t('evaluation.saved'));
    if (saved) this.fill(saved);
  }

  async remove(): Promise<boolean> {
    const actionId = this.#actionId;
    if (actionId == null || this.deleting) return false;
    this.deleting = true;
    try {
      await deleteEvaluation(actionId);
      this.#toasts.success(t('evaluation.deleted'));
      this.fill(null);
      return true;
    } catch (error) {
      this.#toasts.error(error instanceof AppError ? error.message : String(error));
      return false;
    } finally {
      this.deleting = false;
    }
  }
}
