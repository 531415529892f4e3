import { describe, expect, it } from 'vitest';
import { JqlError, assertBoundedJql, compileJql, parseJql, type IndexedIssueProperty, type JqlContext, type JqlIssue } from './jql';

const context: JqlContext = {
  now: new Date('2026-06-12T12:00:00Z'),
  projects: [
    { id: '10000', key: 'ACME', name: 'Acme Customer Portal' },
    { id: '10010', key: 'HZ', name: '华智仓储管理系统' },
  ],
  priorityOrder: ['1', '2', '3', '4', '5'],
  currentAccountId: 'me-1',
};

function issue(key: string, fields: Record<string, unknown>): JqlIssue {
  const [project = 'ACME'] = key.split('-');
  return {
    id: String(10000 + Number(key.split('-')[1])),
    key,
    fields: {
      project: {
        id: project === 'HZ' ? '10010' : '10000',
        key: project,
        name: project === 'HZ' ? '华智仓储管理系统' : 'Acme Customer Portal',
      },
      labels: [],
      fixVersions: [],
      ...fields,
    },
  };
}

const status = (name: string, key: string) => ({ id: name, name, statusCategory: { key, name: key } });
const ISSUES: JqlIssue[] = [
  issue('ACME-1', {
    status: status('Done', 'done'),
    issuetype: { id: '10001', name: 'Story' },
    updated: '2026-06-10T08:00:00.000+0000',
    created: '2026-05-01T08:00:00.000+0000',
    labels: ['client'],
    fixVersions: [{ id: '10100', name: 'M1' }],
    priority: { id: '2', name: 'High' },
    resolution: { id: '10000', name: 'Done' },
  }),
  issue('ACME-2', {
    status: status('In Progress', 'indeterminate'),
    issuetype: { id: '10003', name: 'Bug' },
    updated: '2026-06-12T09:30:00.000+0000',
    created: '2026-06-01T08:00:00.000+0000',
    labels: ['client-reported', 'client'],
    fixVersions: [{ id: '10101', name: 'M2 Customer portal MVP' }],
    priority: { id: '1', name: 'Highest' },
    resolution: null,
    duedate: '2026-06-11',
    assignee: { accountId: 'me-1', displayName: 'Me' },
  }),
  issue('ACME-10', {
    status: status('To Do', 'new'),
    issuetype: { id: '10002', name: 'Task' },
    updated: '2026-05-20T08:00:00.000+0000',
    created: '2026-05-20T08:00:00.000+0000',
    labels: ['internal'],
    priority: { id: '4', name: 'Low' },
    resolution: null,
  }),
  issue('HZ-1', {
    status: status('进行中', 'indeterminate'),
    issuetype: { id: '10011', name: '故事' },
    updated: '2026-06-12T10:00:00.000+0800',
    created: '2026-06-02T10:00:00.000+0800',
    priority: { id: '3', name: 'Medium' },
    resolution: null,
  }),
];

function run(jql: string): string[] {
  const query = parseJql(jql);
  const compiled = compileJql(query, context);
  return ISSUES.filter((i) => compiled.matches(i))
    .sort((a, b) => compiled.compare(a, b))
    .map((i) => i.key);
}

