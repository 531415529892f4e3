import type { ProjectSettingsJson } from '../../../contract/settings';
import type { Issue } from '../../domain/issue';
import { scoreIssueRisk } from '../../domain/score-issue-risk';
import { toProjectSettings } from '../../domain/settings';
import { markProjectDirty } from '../mark-project-dirty';
import type { Clock, IssueEvent, IssueEventReader, Logger, RiskPropertyWriter, SyncSource } from '../ports';
import { issueDeltaKind, riskPropertyKind, trackedProjectKind, type Snapshot, type StoredRisk } from '../records/record-kinds';
import { SITE_PARTITION, type RecordStore } from '../storage';
import { readCachedIssue, readSnapshot, riskContextFor } from './project-cache';
import { siteMetadata, type SyncQueue } from './sync-project';

/** Every this many reported changes, the snapshot is re-derived in the background. */
export const REFRESH_AFTER_CHANGES = 25;

export type EventOutcome = 'ignored' | 'stale' | 'applied' | 'queued';

export interface IssueEventDeps {
  records: RecordStore;
  jira: SyncSource;
  events: IssueEventReader;
  properties: RiskPropertyWriter;
  clock: Clock;
  queue: SyncQueue;
  log: Logger;
}

/**
 * A product event about one issue (DESIGN.md §1, §8): the issue as now known goes into the
 * cache as a delta — from the event alone, or merged into the cached issue, so most events
 * cost no Jira read (a creation, or an update the event does not describe, reads the issue
 * once) — rescored against the snapshot's risk context, and its risk mirrored to the issue
 * property when it changed (as the app; the trigger ignores the app's own writes). The project
 * is marked stale; every `REFRESH_AFTER_CHANGES` changes a background refresh re-derives it.
 * Events of projects without a snapshot (never opened) are ignored.
 * @throws AppError from Jira or storage: the platform may deliver the event again.
 */
export async function applyIssueEvent(
  deps: IssueEventDeps,
  raw: unknown,
  project: { id: string },
  settingsJson: ProjectSettingsJson,
): Promise<EventOutcome> {
  const [tracked, snapshot] = await Promise.all([
    deps.records.collection(trackedProjectKind, SITE_PARTITION).get(project.id),
    readSnapshot(deps.records, project.id),
  ]);
  const head = snapshot.value;
  if (!tracked || !head) return 'ignored';
  const now = deps.clock.now();
  const metadata = await siteMetadata(deps);
  const event = deps.events.read(raw, settingsJson, metadata, now.getTime());
  if (!event || event.projectId !== head.project.id) return 'ignored';

  let issue: Issue | undefined;
  let addedAfterBaseline: string | undefined;
  if (event.kind !== 'deleted') {
    const found = await readCachedIssue(deps.records, head, { key: event.issueKey, id: event.issueId });
    const cached = found.issue;
    addedAfterBaseline = found.addedAfterBaseline;
    const resolved = event.resolve(cached);
    if (resolved === 'stale') return 'stale';
    issue = resolved ?? (await deps.jira.readIssue(event.issueKey, settingsJson, metadata));
  }

  return recordIssueChange(deps, head, event, issue, addedAfterBaseline, settingsJson, now);
}

/**
 * The tail every change of one issue shares (an issue event, or a link event that re-read the
 * issue): rescore it, mirror its risk to the property, store it as a delta and mark the project
 * stale; every `REFRESH_AFTER_CHANGES` changes, a background refresh is queued.
 */
export async function recordIssueChange(
  deps: IssueEventDeps,
  head: Snapshot,
  event: { issueId: string; issueKey: string; kind: IssueEvent['kind'] },
  issue: Issue | undefined,
  addedAfterBaseline: string | undefined,
  settingsJson: ProjectSettingsJson,
  now: Date,
): Promise<'applied' | 'queued'> {
  const settings = toProjectSettings(settingsJson);
  const risk =
    issue === undefined ? null : scoreIssueRisk(issue, riskContextFor(head, issue.key, addedAfterBaseline), settings, now.getTime());
  const wanted: StoredRisk | null = risk === null ? null : { level: risk.level, score: risk.score };
  await mirrorRisk(deps, head.project.id, event, wanted, now);
  await deps.records.collection(issueDeltaKind, head.project.id).put({
    issueId: event.issueId,
    key: issue?.key ?? event.issueKey,
    at: now.toISOString(),
    issue: issue ?? null,
    risk: wanted,
    property: wanted,
  });
  const marker = await markProjectDirty(deps.records, head.project.id, now);
  if (marker.changes % REFRESH_AFTER_CHANGES !== 0) return 'applied';
  await deps.queue.requestRefresh(head.project.id, head.project.key);
  return 'queued';
}

/** Writes the property only when the risk differs from what it holds; removes it when the issue has no risk. */
async function mirrorRisk(
  deps: IssueEventDeps,
  projectId: string,
  event: { issueId: string; issueKey: string; kind: string },
  wanted: StoredRisk | null,
  now: Date,
): Promise<void> {
  const properties = deps.records.collection(riskPropertyKind, projectId);
  const held = await properties.get(event.issueId);
  if (held?.level === wanted?.level && held?.score === wanted?.score) return;
  if (event.kind === 'deleted') {
    await properties.delete(event.issueId);
    return;
  }
  if (wanted === null) {
    if (held) await deps.properties.deleteRisk(event.issueKey);
    await properties.delete(event.issueId);
    return;
  }
  await deps.properties.writeRisk(event.issueKey, wanted);
  await properties.put({ issueId: event.issueId, key: event.issueKey, at: now.toISOString(), ...wanted });
}
