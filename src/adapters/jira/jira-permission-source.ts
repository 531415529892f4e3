import { z } from 'zod';
import { isAppError } from '../../application/app-error';
import { PROJECT_PERMISSIONS, type PermissionSource, type ProjectPermission } from '../../application/ports';
import type { JiraClient } from './jira-client';

const PROJECT_KEY = /^[A-Z][A-Z0-9_]*$/u;

/** The part of `/mypermissions` we read; each entry may carry more keys. */
const myPermissionsJson = z.looseObject({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })),
});

/**
 * `PermissionSource` over Jira REST v3, called as the user (`asUser`), so Jira answers for the
 * account behind the resolver's trusted context.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get
 */
export class JiraPermissionSource implements PermissionSource {
  constructor(private readonly client: JiraClient) {}

  /** `_accountId` is who Jira answers for anyway: the call runs as the user. */
  async myProjectPermissions(projectKey: string, _accountId: string): Promise<ReadonlySet<ProjectPermission>> {
    if (!PROJECT_KEY.test(projectKey)) return new Set();
    const query = new URLSearchParams({ projectKey, permissions: PROJECT_PERMISSIONS.join(',') });
    let json: unknown;
    try {
      json = await this.client.getJson(`/rest/api/3/mypermissions?${query.toString()}`);
    } catch (error) {
      // Jira answers 404 for a project the user cannot see: they hold nothing in it.
      if (isAppError(error) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return new Set();
      throw error;
    }
    const parsed = myPermissionsJson.safeParse(json);
    if (!parsed.success) return new Set();
    return new Set(PROJECT_PERMISSIONS.filter((key) => parsed.data.permissions[key]?.havePermission === true));
  }
}
