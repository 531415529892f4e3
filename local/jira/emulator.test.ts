import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { generateDemoDatasets } from './demo-generator';
import { JiraEmulator, SEARCH_MAX_RESULTS_WITH_FIELDS, type IssueEvent, type JiraFaultPlan } from './emulator';

const NOW = new Date('2026-06-12T08:00:00Z');

// Response bodies as these tests read them; looseObject keeps every other key for exact comparisons.
const JsonRecordSchema = z.record(z.string(), z.unknown());
const NamedSchema = z.looseObject({ name: z.string() });
const ErrorBodySchema = z.looseObject({ errorMessages: z.array(z.string()), errors: z.record(z.string(), z.string()) });
const HistorySchema = z.looseObject({
  created: z.string(),
  items: z.array(z.looseObject({ field: z.string(), fieldId: z.string().optional() })),
});
const IssueSchema = z.looseObject({
  id: z.string(),
  key: z.string().optional(),
  fields: JsonRecordSchema.optional(),
  properties: JsonRecordSchema.optional(),
  changelog: z.looseObject({ histories: z.array(HistorySchema) }).optional(),
});
const SearchPageSchema = z.looseObject({
  issues: z.array(IssueSchema),
  isLast: z.boolean(),
  nextPageToken: z.string().optional(),
  names: z.record(z.string(), z.string()).optional(),
});
const ChangelogPageSchema = z.looseObject({
  issueChangeLogs: z.array(z.looseObject({ issueId: z.string(), changeHistories: z.array(HistorySchema) })),
  nextPageToken: z.string().optional(),
});

function defined<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`expected ${what} in the response`);
  return value;
}

const searchPage = (body: unknown) => SearchPageSchema.parse(body);
const firstHit = (body: unknown) => defined(searchPage(body).issues[0], 'a search hit');
const fieldsOf = (issue: z.infer<typeof IssueSchema>) => defined(issue.fields, `the fields of issue ${issue.id}`);

function givenEmulator(options: { faults?: JiraFaultPlan; events?: IssueEvent[] } = {}) {
  const datasets = generateDemoDatasets({ now: NOW, seed: 7 });
  return new JiraEmulator({
    datasets,
    now: () => NOW,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.events ? { onIssueEvent: (event: IssueEvent) => options.events?.push(event) } : {}),
  });
}

async function call(emulator: JiraEmulator, path: string, init?: { method?: string; body?: unknown }) {
  const request = new Request(`https://local.invalid${path}`, {
    method: init?.method ?? 'GET',
    ...(init?.body !== undefined
      ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }
      : {}),
  });
  const response = await emulator.handle(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : null };
}

const search = (emulator: JiraEmulator, params: Record<string, string>) =>
  call(emulator, `/rest/api/3/search/jql?${new URLSearchParams(params).toString()}`);

