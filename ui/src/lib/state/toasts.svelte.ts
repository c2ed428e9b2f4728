// Short confirmations and errors shown in the corner: a success fades after a
// few seconds, an error stays until the person dismisses it.

export type ToastKind = 'success' | 'error';
export type Toast = { id: number; kind: ToastKind; message: string };

export class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;
  #successMs: number;

  constructor(successMs = 4000) {
    this.#successMs = successMs;
  }

  success(message: string): void {
    const id = this.#push('success', message);
    setTimeout(() => this.dismiss(id), this.#successMs);
  }

  error(message: string): void {
    this.#push('error', message);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((toast) => toast.id !== id);
  }

  #push(kind: ToastKind, message: string): number {
    const id = this.#next++;
    this.items = [...this.items, { id, kind, message }];
    return id;
  }
}
