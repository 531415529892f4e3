import { kvs, Sort, WhereConditions } from '@forge/kvs';
import { z } from 'zod';
import type { KpiSnapshot, ProjectChangeMarker, ProjectRef, Store, TrackedProject } from '../../application/ports';
import { ENTITY, kpiSnapshotKey, storageKeys } from './storage-keys';

const trackedProjectSchema = z.object({ id: z.string(), key: z.string(), firstSeenAt: z.string() });
const changeMarkerSchema = z.object({ projectId: z.string(), dirtySince: z.string(), changes: z.number().int().nonnegative() });
const countsSchema = z.object({
  new: z.number(),
  indeterminate: z.number(),
  done: z.number(),
  undefined: z.number(),
});
const kpiSnapshotEntitySchema = z.object({
  projectId: z.string(),
  capturedAt: z.string(),
  payload: z.object({ counts: countsSchema }),
});
type KpiSnapshotEntity = z.infer<typeof kpiSnapshotEntitySchema>;

/** Forge caps a key-prefix query page at 20 and a custom-entity index page at 100. */
const QUERY_PAGE_LIMIT = 20;
const ENTITY_PAGE_LIMIT = 100;

/** `Store` on Forge KVS. Values are validated on read; a value that fails is skipped, never trusted. */
export class KvsStore implements Store {
  async trackProject(project: ProjectRef, at: Date): Promise<void> {
    const key = storageKeys.trackedProject(project.id);
    const existing = trackedProjectSchema.safeParse(await kvs.get(key));
    if (existing.success && existing.data.key === project.key) return;
    const firstSeenAt = existing.success ? existing.data.firstSeenAt : at.toISOString();
    await kvs.set(key, { id: project.id, key: project.key, firstSeenAt } satisfies TrackedProject);
  }

  async listTrackedProjects(): Promise<TrackedProject[]> {
    const projects: TrackedProject[] = [];
    let cursor: string | undefined;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith(storageKeys.trackedProjectPrefix)).limit(QUERY_PAGE_LIMIT);
      if (cursor) query = query.cursor(cursor);
      const page = await query.getMany();
      for (const item of page.results) {
        const parsed = trackedProjectSchema.safeParse(item.value);
        if (parsed.success) projects.push(parsed.data);
      }
      cursor = page.nextCursor;
    } while (cursor);
    return projects;
  }

  async saveKpiSnapshot(snapshot: KpiSnapshot): Promise<void> {
    await kvs.entity<KpiSnapshotEntity>(ENTITY.kpiSnapshot.name).set(kpiSnapshotKey(snapshot.projectId, snapshot.capturedAt), {
      projectId: snapshot.projectId,
      capturedAt: snapshot.capturedAt,
      payload: { counts: snapshot.counts },
    });
  }

  async listKpiSnapshots(projectId: string, limit: number): Promise<KpiSnapshot[]> {
    const page = await kvs
      .entity<KpiSnapshotEntity>(ENTITY.kpiSnapshot.name)
      .query()
      .index(ENTITY.kpiSnapshot.byProjectTime, { partition: [projectId] })
      .sort(Sort.DESC)
      .limit(Math.min(limit, ENTITY_PAGE_LIMIT))
      .getMany();
    return page.results.flatMap((item) => {
      const parsed = kpiSnapshotEntitySchema.safeParse(item.value);
      return parsed.success
        ? [{ projectId: parsed.data.projectId, capturedAt: parsed.data.capturedAt, counts: parsed.data.payload.counts }]
        : [];
    });
  }

  /**
   * A plain read-modify-write: two events racing may lose one increment of `changes`, which
   * only delays a refresh by one event; `dirtySince` can only move earlier, so no change is missed.
   */
  async markProjectDirty(projectId: string, at: Date): Promise<ProjectChangeMarker> {
    const key = storageKeys.changeMarker(projectId);
    const existing = changeMarkerSchema.safeParse(await kvs.get(key));
    const marker: ProjectChangeMarker = existing.success
      ? { ...existing.data, changes: existing.data.changes + 1 }
      : { projectId, dirtySince: at.toISOString(), changes: 1 };
    await kvs.set(key, marker);
    return marker;
  }

  async getChangeMarker(projectId: string): Promise<ProjectChangeMarker | undefined> {
    const parsed = changeMarkerSchema.safeParse(await kvs.get(storageKeys.changeMarker(projectId)));
    return parsed.success ? parsed.data : undefined;
  }

  async clearChangeMarker(projectId: string): Promise<void> {
    await kvs.delete(storageKeys.changeMarker(projectId));
  }
}
