/**
 * What the status page's web trigger keeps between requests in one function instance (issue 12's
 * load budget): rendered pages (`SharedPageCache`), and group commits, so that clients arriving
 * together share storage calls — the stamp reads that tell whether a kept page is still current,
 * and the access log's entries (each view is still logged, and stored before its page is
 * answered).
 *
 * Group commits are per installation (a flush runs in the context of the request that started
 * it, so no site's storage call carries another site's items), and within a flush each project
 * succeeds or fails on its own.
 */
import { LRUCache } from 'lru-cache';
import type { AccessLogEntryJson } from '../../../contract/share';
import { GroupCommit } from '../group-commit';
import { shareAccessKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { readSharedPageStamp } from './page-stamp';
import { SharedPageCache } from './shared-page-cache';

/** Installations whose group commits are kept (a dropped one is made again when needed). */
const MAX_INSTALLATIONS = 1000;

/**
 * Identical entries — the same link, kind, outcome, detail and agent in the same second — as one
 * entry with their count: a burst of views is one line of the log (and one write), not fifty.
 */
export function coalesced(entries: readonly AccessLogEntryJson[]): AccessLogEntryJson[] {
  const groups = new Map<string, AccessLogEntryJson>();
  for (const entry of entries) {
    const key = [
      entry.linkId,
      entry.kind,
      entry.outcome,
      entry.detail ?? '',
      entry.agent.browser,
      entry.agent.os,
      entry.at.slice(0, 19),
    ].join('|');
    const first = groups.get(key);
    if (first) first.count = (first.count ?? 1) + (entry.count ?? 1);
    else groups.set(key, { ...entry });
  }
  return [...groups.values()];
}

/**
 * Runs `run` once per project of `items` (all at once) and answers each item its project's
 * outcome: one project's storage failure fails only that project's items.
 */
async function perProject<I extends { projectId: string }, R>(
  items: readonly I[],
  run: (projectId: string, items: readonly I[]) => Promise<(index: number) => R>,
): Promise<PromiseSettledResult<R>[]> {
  const byProject = new Map<string, I[]>();
  for (const item of items) byProject.set(item.projectId, [...(byProject.get(item.projectId) ?? []), item]);
  const projects = [...byProject.keys()];
  const settled = await Promise.allSettled(projects.map((projectId) => run(projectId, byProject.get(projectId) ?? [])));
  const outcome = new Map(projects.map((projectId, index) => [projectId, settled[index]]));
  const seen = new Map<string, number>();
  return items.map((item): PromiseSettledResult<R> => {
    const result = outcome.get(item.projectId);
    const index = seen.get(item.projectId) ?? 0;
    seen.set(item.projectId, index + 1);
    if (result === undefined) return { status: 'rejected', reason: new Error('no outcome for the project') };
    if (result.status === 'rejected') return result;
    return { status: 'fulfilled', value: result.value(index) };
  });
}

type View = { projectId: string; stamp: string; entry: AccessLogEntryJson };
type LogItem = { projectId: string; entry: AccessLogEntryJson };

/** One installation's group commits. */
class InstallationCommits {
  readonly stamps: GroupCommit<{ projectId: string }, string | undefined>;
  readonly entries: GroupCommit<LogItem, undefined>;
  readonly views: GroupCommit<View, boolean>;

  constructor(records: RecordStore) {
    this.stamps = new GroupCommit((items) =>
      perProject(items, async (projectId) => {
        const stamp = await readSharedPageStamp(records, projectId);
        return () => stamp;
      }),
    );
    this.entries = new GroupCommit((items) =>
      perProject(items, async (projectId, mine) => {
        await records.collection(shareAccessKind, projectId).putMany(mine.map((item) => item.entry));
        return () => undefined;
      }),
    );
    // One flush: the project's stamp, then the log entries of its views still current.
    this.views = new GroupCommit((items) =>
      perProject(items, async (projectId, mine) => {
        const stamp = await readSharedPageStamp(records, projectId);
        const confirmed = mine.map((view) => view.stamp === stamp);
        const entries = mine.filter((_, index) => confirmed[index]).map((view) => view.entry);
        if (entries.length > 0) await records.collection(shareAccessKind, projectId).putMany(coalesced(entries));
        return (index) => confirmed[index] ?? false;
      }),
    );
  }
}

export class SharedPageReuse {
  readonly cache = new SharedPageCache();
  private readonly installations = new LRUCache<string, InstallationCommits>({ max: MAX_INSTALLATIONS });

  constructor(private readonly records: RecordStore) {}

  private commitsOf(installation: string): InstallationCommits {
    let commits = this.installations.get(installation);
    if (!commits) {
      commits = new InstallationCommits(this.records);
      this.installations.set(installation, commits);
    }
    return commits;
  }

  /** The project's stamp, read after this call began (`page-stamp.ts`). */
  readStamp(installation: string, projectId: string): Promise<string | undefined> {
    return this.commitsOf(installation).stamps.submit({ projectId });
  }

  /** Stores one access log entry; resolves once it is stored. */
  async logAccess(installation: string, projectId: string, entry: AccessLogEntryJson): Promise<void> {
    await this.commitsOf(installation).entries.submit({ projectId, entry });
  }

  /**
   * A view of a kept page: if the project's stamp (read after this call began) is still `stamp`,
   * stores the view's log entry and answers true; else stores nothing and answers false (the
   * page is stale and is built afresh, which logs the view then).
   */
  confirmView(installation: string, projectId: string, stamp: string, entry: AccessLogEntryJson): Promise<boolean> {
    return this.commitsOf(installation).views.submit({ projectId, stamp, entry });
  }
}
