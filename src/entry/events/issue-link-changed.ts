import { z } from 'zod';
import { getProjectSettings } from '../../application/project-settings';
import { applyIssueLinkEvent, type LinkedIssueRef } from '../../application/snapshot/apply-issue-link-event';
import { JiraIssueEventReader } from '../../adapters/jira/jira-issue-event-reader';
import { recordStore, refreshQueue, riskPropertyWriter, syncSource, systemClock } from '../compose';
import { consoleLogger } from '../log';

const jiraId = z.union([z.string().regex(/^[1-9][0-9]*$/u), z.number().int().positive()]).transform(String);

/**
 * An issue link made or removed: the link's id, its source and destination issues and their
 * projects. Jira fires no issue event for a link, so these are how the cache learns of it.
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-link-events
 */
export const issueLinkEventSchema = z.looseObject({
  eventType: z.enum(['avi:jira:created:issuelink', 'avi:jira:deleted:issuelink']),
  id: jiraId,
  sourceIssueId: jiraId,
  destinationIssueId: jiraId,
  sourceProjectId: jiraId,
  destinationProjectId: jiraId,
});

/** The issues a link event concerns, once each (a link joins two issues of one or two projects). */
export function linkedIssuesOf(event: unknown): LinkedIssueRef[] | null {
  const parsed = issueLinkEventSchema.safeParse(event);
  if (!parsed.success) return null;
  const { sourceIssueId, sourceProjectId, destinationIssueId, destinationProjectId } = parsed.data;
  const sides = [{ issueId: sourceIssueId, projectId: sourceProjectId }];
  if (destinationIssueId !== sourceIssueId) sides.push({ issueId: destinationIssueId, projectId: destinationProjectId });
  return sides;
}

/** Product-event trigger: an issue link was created or deleted; both issues are refreshed in the cache. */
export async function issueLinkChanged(event: unknown): Promise<void> {
  const sides = linkedIssuesOf(event);
  // An event we cannot read is dropped: retrying would not make it readable.
  if (!sides) return;
  for (const side of sides) {
    const settings = await getProjectSettings(recordStore, side.projectId);
    await applyIssueLinkEvent(
      {
        records: recordStore,
        jira: syncSource('webtrigger'),
        events: new JiraIssueEventReader(),
        properties: riskPropertyWriter(),
        clock: systemClock,
        queue: refreshQueue,
        log: consoleLogger,
      },
      side,
      settings.value,
    );
  }
}
