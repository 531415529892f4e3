import { describe, expect, it } from 'vitest';
import { assessHealth } from './assess-health';
import type { HealthAssessment, MilestoneForecast } from './health-types';
import type { Issue } from './issue';
import { riskLevelOf, scoreIssueRisks } from './score-issue-risk';
import { DEFAULT_SETTINGS, type ProjectSettings } from './settings';
import { aDoneIssue, aMilestone, anInProgressIssue, anIssue, aProject, at, DAY_MS, settingsWith } from './testing/builders';

// Friday 2026-03-20, noon UTC.
const NOW = at('2026-03-20T12:00:00Z');

function health(overrides: Partial<HealthAssessment> = {}): HealthAssessment {
  return { ...assessHealth(aProject(), DEFAULT_SETTINGS, NOW), ...overrides };
}

function forecast(overrides: Partial<MilestoneForecast>): MilestoneForecast {
  return {
    id: 'm1',
    name: 'Release 1',
    released: false,
    releaseDate: '2026-04-01',
    startDate: null,
    issuesTotal: 1,
    issuesDone: 0,
    pointsTotal: 0,
    pointsDone: 0,
    unit: 'issues',
    remaining: 1,
    weeklyThroughput: 1,
    forecastDate: '2026-04-01',
    slipDays: 0,
    overdue: false,
    rag: 'green',
    forecast: null,
    baselineCount: 1,
    addedAfterBaseline: [],
    ...overrides,
  };
}

function riskOf(issue: Issue, h: HealthAssessment = health(), settings: ProjectSettings = DEFAULT_SETTINGS, now = NOW) {
  const [risk] = scoreIssueRisks(aProject({ issues: [issue] }), h, settings, now);
  if (risk === undefined) throw new Error('not scored');
  return risk;
}

