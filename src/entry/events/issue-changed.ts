import { z } from 'zod';
import { recordIssueChange } from '../../application/record-issue-change';
import { recordStore, refreshQueue, systemClock } from '../compose';

/** The part of Jira's issue event we use. @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-events */
const issueEventSchema = z.looseObject({
  eventType: z.string().optional(),
  issue: z.looseObject({
    fields: z.looseObject({
      project: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }),
    }),
  }),
});

/** Product-event trigger: an issue was created, updated or deleted. */
export async function issueChanged(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  // An event we cannot read is dropped: retrying would not make it readable.
  if (!parsed.success) return;
  await recordIssueChange({ records: recordStore, clock: systemClock, queue: refreshQueue }, parsed.data.issue.fields.project);
}
