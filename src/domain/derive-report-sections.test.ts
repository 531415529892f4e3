import { describe, expect, it } from 'vitest';
import { deriveReportPeriod, deriveReportSections, findEpic, projectReportSections } from './derive-report-sections';
import type { IssueRisk } from './health-types';
import type { Issue } from './issue';
import { aDoneIssue, anInProgressIssue, anIssue, at, DAY_MS, settingsWith } from './testing/builders';
import { aForecast, aHealth, aRisk } from './testing/report-builders';

const NOW = at('2026-03-10T12:00:00Z');
const START = at('2026-03-03T12:00:00Z');
const SETTINGS = settingsWith();
const EPIC = { name: 'Epic', subtask: false, hierarchyLevel: 1 };
const SUBTASK = { name: 'Sub-task', subtask: true, hierarchyLevel: -1 };

function sections(
  issues: readonly Issue[],
  options: { risks?: readonly IssueRisk[]; nextMilestoneId?: string | null; settings?: typeof SETTINGS } = {},
) {
  const health = aHealth({ nextMilestoneId: options.nextMilestoneId ?? null, milestones: [aForecast()] });
  return deriveReportSections({ issues }, health, options.risks ?? [], options.settings ?? SETTINGS, NOW, START);
}
const keys = (issues: readonly Issue[]) => issues.map((i) => i.key);

describe('deriveReportPeriod', () => {
  it.each([
    { case: 'from the last published report', start: START, expected: START },
    { case: 'one cadence back when nothing was published', start: null, expected: NOW - 7 * DAY_MS },
    { case: 'a start after now is clamped to now', start: NOW + DAY_MS, expected: NOW },
  ])('$case', ({ start, expected }) => {
    expect(deriveReportPeriod(NOW, start, SETTINGS)).toEqual({ start: expected, end: NOW });
  });
});

describe('completed in period', () => {
  it.each([
    { case: 'exactly at the period start counts', at: START, counts: true },
    { case: 'exactly at the period end (now) counts', at: NOW, counts: true },
    { case: 'one ms before the start does not', at: START - 1, counts: false },
    { case: 'after now does not', at: NOW + 1, counts: false },
  ])('$case', ({ at: completedAt, counts }) => {
    const result = sections([aDoneIssue(completedAt, { key: 'ACME-1' })]);
    expect(keys(result.completed)).toEqual(counts ? ['ACME-1'] : []);
  });

  it('counts a resolved issue in a not-done status, but not a done issue with no completion date', () => {
    const resolved = anIssue({ key: 'ACME-1', resolution: 'Fixed', history: { completedAt: NOW - DAY_MS } });
    const undated = anIssue({ key: 'ACME-2', status: { name: 'Done', category: 'done' }, history: { completedAt: null } });
    expect(keys(sections([resolved, undated]).completed)).toEqual(['ACME-1']);
  });

  it('groups by epic: stories under their epic, subtasks under their parent’s epic, the epic itself, no epic last', () => {
    const done = (key: string, over: Parameters<typeof anIssue>[0] = {}) => aDoneIssue(NOW - DAY_MS, { key, ...over });
    const issues = [
      anIssue({ key: 'ACME-10', type: EPIC, summary: 'Checkout' }),
      anIssue({ key: 'ACME-2', type: EPIC, summary: 'Login' }),
      done('ACME-11', { parentKey: 'ACME-10' }),
      anIssue({ key: 'ACME-12', parentKey: 'ACME-10' }),
      done('ACME-13', { parentKey: 'ACME-12', type: SUBTASK }),
      done('ACME-3', { parentKey: 'ACME-2' }),
      done('ACME-20'),
      done('ACME-21', { parentKey: 'OTHER-1' }),
      done('ACME-4', { type: EPIC }),
    ];
    const result = projectReportSections(sections(issues), 'internal');
    expect(result.completed.map((g) => [g.epic?.key ?? null, keys(g.issues)])).toEqual([
      ['ACME-2', ['ACME-3']],
      ['ACME-4', ['ACME-4']],
      ['ACME-10', ['ACME-11', 'ACME-13']],
      [null, ['ACME-20', 'ACME-21']],
    ]);
  });
});