describe('search/jql paging', () => {
  it('walks every issue of a project exactly once with nextPageToken until isLast', async () => {
    const emulator = givenEmulator();
    const expected = emulator.datasets[0]?.issues.length ?? 0;
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    for (;;) {
      const { status, body } = await search(emulator, {
        jql: 'project = ACME ORDER BY key ASC',
        fields: 'summary,status',
        maxResults: '37',
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(status).toBe(200);
      expect(body).not.toHaveProperty('total');
      const page = searchPage(body);
      seen.push(...page.issues.map((i) => defined(i.key, 'an issue key')));
      pages += 1;
      if (page.isLast) {
        expect(body).not.toHaveProperty('nextPageToken');
        break;
      }
      token = page.nextPageToken;
    }
    expect(seen).toHaveLength(expected);
    expect(new Set(seen).size).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 37));
  });

  it('POST pages the same way as GET', async () => {
    const emulator = givenEmulator();
    const first = searchPage(
      (
        await call(emulator, '/rest/api/3/search/jql', {
          method: 'POST',
          body: { jql: 'project = HZ', maxResults: 20, fields: ['summary'] },
        })
      ).body,
    );
    const second = searchPage(
      (
        await call(emulator, '/rest/api/3/search/jql', {
          method: 'POST',
          body: { jql: 'project = HZ', maxResults: 20, fields: ['summary'], nextPageToken: first.nextPageToken },
        })
      ).body,
    );
    expect(first.issues).toHaveLength(20);
    const keys = [...first.issues, ...second.issues].map((i) => i.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('caps pages at 100 with fields and 5000 for ids only, default 50', async () => {
    const emulator = givenEmulator();
    const withFields = await search(emulator, { jql: 'project = ACME', fields: '*all', maxResults: '1000' });
    expect(searchPage(withFields.body).issues).toHaveLength(SEARCH_MAX_RESULTS_WITH_FIELDS);
    const idsOnly = searchPage((await search(emulator, { jql: 'project = ACME', maxResults: '1000' })).body);
    expect(idsOnly.issues).toHaveLength(emulator.datasets[0]?.issues.length ?? 0);
    expect(idsOnly.isLast).toBe(true);
    const byDefault = await search(emulator, { jql: 'project = ACME', fields: 'summary' });
    expect(searchPage(byDefault.body).issues).toHaveLength(50);
  });

  it('rejects a token from another query', async () => {
    const emulator = givenEmulator();
    const first = searchPage((await search(emulator, { jql: 'project = ACME', maxResults: '10' })).body);
    const other = await search(emulator, { jql: 'project = HZ', nextPageToken: defined(first.nextPageToken, 'a next page token') });
    expect(other.status).toBe(400);
    expect(ErrorBodySchema.parse(other.body).errorMessages[0]).toMatch(/next page token/);
  });
});

describe('search/jql fields and expand', () => {
  it('returns ids only by default', async () => {
    const { body } = await search(givenEmulator(), { jql: 'key = ACME-1' });
    expect(searchPage(body).issues).toEqual([{ id: expect.any(String) as string }]);
  });

  it('returns exactly the requested fields', async () => {
    const { body } = await search(givenEmulator(), { jql: 'key = ACME-1', fields: 'summary,status,customfield_10016' });
    const issue = firstHit(body);
    expect(Object.keys(fieldsOf(issue)).sort()).toEqual(['customfield_10016', 'status', 'summary']);
    expect(issue.key).toBe('ACME-1');
  });

  it('supports *all, *navigable and exclusions', async () => {
    const emulator = givenEmulator();
    const all = await search(emulator, { jql: 'key = ACME-2', fields: '*all,-comment' });
    const allFields = Object.keys(fieldsOf(firstHit(all.body)));
    expect(allFields).toContain('worklog');
    expect(allFields).not.toContain('comment');
    const navigable = await search(emulator, { jql: 'key = ACME-2', fields: '*navigable' });
    expect(Object.keys(fieldsOf(firstHit(navigable.body)))).not.toContain('worklog');
    const minus = await search(emulator, { jql: 'key = ACME-2', fields: '-description' });
    const minusFields = Object.keys(fieldsOf(firstHit(minus.body)));
    expect(minusFields).toContain('summary');
    expect(minusFields).not.toContain('description');
  });

  it('expands names and a changelog of at most 40 recent histories, newest first', async () => {
    const emulator = givenEmulator();
    const { body } = await search(emulator, { jql: 'project = ACME', fields: 'summary', expand: 'changelog,names', maxResults: '100' });
    const page = searchPage(body);
    expect(page.names).toEqual({ summary: 'Summary' });
    for (const issue of page.issues) {
      const histories = defined(issue.changelog, `the changelog of issue ${issue.id}`).histories;
      expect(histories.length).toBeLessThanOrEqual(40);
      const times = histories.map((h) => Date.parse(h.created.replace(/(\d{2})(\d{2})$/, '$1:$2')));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    }
  });

  it('answers unbounded and malformed JQL with 400 in Jira error shape', async () => {
    const emulator = givenEmulator();
    for (const jql of ['', 'ORDER BY key DESC']) {
      const { status, body } = await search(emulator, { jql });
      expect(status).toBe(400);
      expect(body).toEqual({ errorMessages: [expect.stringMatching(/Unbounded JQL/)], errors: {} });
    }
    const bad = await search(emulator, { jql: 'project = ' });
    expect(bad.status).toBe(400);
    const count = await call(emulator, '/rest/api/3/search/approximate-count', { method: 'POST', body: { jql: 'order by key' } });
    expect(count.status).toBe(400);
  });

  it('counts matching issues approximately', async () => {
    const emulator = givenEmulator();
    const { body } = await call(emulator, '/rest/api/3/search/approximate-count', { method: 'POST', body: { jql: 'project = HZ' } });
    expect(body).toEqual({ count: emulator.datasets[1]?.issues.length });
  });
});

describe('changelog/bulkfetch', () => {
  it('pages all histories oldest first and filters by field', async () => {
    const emulator = givenEmulator();
    const keys = (emulator.datasets[0]?.issues ?? []).slice(0, 60).map((i) => i.key);
    const expected = (emulator.datasets[0]?.issues ?? [])
      .slice(0, 60)
      .reduce((n, i) => n + (i.changelog?.histories.filter((h) => h.items.some((it) => it.fieldId === 'status')).length ?? 0), 0);
    let token: string | undefined;
    let total = 0;
    let last = 0;
    do {
      const { status, body } = await call(emulator, '/rest/api/3/changelog/bulkfetch', {
        method: 'POST',
        body: { issueIdsOrKeys: keys, fieldIds: ['status'], maxResults: 25, ...(token ? { nextPageToken: token } : {}) },
      });
      expect(status).toBe(200);
      const page = ChangelogPageSchema.parse(body);
      for (const log of page.issueChangeLogs) {
        for (const history of log.changeHistories) {
          expect(history.items.every((item) => item.fieldId === 'status')).toBe(true);
          total += 1;
        }
      }
      const times = page.issueChangeLogs.flatMap((l) =>
        l.changeHistories.map((h) => Date.parse(h.created.replace(/(\d{2})(\d{2})$/, '$1:$2'))),
      );
      expect(Math.min(...times)).toBeGreaterThanOrEqual(last);
      last = Math.max(...times);
      token = page.nextPageToken;
    } while (token);
    expect(total).toBe(expected);
  });

  it('rejects more than 1000 issues', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => String(i));
    const { status, body } = await call(givenEmulator(), '/rest/api/3/changelog/bulkfetch', {
      method: 'POST',
      body: { issueIdsOrKeys: ids },
    });
    expect(status).toBe(400);
    expect(ErrorBodySchema.parse(body).errors).toHaveProperty('issueIdsOrKeys');
  });
});

describe('issues, properties and events', () => {
  it('gets an issue with all fields by default and 404s an unknown one', async () => {
    const emulator = givenEmulator();
    const ok = await call(emulator, '/rest/api/3/issue/ACME-3?fields=summary,labels');
    expect(ok.status).toBe(200);
    expect(Object.keys(fieldsOf(IssueSchema.parse(ok.body))).sort()).toEqual(['labels', 'summary']);
    const all = await call(emulator, '/rest/api/3/issue/ACME-3');
    expect(fieldsOf(IssueSchema.parse(all.body))).toHaveProperty('timetracking');
    const missing = await call(emulator, '/rest/api/3/issue/NOPE-1');
    expect(missing).toMatchObject({
      status: 404,
      body: { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} },
    });
  });

  it('stores, lists and deletes issue properties', async () => {
    const emulator = givenEmulator();
    const put = await call(emulator, '/rest/api/3/issue/ACME-5/properties/clientRisk', {
      method: 'PUT',
      body: { level: 'high', score: 72 },
    });
    expect(put.status).toBe(201);
    expect(
      (await call(emulator, '/rest/api/3/issue/ACME-5/properties/clientRisk', { method: 'PUT', body: { level: 'low', score: 5 } })).status,
    ).toBe(200);
    expect((await call(emulator, '/rest/api/3/issue/ACME-5/properties/clientRisk')).body).toEqual({
      key: 'clientRisk',
      value: { level: 'low', score: 5 },
    });
    const listed = z.looseObject({ keys: z.array(z.unknown()) }).parse((await call(emulator, '/rest/api/3/issue/ACME-5/properties')).body);
    expect(listed.keys).toEqual([{ key: 'clientRisk', self: expect.stringContaining('/properties/clientRisk') as string }]);
    const searched = await search(emulator, { jql: 'key = ACME-5', properties: 'clientRisk' });
    expect(firstHit(searched.body).properties).toEqual({ clientRisk: { level: 'low', score: 5 } });
    expect((await call(emulator, '/rest/api/3/issue/ACME-5/properties/clientRisk', { method: 'DELETE' })).status).toBe(204);
    expect((await call(emulator, '/rest/api/3/issue/ACME-5/properties/clientRisk')).status).toBe(404);
    const tooBig = await call(emulator, '/rest/api/3/issue/ACME-5/properties/big', { method: 'PUT', body: { blob: 'x'.repeat(40000) } });
    expect(tooBig.status).toBe(400);
  });

  it('creates an issue, fires the created event and finds it by JQL', async () => {
    const events: IssueEvent[] = [];
    const emulator = givenEmulator({ events });
    const created = await call(emulator, '/rest/api/3/issue', {
      method: 'POST',
      body: {
        fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'Follow up on CSAT complaint', labels: ['client'] },
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String) as string,
      key: expect.stringMatching(/^ACME-\d+$/) as string,
      self: expect.any(String) as string,
    });
    const { key } = z.looseObject({ key: z.string() }).parse(created.body);
    expect(events).toHaveLength(1);
    expect(events[0]?.eventType).toBe('avi:jira:created:issue');
    expect(events[0]?.issue.key).toBe(key);
    expect(events[0]?.issue.fields.project).toMatchObject({ key: 'ACME', id: '10000' });
    const found = await search(emulator, { jql: `key = ${key}`, fields: 'summary,status,labels' });
    expect(fieldsOf(firstHit(found.body))).toMatchObject({
      summary: 'Follow up on CSAT complaint',
      labels: ['client'],
      status: { statusCategory: { key: 'new' } },
    });
    const invalid = await call(emulator, '/rest/api/3/issue', {
      method: 'POST',
      body: { fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' } } },
    });
    expect(invalid).toMatchObject({
      status: 400,
      body: { errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } },
    });
  });

  it('edits fields with a changelog and fires the updated event', async () => {
    const events: IssueEvent[] = [];
    const emulator = givenEmulator({ events });
    const edit = await call(emulator, '/rest/api/3/issue/ACME-7', {
      method: 'PUT',
      body: { fields: { duedate: '2026-07-01' }, update: { labels: [{ add: 'at-risk' }] } },
    });
    expect(edit.status).toBe(204);
    expect(events[0]?.eventType).toBe('avi:jira:updated:issue');
    expect(events[0]?.changelog?.items.map((i) => i.field)).toEqual(['duedate', 'labels']);
    const issue = IssueSchema.parse((await call(emulator, '/rest/api/3/issue/ACME-7?fields=duedate,labels,updated&expand=changelog')).body);
    const fields = fieldsOf(issue);
    expect(fields['duedate']).toBe('2026-07-01');
    expect(fields['labels']).toContain('at-risk');
    expect(fields['updated']).toBe('2026-06-12T08:00:00.000+0000');
    expect(defined(issue.changelog, 'the changelog').histories[0]?.items[0]?.field).toBe('duedate');
    const rejected = await call(emulator, '/rest/api/3/issue/ACME-7', {
      method: 'PUT',
      body: { fields: { summary: 'x', nosuchfield: 1 } },
    });
    expect(rejected.status).toBe(400);
    expect(fieldsOf(IssueSchema.parse((await call(emulator, '/rest/api/3/issue/ACME-7?fields=summary')).body))['summary']).not.toBe('x');
  });

  it('adds an ADF comment and rejects a plain-string body', async () => {
    const events: IssueEvent[] = [];
    const emulator = givenEmulator({ events });
    const body = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Status report sent.' }] }] };
    const ok = await call(emulator, '/rest/api/3/issue/ACME-8/comment', { method: 'POST', body: { body } });
    expect(ok.status).toBe(201);
    expect(z.looseObject({ body: z.unknown() }).parse(ok.body).body).toEqual(body);
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue']);
    const bad = await call(emulator, '/rest/api/3/issue/ACME-8/comment', { method: 'POST', body: { body: 'plain' } });
    expect(bad.status).toBe(400);
  });
});

