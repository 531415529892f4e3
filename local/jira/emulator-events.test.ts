import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCAL_ACCOUNTS, APP_ACCOUNT } from './accounts';
import { generateDemoDatasets } from './demo-generator';
import { EVENT_ISSUE_FIELDS, JiraEmulator, PER_ISSUE_WRITE_LIMIT, type IssueEvent, type IssueEventOrigin } from './emulator';

const NOW = new Date('2026-06-12T08:00:00Z');
const member = LOCAL_ACCOUNTS.member;

interface Delivered {
  event: IssueEvent;
  origin: IssueEventOrigin;
}

function givenEmulator(options: { clock?: { ms: number } } = {}) {
  const delivered: Delivered[] = [];
  const emulator = new JiraEmulator({
    datasets: generateDemoDatasets({ now: NOW, seed: 7 }),
    now: () => NOW,
    onIssueEvent: (event, origin) => delivered.push({ event, origin }),
    issueProperties: [
      { propertyKey: 'client-followup-risk', path: 'level', type: 'string', searchAlias: 'clientRiskLevel' },
      { propertyKey: 'client-followup-risk', path: 'score', type: 'number', searchAlias: 'clientRiskScore' },
    ],
    ...(options.clock ? { monotonicNow: () => options.clock?.ms ?? 0 } : {}),
  });
  return { emulator, delivered };
}

