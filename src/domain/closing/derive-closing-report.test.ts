import { describe, expect, it } from 'vitest';
import type { ChangeRequestJson } from '../../../contract/changes';
import { closingReportSchema, EMPTY_RETRO, type RetroJson } from '../../../contract/closing';
import type { FeedbackEntryJson } from '../../../contract/feedback';
import {
  deriveChangeSummary,
  deriveClosingReport,
  deriveComplaintOutcomes,
  deriveLifeKpis,
  deriveMilestonesPlannedVsActual,
  deriveSatisfactionOverLife,
  toClientClosingReport,
  toComplaintOutcome,
  worseRag,
  type KpiDay,
} from './derive-closing-report';

const TZ = 'Europe/Paris';
const NOW = Date.parse('2026-11-30T12:00:00.000Z');

function aDay(day: string, schedule: 'green' | 'amber' | 'red' | 'grey' | null, value: number | null = null): KpiDay {
  const overall = schedule === 'red' ? 'red' : schedule === 'amber' ? 'amber' : 'green';
  return { day, overall, dimensions: schedule === null ? {} : { schedule: { rag: schedule, value } } };
}

function aRequest(overrides: Partial<ChangeRequestJson> = {}): ChangeRequestJson {
  return {
    id: 'cr-1',
    title: 'Add export',
    description: 'CSV export of the orders',
    internalNote: 'cheap for us',
    requester: 'Ada (client)',
    impact: { scheduleDays: 3, effortHours: 16, cost: { amount: 1200, currency: 'EUR' }, scopeNote: '' },
    linkedIssueKeys: ['ACME-7'],
    milestone: null,
    status: 'approved',
    revision: 3,
    decision: { outcome: 'approved', by: 'Ada', at: '2026-05-02T09:00:00.000Z', reason: '' },
    createdAt: '2026-04-01T09:00:00.000Z',
    updatedAt: '2026-05-02T09:00:00.000Z',
    implementedAt: null,
    ...overrides,
  };
}

function aFeedback(id: string, createdAt: string, rating: number, complaint: FeedbackEntryJson['complaint'] = null): FeedbackEntryJson {
  return { id, rating, nps: null, comment: `comment ${id}`, source: 'pm', stakeholderId: null, reference: null, createdAt, complaint };
}

describe('worse colour', () => {
  it.each([
    ['grey', 'green', 'green'],
    ['green', 'grey', 'green'],
    ['green', 'amber', 'amber'],
    ['red', 'amber', 'red'],
    ['grey', 'grey', 'grey'],
  ] as const)('%s and %s → %s', (a, b, worse) => {
    expect(worseRag(a, b)).toBe(worse);
  });
});

describe('KPIs over the project life', () => {
  it.each([
    {
      name: 'no history',
      days: [],
      first: null,
      last: null,
      worst: 'grey',
      counts: { green: 0, amber: 0, red: 0, grey: 0 },
      months: [],
    },
    {
      name: 'green to red across two months, the worst day names the month',
      days: [aDay('2026-01-30', 'green', 0), aDay('2026-01-31', 'red', 9), aDay('2026-02-01', 'amber', 3)],
      first: { day: '2026-01-30', rag: 'green', value: 0 },
      last: { day: '2026-02-01', rag: 'amber', value: 3 },
      worst: 'red',
      counts: { green: 1, amber: 1, red: 1, grey: 0 },
      months: [
        { month: '2026-01', rag: 'red', value: 9 },
        { month: '2026-02', rag: 'amber', value: 3 },
      ],
    },
    {
      name: 'a day without the dimension counts grey and is neither first nor last',
      days: [aDay('2026-03-01', null), aDay('2026-03-02', 'amber', 2), aDay('2026-03-03', null)],
      first: { day: '2026-03-02', rag: 'amber', value: 2 },
      last: { day: '2026-03-02', rag: 'amber', value: 2 },
      worst: 'amber',
      counts: { green: 0, amber: 1, red: 0, grey: 2 },
      months: [{ month: '2026-03', rag: 'amber', value: 2 }],
    },
  ])('$name', ({ days, first, last, worst, counts, months }) => {
    const kpis = deriveLifeKpis(days, true);
    const schedule = kpis.dimensions.find((d) => d.key === 'schedule');
    expect(schedule).toEqual({ key: 'schedule', first, last, worst, days: counts, months });
    expect(kpis.points).toBe(days.length);
    expect(kpis.from).toBe(days[0]?.day ?? null);
    expect(kpis.to).toBe(days.at(-1)?.day ?? null);
    expect(kpis.dimensions.map((d) => d.key)).toEqual(['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication']);
  });

  it('summarizes a thousand days into one row per month', () => {
    const days = Array.from({ length: 1000 }, (_, i) =>
      aDay(new Date(Date.UTC(2024, 0, 1) + i * 86_400_000).toISOString().slice(0, 10), i === 500 ? 'red' : 'green'),
    );
    const kpis = deriveLifeKpis(days, false);
    expect(kpis.overall.months).toHaveLength(33);
    expect(kpis.overall.days).toEqual({ green: 999, amber: 0, red: 1, grey: 0 });
    expect(kpis.overall.months.filter((m) => m.rag === 'red')).toEqual([{ month: '2025-05', rag: 'red' }]);
    expect(kpis.complete).toBe(false);
  });
});

