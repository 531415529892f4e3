/**
 * The report's Client acceptance section (issue 13), apart from `acceptance.ts` so the report
 * contract can hold it without importing the engagement's schemas (a cycle through them).
 */
import * as z from 'zod/mini';

/**
 * A client decision the report of its period shows (both audiences: it is the client's own
 * decision): the milestone, accepted or rejected, by whom and when, the comment and what to fix.
 */
export const reportAcceptanceSchema = z.object({
  milestone: z.string(),
  state: z.enum(['accepted', 'rejected']),
  by: z.string(),
  at: z.iso.datetime({ offset: false }),
  comment: z.string(),
  fixItems: z.array(z.string()),
});
export type ReportAcceptanceJson = z.infer<typeof reportAcceptanceSchema>;
