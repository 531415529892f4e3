import { describe, expect, it } from 'vitest';
import { assessHealth, deriveOverall, deriveSustained } from './assess-health';
import type { MeasureId, Rag } from './health-types';
import type { Issue } from './issue';
import type { ProjectData } from './project-data';
import { DEFAULT_SETTINGS, DIMENSIONS, type Dimension, type ProjectSettings } from './settings';
import { aDoneIssue, aMilestone, anInProgressIssue, anIssue, aProject, at, DAY_MS, settingsWith } from './testing/builders';

// Friday 2026-03-20, noon UTC.
const NOW = at('2026-03-20T12:00:00Z');
const HOUR_S = 3600;

function measureOf(data: ProjectData, id: MeasureId, settings: ProjectSettings = DEFAULT_SETTINGS) {
  const health = assessHealth(data, settings, NOW);
  for (const d of Object.values(health.dimensions)) {
    const m = d.measures.find((x) => x.id === id);
    if (m !== undefined) return m;
  }
  throw new Error(`no measure ${id}`);
}

const times = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));

describe('schedule: next milestone slip', () => {
  // 2 completions a week; 6 open issues → forecast 2026-04-10.
  const project = (target: string | null): ProjectData =>
    aProject({
      milestones: [
        aMilestone({ id: 'm1', name: 'R1', releaseDate: target }),
        aMilestone({ id: 'm2', name: 'R2', releaseDate: '2026-12-01' }),
      ],
      issues: [
        ...times(12, (i) => aDoneIssue(NOW - (Math.floor(i / 2) * 7 + 1) * DAY_MS)),
        ...times(6, (i) => anIssue({ key: `ACME-${100 + i}`, fixVersions: ['m1'], priority: { name: 'P', rank: 5 - i } })),
      ],
    });

  it.each([
    { target: '2026-04-10', value: 0, rag: 'green' },
    { target: '2026-04-05', value: 5, rag: 'amber' },
    { target: '2026-04-04', value: 6, rag: 'red' },
    { target: '2026-03-19', value: 22, rag: 'red' },
  ])('target $target → $value days, $rag', ({ target, value, rag }) => {
    const m = measureOf(project(target), 'slipDays');
    expect(m).toMatchObject({ value, rag });
    // Evidence: the milestone's open issues, highest priority first.
    expect(m.evidence.slice(0, 2)).toEqual(['ACME-105', 'ACME-104']);
  });

  it('reports overdue with its own reason', () => {
    expect(measureOf(project('2026-03-19'), 'slipDays').why).toMatchObject({ code: 'slipOverdue', params: { daysOverdue: 1 } });
  });

  it('the next milestone is the earliest dated unreleased one', () => {
    expect(assessHealth(project('2026-04-10'), DEFAULT_SETTINGS, NOW).nextMilestoneId).toBe('m1');
    expect(assessHealth(project(null), DEFAULT_SETTINGS, NOW).nextMilestoneId).toBe('m2');
  });

  it('no dated milestone → grey', () => {
    expect(measureOf(aProject({ milestones: [aMilestone({ releaseDate: null })] }), 'slipDays')).toMatchObject({
      rag: 'grey',
      value: null,
    });
  });
});

