// One form's life: the values as typed, whether they changed since the last
// save, and the core's validation messages per field. A save that the core
// rejects keeps every typed value and puts each message next to its field.
import { AppError } from '../api/call';
import type { Toasts } from './toasts.svelte';

export class FormState<T extends object> {
  values = $state<T>() as T;
  errors = $state<Record<string, string>>({});
  /** The core's general sentence when a save was refused. */
  summary = $state<string | null>(null);
  saving = $state(false);
  #initial = $state('');

  constructor(initial: T) {
    this.values = initial;
    this.#initial = JSON.stringify(initial);
  }

  get dirty(): boolean {
    return JSON.stringify(this.values) !== this.#initial;
  }

  error(field: string): string | undefined {
    return this.errors[field];
  }

  /** Replaces the values (a record loaded) and treats them as saved. */
  reset(values: T): void {
    this.values = values;
    this.errors = {};
    this.summary = null;
    this.#initial = JSON.stringify(values);
  }

  /** Takes the current values as the saved ones. */
  markSaved(): void {
    this.#initial = JSON.stringify($state.snapshot(this.values));
  }

  /**
   * Sends the values; on success confirms with a toast and returns the result,
   * on a validation error shows the messages by field, on any other error shows
   * the core's message in a toast that stays. Returns null when nothing was saved.
   */
  async submit<R>(save: (input: T) => Promise<R>, toasts: Toasts, success: string): Promise<R | null> {
    if (this.saving) return null;
    this.saving = true;
    try {
      const result = await save($state.snapshot(this.values) as T);
      this.errors = {};
      this.summary = null;
      this.markSaved();
      toasts.success(success);
      return result;
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError({ code: 'internal', message: String(error), fields: [] });
      if (appError.code === 'validation') {
        this.errors = Object.fromEntries(appError.fields.map((f) => [f.field, f.message]));
        // One message already shown next to its field needs no summary above the form.
        const alone = appError.fields.length === 1 && document.getElementById(`field-${appError.fields[0].field}`) !== null;
        this.summary = alone ? null : appError.message;
        focusFirstError(appError.fields.map((f) => f.field));
      } else {
        toasts.error(appError.message);
      }
      return null;
    } finally {
      this.saving = false;
    }
  }
}

function focusFirstError(fields: string[]): void {
  queueMicrotask(() => {
    for (const field of fields) {
      const element = document.getElementById(`field-${field}`);
      if (element) {
        const target = element.matches('input, select, textarea') ? element : element.querySelector<HTMLElement>('input, select, textarea');
        (target ?? element).focus();
        return;
      }
    }
  });
}
