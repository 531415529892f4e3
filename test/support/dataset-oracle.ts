import { z } from 'zod';
import type { Dataset } from '../../local/jira/dataset';

/**
 * Expected values computed straight from the raw dataset, independently of the app's code
 * path (bridge -> resolver -> @forge/api -> emulator), so end-to-end tests compare against
 * an oracle rather than against the app itself.
 */
const rawIssueSchema = z.looseObject({
  key: z.string(),
  fields: z.looseObject({
    status: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }).optional() }),
    duedate: z.string().nullish(),
  }),
});
const rawVersionSchema = z.looseObject({ name: z.string(), released: z.boolean().optional(), archived: z.boolean().optional() });

export function expectedCategoryCounts(dataset: Dataset): Record<'new' | 'indeterminate' | 'done' | 'undefined', number> {
  const counts = { new: 0, indeterminate: 0, done: 0, undefined: 0 };
  for (const issue of dataset.issues.map((i) => rawIssueSchema.parse(i))) {
    const key = issue.fields.status.statusCategory?.key;
    if (key === 'new' || key === 'indeterminate' || key === 'done') counts[key] += 1;
    else counts.undefined += 1;
  }
  return counts;
}

export function expectedOpenMilestoneNames(dataset: Dataset): string[] {
  return (dataset.versions ?? [])
    .map((v) => rawVersionSchema.parse(v))
    .filter((v) => !v.released && !v.archived)
    .map((v) => v.name)
    .sort();
}

export interface RawIssueHeadline {
  key: string;
  statusName: string;
  dueDate: string | null;
}

export function rawIssue(dataset: Dataset, predicate: (raw: RawIssueHeadline) => boolean): RawIssueHeadline {
  for (const issue of dataset.issues.map((i) => rawIssueSchema.parse(i))) {
    const raw = { key: issue.key, statusName: issue.fields.status.name, dueDate: issue.fields.duedate ?? null };
    if (predicate(raw)) return raw;
  }
  throw new Error('no issue in the dataset matches');
}