describe('signals and points', () => {
  it.each([
    { name: 'nothing wrong', issue: () => anIssue(), signals: [], score: 0 },
    { name: 'overdue 1 day', issue: () => anIssue({ due: '2026-03-19' }), signals: [{ code: 'overdue', days: 1, points: 31 }], score: 31 },
    {
      name: 'overdue 20 days (max extra)',
      issue: () => anIssue({ due: '2026-02-28' }),
      signals: [{ code: 'overdue', days: 20, points: 50 }],
      score: 50,
    },
    {
      name: 'overdue 45 days (capped extra)',
      issue: () => anIssue({ due: '2026-02-03' }),
      signals: [{ code: 'overdue', days: 45, points: 50 }],
      score: 50,
    },
    {
      name: 'due today, not started',
      issue: () => anIssue({ due: '2026-03-20' }),
      signals: [{ code: 'dueSoonNotStarted', days: 0, points: 20 }],
      score: 20,
    },
    {
      name: 'due in 3 days, not started',
      issue: () => anIssue({ due: '2026-03-23' }),
      signals: [{ code: 'dueSoonNotStarted', days: 3, points: 20 }],
      score: 20,
    },
    { name: 'due in 4 days', issue: () => anIssue({ due: '2026-03-24' }), signals: [], score: 0 },
    { name: 'due soon but started', issue: () => anInProgressIssue(NOW, { due: '2026-03-21' }), signals: [], score: 0 },
    { name: 'flagged', issue: () => anIssue({ flagged: true }), signals: [{ code: 'flagged', points: 25 }], score: 25 },
    {
      name: 'stale 7 days',
      issue: () => anInProgressIssue(NOW - 7 * DAY_MS),
      signals: [{ code: 'stale', days: 7, points: 15 }],
      score: 15,
    },
    { name: 'stale 6 days', issue: () => anInProgressIssue(NOW - 6 * DAY_MS), signals: [], score: 0 },
    { name: 'not stale when not in progress', issue: () => anIssue({ updated: NOW - 30 * DAY_MS }), signals: [], score: 0 },
    {
      name: 'reopened once',
      issue: () => anIssue({ history: { reopenCount: 1 } }),
      signals: [{ code: 'reopened', count: 1, points: 10 }],
      score: 10,
    },
    {
      name: 'reopened 3 times (max 20)',
      issue: () => anIssue({ history: { reopenCount: 3 } }),
      signals: [{ code: 'reopened', count: 3, points: 20 }],
      score: 20,
    },
    { name: 'spent exactly 1.2× estimate', issue: () => anIssue({ timeOriginal: 1000, timeSpent: 1200 }), signals: [], score: 0 },
    {
      name: 'spent 1.21× estimate',
      issue: () => anIssue({ timeOriginal: 1000, timeSpent: 1210 }),
      signals: [{ code: 'overrun', ratio: 1.21, points: 10 }],
      score: 10,
    },
    {
      name: 'rank 0 priority',
      issue: () => anIssue({ priority: { name: 'Highest', rank: 0 } }),
      signals: [{ code: 'topPriority', priority: 'Highest', points: 10 }],
      score: 10,
    },
    {
      name: 'rank 1 priority',
      issue: () => anIssue({ priority: { name: '高', rank: 1 } }),
      signals: [{ code: 'topPriority', priority: '高', points: 10 }],
      score: 10,
    },
    { name: 'rank 2 priority', issue: () => anIssue({ priority: { name: 'Medium', rank: 2 } }), signals: [], score: 0 },
    { name: 'no priority', issue: () => anIssue({ priority: null }), signals: [], score: 0 },
  ])('$name → $score', ({ issue, signals, score }) => {
    const risk = riskOf(issue());
    expect(risk.signals).toEqual(signals);
    expect(risk.score).toBe(score);
  });

  it('overdue days count calendar days in the project zone, across DST', () => {
    // 2026-03-08 is the New York spring-forward day; 02:00 local on 03-10 is 06:00Z.
    const now = at('2026-03-10T06:00:00Z');
    const ny = settingsWith({ timeZone: 'America/New_York' });
    expect(riskOf(anIssue({ due: '2026-03-07' }), health(), ny, now).signals).toEqual([{ code: 'overdue', days: 3, points: 33 }]);
    // In Shanghai 17:00Z is already the next day: an issue due on the 20th is due today, one due on the 19th is overdue.
    const sh = settingsWith({ timeZone: 'Asia/Shanghai' });
    const evening = at('2026-03-19T17:00:00Z');
    expect(riskOf(anIssue({ due: '2026-03-20' }), health(), sh, evening).signals[0]).toMatchObject({ code: 'dueSoonNotStarted', days: 0 });
    expect(riskOf(anIssue({ due: '2026-03-19' }), health(), sh, evening).signals[0]).toMatchObject({ code: 'overdue', days: 1 });
  });

  it('long cycle: in progress longer than 2× the median cycle time', () => {
    const h = health({ medianCycleTimeMs: 4 * DAY_MS });
    const fresh = () => ({ updated: NOW }); // not stale
    expect(riskOf(anInProgressIssue(NOW - 8 * DAY_MS, fresh()), h).signals).toEqual([]);
    expect(riskOf(anInProgressIssue(NOW - 9 * DAY_MS, fresh()), h).signals).toEqual([
      { code: 'longCycle', days: 9, medianDays: 4, points: 10 },
    ]);
    expect(riskOf(anInProgressIssue(NOW - 9 * DAY_MS, fresh()), health({ medianCycleTimeMs: null })).signals).toEqual([]);
  });

  it('milestone signals: added after the baseline, and in a red milestone', () => {
    const h = health({ milestones: [forecast({ id: 'm1', name: 'R1', rag: 'red', addedAfterBaseline: ['ACME-7'] })] });
    expect(riskOf(anIssue({ key: 'ACME-7', fixVersions: ['m1'] }), h).signals).toEqual([
      { code: 'milestoneRed', milestone: 'R1', points: 10 },
      { code: 'addedAfterBaseline', milestone: 'R1', points: 5 },
    ]);
    const green = health({ milestones: [forecast({ id: 'm1', rag: 'amber' })] });
    expect(riskOf(anIssue({ fixVersions: ['m1'] }), green).signals).toEqual([]);
  });
});

