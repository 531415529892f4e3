import type { ProjectSettingsJson } from '../../../contract/settings';
import type { Issue } from '../../domain/issue';
import type { IssuePage } from '../ports';
import { bucketId, issueBucketKind, issueDeltaKind, type Snapshot } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { bucketOf } from './bucket-of';
import { isNewerThan } from './project-cache';

/**
 * An incremental sync re-reads the issues edited since the last one, and most edits (a summary,
 * a due date, an estimate, a comment) leave the changelog's facts as they were. For each issue of
 * `page` that needs its changelog, the cached copy's history is reused when the cache already
 * knows it, so only the others cost a changelog read. The cache knows it when its copy:
 * - was read with its changelog (`history.complete`);
 * - has the same status, resolution, fix versions and blockers (the changelog's fields);
 * - was read after the status category last changed (Jira's `statuscategorychangedate` is
 *   before the cached copy's read: the snapshot's sync start, or the event's processing time);
 * and the issue is not waiting on the client (a move out of a waiting status and back within one
 * category restarts the wait's clock without moving the category date).
 * Not caught: a fix version or blocker link removed and added back between two reads with no
 * event in between; the next full sync (settings change or Refresh all) corrects it.
 * Answers the page with those issues' histories filled and `needsHistory` narrowed.
 */
export async function reuseKnownHistories(
  records: RecordStore,
  snapshot: Snapshot,
  page: IssuePage,
  settings: Pick<ProjectSettingsJson, 'waitingOnClientStatuses'>,
): Promise<IssuePage> {
  if (page.needsHistory.length === 0) return page;
  const waiting = new Set(settings.waitingOnClientStatuses.map((name) => name.toLowerCase()));
  const pending = new Set(page.needsHistory);
  const candidates = page.issues.filter((issue) => pending.has(issue.id) && !waiting.has(issue.status.name.toLowerCase()));
  if (candidates.length === 0) return page;

  const known = await cachedCopies(records, snapshot, candidates);
  const reused = new Map<string, Issue>();
  for (const issue of candidates) {
    const cached = known.get(issue.id);
    const changedAt = page.categoryChangedAt[issue.id] ?? null;
    if (!cached || changedAt === null || changedAt >= cached.readAt || !sameChangelogFacts(issue, cached.issue)) continue;
    const since = new Map(cached.issue.blockedBy.map((blocker) => [blocker.key, blocker.since]));
    reused.set(issue.id, {
      ...issue,
      history: cached.issue.history,
      blockedBy: issue.blockedBy.map((blocker) => ({ ...blocker, since: since.get(blocker.key) ?? null })),
    });
  }
  if (reused.size === 0) return page;
  return {
    ...page,
    issues: page.issues.map((issue) => reused.get(issue.id) ?? issue),
    needsHistory: page.needsHistory.filter((id) => !reused.has(id)),
  };
}

/** The cached copy of each issue read with its changelog, and when it was read: newer deltas win over buckets. */
async function cachedCopies(
  records: RecordStore,
  snapshot: Snapshot,
  issues: readonly Issue[],
): Promise<Map<string, { issue: Issue; readAt: number }>> {
  const out = new Map<string, { issue: Issue; readAt: number }>();
  const deltas = records.collection(issueDeltaKind, snapshot.project.id);
  const fromBuckets: Issue[] = [];
  for (const issue of issues) {
    const delta = await deltas.get(issue.id);
    if (delta && isNewerThan(delta, snapshot)) {
      if (delta.issue?.history.complete) out.set(issue.id, { issue: delta.issue, readAt: Date.parse(delta.at) });
    } else {
      fromBuckets.push(issue);
    }
  }
  const byBucket = new Map<number, Set<string>>();
  for (const issue of fromBuckets) {
    const bucket = bucketOf(issue.key, snapshot.bucketCount);
    byBucket.set(bucket, (byBucket.get(bucket) ?? new Set()).add(issue.id));
  }
  const buckets = records.collection(issueBucketKind, snapshot.project.id);
  const readAt = Date.parse(snapshot.syncedFrom);
  for (const [bucket, ids] of byBucket) {
    const stored = await buckets.get(bucketId(snapshot.generation, bucket));
    for (const cached of stored?.issues ?? []) {
      if (ids.has(cached.id) && cached.history.complete) out.set(cached.id, { issue: cached, readAt });
    }
  }
  return out;
}

function sameChangelogFacts(fresh: Issue, cached: Issue): boolean {
  return (
    fresh.status.name === cached.status.name &&
    fresh.status.category === cached.status.category &&
    fresh.resolution === cached.resolution &&
    sameSet(fresh.fixVersions, cached.fixVersions) &&
    sameSet(
      fresh.blockedBy.map((b) => b.key),
      cached.blockedBy.map((b) => b.key),
    )
  );
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((item) => set.has(item));
}