describe('metadata endpoints', () => {
  it('serves versions, project, fields, statuses, priorities, link types, permissions and myself', async () => {
    const emulator = givenEmulator();
    expect((await call(emulator, '/rest/api/3/project/ACME/versions')).body).toHaveLength(4);
    expect((await call(emulator, '/rest/api/3/project/NOPE/versions')).status).toBe(404);
    expect((await call(emulator, '/rest/api/3/project/HZ')).body).toMatchObject({ key: 'HZ', simplified: true });
    expect((await call(emulator, '/rest/api/3/project/search?keys=ACME')).body).toMatchObject({
      total: 1,
      isLast: true,
      values: [{ key: 'ACME' }],
    });
    const fields = z.array(NamedSchema.extend({ id: z.string() })).parse((await call(emulator, '/rest/api/3/field')).body);
    expect(fields.find((f) => f.name === 'Story point estimate')?.id).toBe('customfield_10016');
    const statuses = z.array(NamedSchema).parse((await call(emulator, '/rest/api/3/status')).body);
    expect(statuses.map((s) => s.name)).toEqual(expect.arrayContaining(['Waiting for customer', '待办', '进行中', '完成']));
    const priorities = z.looseObject({ values: z.array(NamedSchema) }).parse((await call(emulator, '/rest/api/3/priority/search')).body);
    expect(priorities.values.map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    const linkTypes = z
      .looseObject({ issueLinkTypes: z.array(z.unknown()) })
      .parse((await call(emulator, '/rest/api/3/issueLinkType')).body);
    expect(linkTypes.issueLinkTypes[0]).toMatchObject({ name: 'Blocks', inward: 'is blocked by', outward: 'blocks' });
    const permissions = z
      .looseObject({ permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean() })) })
      .parse((await call(emulator, '/rest/api/3/mypermissions?projectKey=ACME&permissions=BROWSE_PROJECTS')).body);
    expect(permissions.permissions['BROWSE_PROJECTS']?.havePermission).toBe(true);
    expect((await call(emulator, '/rest/api/3/mypermissions')).status).toBe(400);
    expect((await call(emulator, '/rest/api/3/myself')).body).toHaveProperty('accountId', expect.any(String));
    expect((await call(emulator, '/rest/api/3/nope')).status).toBe(404);
  });

  it('answers 401 when the authorizer refuses', async () => {
    const emulator = new JiraEmulator({ datasets: [], authorize: () => false });
    const { status, body } = await call(emulator, '/rest/api/3/myself');
    expect(status).toBe(401);
    expect(body).toEqual({ errorMessages: [expect.any(String)], errors: {} });
  });
});

