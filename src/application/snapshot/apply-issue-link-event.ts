import type { ProjectSettingsJson } from '../../../contract/settings';
import { trackedProjectKind } from '../records/record-kinds';
import { SITE_PARTITION } from '../storage';
import { recordIssueChange, type EventOutcome, type IssueEventDeps } from './apply-issue-event';
import { readCachedIssue, readSnapshot } from './project-cache';
import { siteMetadata } from './sync-project';

/** One issue of a link that was made or removed, as the link event names it. */
export interface LinkedIssueRef {
  issueId: string;
  projectId: string;
}

/**
 * One side of an issue link made or removed (`avi:jira:created|deleted:issuelink`). The event
 * carries ids only and no issue fields, and Jira fires no issue event for the link, so the issue
 * is read once (with the history that dates the link) and stored like a changed issue: rescored,
 * its risk mirrored, the project marked stale. Issues of projects without a snapshot are ignored
 * without a Jira read; so is an issue Jira no longer has (its deletion has its own event) or one
 * that is not in the project any more.
 * @throws AppError from Jira or storage: the platform may deliver the event again.
 */
export async function applyIssueLinkEvent(
  deps: IssueEventDeps,
  side: LinkedIssueRef,
  settingsJson: ProjectSettingsJson,
): Promise<EventOutcome> {
  const [tracked, snapshot] = await Promise.all([
    deps.records.collection(trackedProjectKind, SITE_PARTITION).get(side.projectId),
    readSnapshot(deps.records, side.projectId),
  ]);
  const head = snapshot.value;
  if (!tracked || !head) return 'ignored';
  const metadata = await siteMetadata(deps);
  const issue = await deps.jira.readIssue(side.issueId, settingsJson, metadata);
  if (!issue || issue.id !== side.issueId || !issue.key.startsWith(`${head.project.key}-`)) return 'ignored';
  const found = await readCachedIssue(deps.records, head, { key: issue.key, id: issue.id });
  const now = deps.clock.now();
  return recordIssueChange(
    deps,
    head,
    { issueId: issue.id, issueKey: issue.key, kind: 'updated' },
    issue,
    found.addedAfterBaseline,
    settingsJson,
    now,
  );
}