describe('schedule: overdue share', () => {
  const project = (overdue: number, dated: number): ProjectData =>
    aProject({
      issues: [
        ...times(overdue, () => anIssue({ due: '2026-03-19' })),
        ...times(dated - overdue, () => anIssue({ due: '2026-03-20' })), // due today: not overdue
        anIssue({ due: null }),
        aDoneIssue(NOW, { due: '2026-03-01' }), // done: not counted
      ],
    });

  it.each([
    { overdue: 0, dated: 20, rag: 'green' },
    { overdue: 1, dated: 21, rag: 'green' }, // 4.8 %
    { overdue: 1, dated: 20, rag: 'amber' }, // exactly 5 %
    { overdue: 2, dated: 20, rag: 'amber' },
    { overdue: 3, dated: 20, rag: 'red' }, // exactly 15 %
  ])('$overdue of $dated → $rag', ({ overdue, dated, rag }) => {
    expect(measureOf(project(overdue, dated), 'overdueShare')).toMatchObject({ value: overdue / dated, rag });
  });

  it('no open issue with a due date → grey, never green', () => {
    expect(measureOf(aProject({ issues: [anIssue()] }), 'overdueShare')).toMatchObject({ rag: 'grey', value: null });
  });

  it('evidence: most overdue first', () => {
    const data = aProject({
      issues: [
        anIssue({ key: 'ACME-1', due: '2026-03-19' }),
        anIssue({ key: 'ACME-2', due: '2026-03-01' }),
        anIssue({ key: 'ACME-3', due: '2026-03-30' }),
      ],
    });
    expect(measureOf(data, 'overdueShare').evidence).toEqual(['ACME-2', 'ACME-1']);
  });

  it('a due date is a calendar day in the project zone: 17:00Z the day before is "today" in Shanghai', () => {
    const now = at('2026-03-19T17:00:00Z');
    const data = aProject({ issues: [anIssue({ due: '2026-03-19' }), anIssue({ due: '2026-03-20' })] });
    const share = (zone: string) =>
      assessHealth(data, settingsWith({ timeZone: zone }), now).dimensions.schedule.measures.find((m) => m.id === 'overdueShare')?.value;
    expect(share('UTC')).toBe(0);
    expect(share('Asia/Shanghai')).toBe(0.5);
  });

  it('resolution/category disagreement: a resolved issue in a new status is done, not overdue', () => {
    const data = aProject({ issues: [anIssue({ due: '2026-03-01', resolution: 'Fixed' }), anIssue({ due: '2026-03-01' })] });
    expect(measureOf(data, 'overdueShare')).toMatchObject({ value: 1, rag: 'red' });
    expect(measureOf(data, 'overdueShare').why.params).toMatchObject({ dated: 1 });
  });

  it('subtasks do not count in health', () => {
    const data = aProject({ issues: [anIssue({ due: '2026-03-01', type: { subtask: true } }), anIssue({ due: '2026-03-30' })] });
    expect(measureOf(data, 'overdueShare').value).toBe(0);
  });
});

describe('scope: creep of the next milestone', () => {
  const project = (added: number, baseline = 10): ProjectData =>
    aProject({
      milestones: [aMilestone({ id: 'm1', startDate: '2026-03-01', releaseDate: '2026-05-01' })],
      issues: [
        ...times(baseline, () => anIssue({ created: at('2026-02-20T00:00:00Z'), fixVersions: ['m1'] })),
        ...times(added, () => anIssue({ created: at('2026-03-05T00:00:00Z'), fixVersions: ['m1'] })),
      ],
    });

  it.each([
    { added: 0, rag: 'green' },
    { added: 1, rag: 'green' }, // exactly 10 %
    { added: 2, rag: 'amber' }, // exactly 20 %
    { added: 3, rag: 'red' },
  ])('$added added to a baseline of 10 → $rag', ({ added, rag }) => {
    const m = measureOf(project(added), 'scopeCreep');
    expect(m).toMatchObject({ value: added / 10, rag });
    expect(m.evidence).toHaveLength(added);
  });

  it('no baseline → grey', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', startDate: '2026-03-01', releaseDate: '2026-05-01' })],
      issues: [anIssue({ fixVersions: ['m1'], created: at('2026-03-05T00:00:00Z') })],
    });
    expect(measureOf(data, 'scopeCreep')).toMatchObject({ rag: 'grey', value: null, why: { code: 'creepNoBaseline' } });
  });

  it.each([
    { baseline: 1, minBaseline: 5, rag: 'grey', value: null },
    { baseline: 4, minBaseline: 5, rag: 'grey', value: null },
    { baseline: 5, minBaseline: 5, rag: 'red', value: 0.4 },
    { baseline: 1, minBaseline: 1, rag: 'red', value: 2 },
  ])('a baseline of $baseline with a minimum of $minBaseline → $rag', ({ baseline, minBaseline, rag, value }) => {
    const m = measureOf(project(2, baseline), 'scopeCreep', settingsWith({ thresholds: { creepMinBaseline: minBaseline } }));
    expect(m).toMatchObject({ rag, value });
    // Grey or not, the added issues are the evidence.
    expect(m.evidence).toHaveLength(2);
    if (rag === 'grey') expect(m.why).toEqual({ code: 'creepSmallBaseline', params: { milestone: 'Release 1', baseline, minBaseline } });
  });

  it('no next milestone → grey', () => {
    expect(measureOf(aProject(), 'scopeCreep')).toMatchObject({ rag: 'grey', why: { code: 'creepNoMilestone' } });
  });
});

