import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveWeeklyHistory, forecastMilestones, median, nextMilestoneOf } from './forecast-milestones';
import type { Issue } from './issue';
import { calendarDayOfNumber, dayNumberOf } from './issue-rules';
import { DEFAULT_SETTINGS } from './settings';
import { aDoneIssue, aMilestone, anIssue, aProject, at, DAY_MS, settingsWith } from './testing/builders';

// Friday 2026-03-20, noon UTC. Week 0 = 03-14..03-20, week 1 = 03-07..03-13, …
const NOW = at('2026-03-20T12:00:00Z');

/** Done issues outside any milestone: `perWeek[w]` completions in week w (w = 0 is the last 7 days). */
function completions(perWeek: readonly number[], points: number | null = null): Issue[] {
  return perWeek.flatMap((count, week) =>
    Array.from({ length: count }, () => aDoneIssue(NOW - (week * 7 + 1) * DAY_MS, { storyPoints: points })),
  );
}

/** `open` open and `done` long-done issues in milestone `id`. */
function milestoneIssues(id: string, open: number, done = 0, points: number | null = null): Issue[] {
  return [
    ...Array.from({ length: open }, () => anIssue({ fixVersions: [id], storyPoints: points })),
    ...Array.from({ length: done }, () => aDoneIssue(at('2026-01-10T12:00:00Z'), { fixVersions: [id], storyPoints: points })),
  ];
}

describe('median', () => {
  it.each([
    { values: [], median: null },
    { values: [3], median: 3 },
    { values: [5, 1, 3], median: 3 },
    { values: [0, 3, 0, 3, 0, 3], median: 1.5 },
  ])('$values → $median', ({ values, median: expected }) => {
    expect(median(values)).toBe(expected);
  });
});