describe('findEpic', () => {
  const epic = anIssue({ key: 'ACME-1', type: EPIC });
  const story = anIssue({ key: 'ACME-2', parentKey: 'ACME-1' });
  const orphanStory = anIssue({ key: 'ACME-3' });
  const index = new Map([epic, story, orphanStory].map((i) => [i.key, i]));
  it.each([
    { case: 'an epic is its own epic', issue: epic, epic: 'ACME-1' },
    { case: 'a story under an epic', issue: story, epic: 'ACME-1' },
    { case: 'a subtask of a story under an epic', issue: anIssue({ type: SUBTASK, parentKey: 'ACME-2' }), epic: 'ACME-1' },
    { case: 'a subtask of a story without epic', issue: anIssue({ type: SUBTASK, parentKey: 'ACME-3' }), epic: null },
    { case: 'a parent outside the data is not assumed to be an epic', issue: anIssue({ parentKey: 'ACME-99' }), epic: null },
    { case: 'an initiative has no epic', issue: anIssue({ type: { hierarchyLevel: 2 } }), epic: null },
  ])('$case', ({ issue, epic: expected }) => {
    expect(findEpic(issue, index)?.key ?? null).toBe(expected);
  });
});

describe('in progress, next up, waiting on client', () => {
  it('in progress: open indeterminate issues not waiting on the client', () => {
    const issues = [
      anInProgressIssue(START, { key: 'ACME-1' }),
      anInProgressIssue(START, { key: 'ACME-2', status: { name: 'Waiting for customer' } }),
      anIssue({ key: 'ACME-3' }),
      anInProgressIssue(START, { key: 'ACME-4', resolution: 'Done' }),
    ];
    expect(keys(sections(issues).inProgress)).toEqual(['ACME-1']);
  });

  // Today is 2026-03-10 (UTC); the next period ends on 2026-03-17, inclusive.
  it.each([
    { case: 'due on the last day of the next period', over: { due: '2026-03-17' }, next: true },
    { case: 'due the day after', over: { due: '2026-03-18' }, next: false },
    { case: 'overdue and not started', over: { due: '2026-03-01' }, next: true },
    { case: 'undated but in the next milestone', over: { fixVersions: ['100'] }, next: true },
    { case: 'undated in another milestone', over: { fixVersions: ['200'] }, next: false },
    { case: 'undated, no milestone', over: {}, next: false },
    {
      case: 'in a No Category status, due soon',
      over: { due: '2026-03-12', status: { name: 'Triage', category: 'undefined' as const } },
      next: true,
    },
    {
      case: 'already started',
      over: { due: '2026-03-12', status: { name: 'In Progress', category: 'indeterminate' as const } },
      next: false,
    },
    { case: 'done', over: { due: '2026-03-12', resolution: 'Done' }, next: false },
    { case: 'waiting on the client', over: { due: '2026-03-12', labels: ['waiting-on-client'] }, next: false },
  ])('next up: $case', ({ over, next }) => {
    expect(keys(sections([anIssue({ key: 'ACME-1', ...over })], { nextMilestoneId: '100' }).nextUp)).toEqual(next ? ['ACME-1'] : []);
  });

  it('next up uses the calendar day in the project zone', () => {
    // 2026-03-10T12:00Z is already 2026-03-11 in Auckland (+13): the next period ends on 2026-03-18.
    const issue = anIssue({ key: 'ACME-1', due: '2026-03-18' });
    expect(keys(sections([issue], { settings: settingsWith({ timeZone: 'Pacific/Auckland' }) }).nextUp)).toEqual(['ACME-1']);
    expect(keys(sections([issue]).nextUp)).toEqual([]);
  });

  it('orders by due day, then priority rank, then natural key; undated last; capped per audience', () => {
    const issues = [
      anIssue({ key: 'ACME-10', due: '2026-03-12', priority: { name: 'High', rank: 1 } }),
      anIssue({ key: 'ACME-9', fixVersions: ['100'] }),
      anIssue({ key: 'ACME-2', due: '2026-03-12', priority: { name: 'High', rank: 1 } }),
      anIssue({ key: 'ACME-3', due: '2026-03-12', priority: { name: 'Highest', rank: 0 } }),
      anIssue({ key: 'ACME-4', due: '2026-03-12', priority: null }),
      anIssue({ key: 'ACME-5', due: '2026-03-11' }),
    ];
    const derived = sections(issues, { nextMilestoneId: '100' });
    expect(keys(derived.nextUp)).toEqual(['ACME-5', 'ACME-3', 'ACME-2', 'ACME-10', 'ACME-4', 'ACME-9']);
    expect(keys(projectReportSections(derived, 'internal', { nextUpLimit: 2 }).nextUp)).toEqual(['ACME-5', 'ACME-3']);
  });

  it.each([
    {
      case: 'configured status, other case and spacing',
      over: { status: { name: ' WAITING for Customer ' } },
      settings: SETTINGS,
      waiting: true,
    },
    {
      case: 'a localized status the PM configured',
      over: { status: { name: '等待客户' } },
      settings: settingsWith({ waitingOnClientStatuses: ['等待客户'] }),
      waiting: true,
    },
    { case: 'a localized status not configured', over: { status: { name: '等待客户' } }, settings: SETTINGS, waiting: false },
    { case: 'the label, in any case', over: { labels: ['Waiting-On-Client'] }, settings: SETTINGS, waiting: true },
    { case: 'done issues wait on nobody', over: { labels: ['waiting-on-client'], resolution: 'Done' }, settings: SETTINGS, waiting: false },
  ])('waiting on client: $case', ({ over, settings, waiting }) => {
    const waitingIssues = sections([anIssue({ key: 'ACME-1', ...over })], { settings }).waitingOnClient.map((w) => w.issue);
    expect(keys(waitingIssues)).toEqual(waiting ? ['ACME-1'] : []);
  });
});

