import { describe, expect, it } from 'vitest';
import { demoContext, demoSearchPage } from './jira-fixtures.test-support';
import { CATEGORY_CHANGE_TOLERANCE_MS, toIssue, UNREAD_HISTORY } from './to-issue';

const SITE = 'https://acme-agency.atlassian.net';
const BLOCKS = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks', self: `${SITE}/rest/api/3/issueLinkType/10000` };

function status(id: string, name: string, categoryKey: string) {
  return { self: `${SITE}/rest/api/3/status/${id}`, id, name, statusCategory: { id: 2, key: categoryKey, name: categoryKey } };
}

function linked(key: string, statusJson = status('10000', 'To Do', 'new')) {
  return { id: key.replace(/\D/gu, ''), key, self: `${SITE}/rest/api/3/issue/${key}`, fields: { summary: key, status: statusJson } };
}

/** A hand-written issue in the shape `/search/jql` returns it, with the reader's fields. */
function rawIssue(fields: Record<string, unknown> = {}, top: Record<string, unknown> = {}) {
  return {
    expand: '',
    id: '10500',
    self: `${SITE}/rest/api/3/issue/10500`,
    key: 'ACME-500',
    ...top,
    fields: {
      summary: 'Edge case',
      issuetype: { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
      status: status('10000', 'To Do', 'new'),
      resolution: null,
      resolutiondate: null,
      created: '2026-05-01T10:00:00.000+0000',
      updated: '2026-05-01T10:00:00.000+0000',
      statuscategorychangedate: '2026-05-01T10:00:00.000+0000',
      duedate: null,
      priority: { id: '3', name: 'Medium' },
      labels: [],
      components: [],
      fixVersions: [],
      assignee: null,
      reporter: null,
      issuelinks: [],
      timeoriginalestimate: null,
      timeestimate: null,
      timespent: null,
      ...fields,
    },
  };
}

describe('toIssue on recorded demo issues', () => {
  const context = demoContext();
  const byKey = new Map(demoSearchPage.issues.map((raw) => [raw.key, toIssue(raw, context)]));
  const get = (key: string) => {
    const mapped = byKey.get(key);
    if (!mapped) throw new Error(key);
    return mapped;
  };

  it('maps a done story with every field', () => {
    const { issue, needsHistory } = get('ACME-21');
    expect(issue).toMatchObject({
      id: '10021',
      key: 'ACME-21',
      type: { id: '10004', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
      status: { name: 'Done', category: 'done' },
      resolution: 'Done',
      created: Date.parse('2026-02-15T02:45:43.177Z'),
      resolved: Date.parse('2026-03-29T15:52:37.060Z'),
      due: '2026-03-24',
      priority: { name: 'High', rank: 1 },
      components: ['Design'],
      fixVersions: ['10100'],
      parentKey: 'ACME-20',
      timeOriginal: 14400,
      timeRemaining: 0,
      timeSpent: 16200,
      flagged: false,
    });
    expect(needsHistory).toBe(true);
  });

  it('keeps localized status names and reads offsets without a colon (HZ, +0800)', () => {
    const { issue } = get('HZ-2');
    expect(issue.status).toEqual({ name: '完成', category: 'done' });
    expect(issue.type.name).toBe('任务');
    expect(issue.created).toBe(Date.parse('2026-04-11T00:50:13.255+08:00'));
    expect(issue.start).toBe('2026-04-17');
    // Team-managed: done without a resolution is kept as Jira says; the domain decides.
    expect(issue.resolution).toBeNull();
  });

  it('keeps a resolution on a to-do issue and asks for its history', () => {
    const { issue, needsHistory } = get('ACME-371');
    expect(issue.status.category).toBe('new');
    expect(issue.resolution).toBe("Won't Do");
    expect(needsHistory).toBe(true);
  });

  it('reads Flagged from the discovered checkbox field', () => {
    expect(get('ACME-97').issue.flagged).toBe(true);
    expect(get('ACME-151').issue.flagged).toBe(false);
  });

  it('lists blockers once per side of the link, with their status', () => {
    expect(get('ACME-151').issue.blockedBy).toEqual([
      { key: 'ACME-338', statusName: 'In Review', category: 'indeterminate', since: null },
      { key: 'ACME-192', statusName: 'To Do', category: 'new', since: null },
    ]);
    expect(get('ACME-192').issue.blocks).toEqual(['ACME-151']);
    expect(get('ACME-192').issue.blockedBy).toEqual([]);
    expect(get('HZ-22').issue.blockedBy).toEqual([{ key: 'HZ-19', statusName: '待办', category: 'new', since: null }]);
  });

  it('skips the changelog only for to-do issues that never moved', () => {
    // HZ-19: to do, no version, never changed category.
    const { issue, needsHistory } = get('HZ-19');
    expect(needsHistory).toBe(false);
    expect(issue.history).toBe(UNREAD_HISTORY);
    expect(issue.history.complete).toBe(false);
  });

  it('is cheap on memory: issues share status, type, priority and user objects', () => {
    const a = get('ACME-151').issue;
    const b = get('ACME-192').issue;
    expect(a.status).toBe(b.status);
    expect(a.type).toBe(b.type);
  });
});

describe('toIssue on hand-written edge cases', () => {
  const context = demoContext({ blockingLinkTypes: ['Dependency'] });
  const map = (fields: Record<string, unknown> = {}, top: Record<string, unknown> = {}) => toIssue(rawIssue(fields, top), context);

  it.each([
    ['+0800 without a colon', '2020-06-12T08:13:13.360+0800', Date.UTC(2020, 5, 12, 0, 13, 13, 360)],
    ['-0330', '2020-06-12T08:13:13.360-0330', Date.UTC(2020, 5, 12, 11, 43, 13, 360)],
    ['Z', '2020-06-12T08:13:13.360Z', Date.UTC(2020, 5, 12, 8, 13, 13, 360)],
  ])('reads created with %s', (_name, created, expected) => {
    expect(map({ created, updated: created }).issue.created).toBe(expected);
  });

  it.each([
    ['{} (unset)', { timetracking: {} }, [null, null, null]],
    [
      'timetracking only',
      {
        timeoriginalestimate: undefined,
        timetracking: { originalEstimateSeconds: 7200, remainingEstimateSeconds: 3600, timeSpentSeconds: 5400 },
      },
      [7200, 3600, 5400],
    ],
    ['numeric fields', { timeoriginalestimate: 28800, timeestimate: 0, timespent: 30600, timetracking: {} }, [28800, 0, 30600]],
  ])('time tracking from %s', (_name, fields, expected) => {
    const { issue } = map(fields);
    expect([issue.timeOriginal, issue.timeRemaining, issue.timeSpent]).toEqual(expected);
  });

  it.each([
    ['null', { customfield_10021: null }, false],
    ['[{"value":"Impediment"}]', { customfield_10021: [{ self: `${SITE}/x`, value: 'Impediment', id: '10019' }] }, true],
    ['[] (cleared)', { customfield_10021: [] }, false],
    ["Agile's boolean flagged", { flagged: true }, true],
    ["Agile's boolean flagged false", { flagged: false }, false],
  ])('Flagged %s', (_name, fields, expected) => {
    expect(map(fields).issue.flagged).toBe(expected);
  });

  it.each([
    ['"No Category" status', status('10400', 'Triage', 'undefined'), 'undefined'],
    ['an unknown category key', status('10401', 'Odd', 'purple'), 'undefined'],
    ['a localized name', status('10101', 'En cours', 'indeterminate'), 'indeterminate'],
    // No embedded category: the site-level /status list decides by id.
    ['a status without its category', { id: '10003', name: 'Erledigt' }, 'done'],
  ])('category of %s', (_name, statusJson, category) => {
    expect(map({ status: statusJson }).issue.status.category).toBe(category);
  });

  it("each issue's own category wins over an earlier issue's for the same status id, in any order", () => {
    // Recordings made over time: status 10001 "In Review" was done-category when some issues were recorded.
    const raws = [
      rawIssue({ status: status('10001', 'In Review', 'indeterminate') }, { id: '1', key: 'ACME-1' }),
      rawIssue({ status: status('10001', 'In Review', 'done') }, { id: '2', key: 'ACME-2' }),
      rawIssue({ status: { id: '10001', name: 'In Review' } }, { id: '3', key: 'ACME-3' }),
      rawIssue({ status: status('10001', 'In Review', 'done') }, { id: '4', key: 'ACME-4' }),
      rawIssue(
        {
          issuelinks: [
            { id: '9', type: BLOCKS, inwardIssue: linked('ACME-2', status('10001', 'In Review', 'indeterminate')) },
            { id: '8', type: BLOCKS, inwardIssue: linked('ACME-4', status('10001', 'In Review', 'done')) },
          ],
        },
        { id: '5', key: 'ACME-5' },
      ),
    ];
    const categories = (order: typeof raws) => {
      const fresh = demoContext();
      const issues = order.map((raw) => toIssue(raw, fresh).issue);
      return Object.fromEntries(
        issues.map((i) => [i.key, [i.status.category, ...i.blockedBy.map((b) => `${b.key}:${b.category}`)].join(' ')]),
      );
    };
    const expected = {
      'ACME-1': 'indeterminate',
      'ACME-2': 'done',
      // No embedded category: /status (10001 is indeterminate there) fills in.
      'ACME-3': 'indeterminate',
      'ACME-4': 'done',
      // A blocker's embedded status is its own too; the done one does not block.
      'ACME-5': 'new ACME-2:indeterminate',
    };
    expect(categories(raws)).toEqual(expected);
    expect(categories([...raws].reverse())).toEqual(expected);
    expect(categories([raws[1], raws[3], raws[2], raws[0], raws[4]] as typeof raws)).toEqual(expected);
  });

  it('keeps date-only fields as calendar days and ignores non-days', () => {
    expect(map({ duedate: '2026-06-30', customfield_10015: '2026-06-01' }).issue).toMatchObject({ due: '2026-06-30', start: '2026-06-01' });
    expect(map({ duedate: '30/Jun/26' }).issue.due).toBeNull();
  });

  it('ranks by the scheme order and puts unknown priorities last', () => {
    expect(map({ priority: { id: '1', name: 'Highest' } }).issue.priority).toEqual({ name: 'Highest', rank: 0 });
    expect(map({ priority: { id: '5', name: 'Lowest' } }).issue.priority).toEqual({ name: 'Lowest', rank: 4 });
    expect(map({ priority: { id: '10100', name: 'Blocker' } }).issue.priority).toEqual({ name: 'Blocker', rank: 5 });
    expect(map({ priority: null }).issue.priority).toBeNull();
  });

  it('prefers "Story point estimate" and falls back to "Story Points"', () => {
    expect(map({ customfield_10016: 5, customfield_10026: 8 }).issue.storyPoints).toBe(5);
    expect(map({ customfield_10016: null, customfield_10026: 8 }).issue.storyPoints).toBe(8);
    expect(map({ customfield_10016: '5' }).issue.storyPoints).toBeNull();
  });

  it('detects blocking by link texts, whatever the type name, in both directions', () => {
    const blocker = { id: '20000', name: 'Blocker', inward: 'is blocked by', outward: 'blocks' };
    const reversed = { id: '20001', name: 'Hindert', inward: 'blocks', outward: 'is blocked by' };
    const configured = { id: '20002', name: 'Dependency', inward: 'depends on', outward: 'is needed by' };
    const relates = { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' };
    const { issue } = map({
      issuelinks: [
        { id: '1', type: blocker, inwardIssue: linked('ACME-1') },
        { id: '2', type: reversed, outwardIssue: linked('ACME-2') },
        { id: '3', type: configured, inwardIssue: linked('ACME-3') },
        { id: '4', type: relates, inwardIssue: linked('ACME-4') },
        { id: '5', type: BLOCKS, outwardIssue: linked('ACME-5') },
        { id: '6', type: reversed, inwardIssue: linked('ACME-6') },
      ],
    });
    expect(issue.blockedBy.map((b) => b.key)).toEqual(['ACME-1', 'ACME-2', 'ACME-3']);
    expect(issue.blocks).toEqual(['ACME-5', 'ACME-6']);
  });

  it('counts a blocker linked twice once, and drops blockers already done', () => {
    const { issue } = map({
      issuelinks: [
        { id: '1', type: BLOCKS, inwardIssue: linked('ACME-1') },
        { id: '2', type: { ...BLOCKS, id: '20000', name: 'Blocker' }, inwardIssue: linked('ACME-1') },
        { id: '3', type: BLOCKS, inwardIssue: linked('ACME-2', status('10003', 'Done', 'done')) },
        { id: '4', type: BLOCKS, outwardIssue: linked('ACME-7') },
        { id: '5', type: BLOCKS, outwardIssue: linked('ACME-7') },
      ],
    });
    expect(issue.blockedBy).toEqual([{ key: 'ACME-1', statusName: 'To Do', category: 'new', since: null }]);
    expect(issue.blocks).toEqual(['ACME-7']);
  });

  it('ignores unknown keys and rich-text fields it did not ask for', () => {
    const { issue } = map(
      { description: { type: 'doc', version: 1, content: [] }, customfield_99999: { anything: [1, 2] }, environment: 'plain text' },
      { renderedFields: {}, somethingNew: true },
    );
    expect(issue.key).toBe('ACME-500');
  });

  it.each([
    ['an in-progress issue', { status: status('3', 'In Progress', 'indeterminate') }, true],
    ['a resolved to-do issue', { resolution: { id: '10001', name: "Won't Do" }, resolutiondate: '2026-05-02T10:00:00.000+0000' }, true],
    ['a to-do issue whose category changed after creation (reopened)', { statuscategorychangedate: '2026-05-03T10:00:00.000+0000' }, true],
    ['a to-do issue without a category change date', { statuscategorychangedate: null }, true],
    ['a to-do issue edited in a version', { fixVersions: [{ id: '10101' }], updated: '2026-05-09T10:00:00.000+0000' }, true],
    ['an untouched to-do issue in a version', { fixVersions: [{ id: '10101' }] }, false],
    // A waiting status in the to-do category, never moved: only the changelog dates the wait.
    ['an untouched issue in a to-do waiting status (settings, any case)', { status: status('10500', ' waiting ON client', 'new') }, true],
    ['an untouched issue in a to-do status that is not a waiting one', { status: status('10501', 'Backlog', 'new') }, false],
    ['a to-do issue edited outside any version', { updated: '2026-05-09T10:00:00.000+0000' }, false],
    [
      'a to-do issue stamped within the tolerance',
      { statuscategorychangedate: new Date(Date.parse('2026-05-01T10:00:00Z') + CATEGORY_CHANGE_TOLERANCE_MS).toISOString() },
      false,
    ],
  ])('needs history: %s -> %s', (_name, fields, expected) => {
    expect(map(fields).needsHistory).toBe(expected);
  });

  it.each([
    ['no id', { id: undefined }],
    ['no key', { key: undefined }],
    ['no fields', { fields: null }],
  ])('rejects an issue with %s as an unexpected shape', (_name, top) => {
    const raw = { ...rawIssue(), ...top };
    expect(() => toIssue(raw, context)).toThrow(expect.objectContaining({ code: 'JIRA_UNAVAILABLE' }));
  });

  it('passes absurd values through unchanged, without throwing, for the domain to note', () => {
    // Estimates of 1e308, dates in year 9999 or before 1970: the domain sets them aside as
    // data-quality notes (derivePlausibleData); the mapper's job is to neither crash nor hide them.
    const { issue } = toIssue(
      rawIssue({
        customfield_10016: 1e308,
        timeoriginalestimate: 1e308,
        timeestimate: -5,
        timespent: 1e308,
        duedate: '9999-12-31',
        created: '1960-01-01T00:00:00.000+0000',
        updated: '9999-12-31T23:59:59.000+0000',
        resolutiondate: '0099-01-01T00:00:00.000+0000',
      }),
      demoContext(),
    );
    expect(issue).toMatchObject({
      storyPoints: 1e308,
      timeOriginal: 1e308,
      timeRemaining: -5,
      timeSpent: 1e308,
      due: '9999-12-31',
      created: Date.UTC(1960, 0, 1),
      updated: Date.UTC(9999, 11, 31, 23, 59, 59),
      resolved: new Date('0099-01-01T00:00:00.000Z').getTime(),
    });
  });

  it('maps values JSON cannot hold as numbers to "not set", and non-dates to null', () => {
    const { issue } = toIssue(
      rawIssue({
        customfield_10016: 'NaN',
        timeoriginalestimate: '1e999',
        duedate: 'someday',
        resolutiondate: '+275760-09-13T00:00:00.001Z',
      }),
      demoContext(),
    );
    expect(issue).toMatchObject({ storyPoints: null, timeOriginal: null, due: null, resolved: null });
  });

  it('rejects an issue without a created date', () => {
    expect(() => map({ created: null })).toThrow(expect.objectContaining({ code: 'JIRA_UNAVAILABLE' }));
  });
});
