import { asApp, asUser, route } from '@forge/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ACCOUNT } from '../../local/jira/accounts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { ACCOUNTS, type LocalAccount } from '../support/accounts';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme, hz] = datasets;
if (!acme || !hz) throw new Error('the demo has two projects');
const { pm, member, viewer, outsider } = ACCOUNTS;
const issueKey = acme.issues[10]?.key ?? '';

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets, serve: true });
});
afterAll(async () => {
  await app.close();
});

const PermissionsJson = z.object({ permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })) });
const KEYS = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS', 'ADMINISTER_PROJECTS'] as const;
const ADF = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Checked with the client.' }] }] };
const json = { 'content-type': 'application/json' };

/** What the emulator should answer each account, through the real `@forge/api`. */
const EXPECTED = [
  { who: 'the PM', account: pm, permissions: [...KEYS], read: 200, edit: 204, comment: 201, create: 201 },
  {
    who: 'the team member',
    account: member,
    permissions: KEYS.filter((k) => k !== 'ADMINISTER_PROJECTS'),
    read: 200,
    edit: 204,
    comment: 201,
    create: 201,
  },
  { who: 'the viewer', account: viewer, permissions: ['BROWSE_PROJECTS'], read: 200, edit: 403, comment: 403, create: 403 },
  { who: 'the outsider', account: outsider, permissions: null, read: 404, edit: 404, comment: 404, create: 400 },
] satisfies {
  who: string;
  account: LocalAccount;
  permissions: string[] | null;
  read: number;
  edit: number;
  comment: number;
  create: number;
}[];

const summaryOf = async (key: string) =>
  z
    .object({ fields: z.object({ summary: z.string() }) })
    .parse(await (await asApp().requestJira(route`/rest/api/3/issue/${key}?fields=summary`)).json()).fields.summary;

describe.each(EXPECTED)('asUser($account.accountId) through @forge/api: $who', ({ account, permissions, read, edit, comment, create }) => {
  const as = () => asUser(account.accountId);

  it('answers /mypermissions with its keys in the project (404 where it cannot browse)', async () => {
    const response = await as().requestJira(route`/rest/api/3/mypermissions?projectKey=${acme.project.key}&permissions=${KEYS.join(',')}`);
    if (permissions === null) {
      expect(response.status).toBe(404);
      return;
    }
    expect(response.status).toBe(200);
    const held = PermissionsJson.parse(await response.json()).permissions;
    expect(KEYS.filter((key) => held[key]?.havePermission)).toEqual(permissions);
  });

  it('reads the project, its issues and searches only when it can browse', async () => {
    expect((await as().requestJira(route`/rest/api/3/project/${acme.project.key}`)).status).toBe(read);
    expect((await as().requestJira(route`/rest/api/3/issue/${issueKey}?fields=summary`)).status).toBe(read);
    const projects = z
      .object({ values: z.array(z.looseObject({ key: z.string() })) })
      .parse(await (await as().requestJira(route`/rest/api/3/project/search`)).json());
    expect(projects.values.map((p) => p.key).sort()).toEqual(read === 200 ? [acme.project.key, hz.project.key].sort() : []);
    const search = await as().requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ jql: 'created >= -3650d', fields: ['summary'], maxResults: 5 }),
    });
    const page = z
      .object({ issues: z.array(z.unknown()) })
      .loose()
      .parse(await search.json());
    expect(page.issues.length).toBe(read === 200 ? 5 : 0);
  });

  it('edits, comments and creates only with the matching permission; a refusal changes nothing', async () => {
    const before = await summaryOf(issueKey);
    const edited = await as().requestJira(route`/rest/api/3/issue/${issueKey}`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({ fields: { summary: `${before} (${account.role})` } }),
    });
    expect(edited.status).toBe(edit);
    expect(await summaryOf(issueKey)).toBe(edit === 204 ? `${before} (${account.role})` : before);

    const commented = await as().requestJira(route`/rest/api/3/issue/${issueKey}/comment`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ body: ADF }),
    });
    expect(commented.status).toBe(comment);

    const issuesBefore = acme.issues.length;
    const created = await as().requestJira(route`/rest/api/3/issue`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        fields: { project: { key: acme.project.key }, issuetype: { name: 'Task' }, summary: `Created by ${account.role}` },
      }),
    });
    expect(created.status).toBe(create);
    expect(acme.issues.length).toBe(create === 201 ? issuesBefore + 1 : issuesBefore);
  });

  it('is who /myself names', async () => {
    const me = z.looseObject({ accountId: z.string() }).parse(await (await as().requestJira(route`/rest/api/3/myself`)).json());
    expect(me.accountId).toBe(account.accountId);
  });
});

