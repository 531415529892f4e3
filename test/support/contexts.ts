import { LOCAL_ACCOUNTS, type AccountRole } from '../../local/jira/accounts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { LOCAL_CLOUD_ID, LOCAL_USER, type ExtensionContext } from '../../local/runtime/local-forge';

/**
 * The trusted context Forge gives the project page (and its resolver) in a project, for the user
 * `accountId` (default: the PM; see `./accounts` for the others).
 */
export function projectPageContext(
  project: { id: string; key: string },
  locale = 'en_US',
  accountId = LOCAL_USER.accountId,
): ExtensionContext {
  return {
    accountId,
    cloudId: LOCAL_CLOUD_ID,
    localId: 'local',
    moduleKey: 'client-followup-project-page',
    siteUrl: 'http://local',
    environmentId: 'local-env',
    environmentType: 'DEVELOPMENT',
    locale,
    timezone: 'UTC',
    theme: { colorMode: 'light' },
    extension: { type: 'jira:projectPage', project: { id: project.id, key: project.key, type: 'software' } },
  };
}

/** The trusted context Forge gives the issue panel on an issue, for the user `accountId` (default: the PM). */
export function issuePanelContext(
  project: { id: string; key: string },
  issue: { id: string; key: string },
  locale = 'en_US',
  accountId = LOCAL_USER.accountId,
): ExtensionContext {
  const base = projectPageContext(project, locale, accountId);
  return {
    ...base,
    moduleKey: 'client-risk-context',
    extension: { ...base.extension, type: 'jira:issueContext', issue: { id: issue.id, key: issue.key, type: 'Story', typeId: '10001' } },
  };
}

/** Calls the project page's resolvers in `project` as one of the local accounts, on the app `app()` answers. */
export function resolverCaller(
  app: () => LocalApp,
  project: { id: string; key: string },
): (role: AccountRole, functionKey: string, payload: unknown) => Promise<{ ok: boolean; data?: unknown }> {
  return async (role, functionKey, payload) =>
    (await app().forge.invokeResolver(projectPageContext(project, 'en_US', LOCAL_ACCOUNTS[role].accountId), functionKey, payload)) as {
      ok: boolean;
      data?: unknown;
    };
}