describe('forecastMilestones: forecast, slip and RAG', () => {
  // 2 issues a week for 6 weeks; 6 open issues remain → 3 weeks → 21 days → 2026-04-10.
  it.each([
    { target: '2026-04-15', slip: -5, rag: 'green' },
    { target: '2026-04-10', slip: 0, rag: 'green' },
    { target: '2026-04-09', slip: 1, rag: 'amber' },
    { target: '2026-04-05', slip: 5, rag: 'amber' },
    { target: '2026-04-04', slip: 6, rag: 'red' },
  ])('target $target → slip $slip, $rag', ({ target, slip, rag }) => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: target })],
      issues: [...completions([2, 2, 2, 2, 2, 2]), ...milestoneIssues('m1', 6, 4)],
    });
    const [f] = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    expect(f).toMatchObject({
      issuesTotal: 10,
      issuesDone: 4,
      unit: 'issues',
      remaining: 6,
      weeklyThroughput: 2,
      forecastDate: '2026-04-10',
      slipDays: slip,
      overdue: false,
      rag,
    });
  });

  it('rounds a partial day up', () => {
    // 1 remaining at 2 a week = 3.5 days → 4 days.
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })],
      issues: [...completions([2, 2, 2, 2, 2, 2]), ...milestoneIssues('m1', 1)],
    });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, NOW)[0]?.forecastDate).toBe('2026-03-24');
  });

  it.each([60_000, 1e12])('gives no date, and red, for a forecast past 2199: %s points at 1 a week', (remaining) => {
    // 60,000 weeks is some 1,150 years; 1e12 would overflow Date itself. Neither is a date to promise.
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })],
      issues: [...completions([1, 1, 1, 1, 1, 1], 1), anIssue({ fixVersions: ['m1'], storyPoints: remaining })],
    });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, NOW)[0]).toMatchObject({
      unit: 'points',
      remaining,
      weeklyThroughput: 1,
      forecastDate: null,
      slipDays: null,
      rag: 'red',
    });
  });

  it.each([
    {
      name: 'overdue unreleased, even with nothing remaining',
      milestone: { releaseDate: '2026-03-19' },
      issues: () => milestoneIssues('m1', 0, 3),
      expected: { overdue: true, rag: 'red', remaining: 0, forecastDate: '2026-03-20', slipDays: 1 },
    },
    {
      name: 'due today is not overdue',
      milestone: { releaseDate: '2026-03-20' },
      issues: () => milestoneIssues('m1', 0, 3),
      expected: { overdue: false, rag: 'green', slipDays: 0 },
    },
    {
      name: 'work remaining with zero throughput',
      milestone: { releaseDate: '2026-06-01' },
      issues: () => milestoneIssues('m1', 2),
      expected: { rag: 'red', forecastDate: null, slipDays: null, weeklyThroughput: 0 },
    },
    {
      name: 'no target date',
      milestone: { releaseDate: null },
      issues: () => [...completions([1, 1, 1, 1, 1, 1]), ...milestoneIssues('m1', 2)],
      expected: { rag: 'grey', forecastDate: '2026-04-03', slipDays: null },
    },
    {
      name: 'no target date and no throughput (grey: cannot be overdue without a date)',
      milestone: { releaseDate: null },
      issues: () => milestoneIssues('m1', 2),
      expected: { rag: 'grey', forecastDate: null },
    },
    {
      name: 'no issues at all is grey, not green',
      milestone: { releaseDate: '2026-06-01' },
      issues: () => [],
      expected: { rag: 'grey', issuesTotal: 0 },
    },
  ])('$name', ({ milestone, issues, expected }) => {
    const data = aProject({ milestones: [aMilestone({ id: 'm1', ...milestone })], issues: issues() });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, NOW)[0]).toMatchObject(expected);
  });

  it.each([
    { estimated: 4, of: 5, unit: 'points' },
    { estimated: 3, of: 5, unit: 'issues' },
  ])('$estimated of $of estimated → counts in $unit', ({ estimated, of, unit }) => {
    const issues = [
      ...completions([2, 2, 2, 2, 2, 2], 5), // 10 points a week
      ...Array.from({ length: of }, (_, i) => anIssue({ fixVersions: ['m1'], storyPoints: i < estimated ? 10 : null })),
    ];
    const [f] = forecastMilestones(
      aProject({ milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })], issues }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(f?.unit).toBe(unit);
    expect(f?.weeklyThroughput).toBe(unit === 'points' ? 10 : 2);
    expect(f?.remaining).toBe(unit === 'points' ? estimated * 10 : of);
  });

  it('excludes subtasks from counts and throughput', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })],
      issues: [
        ...milestoneIssues('m1', 2),
        anIssue({ fixVersions: ['m1'], type: { name: 'Sub-task', subtask: true } }),
        aDoneIssue(NOW - DAY_MS, { type: { name: 'Sub-task', subtask: true } }),
      ],
    });
    expect(forecastMilestones(data, settingsWith({ thresholds: { throughputWeeks: 1 } }), NOW)[0]).toMatchObject({
      issuesTotal: 2,
      weeklyThroughput: 0,
    });
  });

  it('lists unreleased unarchived milestones and those released in the period, dated first', () => {
    const data = aProject({
      milestones: [
        aMilestone({ id: 'undated', name: 'Backlog', releaseDate: null }),
        aMilestone({ id: 'later', name: 'R3', releaseDate: '2026-06-01' }),
        aMilestone({ id: 'released-in', name: 'R1', released: true, releaseDate: '2026-03-16' }),
        aMilestone({ id: 'released-before', name: 'R0', released: true, releaseDate: '2026-03-01' }),
        aMilestone({ id: 'archived', name: 'Old', archived: true, releaseDate: '2026-04-01' }),
        aMilestone({ id: 'soon', name: 'R2', releaseDate: '2026-04-01' }),
      ],
    });
    const forecasts = forecastMilestones(data, DEFAULT_SETTINGS, NOW, { periodStart: at('2026-03-13T12:00:00Z') });
    expect(forecasts.map((f) => f.id)).toEqual(['released-in', 'soon', 'later', 'undated']);
    expect(forecasts[0]).toMatchObject({ released: true, rag: 'green', forecastDate: null });
    expect(nextMilestoneOf(forecasts)?.id).toBe('soon');
  });
});