describe('waiting on the client (DESIGN §5.4)', () => {
  const WAITING = { name: 'Waiting for customer', category: 'indeterminate' } as const;
  const h = health({ medianCycleTimeMs: 4 * DAY_MS });

  it.each([
    {
      case: 'a stale, long-running issue in a waiting status: no staleness, no cycle time, the wait instead',
      issue: () =>
        anInProgressIssue(NOW - 30 * DAY_MS, { status: WAITING, updated: NOW - 17 * DAY_MS, history: { statusSince: NOW - 17 * DAY_MS } }),
      signals: [{ code: 'waitingOnClient', days: 17, estimated: false, points: 0 }],
      score: 0,
    },
    {
      case: 'the waiting label on an in-progress issue: the wait is at least since the last update',
      issue: () => anInProgressIssue(NOW - 30 * DAY_MS, { labels: ['waiting-on-client'], updated: NOW - 9 * DAY_MS }),
      signals: [{ code: 'waitingOnClient', days: 9, estimated: true, points: 0 }],
      score: 0,
    },
    {
      case: 'the same issue without the label is stale and long-running',
      issue: () => anInProgressIssue(NOW - 30 * DAY_MS, { updated: NOW - 9 * DAY_MS }),
      signals: [
        { code: 'stale', days: 9, points: 15 },
        { code: 'longCycle', days: 30, medianDays: 4, points: 10 },
      ],
      score: 25,
    },
    {
      case: 'waiting does not hide what the team still owns: overdue and flagged count',
      issue: () => anIssue({ status: WAITING, due: '2026-03-18', flagged: true, history: { statusSince: NOW - 3 * DAY_MS } }),
      signals: [
        { code: 'overdue', days: 2, points: 32 },
        { code: 'flagged', points: 25 },
        { code: 'waitingOnClient', days: 3, estimated: false, points: 0 },
      ],
      score: 57,
    },
  ])('$case', ({ issue, signals, score }) => {
    const risk = riskOf(issue(), h);
    expect(risk.signals).toEqual(signals);
    expect(risk.score).toBe(score);
  });
});

describe('blocking links', () => {
  const blocker = (key: string, category: 'new' | 'indeterminate' | 'done', sinceDaysAgo: number | null) => ({
    key,
    statusName: category === 'done' ? 'Done' : 'In Review',
    category,
    since: sinceDaysAgo === null ? null : NOW - sinceDaysAgo * DAY_MS,
  });

  it('an unresolved inward blocker scores 25 and names itself', () => {
    expect(riskOf(anIssue({ blockedBy: [blocker('ACME-12', 'indeterminate', 4)] })).signals).toEqual([
      { code: 'blocked', by: { key: 'ACME-12', statusName: 'In Review', days: 4 }, points: 25 },
    ]);
  });

  it('a resolved blocker does not count', () => {
    expect(riskOf(anIssue({ blockedBy: [blocker('ACME-12', 'done', 4)] })).signals).toEqual([]);
  });

  it('outward links (this issue blocks others) do not count', () => {
    expect(riskOf(anIssue({ blocks: ['ACME-3', 'ACME-4'] })).score).toBe(0);
  });

  it('several blockers score once; each is listed, the longest-standing first', () => {
    const risk = riskOf(
      anIssue({ blockedBy: [blocker('ACME-10', 'new', 1), blocker('ACME-2', 'indeterminate', null), blocker('ACME-9', 'new', 6)] }),
    );
    expect(risk.score).toBe(25);
    expect(risk.signals.map((s) => (s.code === 'blocked' ? [s.by.key, s.points] : s.code))).toEqual([
      ['ACME-9', 25],
      ['ACME-10', 0],
      ['ACME-2', 0],
    ]);
  });
});

