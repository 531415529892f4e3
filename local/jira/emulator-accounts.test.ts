import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APP_ACCOUNT, LOCAL_ACCOUNTS, type LocalAccount } from './accounts';
import { generateDemoDatasets } from './demo-generator';
import { JiraEmulator, type IssueEvent } from './emulator';

const NOW = new Date('2026-06-12T08:00:00Z');
const { pm, member, viewer, outsider } = LOCAL_ACCOUNTS;

const ErrorBody = z.strictObject({ errorMessages: z.array(z.string()), errors: z.record(z.string(), z.string()) });
const PermissionsBody = z.strictObject({
  permissions: z.record(
    z.string(),
    z.strictObject({
      id: z.string(),
      key: z.string(),
      name: z.string(),
      type: z.enum(['PROJECT', 'GLOBAL']),
      description: z.string(),
      havePermission: z.boolean(),
    }),
  ),
});
const SearchBody = z.looseObject({
  issues: z.array(z.looseObject({ key: z.string().optional() })),
  isLast: z.boolean(),
  nextPageToken: z.string().optional(),
});
const User = z.looseObject({ accountId: z.string(), displayName: z.string() });

function givenEmulator(events: IssueEvent[] = []) {
  return new JiraEmulator({ datasets: generateDemoDatasets({ now: NOW, seed: 7 }), now: () => NOW, onIssueEvent: (e) => events.push(e) });
}