describe('throughput weeks in the project zone', () => {
  const weekly = (zone: string, now: number, completedAt: readonly number[]): number =>
    deriveWeeklyHistory(
      completedAt.map((t) => aDoneIssue(t)),
      dayNumberOf(now, zone),
      settingsWith({ timeZone: zone, thresholds: { throughputWeeks: 1 } }),
    ).issues[0] ?? -1;

  it.each(
    [
      // Saturday 2026-03-14 noon EDT; week 0 = 03-08 (the spring-forward Sunday) .. 03-14.
      { name: 'NY spring forward: 03-07 23:30 EST is last week', now: '2026-03-14T16:00:00Z', done: '2026-03-08T04:30:00Z', counted: 0 },
      { name: 'NY spring forward: 03-08 00:30 EST is this week', now: '2026-03-14T16:00:00Z', done: '2026-03-08T05:30:00Z', counted: 1 },
      // Saturday 2026-11-07 noon EST; week 0 = 11-01 (the fall-back Sunday) .. 11-07.
      { name: 'NY fall back: 10-31 23:30 EDT is last week', now: '2026-11-07T17:00:00Z', done: '2026-11-01T03:30:00Z', counted: 0 },
      { name: 'NY fall back: 11-01 00:30 EDT is this week', now: '2026-11-07T17:00:00Z', done: '2026-11-01T04:30:00Z', counted: 1 },
      { name: 'NY: later today (23:59 local) counts', now: '2026-11-07T17:00:00Z', done: '2026-11-08T04:59:00Z', counted: 1 },
      { name: 'NY: tomorrow 00:01 local does not', now: '2026-11-07T17:00:00Z', done: '2026-11-08T05:01:00Z', counted: 0 },
      { name: 'Shanghai: 17:00Z is already tomorrow', now: '2026-03-19T17:00:00Z', done: '2026-03-12T16:30:00Z', counted: 0 },
      { name: 'Shanghai: 16:00Z a week before is the first day', now: '2026-03-19T17:00:00Z', done: '2026-03-13T16:30:00Z', counted: 1 },
    ].map((row) => ({ zone: row.name.startsWith('Shanghai') ? 'Asia/Shanghai' : 'America/New_York', ...row })),
  )('$name', ({ zone, now, done, counted }) => {
    expect(weekly(zone, at(now), [at(done)])).toBe(counted);
  });

  it('a completion in the future (clock skew) is ignored', () => {
    expect(weekly('UTC', NOW, [NOW + 2 * DAY_MS])).toBe(0);
  });
});

describe('forecast date is a calendar day in the project zone', () => {
  it('Shanghai at 17:00Z the day before: today is already the 20th', () => {
    const data = aProject({ milestones: [aMilestone({ id: 'm1', releaseDate: '2026-03-20' })], issues: milestoneIssues('m1', 0, 1) });
    const now = at('2026-03-19T17:00:00Z');
    expect(forecastMilestones(data, settingsWith({ timeZone: 'Asia/Shanghai' }), now)[0]).toMatchObject({
      forecastDate: '2026-03-20',
      slipDays: 0,
      overdue: false,
    });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, now)[0]).toMatchObject({ forecastDate: '2026-03-19', slipDays: -1 });
  });

  it('a milestone due yesterday in Shanghai is overdue at 17:00Z', () => {
    const data = aProject({ milestones: [aMilestone({ id: 'm1', releaseDate: '2026-03-19' })], issues: milestoneIssues('m1', 1) });
    const now = at('2026-03-19T17:00:00Z');
    expect(forecastMilestones(data, settingsWith({ timeZone: 'Asia/Shanghai' }), now)[0]).toMatchObject({ overdue: true, rag: 'red' });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, now)[0]).toMatchObject({ overdue: false });
  });
});