describe('weighting, cap and level', () => {
  it.each([
    { name: 'client label ×1.2', labels: ['client'], score: 30, clientFacing: true },
    { name: 'client-reported ×1.2', labels: ['client-reported'], score: 30, clientFacing: true },
    { name: 'client label on an internal issue is not weighted', labels: ['client', 'internal'], score: 25, clientFacing: false },
    { name: 'no label', labels: [], score: 25, clientFacing: false },
  ])('$name', ({ labels, score, clientFacing }) => {
    expect(riskOf(anIssue({ flagged: true, labels }))).toMatchObject({ score, clientFacing });
  });

  it('caps at 100 after the weight', () => {
    const issue = anIssue({
      labels: ['client'],
      due: '2026-02-01',
      flagged: true,
      blockedBy: [{ key: 'ACME-99', statusName: 'Open', category: 'new', since: null }],
      priority: { name: 'Highest', rank: 0 },
    });
    // 50 + 25 + 25 + 10 = 110 → ×1.2 = 132 → 100.
    expect(riskOf(issue)).toMatchObject({ score: 100, level: 'high' });
  });

  it('rounds to an integer', () => {
    // overdue 1 day = 31 ×1.2 = 37.2 → 37.
    expect(riskOf(anIssue({ due: '2026-03-19', labels: ['client'] })).score).toBe(37);
  });

  it.each([
    { score: 100, level: 'high' },
    { score: 60, level: 'high' },
    { score: 59, level: 'medium' },
    { score: 30, level: 'medium' },
    { score: 29, level: 'low' },
    { score: 0, level: 'low' },
  ])('score $score → $level', ({ score, level }) => {
    expect(riskLevelOf(score, DEFAULT_SETTINGS.risk)).toBe(level);
  });

  it('levels from real signals: flagged + added after baseline = 30 is medium', () => {
    const h = health({ milestones: [forecast({ addedAfterBaseline: ['ACME-5'] })] });
    expect(riskOf(anIssue({ key: 'ACME-5', flagged: true, fixVersions: ['m1'] }), h)).toMatchObject({ score: 30, level: 'medium' });
  });

  it('lists signals by points, largest first', () => {
    const risk = riskOf(anIssue({ flagged: true, due: '2026-03-10', history: { reopenCount: 1 } }));
    expect(risk.signals.map((s) => s.code)).toEqual(['overdue', 'flagged', 'reopened']);
  });
});

describe('which issues, in which order', () => {
  it('lists every open issue (subtasks and internal included), never done ones', () => {
    const data = aProject({
      issues: [
        anIssue({ key: 'ACME-1' }),
        anIssue({ key: 'ACME-2', type: { name: 'Sub-task', subtask: true }, flagged: true }),
        anIssue({ key: 'ACME-3', labels: ['internal'] }),
        aDoneIssue(NOW, { key: 'ACME-4', flagged: true }),
        anIssue({ key: 'ACME-5', resolution: 'Done', flagged: true }), // resolved in a "new" status: done
        anIssue({ key: 'ACME-6', status: { name: '已完成', category: 'done' }, resolution: null }), // localized done, no resolution
        anIssue({ key: 'ACME-7', status: { name: '处理中', category: 'indeterminate' }, updated: NOW }),
      ],
    });
    expect(scoreIssueRisks(data, health(), DEFAULT_SETTINGS, NOW).map((r) => r.key)).toEqual(['ACME-2', 'ACME-1', 'ACME-3', 'ACME-7']);
  });

  it('orders by score, then natural key order (ACME-2 before ACME-10)', () => {
    const data = aProject({
      issues: [
        anIssue({ key: 'ACME-10' }),
        anIssue({ key: 'ACME-2' }),
        anIssue({ key: 'ACME-1', flagged: true }),
        anIssue({ key: 'ACME-100', flagged: true }),
      ],
    });
    expect(scoreIssueRisks(data, health(), DEFAULT_SETTINGS, NOW).map((r) => r.key)).toEqual(['ACME-1', 'ACME-100', 'ACME-2', 'ACME-10']);
  });

  it('is deterministic on the same input', () => {
    const data = aProject({
      issues: Array.from({ length: 50 }, (_, i) =>
        anIssue({ key: `ACME-${50 - i}`, flagged: i % 3 === 0, due: i % 4 === 0 ? '2026-03-01' : null }),
      ),
    });
    const a = scoreIssueRisks(data, health(), DEFAULT_SETTINGS, NOW);
    const b = scoreIssueRisks({ ...data, issues: [...data.issues].reverse() }, health(), DEFAULT_SETTINGS, NOW);
    expect(b).toEqual(a);
  });

  it('uses the schedule RAG computed by assessHealth for the milestone signal', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', name: 'R1', releaseDate: '2026-03-10' })],
      issues: [anIssue({ key: 'ACME-1', fixVersions: ['m1'] })],
    });
    const h = assessHealth(data, DEFAULT_SETTINGS, NOW);
    expect(scoreIssueRisks(data, h, DEFAULT_SETTINGS, NOW)[0]?.signals).toContainEqual({
      code: 'milestoneRed',
      milestone: 'R1',
      points: 10,
    });
  });
});