describe('milestones planned vs actual', () => {
  const milestone = { id: '10', name: 'Beta', released: true, releaseDate: '2026-06-20', originalReleaseDate: null };
  it.each([
    { name: 'released on its only target', facts: milestone, requests: [], planned: '2026-06-20', actual: '2026-06-20', slip: 0 },
    {
      name: 'the original target a change request kept is the plan',
      facts: milestone,
      requests: [
        aRequest({
          createdAt: '2026-05-01T00:00:00.000Z',
          milestone: { id: '10', name: 'Beta', newTarget: '2026-06-25', originalTarget: '2026-06-10' },
        }),
        aRequest({
          createdAt: '2026-05-20T00:00:00.000Z',
          milestone: { id: '10', name: 'Beta', newTarget: '2026-06-30', originalTarget: '2026-06-25' },
        }),
      ],
      planned: '2026-06-10',
      actual: '2026-06-20',
      slip: 10,
    },
    {
      name: 'the first recorded target when no request moved it',
      facts: { ...milestone, originalReleaseDate: '2026-06-25' },
      requests: [],
      planned: '2026-06-25',
      actual: '2026-06-20',
      slip: -5,
    },
    {
      name: 'unreleased: no actual, no difference',
      facts: { ...milestone, released: false, releaseDate: '2026-12-01' },
      requests: [],
      planned: '2026-12-01',
      actual: null,
      slip: null,
    },
    {
      name: 'no date at all',
      facts: { ...milestone, released: true, releaseDate: null },
      requests: [],
      planned: null,
      actual: null,
      slip: null,
    },
  ])('$name', ({ facts, requests, planned, actual, slip }) => {
    const [row] = deriveMilestonesPlannedVsActual([facts], requests);
    expect(row).toEqual({ id: '10', name: 'Beta', planned, actual, released: facts.released, slipDays: slip });
  });
});

describe('change requests and their total impact', () => {
  it('sums agreed (approved and implemented) impact per currency, never across', () => {
    const summary = deriveChangeSummary(
      [
        aRequest({ id: 'a', status: 'approved' }),
        aRequest({
          id: 'b',
          status: 'implemented',
          impact: { scheduleDays: -1, effortHours: 4, cost: { amount: 100, currency: 'CNY' }, scopeNote: '' },
        }),
        aRequest({ id: 'c', status: 'rejected' }),
        aRequest({ id: 'd', status: 'proposed', decision: null }),
      ],
      true,
      TZ,
    );
    expect(summary.agreedImpact).toEqual({
      count: 2,
      scheduleDays: 2,
      effortHours: 20,
      costs: [
        { amount: 100, currency: 'CNY' },
        { amount: 1200, currency: 'EUR' },
      ],
    });
    expect(summary.byStatus.find((s) => s.status === 'rejected')?.totals.count).toBe(1);
    expect(summary.items.map((i) => i.decision?.day ?? null)).toEqual(['2026-05-02', '2026-05-02', '2026-05-02', null]);
  });
});

describe('CSAT over the project life', () => {
  it('gives monthly means from the first feedback to the closing month, gaps as null', () => {
    const csat = deriveSatisfactionOverLife(
      [
        aFeedback('1', '2026-08-03T10:00:00.000Z', 5),
        aFeedback('2', '2026-08-20T10:00:00.000Z', 3),
        aFeedback('3', '2026-10-05T10:00:00.000Z', 2),
      ],
      true,
      NOW,
      TZ,
    );
    expect(csat.months.map((m) => [m.month, m.csat, m.responses])).toEqual([
      ['2026-08', 4, 2],
      ['2026-09', null, 0],
      ['2026-10', 2, 1],
      ['2026-11', null, 0],
    ]);
    expect(csat.overall.csat).toBeCloseTo(10 / 3);
  });

  it('has no months without feedback', () => {
    expect(deriveSatisfactionOverLife([], true, NOW, TZ)).toEqual({
      overall: { responses: 0, csat: null, npsResponses: 0, nps: null },
      months: [],
      complete: true,
    });
  });
});

