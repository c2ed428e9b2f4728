// Deleting a record: ask the core what goes with it first, show that sentence,
// and delete only once the person confirms.
import { AppError } from '../api/call';
import { deleteRecord, getDeletionImpact } from '../api/commands';
import type { DeletionImpact } from '../api/generated/DeletionImpact';
import type { Entity } from '../api/generated/Entity';
import type { Toasts } from './toasts.svelte';

export class Deletion {
  impact = $state<DeletionImpact | null>(null);
  busy = $state(false);
  #target: { entity: Entity; id: number } | null = null;

  private toasts: Toasts;

  constructor(toasts: Toasts) {
    this.toasts = toasts;
  }

  async ask(entity: Entity, id: number): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.impact = await getDeletionImpact(entity, id);
      this.#target = { entity, id };
    } catch (error) {
      this.toasts.error(error instanceof AppError ? error.message : String(error));
    } finally {
      this.busy = false;
    }
  }

  cancel(): void {
    this.impact = null;
    this.#target = null;
  }

  /** Deletes after confirmation; true when the record is gone. */
  async confirm(success: string): Promise<boolean> {
    const target = this.#target;
    if (!target || !this.impact?.allowed || this.busy) return false;
    this.busy = true;
    try {
      await deleteRecord(target.entity, target.id);
      this.toasts.success(success);
      this.cancel();
      return true;
    } catch (error) {
      this.toasts.error(error instanceof AppError ? error.message : String(error));
      this.cancel();
      return false;
    } finally {
      this.busy = false;
    }
  }
}