describe('scope baseline', () => {
  const added = (versionId: string, iso: string) => ({ at: at(iso), versionId, change: 'added' as const });
  const removed = (versionId: string, iso: string) => ({ at: at(iso), versionId, change: 'removed' as const });

  function scenario(): Issue[] {
    return [
      anIssue({ key: 'ACME-1', created: at('2026-02-20T10:00:00Z'), fixVersions: ['m1'] }), // in since creation
      anIssue({
        key: 'ACME-2',
        created: at('2026-02-25T10:00:00Z'),
        fixVersions: ['m1'],
        history: { versionChanges: [added('m1', '2026-03-05T10:00:00Z')] },
      }),
      anIssue({ key: 'ACME-3', created: at('2026-03-10T10:00:00Z'), fixVersions: ['m1'] }), // created into it later
      anIssue({
        key: 'ACME-4',
        created: at('2026-02-20T10:00:00Z'),
        fixVersions: [],
        history: { versionChanges: [added('m1', '2026-03-01T10:00:00Z'), removed('m1', '2026-03-15T10:00:00Z')] },
      }),
      anIssue({
        key: 'ACME-5',
        created: at('2026-02-20T10:00:00Z'),
        fixVersions: ['m1'],
        history: { versionChanges: [added('m1', '2026-03-02T17:00:00Z')] },
      }),
      anIssue({
        key: 'ACME-6',
        created: at('2026-02-20T10:00:00Z'),
        fixVersions: ['m1'],
        history: { versionChanges: [removed('m1', '2026-03-01T10:00:00Z'), added('m1', '2026-03-11T10:00:00Z')] },
      }),
      anIssue({ key: 'ACME-7', created: at('2026-02-20T10:00:00Z'), fixVersions: ['other'] }),
    ];
  }

  it('counts membership at the end of the start day, replaying version changes', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', startDate: '2026-03-02', releaseDate: '2026-05-01' })],
      issues: scenario(),
    });
    const [f] = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    // Baseline: ACME-1, ACME-4 (removed since), ACME-5 (added during the start day).
    expect(f?.baselineCount).toBe(3);
    // Most recently joined first.
    expect(f?.addedAfterBaseline).toEqual(['ACME-6', 'ACME-3', 'ACME-2']);
  });

  it('the start day is a day in the project zone', () => {
    // ACME-5 joined 2026-03-02T17:00Z = 03-03 01:00 in Shanghai: after the baseline there.
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', startDate: '2026-03-02', releaseDate: '2026-05-01' })],
      issues: scenario(),
    });
    const [f] = forecastMilestones(data, settingsWith({ timeZone: 'Asia/Shanghai' }), NOW);
    expect(f?.baselineCount).toBe(2);
    expect(f?.addedAfterBaseline).toContain('ACME-5');
  });

  it('without a start date, the baseline is the first day any issue joined', () => {
    const data = aProject({ milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })], issues: scenario() });
    const [f] = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    // First join: 02-20 (ACME-1 and ACME-6 at creation). At the end of 02-20: ACME-1, ACME-6.
    expect(f?.baselineCount).toBe(2);
    expect(f?.addedAfterBaseline).toEqual(['ACME-3', 'ACME-2', 'ACME-5']);
  });

  it('a milestone nobody ever joined has an empty baseline', () => {
    const data = aProject({ milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })], issues: [] });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, NOW)[0]).toMatchObject({ baselineCount: 0, addedAfterBaseline: [] });
  });
});