describe('quality: open bugs in the top two priority ranks', () => {
  const bug = (rank: number, overrides: Partial<Issue> = {}) =>
    anIssue({ type: { name: 'Bug' }, priority: { name: `P${rank}`, rank }, ...overrides });

  it.each([
    { bugs: 0, rag: 'green' },
    { bugs: 1, rag: 'amber' },
    { bugs: 2, rag: 'amber' },
    { bugs: 3, rag: 'red' },
  ])('$bugs top bugs → $rag', ({ bugs, rag }) => {
    const data = aProject({ issues: [...times(bugs, (i) => bug(i % 2)), bug(2), anIssue()] });
    expect(measureOf(data, 'topPriorityBugs')).toMatchObject({ value: bugs, rag });
  });

  it('counts localized bug types, ignores done ones and lower ranks', () => {
    const data = aProject({
      issues: [
        anIssue({
          key: 'ACME-1',
          type: { name: '缺陷' },
          priority: { name: '最高', rank: 0 },
          status: { name: '处理中', category: 'indeterminate' },
        }),
        bug(1, { key: 'ACME-2', status: { name: '已完成', category: 'done' } }),
        bug(1, { key: 'ACME-3', resolution: 'Fixed' }),
        bug(2, { key: 'ACME-4' }),
      ],
    });
    expect(measureOf(data, 'topPriorityBugs')).toMatchObject({ value: 1, evidence: ['ACME-1'] });
  });

  it('no issue with a priority → grey', () => {
    expect(measureOf(aProject({ issues: [anIssue({ priority: null })] }), 'topPriorityBugs').rag).toBe('grey');
    expect(measureOf(aProject(), 'topPriorityBugs').rag).toBe('grey');
  });
});

describe('quality: reopen rate over the last 30 days', () => {
  const reopenedAt = (iso: string): Issue =>
    anInProgressIssue(at('2026-02-01T00:00:00Z'), {
      history: { reopenCount: 1, transitions: [{ at: at(iso), from: 'done', to: 'indeterminate' }] },
    });
  const project = (reopened: number, completed: number): ProjectData =>
    aProject({
      issues: [
        ...times(completed, () => aDoneIssue(NOW - 3 * DAY_MS)),
        ...times(reopened, () => reopenedAt('2026-03-18T10:00:00Z')),
        aDoneIssue(NOW - 40 * DAY_MS), // outside the window
        reopenedAt('2026-02-01T10:00:00Z'), // reopened outside the window
      ],
    });

  it.each([
    { reopened: 0, completed: 20, rag: 'green' },
    { reopened: 1, completed: 21, rag: 'green' },
    { reopened: 1, completed: 20, rag: 'amber' }, // exactly 5 %
    { reopened: 2, completed: 20, rag: 'amber' },
    { reopened: 3, completed: 20, rag: 'red' }, // exactly 15 %
  ])('$reopened reopened / $completed completed → $rag', ({ reopened, completed, rag }) => {
    expect(measureOf(project(reopened, completed), 'reopenRate')).toMatchObject({ value: reopened / completed, rag });
  });

  it('window edge: the 30 calendar days ending today (02-19 .. 03-20)', () => {
    const data = aProject({
      issues: [aDoneIssue(at('2026-02-18T23:59:00Z')), aDoneIssue(at('2026-02-19T00:00:00Z'))],
    });
    expect(measureOf(data, 'reopenRate').why.params).toMatchObject({ completed: 1 });
  });

  it('nothing completed → grey', () => {
    expect(measureOf(project(1, 0), 'reopenRate')).toMatchObject({ rag: 'grey', value: null });
  });
});

