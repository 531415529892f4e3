import { z } from 'zod';
import { getProjectSettings } from '../../application/project-settings';
import { applyIssueEvent } from '../../application/snapshot/apply-issue-event';
import { JiraIssueEventReader } from '../../adapters/jira/jira-issue-event-reader';
import { recordStore, refreshQueue, riskPropertyWriter, syncSource, systemClock } from '../compose';
import { consoleLogger } from '../log';

/** The project of an issue event; the rest is read by the event reader. @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-events */
const issueEventSchema = z.looseObject({
  issue: z.looseObject({
    fields: z.looseObject({
      project: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String), key: z.string() }),
    }),
  }),
});

/** Product-event trigger: an issue was created, updated or deleted (the app's own writes are filtered out). */
export async function issueChanged(event: unknown): Promise<void> {
  const parsed = issueEventSchema.safeParse(event);
  // An event we cannot read is dropped: retrying would not make it readable.
  if (!parsed.success) return;
  const project = parsed.data.issue.fields.project;
  const settings = await getProjectSettings(recordStore, project.id);
  await applyIssueEvent(
    {
      records: recordStore,
      jira: syncSource('webtrigger'),
      events: new JiraIssueEventReader(),
      properties: riskPropertyWriter(),
      clock: systemClock,
      queue: refreshQueue,
      log: consoleLogger,
    },
    event,
    project,
    settings.value,
  );
}
