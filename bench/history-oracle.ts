/**
 * How many issues of a dataset need their changelog read, counted from the raw issue JSON by
 * the rule DESIGN.md §4 states (done, in progress, resolved, moved between categories, or a
 * to-do issue in a release edited after creation, or in a status that means waiting on the client,
 * by the default settings' names) — independently of the app's mapping, so the
 * bench's call budgets come from the data, not from the run they judge.
 */
import { z } from 'zod';
import { DEFAULT_PROJECT_SETTINGS } from '../contract/settings';
import type { Dataset } from '../local/jira/dataset';

const WAITING_STATUSES = new Set(DEFAULT_PROJECT_SETTINGS.waitingOnClientStatuses.map((name) => name.trim().toLowerCase()));

/** Jira's `updated` and `statuscategorychangedate` within this of `created` count as "not since". */
const SAME_MOMENT_MS = 60_000;

const rawIssue = z.looseObject({
  fields: z.looseObject({
    status: z.looseObject({ name: z.string().optional(), statusCategory: z.looseObject({ key: z.string() }).optional() }),
    resolution: z.unknown().optional(),
    resolutiondate: z.string().nullish(),
    created: z.string(),
    updated: z.string(),
    statuscategorychangedate: z.string().nullish(),
    fixVersions: z.array(z.unknown()).optional(),
  }),
});

/** `2026-06-12T08:13:13.360+0800`: Jira's offsets have no colon. */
function instant(text: string): number {
  return Date.parse(text.replace(/([+-]\d{2})(\d{2})$/u, '$1:$2'));
}

export function needsHistory(json: unknown): boolean {
  const { fields } = rawIssue.parse(json);
  const category = fields.status.statusCategory?.key;
  if (category === 'indeterminate' || category === 'done') return true;
  if (WAITING_STATUSES.has((fields.status.name ?? '').trim().toLowerCase())) return true;
  if ((fields.resolution ?? null) !== null || (fields.resolutiondate ?? null) !== null) return true;
  const created = instant(fields.created);
  const moved = fields.statuscategorychangedate ? instant(fields.statuscategorychangedate) : Number.POSITIVE_INFINITY;
  if (moved > created + SAME_MOMENT_MS) return true;
  return (fields.fixVersions ?? []).length > 0 && instant(fields.updated) > created + SAME_MOMENT_MS;
}

export function countIssuesNeedingHistory(dataset: Pick<Dataset, 'issues'>): number {
  let count = 0;
  for (const issue of dataset.issues) if (needsHistory(issue)) count += 1;
  return count;
}
