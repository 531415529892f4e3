import { z } from 'zod';
import type { Issue } from '../../domain/issue';

/**
 * The domain `Issue` as stored in the issue cache: parsed on read like every stored value.
 * Numbers may be any finite value (absurd ones are the domain's data-quality notes, not
 * storage errors); JSON has no NaN or Infinity, which arrive as null and are refused.
 */
const category = z.enum(['new', 'indeterminate', 'done', 'undefined']);
const nullableNumber = z.number().nullable();
const person = z.object({ accountId: z.string(), displayName: z.string() }).nullable();

export const issueSchema: z.ZodType<Issue> = z.object({
  id: z.string(),
  key: z.string(),
  summary: z.string(),
  type: z.object({ id: z.string(), name: z.string(), subtask: z.boolean(), hierarchyLevel: z.number() }),
  status: z.object({ name: z.string(), category }),
  resolution: z.string().nullable(),
  created: z.number(),
  updated: z.number(),
  resolved: nullableNumber,
  due: z.string().nullable(),
  start: z.string().nullable(),
  priority: z.object({ name: z.string(), rank: z.number() }).nullable(),
  labels: z.array(z.string()),
  components: z.array(z.string()),
  fixVersions: z.array(z.string()),
  parentKey: z.string().nullable(),
  assignee: person,
  reporter: person,
  storyPoints: nullableNumber,
  timeOriginal: nullableNumber,
  timeRemaining: nullableNumber,
  timeSpent: nullableNumber,
  flagged: z.boolean(),
  blockedBy: z.array(z.object({ key: z.string(), statusName: z.string(), category, since: nullableNumber })),
  blocks: z.array(z.string()),
  history: z.object({
    transitions: z.array(z.object({ at: z.number(), from: category, to: category })),
    completedAt: nullableNumber,
    completedAtEstimated: z.boolean(),
    startedAt: nullableNumber,
    reopenCount: z.number(),
    versionChanges: z.array(z.object({ at: z.number(), versionId: z.string(), change: z.enum(['added', 'removed']) })),
    // Issues cached before the field existed read as "unknown": the wait is then estimated.
    statusSince: nullableNumber.default(null),
    complete: z.boolean(),
  }),
});

/** An issue without what the app never reads from the cache (the reporter): less to store per issue. */
export function toCachedIssue(issue: Issue): Issue {
  return issue.reporter === null ? issue : { ...issue, reporter: null };
}