describe('cost: effort variance', () => {
  /** 10 issues; `estimated` of them estimated at 100 h with `overrun` share spent beyond it. */
  const project = (estimated: number, overrun: number): ProjectData =>
    aProject({
      issues: times(10, (i) =>
        i < estimated
          ? anIssue({ timeOriginal: 100 * HOUR_S, timeSpent: Math.round(100 * (1 + overrun) * HOUR_S), timeRemaining: 0 })
          : anIssue(),
      ),
    });

  it.each([
    { overrun: -0.2, rag: 'green' },
    { overrun: 0.1, rag: 'green' },
    { overrun: 0.11, rag: 'amber' },
    { overrun: 0.25, rag: 'amber' },
    { overrun: 0.26, rag: 'red' },
  ])('variance $overrun → $rag', ({ overrun, rag }) => {
    const m = measureOf(project(5, overrun), 'effortVariance');
    expect(m.rag).toBe(rag);
    expect(m.value).toBeCloseTo(overrun, 10);
  });

  it.each([
    { estimated: 5, rag: 'green' }, // exactly 50 % coverage: enough
    { estimated: 4, rag: 'grey' },
    { estimated: 0, rag: 'grey' },
  ])('coverage $estimated/10 → $rag', ({ estimated, rag }) => {
    expect(measureOf(project(estimated, 0), 'effortVariance').rag).toBe(rag);
  });

  it('counts remaining on open issues only', () => {
    const data = aProject({
      issues: [
        anIssue({ key: 'ACME-1', timeOriginal: 10 * HOUR_S, timeSpent: 6 * HOUR_S, timeRemaining: 8 * HOUR_S }),
        aDoneIssue(NOW, { key: 'ACME-2', timeOriginal: 10 * HOUR_S, timeSpent: 10 * HOUR_S, timeRemaining: 5 * HOUR_S }),
      ],
    });
    const m = measureOf(data, 'effortVariance');
    expect(m.value).toBeCloseTo(0.2, 10);
    expect(m.evidence).toEqual(['ACME-1']);
  });
});

describe('cost: cost performance against the engagement budget', () => {
  /**
   * 10 issues estimated at 10 h each, the first `done` of them done; `spentHours` logged in all,
   * on the last issue (open).
   */
  const project = (budgetHours: number | null, done: number, spentHours: number | null): ProjectData =>
    aProject({
      engagement: { phase: 'delivery', budget: { hours: budgetHours, money: null }, support: null },
      issues: times(10, (i) => {
        const base = { key: `ACME-${String(i + 1)}`, timeOriginal: 10 * HOUR_S, timeRemaining: 0 };
        const timeSpent = spentHours === null ? null : i === 9 ? spentHours * HOUR_S : 0;
        return i < done ? aDoneIssue(NOW - DAY_MS, { ...base, timeSpent }) : anIssue({ ...base, timeSpent });
      }),
    });

  // 50 % complete of a 100 h budget earns 50 h: index = 50 / spent.
  it.each([
    { spent: 50, index: 1, rag: 'green' },
    { spent: 50 / 0.95, index: 0.95, rag: 'green' }, // exactly the green edge
    { spent: 50 / 0.9499, index: 0.9499, rag: 'amber' },
    { spent: 50 / 0.85, index: 0.85, rag: 'amber' }, // exactly the amber edge
    { spent: 50 / 0.8499, index: 0.8499, rag: 'red' },
    { spent: 25, index: 2, rag: 'green' },
  ])('spent $spent h for 50 h earned → $index, $rag', ({ spent, index, rag }) => {
    const m = measureOf(project(100, 5, spent), 'costPerformance');
    expect(m.rag).toBe(rag);
    expect(m.value).toBeCloseTo(index, 10);
    expect(m.why).toMatchObject({ code: 'costPerformance', params: { percentComplete: 0.5, earnedHours: 50, budgetHours: 100 } });
  });

  it.each([
    { budget: null, spent: 10, code: 'costNoBudget' },
    { budget: 0, spent: 10, code: 'costNoBudget' },
    { budget: 100, spent: null, code: 'costNoTimeLogged' },
    { budget: 100, spent: 0, code: 'costNoTimeLogged' },
  ])('budget $budget, spent $spent → grey ($code)', ({ budget, spent, code }) => {
    expect(measureOf(project(budget, 5, spent), 'costPerformance')).toMatchObject({ value: null, rag: 'grey', why: { code } });
  });

  it('without an engagement the measure is grey and the dimension is effort variance alone', () => {
    const data = aProject({ issues: [anIssue({ timeOriginal: 10 * HOUR_S, timeSpent: 5 * HOUR_S, timeRemaining: 5 * HOUR_S })] });
    expect(measureOf(data, 'costPerformance')).toMatchObject({ rag: 'grey', why: { code: 'costNoBudget' } });
    expect(assessHealth(data, DEFAULT_SETTINGS, NOW).dimensions.cost).toMatchObject({ rag: 'green', why: { code: 'effortVariance' } });
  });

  it("the cost dimension takes the worse of effort variance and cost performance, with that measure's evidence", () => {
    // Effort variance green (spent = estimate), but 10 % complete for 60 h of a 100 h budget: red.
    const data = project(100, 1, 60);
    expect(measureOf(data, 'effortVariance').rag).toBe('green');
    const cost = assessHealth(data, DEFAULT_SETTINGS, NOW).dimensions.cost;
    expect(cost).toMatchObject({ rag: 'red', why: { code: 'costPerformance' } });
    // The open issue the hours were logged on.
    expect(cost.evidence).toEqual(['ACME-10']);
    expect(cost.evidenceJql).toBeNull();
    expect(cost.measures.map((m) => m.id)).toEqual(['effortVariance', 'costPerformance']);
  });
});