async function call(emulator: JiraEmulator, as: LocalAccount | 'app', path: string, init?: { method?: string; body?: unknown }) {
  const request = new Request(`https://local.invalid${path}`, {
    method: init?.method ?? 'GET',
    ...(init?.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const response = await emulator.handle(request, as === 'app' ? {} : { accountId: as.accountId });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const KEYS = ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS', 'ADMINISTER_PROJECTS', 'DELETE_ISSUES', 'ADMINISTER'];

async function held(emulator: JiraEmulator, as: LocalAccount | 'app', context: string): Promise<string[]> {
  const { status, body } = await call(emulator, as, `/rest/api/3/mypermissions?${context}permissions=${KEYS.join(',')}`);
  expect(status).toBe(200);
  const { permissions } = PermissionsBody.parse(body);
  return KEYS.filter((key) => permissions[key]?.havePermission === true);
}

const ADF = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Reviewed with the client.' }] }] };

describe('GET /mypermissions answers per account', () => {
  it.each([
    ['the PM', pm, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS', 'ADMINISTER_PROJECTS', 'DELETE_ISSUES']],
    ['the team member', member, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS']],
    ['the viewer', viewer, ['BROWSE_PROJECTS']],
  ] as const)('in a project, %s holds exactly its keys', async (_who, account, expected) => {
    const emulator = givenEmulator();
    expect(await held(emulator, account, 'projectKey=ACME&')).toEqual(expected);
    expect(await held(emulator, account, 'issueKey=ACME-3&')).toEqual(expected);
  });

  it('answers a project or issue the outsider cannot browse with 404, as for a missing one', async () => {
    const emulator = givenEmulator();
    const project = await call(emulator, outsider, '/rest/api/3/mypermissions?projectKey=ACME&permissions=BROWSE_PROJECTS');
    expect(project.status).toBe(404);
    expect(ErrorBody.parse(project.body).errorMessages).toEqual(["No project could be found with key 'ACME'."]);
    const missing = await call(emulator, pm, '/rest/api/3/mypermissions?projectKey=NOPE&permissions=BROWSE_PROJECTS');
    expect(missing.status).toBe(404);
    expect((await call(emulator, outsider, '/rest/api/3/mypermissions?issueKey=ACME-3&permissions=BROWSE_PROJECTS')).status).toBe(404);
  });

  it('in the global context, the outsider holds no project permission; nobody administers Jira', async () => {
    const emulator = givenEmulator();
    expect(await held(emulator, outsider, '')).toEqual([]);
    expect(await held(emulator, viewer, '')).toEqual(['BROWSE_PROJECTS']);
    expect(await held(emulator, pm, '')).not.toContain('ADMINISTER');
  });

  it('names each permission as Jira does (id, name, type) and refuses an unknown key with a 400', async () => {
    const emulator = givenEmulator();
    const { body } = await call(emulator, member, '/rest/api/3/mypermissions?projectKey=ACME&permissions=EDIT_ISSUES,ADMINISTER');
    expect(PermissionsBody.parse(body).permissions).toEqual({
      EDIT_ISSUES: {
        id: '12',
        key: 'EDIT_ISSUES',
        name: 'Edit Issues',
        type: 'PROJECT',
        description: 'Ability to edit issues.',
        havePermission: true,
      },
      ADMINISTER: expect.objectContaining({ key: 'ADMINISTER', type: 'GLOBAL', havePermission: false }) as unknown,
    });
    const unknown = await call(emulator, pm, '/rest/api/3/mypermissions?projectKey=ACME&permissions=BROWSE');
    expect(unknown.status).toBe(400);
    expect(ErrorBody.parse(unknown.body).errorMessages[0]).toContain('BROWSE');
  });

  it('gives the app (asApp) every permission', async () => {
    expect(await held(givenEmulator(), 'app', 'projectKey=ACME&')).toEqual(KEYS);
  });
});

describe('project and issue reads answer per account', () => {
  it('lists and serves projects only to accounts that can browse them', async () => {
    const emulator = givenEmulator();
    const keysOf = (body: unknown) =>
      z
        .looseObject({ values: z.array(z.looseObject({ key: z.string() })) })
        .parse(body)
        .values.map((p) => p.key);
    expect(keysOf((await call(emulator, viewer, '/rest/api/3/project/search')).body).sort()).toEqual(['ACME', 'HZ']);
    expect(keysOf((await call(emulator, outsider, '/rest/api/3/project/search')).body)).toEqual([]);
    expect((await call(emulator, viewer, '/rest/api/3/project/ACME')).status).toBe(200);
    expect((await call(emulator, outsider, '/rest/api/3/project/ACME')).status).toBe(404);
    expect((await call(emulator, outsider, '/rest/api/3/project/ACME/versions')).status).toBe(404);
  });

  it('searches only browsable projects: JQL naming a hidden project fails as if it did not exist', async () => {
    const emulator = givenEmulator();
    const viewerPage = SearchBody.parse(
      (await call(emulator, viewer, '/rest/api/3/search/jql?jql=project%20%3D%20ACME&fields=summary')).body,
    );
    expect(viewerPage.issues.length).toBeGreaterThan(0);
    const named = await call(emulator, outsider, '/rest/api/3/search/jql?jql=project%20%3D%20ACME');
    expect(named.status).toBe(400);
    expect(ErrorBody.parse(named.body).errorMessages).toEqual(["The value 'ACME' does not exist for the field 'project'."]);
    const everything = SearchBody.parse(
      (await call(emulator, outsider, '/rest/api/3/search/jql?jql=created%20%3E%3D%20-3650d%20ORDER%20BY%20key&fields=summary')).body,
    );
    expect(everything).toEqual({ issues: [], isLast: true });
    const count = await call(emulator, outsider, '/rest/api/3/search/approximate-count', {
      method: 'POST',
      body: { jql: 'created >= -3650d' },
    });
    expect(count.body).toEqual({ count: 0 });
  });

  it("never hands one caller's cached result set to another through a page token", async () => {
    const emulator = givenEmulator();
    const first = SearchBody.parse(
      (await call(emulator, 'app', '/rest/api/3/search/jql?jql=created%20%3E%3D%20-3650d%20ORDER%20BY%20key&fields=summary&maxResults=5'))
        .body,
    );
    const token = first.nextPageToken ?? '';
    expect(token).not.toBe('');
    const next = await call(
      emulator,
      outsider,
      `/rest/api/3/search/jql?jql=created%20%3E%3D%20-3650d%20ORDER%20BY%20key&fields=summary&maxResults=5&nextPageToken=${token}`,
    );
    expect(SearchBody.parse(next.body).issues).toEqual([]);
  });

  it('answers an issue the outsider cannot browse with 404 and leaves it out of bulk changelogs', async () => {
    const emulator = givenEmulator();
    const hidden = await call(emulator, outsider, '/rest/api/3/issue/ACME-3');
    expect(hidden.status).toBe(404);
    expect(ErrorBody.parse(hidden.body)).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
    expect((await call(emulator, viewer, '/rest/api/3/issue/ACME-3?fields=summary')).status).toBe(200);
    expect((await call(emulator, outsider, '/rest/api/3/issue/ACME-3/properties')).status).toBe(404);
    const changelogs = await call(emulator, outsider, '/rest/api/3/changelog/bulkfetch', {
      method: 'POST',
      body: { issueIdsOrKeys: ['ACME-3'] },
    });
    expect(changelogs.body).toEqual({ issueChangeLogs: [] });
  });
});

describe('issue writes need the matching permission', () => {
  const summaryOf = async (emulator: JiraEmulator, key: string) =>
    z
      .looseObject({ fields: z.looseObject({ summary: z.string() }) })
      .parse((await call(emulator, 'app', `/rest/api/3/issue/${key}?fields=summary`)).body).fields.summary;

  it('refuses an edit by the viewer with 403 and changes nothing; the member edits, authoring the history', async () => {
    const events: IssueEvent[] = [];
    const emulator = givenEmulator(events);
    const before = await summaryOf(emulator, 'ACME-4');
    const refused = await call(emulator, viewer, '/rest/api/3/issue/ACME-4', {
      method: 'PUT',
      body: { fields: { summary: 'Viewer was here' } },
    });
    expect(refused.status).toBe(403);
    expect(ErrorBody.parse(refused.body).errorMessages).toEqual(['You do not have permission to edit issues in this project.']);
    expect(await summaryOf(emulator, 'ACME-4')).toBe(before);
    expect(events).toEqual([]);
    expect((await call(emulator, outsider, '/rest/api/3/issue/ACME-4', { method: 'PUT', body: { fields: { summary: 'x' } } })).status).toBe(
      404,
    );

    const edited = await call(emulator, member, '/rest/api/3/issue/ACME-4', {
      method: 'PUT',
      body: { fields: { summary: 'Member edit' } },
    });
    expect(edited.status).toBe(204);
    expect(await summaryOf(emulator, 'ACME-4')).toBe('Member edit');
    expect(events.map((e) => [e.eventType, e.atlassianId])).toEqual([['avi:jira:updated:issue', member.accountId]]);
    const history = z
      .looseObject({ changelog: z.looseObject({ histories: z.array(z.looseObject({ author: User })) }) })
      .parse((await call(emulator, 'app', '/rest/api/3/issue/ACME-4?expand=changelog')).body).changelog.histories[0];
    expect(history?.author.accountId).toBe(member.accountId);
  });

  it('refuses a comment by the viewer with 403; the member comments as itself', async () => {
    const emulator = givenEmulator();
    const refused = await call(emulator, viewer, '/rest/api/3/issue/ACME-5/comment', { method: 'POST', body: { body: ADF } });
    expect(refused.status).toBe(403);
    const comment = await call(emulator, member, '/rest/api/3/issue/ACME-5/comment', { method: 'POST', body: { body: ADF } });
    expect(comment.status).toBe(201);
    expect(z.looseObject({ author: User }).parse(comment.body).author).toMatchObject({
      accountId: member.accountId,
      displayName: member.displayName,
    });
  });

  it('refuses a create by the viewer with 403 and by the outsider as an unknown project; the member creates as reporter', async () => {
    const emulator = givenEmulator();
    const fields = { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'Prepare the demo' };
    const countBefore = emulator.datasets[0]?.issues.length;
    const viewerTry = await call(emulator, viewer, '/rest/api/3/issue', { method: 'POST', body: { fields } });
    expect(viewerTry.status).toBe(403);
    expect(ErrorBody.parse(viewerTry.body).errorMessages).toEqual(['You do not have permission to create issues in this project.']);
    const outsiderTry = await call(emulator, outsider, '/rest/api/3/issue', { method: 'POST', body: { fields } });
    expect(outsiderTry.status).toBe(400);
    expect(ErrorBody.parse(outsiderTry.body).errors['project']).toBe('Specify a valid project ID or key');
    expect(emulator.datasets[0]?.issues.length).toBe(countBefore);

    const created = await call(emulator, member, '/rest/api/3/issue', { method: 'POST', body: { fields } });
    expect(created.status).toBe(201);
    const key = z.object({ key: z.string() }).loose().parse(created.body).key;
    const issue = z
      .looseObject({ fields: z.looseObject({ reporter: User }) })
      .parse((await call(emulator, 'app', `/rest/api/3/issue/${key}?fields=reporter`)).body);
    expect(issue.fields.reporter.accountId).toBe(member.accountId);
  });

  it('needs Edit Issues for issue properties (403 to set, 404 to delete, as the spec says) and Delete Issues to delete', async () => {
    const emulator = givenEmulator();
    const path = '/rest/api/3/issue/ACME-6/properties/client-followup';
    expect((await call(emulator, viewer, path, { method: 'PUT', body: { v: 1 } })).status).toBe(403);
    expect((await call(emulator, 'app', path)).status).toBe(404);
    expect((await call(emulator, member, path, { method: 'PUT', body: { v: 1 } })).status).toBe(201);
    expect((await call(emulator, viewer, path)).body).toEqual({ key: 'client-followup', value: { v: 1 } });
    expect((await call(emulator, viewer, path, { method: 'DELETE' })).status).toBe(404);
    expect((await call(emulator, viewer, path)).status).toBe(200);

    expect((await call(emulator, member, '/rest/api/3/issue/ACME-6', { method: 'DELETE' })).status).toBe(403);
    expect((await call(emulator, pm, '/rest/api/3/issue/ACME-6', { method: 'DELETE' })).status).toBe(204);
  });
});

describe('who the caller is', () => {
  it('answers /myself as the account, or the app user for asApp', async () => {
    const emulator = givenEmulator();
    expect(User.parse((await call(emulator, viewer, '/rest/api/3/myself')).body)).toMatchObject({
      accountId: viewer.accountId,
      displayName: viewer.displayName,
    });
    expect((await call(emulator, 'app', '/rest/api/3/myself')).body).toMatchObject({
      accountId: APP_ACCOUNT.accountId,
      accountType: 'app',
    });
  });

  it('answers an account the site does not know with 401', async () => {
    const emulator = givenEmulator();
    const response = await emulator.handle(new Request('https://local.invalid/rest/api/3/myself'), { accountId: '557058:nobody' });
    expect(response.status).toBe(401);
  });

  it('summarises every account with its permission keys per project', () => {
    const summaries = givenEmulator().accountSummaries();
    expect(summaries.map((s) => s.accountId)).toEqual([pm.accountId, member.accountId, viewer.accountId, outsider.accountId]);
    expect(summaries[2]).toEqual({
      accountId: viewer.accountId,
      displayName: viewer.displayName,
      role: 'viewer',
      globalPermissions: ['USER_PICKER', 'CREATE_SHARED_OBJECTS'],
      projectPermissions: { ACME: ['BROWSE_PROJECTS'], HZ: ['BROWSE_PROJECTS'] },
    });
    expect(summaries[3]?.projectPermissions).toEqual({ ACME: [], HZ: [] });
    expect(summaries[0]?.projectPermissions['ACME']).toEqual(
      expect.arrayContaining(['ADMINISTER_PROJECTS', 'EDIT_ISSUES', 'BROWSE_PROJECTS']),
    );
  });
});

describe('GET /user/picker', () => {
  const Found = z.looseObject({ users: z.array(z.looseObject({ accountId: z.string(), displayName: z.string() })), total: z.number() });

  it('finds the site users by a prefix of a name or e-mail word, case-insensitively, at most maxResults', async () => {
    const emulator = givenEmulator();
    const byMorgan = Found.parse((await call(emulator, pm, '/rest/api/3/user/picker?query=MORG')).body);
    expect(byMorgan.users.map((u) => u.accountId).sort()).toEqual([member.accountId, pm.accountId].sort());
    expect(byMorgan.total).toBe(2);
    const one = Found.parse((await call(emulator, member, '/rest/api/3/user/picker?query=morgan&maxResults=1')).body);
    expect(one.users).toHaveLength(1);
    expect(one.total).toBe(2);
    expect(Found.parse((await call(emulator, pm, '/rest/api/3/user/picker?query=vera.quinn')).body).users[0]?.accountId).toBe(
      viewer.accountId,
    );
  });

  it('refuses a call without a query (400)', async () => {
    const answer = await call(givenEmulator(), pm, '/rest/api/3/user/picker');
    expect(answer.status).toBe(400);
    expect(ErrorBody.parse(answer.body).errorMessages).toEqual(['The query parameter is required.']);
  });

  it('answers only an exact match to an account without the Browse users and groups permission', async () => {
    const hidden: LocalAccount = { ...outsider, globalPermissions: [] };
    const emulator = new JiraEmulator({
      datasets: generateDemoDatasets({ now: NOW, seed: 7 }),
      now: () => NOW,
      accounts: [pm, member, viewer, hidden],
    });
    expect(Found.parse((await call(emulator, hidden, '/rest/api/3/user/picker?query=pat')).body).users).toEqual([]);
    const exact = Found.parse((await call(emulator, hidden, `/rest/api/3/user/picker?query=${encodeURIComponent(pm.emailAddress)}`)).body);
    expect(exact.users.map((u) => u.accountId)).toEqual([pm.accountId]);
  });
});