describe('waiting on client: the wait and its order', () => {
  const waiting = (key: string, daysAgo: number | null, labels: readonly string[] = []) =>
    anIssue({
      key,
      status:
        labels.length > 0
          ? { name: 'In Progress', category: 'indeterminate' }
          : { name: 'Waiting for customer', category: 'indeterminate' },
      labels,
      updated: NOW - 2 * DAY_MS,
      history: { statusSince: daysAgo === null ? null : NOW - daysAgo * DAY_MS },
    });

  it('lists the longest wait first, ties by key, each with its wait', () => {
    const derived = sections([
      waiting('ACME-10', 3),
      waiting('ACME-2', 20),
      waiting('ACME-7', 3),
      waiting('ACME-5', null, ['waiting-on-client']),
    ]);
    expect(derived.waitingOnClient.map((w) => [w.issue.key, w.wait.days, w.wait.estimated])).toEqual([
      ['ACME-2', 20, false],
      ['ACME-7', 3, false],
      ['ACME-10', 3, false],
      ['ACME-5', 2, true],
    ]);
  });

  it('a waiting issue is neither in progress nor next up, and the client sees only the visible ones', () => {
    const shown = { ...waiting('ACME-1', 4), labels: ['client'] };
    const derived = sections([shown, waiting('ACME-2', 9)]);
    expect(keys(derived.inProgress)).toEqual([]);
    expect(projectReportSections(derived, 'internal').waitingOnClient.map((w) => w.issue.key)).toEqual(['ACME-2', 'ACME-1']);
    expect(projectReportSections(derived, 'client').waitingOnClient.map((w) => w.issue.key)).toEqual(['ACME-1']);
  });
});

describe('risks and blockers', () => {
  const link = (key: string, category: 'new' | 'done' = 'new') => ({ key, statusName: 'To Do', category, since: null });

  it('flagged and blocked list open issues only; a done blocker does not block', () => {
    const issues = [
      anIssue({ key: 'ACME-1', flagged: true }),
      aDoneIssue(NOW, { key: 'ACME-2', flagged: true }),
      anIssue({ key: 'ACME-3', blockedBy: [link('ACME-1')] }),
      anIssue({ key: 'ACME-4', blockedBy: [link('ACME-2', 'done')] }),
    ];
    const result = projectReportSections(sections(issues), 'internal');
    expect(keys(result.flagged)).toEqual(['ACME-1']);
    expect(result.blocked.map((b) => [b.issue.key, b.blockedBy])).toEqual([['ACME-3', ['ACME-1']]]);
  });

  it('ranks every open issue by score, ties in natural key order; fills issues the scorer left out; drops done ones', () => {
    const issues = [
      anIssue({ key: 'ACME-10' }),
      anIssue({ key: 'ACME-9' }),
      anIssue({ key: 'ACME-2' }),
      aDoneIssue(NOW, { key: 'ACME-1' }),
    ];
    const risks = [aRisk('ACME-10', 40), aRisk('ACME-9', 40), aRisk('ACME-2', 70), aRisk('ACME-1', 90), aRisk('GONE-1', 99)];
    const result = projectReportSections(sections([...issues, anIssue({ key: 'ACME-11' })], { risks }), 'internal', { topRisksLimit: 2 });
    expect(result.issueRisks.map((r) => [r.issue.key, r.risk.score])).toEqual([
      ['ACME-2', 70],
      ['ACME-9', 40],
      ['ACME-10', 40],
      ['ACME-11', 0],
    ]);
    expect(result.topRisks.map((r) => r.issue.key)).toEqual(['ACME-2', 'ACME-9']);
  });

  it('top risks are medium or high only', () => {
    const issues = [anIssue({ key: 'ACME-1' }), anIssue({ key: 'ACME-2' })];
    const result = projectReportSections(sections(issues, { risks: [aRisk('ACME-1', 30), aRisk('ACME-2', 29)] }), 'internal');
    expect(result.topRisks.map((r) => r.issue.key)).toEqual(['ACME-1']);
  });
});

