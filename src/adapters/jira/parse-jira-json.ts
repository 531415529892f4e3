import { z } from 'zod';
import { AppError } from '../../application/app-error';

/**
 * Checks a Jira response against its schema. A shape we cannot read is Jira failing us, not a
 * bug of ours, hence `JIRA_UNAVAILABLE` (the message never echoes the payload beyond 300 chars).
 */
export function parseJiraJson<T>(schema: z.ZodType<T>, json: unknown, what: string): T {
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new AppError('JIRA_UNAVAILABLE', `Jira returned an unexpected ${what} shape: ${z.prettifyError(result.error).slice(0, 300)}`);
  }
  return result.data;
}