describe('satisfaction: CSAT', () => {
  const project = (ratings: number[], overdueComplaints = 0, daysAgo = 10): ProjectData =>
    aProject({ satisfaction: { ratings: ratings.map((rating) => ({ at: NOW - daysAgo * DAY_MS, rating })), overdueComplaints } });

  it.each([
    { ratings: [4, 4], rag: 'green' },
    { ratings: [5, 3], rag: 'green' },
    { ratings: [4, 3], rag: 'amber' }, // exactly 3.5
    { ratings: [3, 4, 3, 4, 3], rag: 'red' }, // 3.4
    { ratings: [], rag: 'grey' },
  ])('$ratings → $rag', ({ ratings, rag }) => {
    expect(measureOf(project(ratings), 'csat').rag).toBe(rag);
  });

  it('ratings older than 90 days are ignored', () => {
    expect(measureOf(project([5], 0, 95), 'csat').rag).toBe('grey');
  });

  it('any overdue complaint follow-up is red, even with good ratings or none', () => {
    expect(measureOf(project([5, 5], 1), 'csat')).toMatchObject({ rag: 'red', value: 5, why: { code: 'csatOverdueComplaints' } });
    expect(measureOf(project([], 2), 'csat').rag).toBe('red');
  });
});

describe('communication: touchpoints late beyond grace', () => {
  const tp = (dueDaysAgo: number, graceDays: number, done = false) => ({
    title: 'Weekly call',
    dueAt: NOW - dueDaysAgo * DAY_MS,
    graceDays,
    doneAt: done ? NOW : null,
  });

  it.each([
    { name: 'none planned', touchpoints: [], rag: 'grey', value: null },
    { name: 'not due yet', touchpoints: [tp(-3, 1)], rag: 'green', value: 0 },
    { name: 'within grace', touchpoints: [tp(2, 2)], rag: 'green', value: 0 },
    { name: '1 day late', touchpoints: [tp(3, 2)], rag: 'amber', value: 1 },
    { name: '2 days late', touchpoints: [tp(4, 2)], rag: 'amber', value: 2 },
    { name: '3 days late', touchpoints: [tp(5, 2), tp(3, 2)], rag: 'red', value: 3 },
    { name: 'done late is no longer overdue', touchpoints: [tp(10, 0, true)], rag: 'green', value: 0 },
  ])('$name → $rag', ({ touchpoints, rag, value }) => {
    expect(measureOf(aProject({ communication: { touchpoints } }), 'commsLateDays')).toMatchObject({ rag, value });
  });
});