describe('projectReportSections for the client', () => {
  const link = (key: string) => ({ key, statusName: 'To Do', category: 'new' as const, since: null });
  const issues = [
    anIssue({ key: 'ACME-1', type: EPIC, labels: ['internal'] }),
    anIssue({ key: 'ACME-2', type: EPIC }),
    aDoneIssue(NOW - DAY_MS, { key: 'ACME-3', parentKey: 'ACME-1' }),
    aDoneIssue(NOW - DAY_MS, { key: 'ACME-4', parentKey: 'ACME-2' }),
    aDoneIssue(NOW - DAY_MS, { key: 'ACME-5', parentKey: 'ACME-4', type: SUBTASK }),
    anIssue({ key: 'ACME-6', labels: ['internal'], flagged: true, due: '2026-03-11' }),
    anIssue({ key: 'ACME-7', blockedBy: [link('ACME-6'), link('ACME-8'), link('OPS-1')], flagged: true }),
    anIssue({ key: 'ACME-8', due: '2026-03-11' }),
  ];
  const risks = [aRisk('ACME-6', 95), aRisk('ACME-7', 50), aRisk('ACME-8', 35)];
  // Every issue that is not internal is for the client here (mode `all`); marking is tested below.
  const derived = sections(issues, { risks, settings: settingsWith({ clientVisibility: { mode: 'all', issueTypeIds: [] } }) });

  it('internal sees everything', () => {
    const internal = projectReportSections(derived, 'internal', { topRisksLimit: 2 });
    expect(internal.completed.map((g) => [g.epic?.key ?? null, keys(g.issues)])).toEqual([
      ['ACME-1', ['ACME-3']],
      ['ACME-2', ['ACME-4', 'ACME-5']],
    ]);
    expect(internal.blocked[0]?.blockedBy).toEqual(['ACME-6', 'ACME-8', 'OPS-1']);
    expect(internal.topRisks.map((r) => r.issue.key)).toEqual(['ACME-6', 'ACME-7']);
  });

  it('the client sees no internal issue, epic or blocker; caps apply after the filter', () => {
    const client = projectReportSections(derived, 'client', { topRisksLimit: 2 });
    expect(client.completed.map((g) => [g.epic?.key ?? null, keys(g.issues)])).toEqual([
      ['ACME-2', ['ACME-4']],
      [null, ['ACME-3']],
    ]);
    expect(keys(client.flagged)).toEqual(['ACME-7']);
    expect(keys(client.nextUp)).toEqual(['ACME-8']);
    expect(client.blocked.map((b) => [b.issue.key, b.blockedBy])).toEqual([['ACME-7', ['ACME-8']]]);
    expect(client.topRisks.map((r) => r.issue.key)).toEqual(['ACME-7', 'ACME-8']);
    // The open epic ACME-2 is visible (score 0); ACME-1 (internal epic) and ACME-6 are not.
    expect(client.issueRisks.map((r) => r.issue.key)).toEqual(['ACME-7', 'ACME-8', 'ACME-2']);
    expect(client.epicOf(issues[2] as Issue)).toBeNull();
    expect([client.isVisible('ACME-6'), client.isVisible('ACME-5'), client.isVisible('OPS-1'), client.isVisible('ACME-8')]).toEqual([
      false,
      false,
      false,
      true,
    ]);
  });
});