describe('one team: milestones forecast in target order', () => {
  // 2 completions a week for 6 weeks: every simulated week completes 2, so dates are exact.
  const steady = () => completions([2, 2, 2, 2, 2, 2]);

  it('a later milestone waits for the work of the earlier ones', () => {
    const data = aProject({
      milestones: [
        aMilestone({ id: 'm2', name: 'R2', releaseDate: '2026-04-30' }),
        aMilestone({ id: 'm1', name: 'R1', releaseDate: '2026-04-10' }),
        aMilestone({ id: 'm3', name: 'Backlog', releaseDate: null }),
      ],
      issues: [...steady(), ...milestoneIssues('m1', 6), ...milestoneIssues('m2', 4, 2), ...milestoneIssues('m3', 2)],
    });
    const forecasts = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    // R1: 6 left → 3 weeks → 04-10. R2: 6 + 4 → 5 weeks → 04-24. Backlog: 12 → 6 weeks → 05-01.
    expect(forecasts.map((f) => [f.name, f.forecastDate, f.forecast?.p50, f.forecast?.remaining, f.forecast?.remainingAhead])).toEqual([
      ['R1', '2026-04-10', '2026-04-10', 6, 0],
      ['R2', '2026-04-24', '2026-04-24', 4, 6],
      ['Backlog', '2026-05-01', '2026-05-01', 2, 10],
    ]);
    expect(forecasts[1]).toMatchObject({ slipDays: -6, rag: 'green' });
    expect(forecasts[0]?.forecast).toMatchObject({
      method: 'monte-carlo',
      outcome: 'forecast',
      unit: 'issues',
      weeklySamples: [2, 2, 2, 2, 2, 2],
      historyWeeks: 6,
      minHistoryWeeks: 3,
      trials: 5000,
    });
  });

  it('an issue in two milestones is work once, in the earlier', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-04-10' }), aMilestone({ id: 'm2', releaseDate: '2026-04-30' })],
      issues: [...steady(), ...Array.from({ length: 4 }, () => anIssue({ fixVersions: ['m1', 'm2'] })), ...milestoneIssues('m2', 2)],
    });
    const [m1, m2] = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    expect(m1?.forecast).toMatchObject({ remaining: 4, remainingAhead: 0, p85: '2026-04-03' });
    expect(m2?.forecast).toMatchObject({ remaining: 6, remainingAhead: 0, p85: '2026-04-10' });
  });

  it('a milestone with nothing left is forecast today, even behind unfinished ones', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-04-10' }), aMilestone({ id: 'm2', releaseDate: '2026-04-30' })],
      issues: [...steady(), ...milestoneIssues('m1', 6), ...milestoneIssues('m2', 0, 3)],
    });
    expect(forecastMilestones(data, DEFAULT_SETTINGS, NOW)[1]?.forecast).toMatchObject({
      outcome: 'complete',
      p50: '2026-03-20',
      p85: '2026-03-20',
    });
  });

  it('spreads the 50th and 85th percentiles over uneven weeks, the same on every run', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })],
      issues: [...completions([0, 5, 1, 4, 0, 6]), ...milestoneIssues('m1', 20)],
    });
    const [a] = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    const [b] = forecastMilestones(data, DEFAULT_SETTINGS, NOW);
    expect(a).toEqual(b);
    const p50 = a?.forecast?.p50 ?? '';
    const p85 = a?.forecast?.p85 ?? '';
    // Mean 8/3 a week: 20 issues take some 7.5 weeks, the 85th percentile later than the 50th.
    expect(p50 > '2026-05-01' && p50 < '2026-05-31').toBe(true);
    expect(p85 > p50).toBe(true);
    expect(a?.forecastDate).toBe(p85);
    expect(a?.forecast?.weeklySamples).toEqual([6, 0, 4, 1, 5, 0]); // oldest week first
  });
});