describe('dimensions and overall', () => {
  it('with no data every dimension is grey and overall is amber, never green', () => {
    const health = assessHealth(aProject(), DEFAULT_SETTINGS, NOW);
    for (const d of DIMENSIONS) expect(health.dimensions[d].rag).toBe('grey');
    expect(health.overall).toBe('amber');
  });

  it('disabled dimensions are grey, enabled: false, and do not count', () => {
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', startDate: '2026-03-01', releaseDate: '2026-03-20' })],
      issues: [
        aDoneIssue(NOW - DAY_MS, {
          fixVersions: ['m1'],
          due: '2026-03-20',
          priority: { name: 'High', rank: 1 },
          timeOriginal: HOUR_S,
          timeSpent: HOUR_S,
          created: at('2026-02-01T00:00:00Z'),
        }),
        anIssue({ due: '2026-03-25', timeOriginal: HOUR_S }),
      ],
    });
    // A baseline of one issue is enough here: scope must have data.
    const thresholds = { creepMinBaseline: 1 };
    const settings = settingsWith({ disabledDimensions: ['satisfaction', 'communication'], thresholds });
    const health = assessHealth(data, settings, NOW);
    expect(health.dimensions.satisfaction).toMatchObject({ enabled: false, rag: 'grey', measures: [] });
    expect(health.dimensions.communication.enabled).toBe(false);
    expect(Object.fromEntries(DIMENSIONS.map((d) => [d, health.dimensions[d].rag]))).toMatchObject({
      schedule: 'green',
      scope: 'green',
      quality: 'green',
      cost: 'green',
    });
    expect(health.overall).toBe('green');
    // Enabled, the same two are grey: two greys make amber.
    expect(assessHealth(data, settingsWith({ thresholds }), NOW).overall).toBe('amber');
  });

  it('a dimension takes the worse of its measures that have data', () => {
    const data = aProject({ issues: [anIssue({ due: '2026-03-01' })] }); // slip grey, overdue share red
    expect(assessHealth(data, DEFAULT_SETTINGS, NOW).dimensions.schedule).toMatchObject({ rag: 'red', why: { code: 'overdueShare' } });
  });

  it.each<{ rags: Rag[]; disabled?: number[]; overall: string }>([
    { rags: ['green', 'green', 'green', 'green', 'green', 'green'], overall: 'green' },
    { rags: ['green', 'green', 'green', 'green', 'green', 'grey'], overall: 'green' },
    { rags: ['green', 'green', 'green', 'green', 'grey', 'grey'], overall: 'amber' },
    { rags: ['green', 'amber', 'green', 'green', 'green', 'green'], overall: 'amber' },
    { rags: ['red', 'amber', 'grey', 'grey', 'green', 'green'], overall: 'red' },
    { rags: ['green', 'green', 'green', 'green', 'grey', 'grey'], disabled: [4, 5], overall: 'green' },
    { rags: ['green', 'green', 'green', 'green', 'red', 'grey'], disabled: [4], overall: 'green' },
    { rags: ['grey', 'grey', 'grey', 'grey', 'grey', 'grey'], disabled: [1, 2, 3, 4, 5], overall: 'amber' },
    { rags: ['grey', 'grey', 'grey', 'grey', 'grey', 'grey'], disabled: [0, 1, 2, 3, 4, 5], overall: 'amber' },
  ])('$rags (disabled $disabled) → $overall', ({ rags, disabled = [], overall }) => {
    expect(deriveOverall(rags.map((rag, i) => ({ rag, enabled: !disabled.includes(i) })))).toBe(overall);
  });

  it('marks dimensions amber or red now and in the previous report as sustained', () => {
    const current = Object.fromEntries(DIMENSIONS.map((d) => [d, { enabled: true, rag: 'amber' }])) as Record<
      Dimension,
      { enabled: boolean; rag: Rag }
    >;
    current.cost = { enabled: true, rag: 'green' };
    current.communication = { enabled: false, rag: 'grey' };
    const sustained = deriveSustained(current, { schedule: 'red', scope: 'green', cost: 'red', communication: 'red', quality: 'amber' });
    expect(sustained).toEqual({ schedule: true, scope: false, quality: true, cost: false, satisfaction: false, communication: false });
  });

  it('lists every key behind a measure (reports cap it), and a dimension shows only its deciding measure', () => {
    // 80 overdue issues, all in milestone R1 (slip grey: no history): schedule is decided by the
    // overdue share and shows its keys and its JQL, not the slip's.
    const data = aProject({
      milestones: [aMilestone({ id: 'm1', name: 'R1', releaseDate: '2026-04-01' })],
      issues: [
        ...times(80, () => anIssue({ due: '2026-03-01', created: NOW - 7 * DAY_MS })),
        ...times(3, () => anIssue({ fixVersions: ['m1'], created: NOW - 7 * DAY_MS })),
      ],
    });
    const health = assessHealth(data, DEFAULT_SETTINGS, NOW);
    const [slip, overdue] = health.dimensions.schedule.measures;
    expect(slip).toMatchObject({ rag: 'grey', why: { code: 'slipShortHistory' } });
    expect(slip?.evidence).toHaveLength(3);
    expect(overdue?.evidence).toHaveLength(80);
    expect(health.dimensions.schedule.evidence).toEqual(overdue?.evidence);
    expect(health.dimensions.schedule.evidenceJql).toBe(overdue?.evidenceJql);
  });
});

