import { describe, expect, it } from 'vitest';
import {
  ENGAGEMENT_PHASES,
  EMPTY_ENGAGEMENT,
  engagementSchema,
  type EngagementPhase,
  type QualityStandardJson,
  type SupportTargetsJson,
} from '../../contract/engagement';
import {
  assessSupportTimes,
  canChangePhase,
  checkAcceptance,
  checkStandard,
  costPerformance,
  kickOffChecklist,
  percentComplete,
  summarizeSupportTimes,
} from './engagement';
import { aDoneIssue, anInProgressIssue, anIssue, at } from './testing/builders';

const HOUR = 3_600_000;

describe('phase transitions', () => {
  const allowed: [EngagementPhase, EngagementPhase][] = [
    ['kick-off', 'delivery'],
    ['delivery', 'acceptance'],
    ['acceptance', 'delivery'],
    ['acceptance', 'support'],
    ['acceptance', 'closed'],
    ['support', 'closed'],
  ];
  it.each(ENGAGEMENT_PHASES.flatMap((from) => ENGAGEMENT_PHASES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canChangePhase(from, to)).toBe(allowed.some(([f, t]) => f === from && t === to));
  });
});

describe('kick-off checklist', () => {
  const none = { stakeholders: 0, touchpointSeries: 0, kpisAgreedAt: null, shareLinks: 0, publishedReports: 0 };
  it.each([
    [none, [false, false, false, false]],
    [{ ...none, stakeholders: 2 }, [false, false, false, false]],
    [{ ...none, stakeholders: 2, touchpointSeries: 1 }, [true, false, false, false]],
    [{ ...none, kpisAgreedAt: '2026-11-02T10:00:00.000Z' }, [false, true, false, false]],
    [
      { stakeholders: 1, touchpointSeries: 1, kpisAgreedAt: '2026-11-02T10:00:00.000Z', shareLinks: 1, publishedReports: 3 },
      [true, true, true, true],
    ],
  ])('%o', (facts, done) => {
    const list = kickOffChecklist(facts);
    expect(list.map((i) => i.item)).toEqual(['comms-plan-agreed', 'kpis-agreed', 'share-link-sent', 'first-report-published']);
    expect(list.map((i) => i.done)).toEqual(done);
  });
});

describe('cost performance', () => {
  const done = (hours: number, spent: number) =>
    aDoneIssue(at('2026-11-01T10:00:00Z'), { timeOriginal: hours * 3600, timeSpent: spent * 3600 });
  const open = (hours: number, spent: number | null) =>
    anIssue({ timeOriginal: hours * 3600, timeSpent: spent === null ? null : spent * 3600 });

  it.each([
    // budget, issues, index, rag
    ['half done, 10 h spent: well under budget', 100, [done(10, 10), open(10, null)], 5, 'green'],
    ['half done, half spent', 100, [done(10, 50), open(10, null)], 1, 'green'],
    ['half done, 55 h spent', 100, [done(10, 55), open(10, null)], 50 / 55, 'amber'],
    ['half done, 70 h spent', 100, [done(10, 70), open(10, null)], 50 / 70, 'red'],
    ['ahead', 100, [done(30, 40), open(10, null)], 75 / 40, 'green'],
  ] as const)('%s', (_name, hours, issues, index, rag) => {
    const result = costPerformance({ hours, money: null }, issues);
    expect(result?.index).toBeCloseTo(index, 6);
    expect(result?.rag).toBe(rag);
  });

  it('is null without an hours budget, without logged work, or with nothing spent', () => {
    expect(costPerformance({ hours: null, money: { amount: 5000, currency: 'EUR' } }, [done(1, 1)])).toBeNull();
    expect(costPerformance({ hours: 0, money: null }, [done(1, 1)])).toBeNull();
    expect(costPerformance({ hours: 100, money: null }, [open(5, null)])).toBeNull();
    expect(costPerformance({ hours: 100, money: null }, [open(5, 0)])).toBeNull();
    expect(costPerformance({ hours: 100, money: null }, [])).toBeNull();
  });

  it('counts issues when some have no estimate, and leaves subtasks out of progress', () => {
    const issues = [
      aDoneIssue(at('2026-11-01T10:00:00Z'), { timeOriginal: 3600 }),
      anIssue({ timeOriginal: null }),
      anIssue({ type: { subtask: true }, status: { category: 'done', name: 'Done' } }),
    ];
    expect(percentComplete(issues)).toBe(0.5);
    expect(percentComplete([aDoneIssue(at('2026-11-01T10:00:00Z'), { timeOriginal: 3 * 3600 }), anIssue({ timeOriginal: 3600 })])).toBe(
      0.75,
    );
  });
});

