import type { ErrorCode, FieldErrorJson } from '../../contract';

/**
 * A failure the app anticipates, with a stable code the edge translates once
 * (resolver envelope, web-trigger status). Anything else is a bug and is rethrown.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; fields?: readonly FieldErrorJson[] },
  ) {
    super(message, options);
    this.name = 'AppError';
    this.fields = options?.fields;
  }

  /** For `INVALID_PAYLOAD`: the fields at fault. */
  readonly fields: readonly FieldErrorJson[] | undefined;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
