/**
 * Every KVS key the app writes is built here, with a schema version, so a layout change is a
 * new version that reads can migrate from — never a silent reinterpretation.
 */
export const storageKeys = {
  trackedProjectPrefix: 'tracked-project:v1:',
  trackedProject: (projectId: string) => `tracked-project:v1:${projectId}`,
  changeMarker: (projectId: string) => `change-marker:v1:${projectId}`,
} as const;

export const ENTITY = {
  kpiSnapshot: { name: 'kpi-snapshot', byProjectTime: 'by-project-time' },
} as const;

/** KVS keys allow only a few characters; ids from Jira are numeric, capturedAt is ISO. */
export function kpiSnapshotKey(projectId: string, capturedAt: string): string {
  return `${projectId}:${capturedAt.replace(/[^0-9A-Za-z]/gu, '')}`;
}
