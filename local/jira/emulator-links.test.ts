import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCAL_ACCOUNTS } from './accounts';
import { generateDemoDatasets } from './demo-generator';
import { JiraEmulator, type IssueEvent, type IssueLinkEvent } from './emulator';

const NOW = new Date('2026-06-12T08:00:00Z');
const NOW_TEXT = '2026-06-12T08:00:00.000+0000';
const { pm, member, viewer, outsider } = LOCAL_ACCOUNTS;

function givenEmulator() {
  const linkEvents: { event: IssueLinkEvent; byApp: boolean }[] = [];
  const issueEvents: IssueEvent[] = [];
  const emulator = new JiraEmulator({
    datasets: generateDemoDatasets({ now: NOW, seed: 7 }),
    now: () => NOW,
    onIssueEvent: (event) => issueEvents.push(event),
    onIssueLinkEvent: (event, origin) => linkEvents.push({ event, byApp: origin.byApp }),
  });
  return { emulator, linkEvents, issueEvents };
}

/** As the PM (`asUser`) unless another account or the app is named. */
async function call(emulator: JiraEmulator, path: string, init: { method?: string; body?: unknown; accountId?: string | null } = {}) {
  const request = new Request(`https://local.invalid${path}`, {
    method: init.method ?? 'GET',
    ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  const accountId = init.accountId === undefined ? pm.accountId : init.accountId;
  const response = await emulator.handle(request, accountId === null ? {} : { accountId });
  const text = await response.text();
  return { status: response.status, text, body: text ? (JSON.parse(text) as unknown) : null };
}

const IssueRef = z.looseObject({ id: z.string(), key: z.string(), fields: z.looseObject({ status: z.looseObject({ name: z.string() }) }) });
const LinkEntry = z.looseObject({
  id: z.string(),
  type: z.looseObject({ id: z.string(), name: z.string() }),
  inwardIssue: IssueRef.optional(),
  outwardIssue: IssueRef.optional(),
});
const ChangeItem = z.looseObject({
  field: z.string(),
  fieldId: z.string().optional(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});
const IssueBody = z.looseObject({
  id: z.string(),
  fields: z.looseObject({ issuelinks: z.array(LinkEntry), updated: z.string() }),
  changelog: z.looseObject({ histories: z.array(z.looseObject({ created: z.string(), items: z.array(ChangeItem) })) }),
});

async function issue(emulator: JiraEmulator, key: string) {
  const read = await call(emulator, `/rest/api/3/issue/${key}?fields=issuelinks,updated&expand=changelog`);
  expect(read.status).toBe(200);
  return IssueBody.parse(read.body);
}

const blocks = (blocker: string, blocked: string) => ({
  type: { name: 'Blocks' },
  outwardIssue: { key: blocker },
  inwardIssue: { key: blocked },
});

describe('POST /issueLink', () => {
  it('links two issues as Jira shows them: on both issues, with a Link changelog entry, a new `updated` and one link event', async () => {
    const { emulator, linkEvents, issueEvents } = givenEmulator();
    const made = await call(emulator, '/rest/api/3/issueLink', { method: 'POST', body: blocks('ACME-10', 'ACME-11') });
    expect(made.status).toBe(201);
    expect(made.text).toBe('');

    const blocker = await issue(emulator, 'ACME-10');
    const blocked = await issue(emulator, 'ACME-11');
    const outward = blocker.fields.issuelinks.find((l) => l.outwardIssue?.key === 'ACME-11');
    const inward = blocked.fields.issuelinks.find((l) => l.inwardIssue?.key === 'ACME-10');
    expect(outward?.type).toMatchObject({ id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
    expect(inward?.id).toBe(outward?.id);
    expect(inward?.inwardIssue?.id).toBe(blocker.id);
    for (const read of [blocker, blocked]) expect(read.fields.updated).toBe(NOW_TEXT);
    expect(blocker.changelog.histories[0]).toMatchObject({
      created: NOW_TEXT,
      items: [{ field: 'Link', fieldId: 'issuelinks', from: null, fromString: null, to: 'ACME-11', toString: 'This issue blocks ACME-11' }],
    });
    expect(blocked.changelog.histories[0]?.items).toEqual([
      expect.objectContaining({ field: 'Link', to: 'ACME-10', toString: 'This issue is blocked by ACME-10' }),
    ]);

    expect(issueEvents).toEqual([]);
    expect(linkEvents).toEqual([
      {
        byApp: false,
        event: {
          eventType: 'avi:jira:created:issuelink',
          id: outward?.id,
          sourceIssueId: blocker.id,
          destinationIssueId: blocked.id,
          sourceProjectId: '10000',
          destinationProjectId: '10000',
          issueLinkType: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
          atlassianId: pm.accountId,
        },
      },
    ]);
  });

  it('takes issue ids and a type id; a duplicate answers 201 and changes nothing', async () => {
    const { emulator, linkEvents } = givenEmulator();
    const [a, b] = [await issue(emulator, 'ACME-20'), await issue(emulator, 'ACME-21')];
    const body = { type: { id: '10000' }, outwardIssue: { id: a.id }, inwardIssue: { id: b.id } };
    expect((await call(emulator, '/rest/api/3/issueLink', { method: 'POST', body })).status).toBe(201);
    expect((await call(emulator, '/rest/api/3/issueLink', { method: 'POST', body })).status).toBe(201);
    expect((await issue(emulator, 'ACME-20')).fields.issuelinks.filter((l) => l.outwardIssue?.key === 'ACME-21')).toHaveLength(1);
    expect((await issue(emulator, 'ACME-20')).changelog.histories.filter((h) => h.items.some((i) => i.field === 'Link'))).toHaveLength(1);
    expect(linkEvents).toHaveLength(1);
  });

  it('a link the app makes is marked as the app’s own (for `filter.ignoreSelf`)', async () => {
    const { emulator, linkEvents } = givenEmulator();
    expect(
      (await call(emulator, '/rest/api/3/issueLink', { method: 'POST', body: blocks('ACME-10', 'HZ-1'), accountId: null })).status,
    ).toBe(201);
    expect(linkEvents.map((e) => [e.byApp, e.event.sourceProjectId, e.event.destinationProjectId])).toEqual([[true, '10000', '10010']]);
  });

  it.each([
    ['an unknown link type', { type: { name: 'Causes' }, outwardIssue: { key: 'ACME-10' }, inwardIssue: { key: 'ACME-11' } }, pm, 404],
    ['an unknown issue', blocks('ACME-10', 'ACME-99999'), pm, 404],
    ['no inward issue', { type: { name: 'Blocks' }, outwardIssue: { key: 'ACME-10' } }, pm, 400],
    ['an issue reference without id or key', { type: { name: 'Blocks' }, outwardIssue: {}, inwardIssue: { key: 'ACME-11' } }, pm, 400],
    ['an issue linked to itself', blocks('ACME-10', 'ACME-10'), pm, 400],
    ['a comment (not emulated)', { ...blocks('ACME-10', 'ACME-11'), comment: { body: 'x' } }, pm, 400],
    ['no Link Issues permission (the team member)', blocks('ACME-10', 'ACME-11'), member, 404],
    ['browse only (the viewer)', blocks('ACME-10', 'ACME-11'), viewer, 404],
    ['no access to the project (outsider)', blocks('ACME-10', 'ACME-11'), outsider, 404],
  ])('refuses %s like Jira, and changes nothing', async (_name, body, account, status) => {
    const { emulator, linkEvents } = givenEmulator();
    const before = await issue(emulator, 'ACME-10');
    const answer = await call(emulator, '/rest/api/3/issueLink', { method: 'POST', body, accountId: account.accountId });
    expect(answer.status).toBe(status);
    const error = z.object({ errorMessages: z.array(z.string()), errors: z.record(z.string(), z.string()) }).parse(answer.body);
    expect([...error.errorMessages, ...Object.values(error.errors)].length).toBeGreaterThan(0);
    expect(await issue(emulator, 'ACME-10')).toEqual(before);
    expect(linkEvents).toEqual([]);
  });
});

describe('GET and DELETE /issueLink/{linkId}', () => {
  it('reads a link of the data with its outward ("from") and inward issue', async () => {
    const { emulator } = givenEmulator();
    const read = await call(emulator, '/rest/api/3/issueLink/10701');
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      id: '10701',
      type: { name: 'Blocks' },
      outwardIssue: { key: 'HZ-18' },
      inwardIssue: { key: 'HZ-21' },
    });
    expect((await call(emulator, '/rest/api/3/issueLink/10701', { accountId: outsider.accountId })).status).toBe(404);
    expect((await call(emulator, '/rest/api/3/issueLink/999999')).status).toBe(404);
  });

  it('removes a link from both issues with Link entries that remove it, and fires the deleted event once', async () => {
    const { emulator, linkEvents } = givenEmulator();
    expect((await call(emulator, '/rest/api/3/issueLink/10701', { method: 'DELETE', accountId: member.accountId })).status).toBe(404);
    const removed = await call(emulator, '/rest/api/3/issueLink/10701', { method: 'DELETE' });
    expect(removed.status).toBe(204);
    const [blocker, blocked] = [await issue(emulator, 'HZ-18'), await issue(emulator, 'HZ-21')];
    for (const read of [blocker, blocked]) {
      expect(read.fields.issuelinks.map((l) => l.id)).not.toContain('10701');
      expect(read.fields.updated).toBe(NOW_TEXT);
    }
    expect(blocker.changelog.histories[0]?.items).toEqual([
      expect.objectContaining({ field: 'Link', from: 'HZ-21', fromString: 'This issue blocks HZ-21', to: null, toString: null }),
    ]);
    expect(blocked.changelog.histories[0]?.items).toEqual([
      expect.objectContaining({ field: 'Link', from: 'HZ-18', fromString: 'This issue is blocked by HZ-18', to: null }),
    ]);
    expect(linkEvents.map((e) => e.event)).toEqual([
      expect.objectContaining({
        eventType: 'avi:jira:deleted:issuelink',
        id: '10701',
        sourceIssueId: blocker.id,
        destinationIssueId: blocked.id,
        sourceProjectId: '10010',
      }),
    ]);
    expect((await call(emulator, '/rest/api/3/issueLink/10701')).status).toBe(404);
    expect((await call(emulator, '/rest/api/3/issueLink/10701', { method: 'DELETE' })).status).toBe(404);
  });

  it('a new link gets an id no link of the data has, and can be read and removed by it', async () => {
    const { emulator, linkEvents } = givenEmulator();
    await call(emulator, '/rest/api/3/issueLink', { method: 'POST', body: blocks('HZ-2', 'HZ-3') });
    const id = linkEvents[0]?.event.id ?? '';
    expect(Number(id)).toBeGreaterThan(10701);
    expect((await call(emulator, `/rest/api/3/issueLink/${id}`)).body).toMatchObject({
      outwardIssue: { key: 'HZ-2' },
      inwardIssue: { key: 'HZ-3' },
    });
    expect((await call(emulator, `/rest/api/3/issueLink/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await issue(emulator, 'HZ-2')).fields.issuelinks.map((l) => l.id)).not.toContain(id);
  });
});
