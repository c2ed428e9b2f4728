// The only file that talks to Tauri. Every command goes through `call`, which
// turns a rejection into an `AppError` carrying the core's stable code, its
// French message and, for validation, one message per field.
import { invoke } from '@tauri-apps/api/core';
import type { ErrorPayload } from './generated/ErrorPayload';
import type { FieldError } from './generated/FieldError';

export class AppError extends Error {
  readonly code: string;
  readonly fields: FieldError[];

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = 'AppError';
    this.code = payload.code;
    this.fields = payload.fields ?? [];
  }

  /** The message for one form field, if the core sent one. */
  field(name: string): string | undefined {
    return this.fields.find((f) => f.field === name)?.message;
  }
}

function isPayload(value: unknown): value is ErrorPayload {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

export async function call<T>(
  command: string,
  args?: Record<string, unknown> | Uint8Array,
  headers?: Record<string, string>,
): Promise<T> {
  try {
    return await invoke<T>(command, args, headers ? { headers } : undefined);
  } catch (error) {
    if (isPayload(error)) throw new AppError(error);
    const message = typeof error === 'string' ? error : String(error);
    throw new AppError({ code: 'internal', message, fields: [] });
  }
}
