// The bilan annuel of one filière and year as the screen holds it: what the
// core measured, and the text being written. Owned by the page, not by the
// tab, so switching tabs keeps what was typed (and leaving the section asks).
import { AppError } from '../../api/call';
import { getReview, saveAnnualReview } from '../../api/commands';
import type { AnnualReviewInput } from '../../api/generated/AnnualReviewInput';
import type { ReviewDetail } from '../../api/generated/ReviewDetail';
import { FormState } from '../../state/form.svelte';
import type { Toasts } from '../../state/toasts.svelte';

export class ReviewState {
  detail = $state<ReviewDetail | null>(null);
  loadError = $state<string | null>(null);
  form = new FormState<AnnualReviewInput>({ id: null, programmeId: null, schoolYear: '', difficulties: '', priorities: '', nextObjectiveIds: [] });
  readonly programmeId: number;
  readonly schoolYear: string;
  #loading: Promise<void> | null = null;

  constructor(programmeId: number, schoolYear: string) {
    this.programmeId = programmeId;
    this.schoolYear = schoolYear;
  }

  /** Asks the core once (again with `force`, after a deletion or a failure). */
  load(force = false): Promise<void> {
    if (!this.#loading || force) this.#loading = this.#fetch();
    return this.#loading;
  }

  async #fetch(): Promise<void> {
    this.loadError = null;
    try {
      this.fill(await getReview(this.programmeId, this.schoolYear));
    } catch (error) {
      this.loadError = error instanceof AppError ? error.message : String(error);
      this.#loading = null;
    }
  }

  fill(detail: ReviewDetail): void {
    this.detail = detail;
    this.form.reset({
      id: detail.review?.id ?? null,
      programmeId: detail.programmeId,
      schoolYear: detail.schoolYear,
      difficulties: detail.review?.difficulties ?? '',
      priorities: detail.review?.priorities ?? '',
      nextObjectiveIds: [...(detail.review?.nextObjectiveIds ?? [])],
    });
  }

  async save(toasts: Toasts, success: string): Promise<void> {
    const saved = await this.form.submit(saveAnnualReview, toasts, success);
    if (saved) this.fill(saved);
  }
}
