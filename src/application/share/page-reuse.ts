/**
 * What the status page's web trigger keeps between requests in one function instance (issue 12's
 * load budget): rendered pages (`SharedPageCache`), and two group commits, so that clients
 * arriving together share storage calls — the stamp reads that tell whether a kept page is still
 * current, and the access log's entries (each view is still logged, and stored before its page
 * is answered).
 */
import type { AccessLogEntryJson } from '../../../contract/share';
import { GroupCommit } from '../group-commit';
import { shareAccessKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { readSharedPageStamp } from './page-stamp';
import { SharedPageCache } from './shared-page-cache';

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

export class SharedPageReuse {
  readonly cache = new SharedPageCache();
  private readonly stamps: GroupCommit<string, string | undefined>;
  private readonly entries: GroupCommit<{ projectId: string; entry: AccessLogEntryJson }, undefined>;
  private readonly views: GroupCommit<{ projectId: string; stamp: string; entry: AccessLogEntryJson }, boolean>;

  constructor(records: RecordStore) {
    this.stamps = new GroupCommit(async (projectIds) => {
      const distinct = [...new Set(projectIds)];
      const stamps = await Promise.all(distinct.map((projectId) => readSharedPageStamp(records, projectId)));
      const byProject = new Map(distinct.map((projectId, index) => [projectId, stamps[index]]));
      return projectIds.map((projectId) => byProject.get(projectId));
    });
    this.entries = new GroupCommit(async (items) => {
      const byProject = new Map<string, AccessLogEntryJson[]>();
      for (const { projectId, entry } of items) byProject.set(projectId, [...(byProject.get(projectId) ?? []), entry]);
      await Promise.all([...byProject].map(([projectId, entries]) => records.collection(shareAccessKind, projectId).putMany(entries)));
      return items.map(() => undefined);
    });
    // One flush: the stamps of the projects, then the log entries of the views still current.
    this.views = new GroupCommit(async (items) => {
      const distinct = [...new Set(items.map((item) => item.projectId))];
      const stamps = await Promise.all(distinct.map((projectId) => readSharedPageStamp(records, projectId)));
      const current = new Map(distinct.map((projectId, index) => [projectId, stamps[index]]));
      const confirmed = items.map((item) => current.get(item.projectId) === item.stamp);
      const byProject = new Map<string, AccessLogEntryJson[]>();
      items.forEach((item, index) => {
        if (confirmed[index]) byProject.set(item.projectId, [...(byProject.get(item.projectId) ?? []), item.entry]);
      });
      await Promise.all(
        [...byProject].map(([projectId, entries]) => records.collection(shareAccessKind, projectId).putMany(coalesced(entries))),
      );
      return confirmed;
    });
  }

  /**
   * A view of a kept page: if the project's stamp (read after this call began) is still `stamp`,
   * stores the view's log entry and answers true; else stores nothing and answers false (the
   * page is stale and is built afresh, which logs the view then).
   */
  confirmView(projectId: string, stamp: string, entry: AccessLogEntryJson): Promise<boolean> {
    return this.views.submit({ projectId, stamp, entry });
  }

  /** The project's stamp, read after this call began (`page-stamp.ts`). */
  readStamp(projectId: string): Promise<string | undefined> {
    return this.stamps.submit(projectId);
  }

  /** Stores one access log entry; resolves once it is stored. */
  async logAccess(projectId: string, entry: AccessLogEntryJson): Promise<void> {
    await this.entries.submit({ projectId, entry });
  }
}