describe('asApp() through @forge/api', () => {
  it('sees every project and holds every permission, as the app user', async () => {
    const projects = z
      .object({ values: z.array(z.looseObject({ key: z.string() })) })
      .parse(await (await asApp().requestJira(route`/rest/api/3/project/search`)).json());
    expect(projects.values).toHaveLength(2);
    const held = PermissionsJson.parse(
      await (await asApp().requestJira(route`/rest/api/3/mypermissions?projectKey=${hz.project.key}&permissions=${KEYS.join(',')}`)).json(),
    ).permissions;
    expect(KEYS.every((key) => held[key]?.havePermission)).toBe(true);
    const me = z.looseObject({ accountId: z.string() }).parse(await (await asApp().requestJira(route`/rest/api/3/myself`)).json());
    expect(me.accountId).toBe(APP_ACCOUNT.accountId);
  });
});

describe('asUser() inside an invocation runs as the invoking account', () => {
  it('answers concurrent resolver invocations each for its own account, and logs who invoked', async () => {
    const invoke = (account: LocalAccount) =>
      app.forge.invokeResolver(projectPageContext(acme.project, 'en_US', account.accountId), 'project/overview', {});
    const [asPm, asOutsider, asViewer] = await Promise.all([invoke(pm), invoke(outsider), invoke(viewer)]);
    expect(asPm).toMatchObject({ ok: true });
    expect(asOutsider).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(asViewer).toMatchObject({ ok: true });
    const logged = app.forge.invocations.slice(-3).map((r) => r.accountId);
    expect(logged.sort()).toEqual([pm.accountId, outsider.accountId, viewer.accountId].sort());
  });

  it('fails asUser() outside a user invocation (as in scheduled triggers) instead of acting as someone', async () => {
    await expect(asUser().requestJira(route`/rest/api/3/myself`)).rejects.toThrow(/NO_USER_IN_INVOCATION/u);
  });

  it('runs scheduled triggers without a user', async () => {
    await app.forge.runScheduledTrigger('daily-kpi-snapshot');
    const last = app.forge.invocations.at(-1);
    expect(last).toMatchObject({ kind: 'scheduled', key: 'daily-kpi-snapshot' });
    expect(last?.accountId).toBeUndefined();
  });
});

describe('GET /__local/admin/users', () => {
  it('lists the four accounts with their Jira permission keys per project', async () => {
    const response = await fetch(`${app.url ?? ''}/__local/admin/users`);
    expect(response.status).toBe(200);
    const users = z
      .array(
        z.strictObject({
          accountId: z.string(),
          displayName: z.string(),
          role: z.enum(['pm', 'member', 'viewer', 'outsider']),
          globalPermissions: z.array(z.string()),
          projectPermissions: z.record(z.string(), z.array(z.string())),
        }),
      )
      .parse(await response.json());
    expect(users.map((u) => [u.accountId, u.displayName, u.role])).toEqual([
      [pm.accountId, 'Pat Morgan (PM)', 'pm'],
      [member.accountId, member.displayName, 'member'],
      [viewer.accountId, viewer.displayName, 'viewer'],
      [outsider.accountId, outsider.displayName, 'outsider'],
    ]);
    const byRole = Object.fromEntries(users.map((u) => [u.role, u.projectPermissions]));
    expect(byRole['pm']?.[acme.project.key]).toEqual(expect.arrayContaining(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS']));
    expect(byRole['member']?.[hz.project.key]).toEqual(['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS']);
    expect(byRole['viewer']).toEqual({ [acme.project.key]: ['BROWSE_PROJECTS'], [hz.project.key]: ['BROWSE_PROJECTS'] });
    expect(byRole['outsider']).toEqual({ [acme.project.key]: [], [hz.project.key]: [] });
  });
});

describe('a frame URL names its account (user=<accountId>)', () => {
  const frame = (query: string) =>
    fetch(`${app.url ?? ''}/__local/frame/client-followup-project-page/index.html?project=${acme.project.key}${query}`);
  const bootContext = async (response: Response) => {
    const html = await response.text();
    const boot = /window\.__LOCAL_FORGE__=(\{.*?\});<\/script>/u.exec(html)?.[1];
    return z.object({ context: z.looseObject({ accountId: z.string() }) }).parse(JSON.parse(boot ?? 'null')).context;
  };

  it('gives the frame context that account, the PM by default', async () => {
    const asViewer = await frame(`&user=${encodeURIComponent(viewer.accountId)}`);
    expect(asViewer.status).toBe(200);
    expect((await bootContext(asViewer)).accountId).toBe(viewer.accountId);
    expect((await bootContext(await frame(''))).accountId).toBe(pm.accountId);
  });

  it('answers an unknown account with 400', async () => {
    const response = await frame('&user=557058%3Anobody');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: expect.stringContaining('557058:nobody') as string });
  });
});
