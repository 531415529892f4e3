/**
 * Who may do what, on the real path (resolver -> @forge/api asUser -> emulator's accounts ->
 * KVS on SQLite): reading the app's records needs Browse Projects, writing them Edit Issues,
 * settings and data deletion Administer Projects. A refusal is FORBIDDEN and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, settingsViewSchema, type ResolverKey } from '../../contract';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import type { ExtensionContext } from '../../local/runtime/local-forge';
import { issuePanelContext, projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');
const acmeProject = acme.project;
const firstIssue = acme.issues[0] as { id: unknown; key: string };

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

type Role = keyof typeof LOCAL_ACCOUNTS;

async function settingsRevision(): Promise<number> {
  const answer = (await app.forge.invokeResolver(projectPageContext(acmeProject), 'settings/get', {})) as { data: { revision: number } };
  return answer.data.revision;
}

/**
 * What is stored, less the permission cache: remembering what Jira said about a user for a few
 * minutes (a refusal included) is bookkeeping, not a change to the project's records.
 */
function appRecords() {
  return app.kvs.dump().filter((row) => !row.key.startsWith('permission-cache:'));
}

function as(role: Role, context: ExtensionContext): ExtensionContext {
  return { ...context, accountId: LOCAL_ACCOUNTS[role].accountId };
}

const changedSettings = { ...DEFAULT_PROJECT_SETTINGS, cadenceDays: 14 };

/** Each resolver with a payload and the context it runs in. The save uses the revision current at that moment. */
const calls: { key: ResolverKey; payload: unknown; context: () => ExtensionContext }[] = [
  { key: 'project/overview', payload: {}, context: () => projectPageContext(acme.project) },
  { key: 'project/report', payload: { lang: 'en' }, context: () => projectPageContext(acme.project) },
  {
    key: 'issue/risk',
    payload: {},
    context: () => issuePanelContext(acme.project, { id: String(firstIssue.id), key: firstIssue.key }),
  },
  { key: 'settings/get', payload: {}, context: () => projectPageContext(acme.project) },
  { key: 'settings/save', payload: 'current revision', context: () => projectPageContext(acme.project) },
  { key: 'project/export', payload: {}, context: () => projectPageContext(acme.project) },
  { key: 'project/delete-data', payload: { confirmProjectKey: acme.project.key }, context: () => projectPageContext(acme.project) },
];

/** What each account may call: reads for anyone who browses; settings and data for project admins. */
const ALLOWED: Record<Role, readonly ResolverKey[]> = {
  pm: ['project/overview', 'project/report', 'issue/risk', 'settings/get', 'settings/save', 'project/export', 'project/delete-data'],
  member: ['project/overview', 'project/report', 'issue/risk', 'settings/get'],
  viewer: ['project/overview', 'project/report', 'issue/risk', 'settings/get'],
  outsider: [],
};

describe.each(Object.keys(ALLOWED) as Role[])('as the %s', (role) => {
  it.each(calls)('$key answers as the rules say, and a refusal changes nothing', async ({ key, payload, context }) => {
    const before = appRecords();
    const body = payload === 'current revision' ? { settings: changedSettings, revision: await settingsRevision() } : payload;
    const answer = (await app.forge.invokeResolver(as(role, context()), key, body)) as { ok: boolean; error?: { code: string } };
    if (ALLOWED[role].includes(key)) {
      expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
    } else {
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(appRecords()).toEqual(before);
    }
    // Leave the project as it was for the next case.
    await app.forge.invokeResolver(as('pm', projectPageContext(acme.project)), 'project/delete-data', {
      confirmProjectKey: acme.project.key,
    });
  });
});

describe('settings/get tells the UI whether the caller may edit', () => {
  it.each([
    ['pm', true],
    ['member', false],
    ['viewer', false],
  ] as const)('as the %s, canEdit is %s', async (role, canEdit) => {
    const answer = (await app.forge.invokeResolver(as(role, projectPageContext(acme.project)), 'settings/get', {})) as { data: unknown };
    expect(settingsViewSchema.parse(answer.data).canEdit).toBe(canEdit);
  });
});