describe('JQL evaluation', () => {
  const cases: [string, string[]][] = [
    ['project = ACME', ['ACME-10', 'ACME-2', 'ACME-1']],
    ['project in (ACME, HZ) ORDER BY key ASC', ['ACME-1', 'ACME-2', 'ACME-10', 'HZ-1']],
    ['project = "Acme Customer Portal" ORDER BY key', ['ACME-1', 'ACME-2', 'ACME-10']],
    ['project = 10010', ['HZ-1']],
    ['statusCategory = Done', ['ACME-1']],
    ['statusCategory = "In Progress" ORDER BY key', ['ACME-2', 'HZ-1']],
    ['statusCategory = "To Do"', ['ACME-10']],
    ['statusCategory in (new, done) ORDER BY key', ['ACME-1', 'ACME-10']],
    ['statusCategory != done ORDER BY key', ['ACME-2', 'ACME-10', 'HZ-1']],
    ['status = "进行中"', ['HZ-1']],
    ['issuetype = Bug', ['ACME-2']],
    ['type in (Story, Task) ORDER BY key', ['ACME-1', 'ACME-10']],
    ['labels = client ORDER BY key', ['ACME-1', 'ACME-2']],
    ['labels in (internal, client-reported) ORDER BY key', ['ACME-2', 'ACME-10']],
    ['labels is EMPTY', ['HZ-1']],
    ['labels is not EMPTY and project = ACME ORDER BY key', ['ACME-1', 'ACME-2', 'ACME-10']],
    ['fixVersion = "M2 Customer portal MVP"', ['ACME-2']],
    ['fixVersion = 10100', ['ACME-1']],
    ['key in (ACME-1, HZ-1) ORDER BY key', ['ACME-1', 'HZ-1']],
    ['issuekey = acme-10', ['ACME-10']],
    ['updated >= "2026-06-10"  ORDER BY key', ['ACME-1', 'ACME-2', 'HZ-1']],
    ['updated >= "2026-06-12 09:00" ORDER BY key', ['ACME-2']],
    ['updated > -1d ORDER BY key', ['ACME-2', 'HZ-1']],
    ['updated > -5h', ['ACME-2']],
    ['updated >= startOfDay() ORDER BY key', ['ACME-2', 'HZ-1']],
    ['created < "2026/05/21" ORDER BY key', ['ACME-1', 'ACME-10']],
    ['created <= -12d ORDER BY key', ['ACME-1', 'ACME-10']],
    ['due < now() AND resolution = Unresolved', ['ACME-2']],
    ['resolution is EMPTY ORDER BY key', ['ACME-2', 'ACME-10', 'HZ-1']],
    ['assignee = currentUser()', ['ACME-2']],
    ['project = ACME AND NOT statusCategory = done ORDER BY key', ['ACME-2', 'ACME-10']],
    ['project = HZ OR (labels = internal AND priority = Low) ORDER BY key', ['ACME-10', 'HZ-1']],
    ['project = ACME ORDER BY priority DESC', ['ACME-2', 'ACME-1', 'ACME-10']],
    ['project in (ACME, HZ) ORDER BY updated DESC, key ASC', ['ACME-2', 'HZ-1', 'ACME-1', 'ACME-10']],
    ['project = ACME ORDER BY duedate ASC, key DESC', ['ACME-2', 'ACME-10', 'ACME-1']],
  ];
  it.each(cases)('%s', (jql, expected) => {
    expect(run(jql)).toEqual(expected);
  });
});