describe('complaint outcomes', () => {
  it.each([
    // 21:30Z on 10 May is 23:30 in Paris: still the due day. 22:30Z is the 11th there.
    { status: 'resolved', due: '2026-05-10', updatedAt: '2026-05-10T21:30:00.000Z', outcome: 'resolved-on-time', resolvedOn: '2026-05-10' },
    { status: 'resolved', due: '2026-05-10', updatedAt: '2026-05-10T22:30:00.000Z', outcome: 'resolved-late', resolvedOn: '2026-05-11' },
    { status: 'resolved', due: '2026-05-10', updatedAt: '2026-05-11T08:00:00.000Z', outcome: 'resolved-late', resolvedOn: '2026-05-11' },
    { status: 'in-progress', due: '2026-11-29', updatedAt: '2026-05-11T08:00:00.000Z', outcome: 'open-overdue', resolvedOn: null },
    { status: 'open', due: '2026-11-30', updatedAt: '2026-05-11T08:00:00.000Z', outcome: 'open', resolvedOn: null },
  ] as const)('$status due $due, updated $updatedAt → $outcome', ({ status, due, updatedAt, outcome, resolvedOn }) => {
    expect(toComplaintOutcome({ status, due, updatedAt }, '2026-11-30', TZ)).toEqual({ outcome, resolvedOn });
  });

  it('counts the outcomes of the complaints, oldest first', () => {
    const complaint = (openedAt: string, status: 'open' | 'resolved', due: string, updatedAt: string) => ({
      ownerId: null,
      due,
      status,
      resolutionNote: status === 'resolved' ? 'called the client' : '',
      jiraIssueKey: 'ACME-9',
      openedAt,
      updatedAt,
    });
    const result = deriveComplaintOutcomes(
      [
        aFeedback(
          'late',
          '2026-06-01T10:00:00.000Z',
          1,
          complaint('2026-06-01T10:00:00.000Z', 'resolved', '2026-06-08', '2026-06-12T10:00:00.000Z'),
        ),
        aFeedback('fine', '2026-05-01T10:00:00.000Z', 4),
        aFeedback(
          'early',
          '2026-04-01T10:00:00.000Z',
          2,
          complaint('2026-04-01T10:00:00.000Z', 'resolved', '2026-04-08', '2026-04-03T10:00:00.000Z'),
        ),
        aFeedback(
          'open',
          '2026-11-01T10:00:00.000Z',
          1,
          complaint('2026-11-01T10:00:00.000Z', 'open', '2026-11-08', '2026-11-01T10:00:00.000Z'),
        ),
      ],
      true,
      NOW,
      TZ,
    );
    expect(result.items.map((i) => [i.id, i.outcome])).toEqual([
      ['early', 'resolved-on-time'],
      ['late', 'resolved-late'],
      ['open', 'open-overdue'],
    ]);
    expect(result.outcomes).toEqual({ 'resolved-on-time': 1, 'resolved-late': 1, open: 0, 'open-overdue': 1 });
  });
});

describe('the two audiences', () => {
  const retro: RetroJson = {
    ...EMPTY_RETRO,
    heldOn: '2026-11-28',
    participants: [
      { id: 'p1', name: 'Pat (PM)', side: 'internal' },
      { id: 'p2', name: 'Ada', side: 'client' },
    ],
    wentWell: [{ id: 'w1', text: 'Weekly demos' }],
    toChange: [{ id: 'c1', text: 'Earlier test data' }],
    actions: [{ id: 'a1', text: 'Template for test data', owner: 'Pat', due: null, jiraIssueKey: 'ACME-99' }],
    internalNote: 'team only: the budget was tight',
  };
  const internal = deriveClosingReport({
    project: { key: 'ACME', name: 'Acme portal' },
    clientName: 'Acme',
    kpiDays: [aDay('2026-03-01', 'green', 0)],
    kpisComplete: true,
    milestones: [],
    changeRequests: [aRequest(), aRequest({ id: 'inside', status: 'assessing', decision: null, internalNote: 'not yet shown' })],
    changesComplete: true,
    feedback: [
      aFeedback('x', '2026-06-01T10:00:00.000Z', 1, {
        ownerId: null,
        due: '2026-06-08',
        status: 'resolved',
        resolutionNote: 'internal resolution words',
        jiraIssueKey: 'ACME-50',
        openedAt: '2026-06-01T10:00:00.000Z',
        updatedAt: '2026-06-02T10:00:00.000Z',
      }),
    ],
    feedbackComplete: true,
    retro,
    startDay: null,
    now: NOW,
    timeZone: TZ,
  });
  const client = toClientClosingReport(internal);

  it('the team version parses and has everything', () => {
    expect(closingReportSchema.safeParse(internal).success).toBe(true);
    expect(internal.period).toEqual({ start: '2026-03-01', end: '2026-11-30' });
    expect(JSON.stringify(internal)).toContain('ACME-99');
    expect(internal.retro.internalNote).toBe(retro.internalNote);
  });

  it('the client version has no Jira keys, no internal notes, no request still inside the team', () => {
    expect(closingReportSchema.safeParse(client).success).toBe(true);
    const text = JSON.stringify(client);
    for (const secret of [
      'ACME-99',
      'ACME-50',
      'ACME-7',
      'cheap for us',
      'not yet shown',
      'internal resolution words',
      'team only',
      'comment x',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(client.audience).toBe('client');
    expect(client.changes.items.map((c) => c.id)).toEqual(['cr-1']);
    expect(client.retro.wentWell).toEqual(['Weekly demos']);
    expect(client.retro.participants).toEqual([
      { name: 'Pat (PM)', side: 'internal' },
      { name: 'Ada', side: 'client' },
    ]);
    expect(client.complaints.outcomes).toEqual(internal.complaints.outcomes);
  });
});