describe('projectReportSections: which issues the client sees (settings.clientVisibility)', () => {
  const link = (key: string) => ({ key, statusName: 'To Do', category: 'new' as const, since: null });
  const done = (key: string, over: Parameters<typeof anIssue>[0] = {}) => aDoneIssue(NOW - DAY_MS, { key, ...over });
  // Children come before their epics: visibility must not depend on the order issues arrive in.
  const issues = [
    done('ACME-11', { parentKey: 'ACME-10' }),
    anIssue({ key: 'ACME-12', parentKey: 'ACME-10', due: '2026-03-11', blockedBy: [link('ACME-21'), link('ACME-22')] }),
    done('ACME-13', { parentKey: 'ACME-11', type: SUBTASK, labels: ['client'] }),
    done('ACME-21', { parentKey: 'ACME-20' }),
    anIssue({ key: 'ACME-22', due: '2026-03-12', labels: ['Client'], type: { id: '10004', name: 'Bug' } }),
    anIssue({ key: 'ACME-23', due: '2026-03-12', type: { id: '10004', name: 'Bug' } }),
    anIssue({ key: 'ACME-24', due: '2026-03-12', labels: ['client', 'internal'] }),
    anIssue({ key: 'ACME-10', type: { ...EPIC, id: '10000' }, labels: ['client'] }),
    anIssue({ key: 'ACME-20', type: { ...EPIC, id: '10000' } }),
  ];
  const risks = issues.map((issue, i) => aRisk(issue.key, 90 - i));
  const clientView = (settings: typeof SETTINGS) => projectReportSections(sections(issues, { risks, settings }), 'client');
  const visibleKeys = (settings: typeof SETTINGS) =>
    issues
      .map((i) => i.key)
      .filter(clientView(settings).isVisible)
      .sort();

  it('marked (default): issues with the client label and the children of a marked epic', () => {
    expect(visibleKeys(SETTINGS)).toEqual(['ACME-10', 'ACME-11', 'ACME-12', 'ACME-22']);
    const client = clientView(SETTINGS);
    expect(client.completed.map((g) => [g.epic?.key ?? null, keys(g.issues)])).toEqual([['ACME-10', ['ACME-11']]]);
    expect(keys(client.nextUp)).toEqual(['ACME-12', 'ACME-22']);
    // ACME-21 is under an unmarked epic: the client does not see it block ACME-12.
    expect(client.blocked.map((b) => [b.issue.key, b.blockedBy])).toEqual([['ACME-12', ['ACME-22']]]);
    expect(client.issueRisks.map((r) => r.issue.key)).toEqual(['ACME-12', 'ACME-22', 'ACME-10']);
  });

  it('marked: the configured client label, not "client"', () => {
    const settings = settingsWith({ clientLabel: 'customer' });
    expect(visibleKeys(settings)).toEqual([]);
  });

  it('types: the chosen issue type ids, never an internal issue', () => {
    const settings = settingsWith({ clientVisibility: { mode: 'types', issueTypeIds: ['10004', '10000'] } });
    expect(visibleKeys(settings)).toEqual(['ACME-10', 'ACME-20', 'ACME-22', 'ACME-23']);
    const client = clientView(settings);
    expect(client.completed).toEqual([]);
    expect(keys(client.nextUp)).toEqual(['ACME-22', 'ACME-23']);
  });

  it('all: every issue but internal ones and subtasks', () => {
    const settings = settingsWith({ clientVisibility: { mode: 'all', issueTypeIds: [] } });
    expect(visibleKeys(settings)).toEqual(['ACME-10', 'ACME-11', 'ACME-12', 'ACME-20', 'ACME-21', 'ACME-22', 'ACME-23']);
  });

  it('the internal audience sees every issue whatever the mode', () => {
    const internal = projectReportSections(sections(issues, { risks }), 'internal');
    expect(internal.issueRisks).toHaveLength(6);
    expect(issues.every((i) => internal.isVisible(i.key))).toBe(true);
  });

  it('does not depend on the order issues arrive in', () => {
    const reversed = projectReportSections(sections([...issues].reverse(), { risks }), 'client');
    expect(
      issues
        .map((i) => i.key)
        .filter(reversed.isVisible)
        .sort(),
    ).toEqual(visibleKeys(SETTINGS));
  });
});
