import type { IssueEvent, IssueEventReader, ReadSettings, SiteMetadata } from '../../application/ports';
import type { Issue } from '../../domain/issue';
import { mappingContext } from './jira-sync-reader';
import { mergeEventIntoIssue, toIssueFromEvent } from './to-issue-from-event';

/**
 * `IssueEventReader` over Jira's product events: the event's fields when they are complete, or
 * the update merged into the cached issue; otherwise the caller reads the issue.
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-events
 */
export class JiraIssueEventReader implements IssueEventReader {
  read(event: unknown, settings: ReadSettings, metadata: SiteMetadata, receivedAt: number): IssueEvent | null {
    const context = mappingContext(settings, metadata);
    const facts = toIssueFromEvent(event, context, receivedAt);
    if (facts === null) return null;
    return {
      kind: facts.kind,
      projectId: facts.projectId,
      projectKey: facts.projectKey,
      issueId: facts.issueId,
      issueKey: facts.issueKey,
      at: facts.at,
      resolve(cached: Issue | undefined): Issue | 'stale' | undefined {
        if (facts.kind === 'deleted') return undefined;
        if (cached !== undefined && facts.kind === 'updated') {
          const merged = mergeEventIntoIssue(cached, facts, context);
          if (merged.kind === 'stale') return 'stale';
          if (merged.kind === 'merged') return merged.issue;
        }
        // A complete event without history needs the changelog: read the issue.
        return facts.fields !== undefined && !facts.needsHistory ? facts.fields : undefined;
      },
    };
  }
}