describe('JQL errors', () => {
  const cases: [string, string, RegExp][] = [
    ['project = ', 'PARSE', /Expecting either a value, list or function but got the end of the query/],
    ['project = ACME AND', 'PARSE', /Expecting a field name/],
    ['(project = ACME', 'PARSE', /Expecting '\)'/],
    ['project ACME', 'PARSE', /Expecting an operator/],
    ['summary = "unterminated', 'PARSE', /has not been completed/],
    ['project = ACME ORDER key', 'PARSE', /Expecting 'by'/],
    ['foo = bar', 'UNKNOWN_FIELD', /Field 'foo' does not exist/],
    ['project = NOPE', 'UNKNOWN_VALUE', /The value 'NOPE' does not exist for the field 'project'/],
    ['updated > "yesterday"', 'BAD_DATE', /Date value 'yesterday' for field 'updated' is invalid/],
    ['summary ~ portal', 'UNKNOWN_FIELD', /Field 'summary' does not exist/],
    ['labels > x', 'UNSUPPORTED', /operator '>' is not supported/],
    [
      'project = ACME ORDER BY key, created, updated, priority, status, duedate, summary, resolved',
      'TOO_MANY_ORDER_BY',
      /maximum of 7 fields/,
    ],
  ];
  it.each(cases)('%s -> %s', (jql, code, message) => {
    let caught: unknown;
    try {
      compileJql(parseJql(jql), context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(JqlError);
    const error = caught as JqlError;
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.message).toMatch(message);
    expect(error.toJiraBody()).toEqual({ errorMessages: [error.message], errors: {} });
  });

  it.each(['', '   ', 'ORDER BY key DESC', 'order by created'])('rejects unbounded JQL %j', (jql) => {
    const query = parseJql(jql);
    expect(() => assertBoundedJql(query)).toThrow(expect.objectContaining({ code: 'UNBOUNDED' }) as Error);
  });

  it('accepts a bounded query with ORDER BY', () => {
    expect(() => assertBoundedJql(parseJql('project = ACME ORDER BY key'))).not.toThrow();
  });
});

describe('JQL on indexed issue properties', () => {
  /** As the manifest's `jira:entityProperty` declares the risk property. */
  const indexed: IndexedIssueProperty[] = [
    { propertyKey: 'client-followup-risk', path: 'level', type: 'string', searchAlias: 'clientRiskLevel' },
    { propertyKey: 'client-followup-risk', path: 'score', type: 'number', searchAlias: 'clientRiskScore' },
  ];
  /** ACME-1 and HZ-1 high, ACME-2 medium, ACME-10 without the property. */
  const properties = new Map<string, unknown>([
    ['ACME-1', { level: 'high', score: 80 }],
    ['ACME-2', { level: 'medium', score: 45 }],
    ['HZ-1', { level: 'high', score: 60 }],
  ]);
  const withProperties: JqlContext = {
    ...context,
    issueProperties: indexed,
    propertyOf: (i, key) => (key === 'client-followup-risk' ? properties.get(i.key) : undefined),
  };
  const runWith = (jql: string, ctx: JqlContext = withProperties) => {
    const compiled = compileJql(parseJql(jql), ctx);
    return ISSUES.filter((i) => compiled.matches(i))
      .sort((a, b) => compiled.compare(a, b))
      .map((i) => i.key);
  };

  const cases: [string, string[]][] = [
    ['issue.property[client-followup-risk].level = high ORDER BY key', ['ACME-1', 'HZ-1']],
    ['clientRiskLevel = high ORDER BY key', ['ACME-1', 'HZ-1']],
    ['clientrisklevel = HIGH AND project = ACME', ['ACME-1']],
    ['clientRiskLevel != high', ['ACME-2']],
    ['clientRiskLevel in (high, medium) ORDER BY key', ['ACME-1', 'ACME-2', 'HZ-1']],
    ['clientRiskLevel not in (high) ORDER BY key', ['ACME-2']],
    ['clientRiskLevel is EMPTY', ['ACME-10']],
    ['clientRiskLevel is not EMPTY AND project = HZ', ['HZ-1']],
    ['clientRiskScore >= 60 ORDER BY key', ['ACME-1', 'HZ-1']],
    ['clientRiskScore > 60', ['ACME-1']],
    ['clientRiskScore < 60', ['ACME-2']],
    ['clientRiskScore <= 60 ORDER BY key', ['ACME-2', 'HZ-1']],
    ['clientRiskScore = 45', ['ACME-2']],
    ['clientRiskScore != 45 ORDER BY key', ['ACME-1', 'HZ-1']],
    ['clientRiskScore in (45, 60) ORDER BY key', ['ACME-2', 'HZ-1']],
    ['clientRiskScore not in (45, 60)', ['ACME-1']],
    ['issue.property[client-followup-risk].score >= 50 AND statusCategory != done', ['HZ-1']],
    ['(clientRiskLevel = high OR labels = internal) AND project = ACME ORDER BY key', ['ACME-1', 'ACME-10']],
    ['project in (ACME, HZ) AND clientRiskScore > 0 ORDER BY clientRiskScore DESC', ['ACME-1', 'HZ-1', 'ACME-2']],
    ['project in (ACME, HZ) ORDER BY clientRiskScore ASC, key ASC', ['ACME-2', 'HZ-1', 'ACME-1', 'ACME-10']],
  ];
  it.each(cases)('%s', (jql, expected) => {
    expect(runWith(jql)).toEqual(expected);
  });

  it.each([
    ['clientRiskLevel = high', /Field 'clientRiskLevel' does not exist/],
    ['issue.property[client-followup-risk].level = high', /Field 'issue.property\[client-followup-risk\].level' does not exist/],
  ])('without the manifest declaring it, %s is an unknown field', (jql, message) => {
    expect(() => runWith(jql, context)).toThrow(message);
  });

  it.each([
    ['issue.property[client-followup-risk].owner = me', 'UNKNOWN_FIELD', /does not exist/],
    ['clientRiskScore >= high', 'UNKNOWN_VALUE', /'high' is not a valid number for the field 'clientRiskScore'/],
    ['clientRiskLevel > high', 'UNSUPPORTED', /operator '>' is not supported/],
    ['clientRiskScore ~ 5', 'UNSUPPORTED', /operator '~' is not supported/],
  ])('%s -> %s', (jql, code, message) => {
    expect(() => runWith(jql)).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) as string }) as Error);
  });
});

describe('JQL of the incremental sync', () => {
  const cases: [string, string[]][] = [
    ['project = "ACME" AND updated >= "2026/06/10 08:00" ORDER BY updated ASC, key ASC', ['ACME-1', 'ACME-2']],
    ['project = "ACME" AND updated >= "2026/06/10 08:01" ORDER BY updated ASC, key ASC', ['ACME-2']],
    ['project = "ACME" AND updated >= "2026-05-20" ORDER BY updated ASC, key ASC', ['ACME-10', 'ACME-1', 'ACME-2']],
    ['project in (ACME, HZ) AND updated >= "2026/06/12 01:00" ORDER BY updated ASC, key ASC', ['HZ-1', 'ACME-2']],
    ['project = ACME AND updated >= -3d ORDER BY updated DESC', ['ACME-2', 'ACME-1']],
  ];
  it.each(cases)('%s', (jql, expected) => {
    expect(run(jql)).toEqual(expected);
  });

  it('reads a date-time as UTC: HZ-1 was updated at 10:00 +0800, which is 02:00 UTC', () => {
    expect(run('project = HZ AND updated >= "2026/06/12 02:00"')).toEqual(['HZ-1']);
    expect(run('project = HZ AND updated >= "2026/06/12 02:01"')).toEqual([]);
  });
});
