/**
 * The name of a project data export: `client-followup-<KEY>-<YYYY-MM-DD>.json`, dated by the
 * export's own `exportedAt` (UTC), so the name matches what the file says about itself.
 */
export function toExportFileName(projectKey: string, exportedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/u.exec(exportedAt)?.[0] ?? 'export';
  const key = projectKey.replace(/[^A-Za-z0-9_-]/gu, '');
  return `client-followup-${key}-${day}.json`;
}