describe('faults and stats', () => {
  async function statuses(seed: number): Promise<number[]> {
    const emulator = givenEmulator({ faults: { seed, rateLimitShare: 0.3, serverErrorShare: 0.2, retryAfterSeconds: 7 } });
    const out: number[] = [];
    for (let i = 0; i < 40; i += 1) out.push((await call(emulator, '/rest/api/3/myself')).status);
    return out;
  }

  it('injects the same faults for the same seed', async () => {
    const first = await statuses(42);
    expect(await statuses(42)).toEqual(first);
    expect(await statuses(43)).not.toEqual(first);
    expect(first).toContain(429);
    expect(first).toContain(503);
    expect(first).toContain(200);
  });

  it('sends Retry-After on 429 and fails everything with failAll', async () => {
    const emulator = givenEmulator({ faults: { rateLimitShare: 1, retryAfterSeconds: 7 } });
    const limited = await call(emulator, '/rest/api/3/field');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('7');
    emulator.setFaults({ failAll: true });
    expect((await call(emulator, '/rest/api/3/field')).status).toBe(503);
    emulator.setFaults();
    expect((await call(emulator, '/rest/api/3/field')).status).toBe(200);
  });

  it('counts calls, bytes and rate-limit points per endpoint', async () => {
    const emulator = givenEmulator();
    await search(emulator, { jql: 'project = HZ', fields: 'summary', maxResults: '10' });
    await call(emulator, '/rest/api/3/issue/ACME-1');
    await call(emulator, '/rest/api/3/issue/ACME-2');
    const stats = emulator.stats();
    expect(stats.totalCalls).toBe(3);
    expect(stats.byEndpoint['GET /rest/api/3/issue/{issueIdOrKey}']?.calls).toBe(2);
    expect(stats.byEndpoint['GET /rest/api/3/search/jql']?.bytes).toBeGreaterThan(0);
    expect(stats.totalBytes).toBe(Object.values(stats.byEndpoint).reduce((n, e) => n + e.bytes, 0));
    expect(stats.rateLimitPoints).toBe(1 + 10 + 2 + 2);
    emulator.resetStats();
    expect(emulator.stats().totalCalls).toBe(0);
  });
});