describe('quality standards and acceptance', () => {
  const std = (standard: QualityStandardJson) => standard;
  const bug = (priority: string, overrides: Parameters<typeof anIssue>[0] = {}) =>
    anIssue({ type: { name: 'Bug' }, priority: { name: priority, rank: 1 }, ...overrides });

  it.each([
    ['no open Highest bug', std({ id: 's1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }), [bug('High')], true],
    [
      'an open Highest bug',
      std({ id: 's1', kind: 'no-open-bugs-at-priority', priorities: ['highest '] }),
      [bug('Highest', { key: 'ACME-9' })],
      false,
    ],
    [
      'a done Highest bug',
      std({ id: 's1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }),
      [bug('Highest', { status: { category: 'done', name: 'Done' } })],
      true,
    ],
    [
      'a Highest story',
      std({ id: 's1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }),
      [anIssue({ priority: { name: 'Highest', rank: 1 } })],
      true,
    ],
    ['two bugs, at most two', std({ id: 's2', kind: 'max-open-bugs', max: 2 }), [bug('Low'), bug('Low')], true],
    ['three bugs, at most two', std({ id: 's2', kind: 'max-open-bugs', max: 2 }), [bug('Low'), bug('Low'), bug('Low')], false],
    ['a written standard', std({ id: 's3', kind: 'text', text: 'Accessibility audit passed' }), [bug('Highest')], null],
  ])('%s', (_name, standard, issues, met) => {
    const check = checkStandard(standard, issues);
    expect(check.met).toBe(met);
    if (met === false) expect(check.failing.length).toBeGreaterThan(0);
    else expect(check.failing).toEqual([]);
  });

  it('names the failing bugs', () => {
    expect(
      checkStandard({ id: 's', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }, [bug('Highest', { key: 'ACME-9' })]).failing,
    ).toEqual(['ACME-9']);
  });

  it('is ready only when every issue is done and no standard fails', () => {
    const standards = [
      std({ id: 's1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] }),
      std({ id: 's3', kind: 'text', text: 'Docs handed over' }),
    ];
    const doneBug = bug('Highest', { status: { category: 'done', name: 'Done' } });
    expect(checkAcceptance([aDoneIssue(at('2026-11-01T10:00:00Z')), doneBug], standards).ready).toBe(true);
    const open = anIssue({ key: 'ACME-77' });
    const result = checkAcceptance([aDoneIssue(at('2026-11-01T10:00:00Z')), open], standards);
    expect(result).toMatchObject({ ready: false, openIssues: ['ACME-77'] });
    expect(
      checkAcceptance([bug('Highest', { status: { category: 'indeterminate', name: 'In Progress' } })], standards).standards[0]?.met,
    ).toBe(false);
  });
});

describe('support times', () => {
  const targets: SupportTargetsJson = {
    responseHours: 8,
    resolutionHours: 72,
    clientLabel: 'client-reported',
    clientIssueTypeIds: ['10050'],
  };
  const created = at('2026-11-02T09:00:00Z');
  const now = created + 100 * HOUR;
  const reported = { created, labels: ['client-reported'] };

  it.each([
    [
      'answered in 2 h, resolved in 1 day',
      aDoneIssue(created + 24 * HOUR, { ...reported, history: { startedAt: created + 2 * HOUR } }),
      'met',
      'met',
    ],
    [
      'answered in 10 h, resolved in 4 days',
      aDoneIssue(created + 96 * HOUR, { ...reported, history: { startedAt: created + 10 * HOUR } }),
      'breached',
      'breached',
    ],
    ['resolved at once, never started', aDoneIssue(created + 3 * HOUR, { ...reported, history: { startedAt: null } }), 'met', 'met'],
    ['started in 1 h, still open after 100 h', anInProgressIssue(created + HOUR, reported), 'met', 'overdue'],
    ['untouched for 100 h', anIssue(reported), 'overdue', 'overdue'],
  ])('%s', (_name, issue, response, resolution) => {
    expect(assessSupportTimes([issue], targets, now)).toEqual([{ key: issue.key, response, resolution }]);
  });

  it('runs the clocks before the targets pass', () => {
    expect(assessSupportTimes([anIssue(reported)], targets, created + 4 * HOUR)).toMatchObject([
      { response: 'running', resolution: 'running' },
    ]);
  });

  it('takes only client-reported issues (by label or type) and counts them', () => {
    const times = assessSupportTimes([anIssue(reported), anIssue({ created }), anIssue({ created, type: { id: '10050' } })], targets, now);
    expect(times).toHaveLength(2);
    expect(summarizeSupportTimes(times)).toEqual({
      response: { met: 0, breached: 0, running: 0, overdue: 2 },
      resolution: { met: 0, breached: 0, running: 0, overdue: 2 },
    });
  });
});

describe('engagement schema', () => {
  it('takes the empty engagement and refuses a bad one', () => {
    expect(engagementSchema.safeParse(EMPTY_ENGAGEMENT).success).toBe(true);
    expect(engagementSchema.safeParse({ ...EMPTY_ENGAGEMENT, phase: 'done' }).success).toBe(false);
    expect(engagementSchema.safeParse({ ...EMPTY_ENGAGEMENT, budget: { hours: -1, money: null } }).success).toBe(false);
    expect(engagementSchema.safeParse({ ...EMPTY_ENGAGEMENT, extra: 1 }).success).toBe(false);
    expect(
      engagementSchema.safeParse({ ...EMPTY_ENGAGEMENT, qualityStandards: [{ id: 'a', kind: 'no-open-bugs-at-priority', priorities: [] }] })
        .success,
    ).toBe(false);
  });
});
