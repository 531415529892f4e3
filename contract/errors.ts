import * as z from 'zod/mini';

/** Stable error codes the UI switches on. Messages are for logs, never for branching. */
export const ERROR_CODES = [
  'FORBIDDEN',
  'INVALID_PAYLOAD',
  'NOT_FOUND',
  /** A save named a stale revision: someone else saved first. Reload, re-apply, save again. */
  'CONFLICT',
  'JIRA_UNAVAILABLE',
  /** Jira or Forge storage asked us to slow down, and the retry budget ran out. */
  'RATE_LIMITED',
  /** Forge storage failed after bounded retries; nothing was changed. */
  'STORAGE_UNAVAILABLE',
  /** The project's first sync is still running (large projects sync in the background); see `project/sync-status`. */
  'NOT_READY',
  'INTERNAL',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** A field an `INVALID_PAYLOAD` refers to: its path in the payload (`plan.series.0.endDate`) and why. */
export const fieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldErrorJson = z.infer<typeof fieldErrorSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  /** For `INVALID_PAYLOAD`: the fields at fault, so the UI shows each error beside its field. */
  fields: z.optional(z.array(fieldErrorSchema)),
});
export type AppErrorJson = z.infer<typeof appErrorSchema>;

/**
 * Whether the same request may succeed if tried again. Not when the user lacks the permission
 * or the project or issue is not there: a Retry button would only fail the same way.
 */
export function isRetryable(code: ErrorCode): boolean {
  return code !== 'FORBIDDEN' && code !== 'NOT_FOUND';
}
