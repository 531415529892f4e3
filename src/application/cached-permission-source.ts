import { createHash } from 'node:crypto';
import { isAppError } from './app-error';
import { PROJECT_PERMISSIONS, type Clock, type PermissionSource, type ProjectPermission } from './ports';
import { permissionCacheKind } from './records/record-kinds';
import type { RecordStore } from './storage';

/**
 * How long what Jira said about a user's project permissions is reused. Opening the project
 * page and its panels then costs no Jira call (the app's rate-limit pool is shared by every
 * customer); a permission removed in Jira takes effect within this time.
 */
export const PERMISSION_CACHE_MS = 5 * 60_000;

const KNOWN = new Set<string>(PROJECT_PERMISSIONS);

/**
 * `PermissionSource` that asks Jira (as the user) at most once per user, project and
 * `PERMISSION_CACHE_MS`. The cache is keyed by a SHA-256 of the account id, never shared
 * between accounts; a storage failure falls back to asking Jira, never to allowing.
 */
export class CachedPermissionSource implements PermissionSource {
  constructor(
    private readonly jira: PermissionSource,
    private readonly records: RecordStore,
    private readonly clock: Clock,
  ) {}

  async myProjectPermissions(projectKey: string, accountId: string): Promise<ReadonlySet<ProjectPermission>> {
    const partition = `${projectKey}.${createHash('sha256').update(accountId).digest('hex')}`;
    const document = this.records.document(permissionCacheKind, partition);
    const now = this.clock.now();
    const cached = await document.get().catch((error: unknown) => {
      if (isAppError(error)) return undefined;
      throw error;
    });
    if (cached?.value && cached.value.expiresAt > now.toISOString()) {
      return new Set(cached.value.permissions.filter((p): p is ProjectPermission => KNOWN.has(p)));
    }
    const fresh = await this.jira.myProjectPermissions(projectKey, accountId);
    const expiresAt = new Date(now.getTime() + PERMISSION_CACHE_MS).toISOString();
    // Remembering is bookkeeping: a failed or raced write only means Jira is asked again next time.
    await document.save({ permissions: [...fresh], expiresAt }, cached?.revision ?? 0).catch((error: unknown) => {
      if (!isAppError(error)) throw error;
    });
    return fresh;
  }
}