describe('too little history', () => {
  const young = (createdDaysAgo: number, done: number) =>
    aProject({
      milestones: [aMilestone({ id: 'm1', releaseDate: '2026-05-01' })],
      issues: [
        ...Array.from({ length: done }, () => aDoneIssue(NOW - DAY_MS, { created: NOW - createdDaysAgo * DAY_MS })),
        ...Array.from({ length: 3 }, () => anIssue({ fixVersions: ['m1'], created: NOW - createdDaysAgo * DAY_MS })),
      ],
    });

  // The creation day counts: created 20 days ago is 21 days, 3 whole weeks.
  it.each([
    {
      name: '13 days of history: 1 whole week, grey',
      days: 12,
      done: 4,
      weeks: 6,
      expected: { rag: 'grey', outcome: 'shortHistory', historyWeeks: 1 },
    },
    { name: '20 days: 2 weeks, grey', days: 19, done: 4, weeks: 6, expected: { rag: 'grey', outcome: 'shortHistory', historyWeeks: 2 } },
    { name: '21 days: 3 weeks, forecast', days: 20, done: 4, weeks: 6, expected: { rag: 'green', outcome: 'forecast', historyWeeks: 3 } },
    {
      name: '3 weeks with nothing done: red',
      days: 20,
      done: 0,
      weeks: 6,
      expected: { rag: 'red', outcome: 'noThroughput', historyWeeks: 3 },
    },
    {
      name: 'a 2-week window needs 2 weeks',
      days: 13,
      done: 4,
      weeks: 2,
      expected: { rag: 'green', outcome: 'forecast', historyWeeks: 2 },
    },
  ])('$name', ({ days, done, weeks, expected }) => {
    const [f] = forecastMilestones(young(days, done), settingsWith({ thresholds: { throughputWeeks: weeks } }), NOW);
    expect({ rag: f?.rag, outcome: f?.forecast?.outcome, historyWeeks: f?.forecast?.historyWeeks }).toEqual(expected);
    if (expected.outcome !== 'forecast') expect(f).toMatchObject({ forecastDate: null, slipDays: null });
  });
});

describe('forecasts are monotonic in target order (property)', () => {
  const day = fc.integer({ min: 0, max: 200 }).map((n) => calendarDayOfNumber(dayNumberOf(NOW, 'UTC') - 30 + n));
  const project = fc
    .record({
      milestones: fc.array(fc.record({ date: fc.option(day, { nil: null }), released: fc.boolean() }), { minLength: 1, maxLength: 6 }),
      open: fc.array(
        fc.record({ versions: fc.array(fc.nat(5), { maxLength: 2 }), points: fc.option(fc.integer({ min: 0, max: 13 }), { nil: null }) }),
        {
          maxLength: 60,
        },
      ),
      weekly: fc.array(fc.nat(6), { minLength: 6, maxLength: 6 }),
      createdWeeksAgo: fc.integer({ min: 1, max: 12 }),
    })
    .map(({ milestones, open, weekly, createdWeeksAgo }) =>
      aProject({
        milestones: milestones.map((m, i) =>
          aMilestone({ id: `m${i}`, name: `R${i}`, releaseDate: m.date, released: m.released && m.date !== null }),
        ),
        issues: [
          ...completions(weekly, 3).map((issue) => ({ ...issue, created: NOW - createdWeeksAgo * 7 * DAY_MS })),
          ...open.map((o) =>
            anIssue({
              fixVersions: [...new Set(o.versions.filter((v) => v < milestones.length).map((v) => `m${v}`))],
              storyPoints: o.points,
              created: NOW - createdWeeksAgo * 7 * DAY_MS,
            }),
          ),
        ],
      }),
    );

  it('among unreleased milestones with work left, neither percentile moves earlier', () => {
    fc.assert(
      fc.property(project, (data) => {
        const chain = forecastMilestones(data, DEFAULT_SETTINGS, NOW).filter((f) => !f.released && f.remaining > 0);
        const rank = (d: string | null | undefined): string => d ?? '9999-99-99'; // no date: never
        for (let i = 1; i < chain.length; i++) {
          const [before, after] = [chain[i - 1]?.forecast, chain[i]?.forecast];
          expect(rank(after?.p85) >= rank(before?.p85)).toBe(true);
          expect(rank(after?.p50) >= rank(before?.p50)).toBe(true);
          expect(rank(after?.p85) >= rank(after?.p50)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
