import type { KpiSnapshot, ProjectChangeMarker, ProjectRef, Store, TrackedProject } from '../../application/ports';

/** `Store` in memory, for use-case tests. Same observable behaviour as `KvsStore`. */
export class InMemoryStore implements Store {
  readonly projects = new Map<string, TrackedProject>();
  readonly snapshots: KpiSnapshot[] = [];
  readonly markers = new Map<string, ProjectChangeMarker>();

  trackProject(project: ProjectRef, at: Date): Promise<void> {
    const existing = this.projects.get(project.id);
    this.projects.set(project.id, { id: project.id, key: project.key, firstSeenAt: existing?.firstSeenAt ?? at.toISOString() });
    return Promise.resolve();
  }

  listTrackedProjects(): Promise<TrackedProject[]> {
    return Promise.resolve([...this.projects.values()]);
  }

  saveKpiSnapshot(snapshot: KpiSnapshot): Promise<void> {
    this.snapshots.push(structuredClone(snapshot));
    return Promise.resolve();
  }

  listKpiSnapshots(projectId: string, limit: number): Promise<KpiSnapshot[]> {
    return Promise.resolve(
      this.snapshots
        .filter((s) => s.projectId === projectId)
        .sort((a, b) => (a.capturedAt < b.capturedAt ? 1 : -1))
        .slice(0, limit),
    );
  }

  markProjectDirty(projectId: string, at: Date): Promise<ProjectChangeMarker> {
    const existing = this.markers.get(projectId);
    const marker = existing ? { ...existing, changes: existing.changes + 1 } : { projectId, dirtySince: at.toISOString(), changes: 1 };
    this.markers.set(projectId, marker);
    return Promise.resolve(marker);
  }

  getChangeMarker(projectId: string): Promise<ProjectChangeMarker | undefined> {
    return Promise.resolve(this.markers.get(projectId));
  }

  clearChangeMarker(projectId: string): Promise<void> {
    this.markers.delete(projectId);
    return Promise.resolve();
  }
}