/** As the app (`asApp`) unless an account is named (`asUser`). */
async function call(emulator: JiraEmulator, path: string, init: { method?: string; body?: unknown; accountId?: string } = {}) {
  const request = new Request(`https://local.invalid${path}`, {
    method: init.method ?? 'GET',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const response = await emulator.handle(request, init.accountId !== undefined ? { accountId: init.accountId } : {});
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

const SearchKeys = z.looseObject({ issues: z.array(z.looseObject({ key: z.string() })) });

describe('issue events', () => {
  it('an update carries the documented issue fields, the changelog and its author; the origin has every field', async () => {
    const { emulator, delivered } = givenEmulator();
    const edit = await call(emulator, '/rest/api/3/issue/ACME-7', {
      method: 'PUT',
      body: { fields: { duedate: '2026-07-01' }, update: { labels: [{ add: 'at-risk' }] } },
      accountId: member.accountId,
    });
    expect(edit.status).toBe(204);
    expect(delivered).toHaveLength(1);
    const [{ event, origin } = { event: undefined, origin: undefined }] = delivered;
    expect(event?.eventType).toBe('avi:jira:updated:issue');
    expect(event?.issue.key).toBe('ACME-7');
    expect(Object.keys(event?.issue.fields ?? {}).sort()).toEqual([...EVENT_ISSUE_FIELDS].sort());
    expect(event?.issue.fields.project).toMatchObject({ id: '10000', key: 'ACME' });
    expect(event?.issue.fields['updated']).toBe('2026-06-12T08:00:00.000+0000');
    expect(event?.atlassianId).toBe(member.accountId);
    expect(event?.associatedUsers).toEqual([{ accountId: member.accountId }]);
    expect(event?.changelog?.items).toEqual([
      {
        field: 'duedate',
        fieldtype: 'jira',
        fieldId: 'duedate',
        from: '2026-06-08',
        fromString: '2026-06-08',
        to: '2026-07-01',
        toString: '2026-07-01',
      },
      {
        field: 'labels',
        fieldtype: 'jira',
        fieldId: 'labels',
        from: null,
        fromString: expect.any(String) as string,
        to: null,
        toString: expect.stringContaining('at-risk') as string,
      },
    ]);
    expect(origin?.byApp).toBe(false);
    expect(origin?.issueFields['duedate']).toBe('2026-07-01');
    expect(origin?.issueFields['labels']).toContain('at-risk');
  });

  it('records fix-version changes as Jira does: one item per version removed or added', async () => {
    const { emulator, delivered } = givenEmulator();
    // ACME-7 is in M2 (10101); moving it to M3 removes one version and adds another.
    await call(emulator, '/rest/api/3/issue/ACME-7', { method: 'PUT', body: { fields: { fixVersions: [{ id: '10102' }] } } });
    expect(delivered[0]?.event.changelog?.items).toEqual([
      {
        field: 'Fix Version',
        fieldtype: 'jira',
        fieldId: 'fixVersions',
        from: '10101',
        fromString: 'M2 Customer portal MVP',
        to: null,
        toString: null,
      },
      {
        field: 'Fix Version',
        fieldtype: 'jira',
        fieldId: 'fixVersions',
        from: null,
        fromString: null,
        to: '10102',
        toString: 'M3 Documents and carrier API',
      },
    ]);
  });

  it("marks the app's own changes (asApp) as by the app, with the app's account", async () => {
    const { emulator, delivered } = givenEmulator();
    await call(emulator, '/rest/api/3/issue/ACME-7', { method: 'PUT', body: { fields: { summary: 'Renamed by the app' } } });
    await call(emulator, '/rest/api/3/issue/ACME-7/comment', {
      method: 'POST',
      body: { body: { type: 'doc', version: 1, content: [] } },
      accountId: member.accountId,
    });
    expect(delivered.map((d) => [d.event.atlassianId, d.origin.byApp])).toEqual([
      [APP_ACCOUNT.accountId, true],
      [member.accountId, false],
    ]);
  });

  it('a creation and a deletion carry the issue id, key and project', async () => {
    const { emulator, delivered } = givenEmulator();
    const created = await call(emulator, '/rest/api/3/issue', {
      method: 'POST',
      body: { fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'Short-lived' } },
      accountId: LOCAL_ACCOUNTS.pm.accountId,
    });
    const { id, key } = z.object({ id: z.string(), key: z.string() }).parse(created.body);
    expect((await call(emulator, `/rest/api/3/issue/${key}`, { method: 'DELETE', accountId: LOCAL_ACCOUNTS.pm.accountId })).status).toBe(
      204,
    );
    expect(delivered.map((d) => [d.event.eventType, d.event.issue.id, d.event.issue.key, d.event.issue.fields.project.key])).toEqual([
      ['avi:jira:created:issue', id, key, 'ACME'],
      ['avi:jira:deleted:issue', id, key, 'ACME'],
    ]);
    expect(delivered[0]?.event.changelog).toBeUndefined();
    expect(delivered[1]?.event.issue.fields.project.id).toBe('10000');
  });

  it('setting an issue property fires no issue event', async () => {
    const { emulator, delivered } = givenEmulator();
    const put = await call(emulator, '/rest/api/3/issue/ACME-7/properties/client-followup-risk', {
      method: 'PUT',
      body: { level: 'high', score: 80 },
    });
    expect(put.status).toBe(201);
    expect(delivered).toEqual([]);
  });
});

describe('per-issue write limit', () => {
  const putRisk = (emulator: JiraEmulator, key: string, score: number) =>
    call(emulator, `/rest/api/3/issue/${key}/properties/client-followup-risk`, { method: 'PUT', body: { level: 'low', score } });

  it(`refuses write ${PER_ISSUE_WRITE_LIMIT.writes + 1} to one issue within ${PER_ISSUE_WRITE_LIMIT.windowMs} ms with 429 and Retry-After`, async () => {
    const clock = { ms: 10_000 };
    const { emulator } = givenEmulator({ clock });
    for (let i = 0; i < PER_ISSUE_WRITE_LIMIT.writes; i++) {
      clock.ms += 50;
      expect((await putRisk(emulator, 'ACME-7', i)).status).toBeLessThan(300);
    }
    clock.ms += 50;
    const refused = await putRisk(emulator, 'ACME-7', 99);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('RateLimit-Reason')).toBe('jira-per-issue-on-write');
    // The oldest write (at 10 050) leaves the window at 12 050: 1 000 ms from 11 050, so 1 s.
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect((await call(emulator, '/rest/api/3/issue/ACME-7/properties/client-followup-risk')).body).toEqual({
      key: 'client-followup-risk',
      value: { level: 'low', score: PER_ISSUE_WRITE_LIMIT.writes - 1 },
    });

    // Other issues and reads are not limited; after the wait the issue takes writes again.
    expect((await putRisk(emulator, 'ACME-8', 1)).status).toBe(201);
    expect((await call(emulator, '/rest/api/3/issue/ACME-7?fields=summary')).status).toBe(200);
    clock.ms += 1000;
    expect((await putRisk(emulator, 'ACME-7', 99)).status).toBe(200);
  });
});

describe('JQL on the indexed risk property', () => {
  it('finds issues by the search aliases once their property is set', async () => {
    const { emulator } = givenEmulator();
    for (const [key, level, score] of [
      ['ACME-3', 'high', 85],
      ['ACME-9', 'high', 70],
      ['ACME-12', 'medium', 40],
    ] as const) {
      const put = await call(emulator, `/rest/api/3/issue/${key}/properties/client-followup-risk`, {
        method: 'PUT',
        body: { level, score },
      });
      expect(put.status).toBe(201);
    }
    const keys = async (jql: string) =>
      SearchKeys.parse(
        (await call(emulator, `/rest/api/3/search/jql?${new URLSearchParams({ jql, fields: 'key' }).toString()}`)).body,
      ).issues.map((i) => i.key);
    expect(await keys('project = ACME AND clientRiskLevel = high ORDER BY key ASC')).toEqual(['ACME-3', 'ACME-9']);
    expect(await keys('issue.property[client-followup-risk].level = medium')).toEqual(['ACME-12']);
    expect(await keys('project = ACME AND clientRiskScore >= 60 ORDER BY clientRiskScore DESC')).toEqual(['ACME-3', 'ACME-9']);
    const unknown = await call(emulator, `/rest/api/3/search/jql?${new URLSearchParams({ jql: 'clientRiskOwner = me' }).toString()}`);
    expect(unknown.status).toBe(400);
  });
});

describe('transitions', () => {
  const pm = LOCAL_ACCOUNTS.pm.accountId;
  const Transitions = z.object({
    transitions: z.array(
      z.looseObject({ id: z.string(), to: z.looseObject({ name: z.string(), statusCategory: z.looseObject({ key: z.string() }) }) }),
    ),
  });
  const Fields = z.looseObject({
    fields: z.looseObject({
      status: z.looseObject({ id: z.string() }),
      resolution: z.looseObject({ name: z.string() }).nullable(),
      resolutiondate: z.string().nullable(),
      statuscategorychangedate: z.string(),
    }),
  });
  const fieldsOf = async (emulator: JiraEmulator, key: string) =>
    Fields.parse((await call(emulator, `/rest/api/3/issue/${key}?fields=status,resolution,resolutiondate,statuscategorychangedate`)).body)
      .fields;

  it("lists every other status of the issue's project", async () => {
    const { emulator } = givenEmulator();
    const current = (await fieldsOf(emulator, 'ACME-7')).status.id;
    const { transitions } = Transitions.parse((await call(emulator, '/rest/api/3/issue/ACME-7/transitions')).body);
    expect(transitions.map((t) => t.id).sort()).toEqual(['10000', '10001', '10002', '10003', '3'].filter((id) => id !== current).sort());
    expect(transitions.every((t) => t.to.statusCategory.key.length > 0)).toBe(true);
    const hz = Transitions.parse((await call(emulator, '/rest/api/3/issue/HZ-2/transitions')).body);
    expect(hz.transitions.every((t) => ['10100', '10101', '10102'].includes(t.id))).toBe(true);
  });

  it('moves an issue through done and back: status, category date, resolution, changelog and events', async () => {
    const { emulator, delivered } = givenEmulator();
    const key = 'ACME-7';
    const move = (id: string, accountId = pm) =>
      call(emulator, `/rest/api/3/issue/${key}/transitions`, { method: 'POST', body: { transition: { id } }, accountId });

    expect((await move('3')).status).toBe(204);
    expect((await move('10003')).status).toBe(204);
    const done = await fieldsOf(emulator, key);
    expect(done).toMatchObject({ status: { id: '10003' }, resolution: { name: 'Done' }, resolutiondate: '2026-06-12T08:00:00.000+0000' });
    expect(done.statuscategorychangedate).toBe('2026-06-12T08:00:00.000+0000');
    expect(
      await call(emulator, `/rest/api/3/search/jql?${new URLSearchParams({ jql: `key = ${key} AND resolution = Done` }).toString()}`),
    ).toMatchObject({
      body: { issues: [{ id: expect.any(String) as string }] },
    });

    expect((await move('10001')).status).toBe(204);
    expect(await fieldsOf(emulator, key)).toMatchObject({ status: { id: '10001' }, resolution: null, resolutiondate: null });

    const items = delivered.map((d) => d.event.changelog?.items.map((i) => [i.fieldId, i.to, i.toString]));
    expect(items.slice(-2)).toEqual([
      [
        ['status', '10003', 'Done'],
        ['resolution', '10000', 'Done'],
      ],
      [
        ['status', '10001', 'In Review'],
        ['resolution', null, null],
      ],
    ]);
    expect(delivered.every((d) => d.event.eventType === 'avi:jira:updated:issue' && d.event.atlassianId === pm)).toBe(true);
    // The event's status is the new one, with its category.
    expect(delivered.at(-1)?.event.issue.fields['status']).toMatchObject({ id: '10001', statusCategory: { key: 'indeterminate' } });
  });

  it('refuses a transition without the permission (403) or to a status the project has not (400)', async () => {
    const { emulator, delivered } = givenEmulator();
    const byMember = await call(emulator, '/rest/api/3/issue/ACME-7/transitions', {
      method: 'POST',
      body: { transition: { id: '10003' } },
      accountId: member.accountId,
    });
    expect(byMember.status).toBe(403);
    const unknown = await call(emulator, '/rest/api/3/issue/ACME-7/transitions', { method: 'POST', body: { transition: { id: '10101' } } });
    expect(unknown.status).toBe(400);
    expect(delivered).toEqual([]);
  });
});
