/**
 * The report's support section (issue 13, DESIGN.md §5.7): in the support phase, the issues the
 * client reported against the engagement's response- and resolution-time targets. The same
 * shape for both audiences: the client's counts and issues are only those the client sees.
 */
import * as z from 'zod/mini';

export const SUPPORT_CLOCKS = ['met', 'breached', 'running', 'overdue'] as const;
export const supportClockSchema = z.enum(SUPPORT_CLOCKS);
export type SupportClockJson = z.infer<typeof supportClockSchema>;

const count = z.int().check(z.nonnegative());
const clockCountsSchema = z.object({ met: count, breached: count, running: count, overdue: count });
export type SupportClockCountsJson = z.infer<typeof clockCountsSchema>;

/** A client-reported issue past a target and still without its response or resolution. */
export const supportOverdueIssueSchema = z.object({
  /** A plain reference in the client's report (clients cannot open Jira). */
  key: z.string(),
  summary: z.string(),
  /** ISO instant it was created: the targets' clocks start there. */
  created: z.iso.datetime(),
  response: supportClockSchema,
  resolution: supportClockSchema,
});
export type SupportOverdueIssueJson = z.infer<typeof supportOverdueIssueSchema>;

export const supportSectionSchema = z.object({
  /** The targets, in calendar hours from creation. */
  responseHours: count,
  resolutionHours: count,
  /** Client-reported issues tracked. */
  total: count,
  response: clockCountsSchema,
  resolution: clockCountsSchema,
  /** Oldest first, at most `SUPPORT_OVERDUE_LIMIT`; `overdueTotal` counts them all. */
  overdue: z.array(supportOverdueIssueSchema),
  overdueTotal: count,
});
export type SupportSectionJson = z.infer<typeof supportSectionSchema>;

/** The support section lists at most this many overdue issues (a stored report stays bounded). */
export const SUPPORT_OVERDUE_LIMIT = 25;
