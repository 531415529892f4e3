import { describe, expect, it } from 'vitest';
import { JqlError, assertBoundedJql, compileJql, parseJql, type JqlContext, type JqlIssue } from './jql';

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