describe('evidence JQL', () => {
  it.each([
    {
      name: 'overdue: open, due before today in the project zone, subtasks left out by type',
      issues: () => [anIssue({ due: '2026-03-01' }), anIssue({ type: { name: 'Sub-task', subtask: true } })],
      id: 'overdueShare' as const,
      jql: 'project = "ACME" AND duedate < "2026-03-20" AND statusCategory != Done AND resolution = Unresolved AND issuetype not in ("Sub-task")',
    },
    {
      name: 'open top-priority bugs: the bug types and the priority names of ranks 0 and 1 seen',
      issues: () => [
        anIssue({ type: { name: 'Bug' }, priority: { name: 'Highest', rank: 0 } }),
        anIssue({ priority: { name: 'High', rank: 1 } }),
        anIssue({ priority: { name: 'Low', rank: 3 } }),
      ],
      id: 'topPriorityBugs' as const,
      jql: 'project = "ACME" AND issuetype in ("Bug") AND priority in ("High", "Highest") AND statusCategory != Done AND resolution = Unresolved',
    },
    {
      name: 'the next milestone’s open issues, by version id',
      issues: () => [anIssue({ fixVersions: ['10001'] })],
      milestones: [aMilestone({ id: '10001', releaseDate: '2026-04-01' })],
      id: 'slipDays' as const,
      jql: 'project = "ACME" AND fixVersion = 10001 AND statusCategory != Done AND resolution = Unresolved',
    },
  ])('$name', ({ issues, milestones, id, jql }) => {
    const data = aProject({ issues: issues(), ...(milestones === undefined ? {} : { milestones }) });
    expect(measureOf(data, id).evidenceJql).toBe(jql);
  });

  it.each(['reopenRate', 'scopeCreep', 'effortVariance', 'costPerformance', 'csat', 'commsLateDays'] as const)(
    '%s has no JQL: a key list',
    (id) => {
      expect(measureOf(aProject({ issues: [anIssue()] }), id).evidenceJql).toBeNull();
    },
  );

  it('quotes a project key and names with quotes and backslashes', () => {
    const data = aProject({
      project: { id: '1', key: 'A"B', name: 'x' },
      issues: [anIssue({ due: '2026-03-01', type: { name: 'Bug' }, priority: { name: 'P "0" \\ top', rank: 0 } })],
    });
    expect(measureOf(data, 'topPriorityBugs').evidenceJql).toBe(
      'project = "A\\"B" AND issuetype in ("Bug") AND priority in ("P \\"0\\" \\\\ top") AND statusCategory != Done AND resolution = Unresolved',
    );
  });
});

describe('median cycle time', () => {
  it('is the median start→completion of issues done in the throughput window (creation when never started)', () => {
    const data = aProject({
      issues: [
        aDoneIssue(NOW - DAY_MS, { history: { startedAt: NOW - 3 * DAY_MS } }), // 2 days
        aDoneIssue(NOW - DAY_MS, { history: { startedAt: NOW - 5 * DAY_MS } }), // 4 days
        aDoneIssue(NOW - DAY_MS, { created: NOW - 11 * DAY_MS, history: { startedAt: null } }), // 10 days
        aDoneIssue(NOW - 60 * DAY_MS), // outside the window
      ],
    });
    expect(assessHealth(data, DEFAULT_SETTINGS, NOW).medianCycleTimeMs).toBe(4 * DAY_MS);
    expect(assessHealth(aProject(), DEFAULT_SETTINGS, NOW).medianCycleTimeMs).toBeNull();
  });
});
