import { describe, expect, it } from 'vitest';
import { CHANGE_STATUSES, type ChangeRequestJson, type ChangeStatus } from '../../contract/changes';
import { aChangeDraft, aChangeRequest, anApprovedRequest } from '../../test/support/change-builders';
import { assessHealth } from './assess-health';
import { canTransition, ChangeRuleError, deriveRebaseline, sumImpact, toChangeRequest, transitionChangeRequest } from './change-requests';
import { deriveChangeSection } from './derive-change-section';
import type { ProjectData } from './project-data';
import { DEFAULT_SETTINGS } from './settings';
import { aMilestone, anIssue, aProject, at } from './testing/builders';

const NOW = at('2026-03-20T12:00:00Z');

describe('transitions', () => {
  const ALLOWED: readonly [ChangeStatus, ChangeStatus][] = [
    ['proposed', 'assessing'],
    ['assessing', 'proposed'],
    ['assessing', 'awaiting-client'],
    ['awaiting-client', 'assessing'],
    ['awaiting-client', 'approved'],
    ['awaiting-client', 'rejected'],
    ['approved', 'implemented'],
  ];
  const allPairs = CHANGE_STATUSES.flatMap((from) => CHANGE_STATUSES.map((to) => [from, to] as const));

  it.each(allPairs)('%s → %s is allowed only if listed', (from, to) => {
    const allowed = ALLOWED.some(([f, t]) => f === from && t === to);
    expect(canTransition(from, to)).toBe(allowed);
    const request = aChangeRequest({ status: from });
    const move = () => transitionChangeRequest(request, { to, decider: 'Li Na', reason: 'Too costly' }, NOW);
    if (allowed) expect(move().status).toBe(to);
    else expect(move).toThrow(expect.objectContaining({ code: 'transition-not-allowed', field: 'to' }) as Error);
  });

  it.each([
    { to: 'approved', decider: undefined, reason: undefined, code: 'decider-required', field: 'decider' },
    { to: 'approved', decider: '  ', reason: 'x', code: 'decider-required', field: 'decider' },
    { to: 'rejected', decider: undefined, reason: 'Too costly', code: 'decider-required', field: 'decider' },
    { to: 'rejected', decider: 'Li Na', reason: undefined, code: 'reason-required', field: 'reason' },
    { to: 'rejected', decider: 'Li Na', reason: ' ', code: 'reason-required', field: 'reason' },
  ] as const)('$to with decider "$decider" and reason "$reason" → $code', ({ to, decider, reason, code, field }) => {
    const request = aChangeRequest({ status: 'awaiting-client' });
    let caught: unknown;
    try {
      transitionChangeRequest(request, { to, decider, reason }, NOW);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ChangeRuleError);
    expect(caught).toMatchObject({ code, field });
  });

  it('records the decision with the server time, counts the revision, and keeps the rejection reason', () => {
    const rejected = transitionChangeRequest(
      aChangeRequest({ status: 'awaiting-client', revision: 3 }),
      { to: 'rejected', decider: ' Li Na ', reason: 'Too costly' },
      NOW,
    );
    expect(rejected).toMatchObject({
      status: 'rejected',
      revision: 4,
      decision: { outcome: 'rejected', by: 'Li Na', at: '2026-03-20T12:00:00.000Z', reason: 'Too costly' },
      updatedAt: '2026-03-20T12:00:00.000Z',
    });
    const implemented = transitionChangeRequest(anApprovedRequest('2026-03-18T10:00:00.000Z'), { to: 'implemented' }, NOW);
    expect(implemented).toMatchObject({
      status: 'implemented',
      implementedAt: '2026-03-20T12:00:00.000Z',
      decision: { outcome: 'approved' },
    });
  });
});

describe('toChangeRequest', () => {
  const R1 = { id: '10001', name: 'Release 1', releaseDate: '2026-05-01' };

  it('creates a proposed request at revision 1 with the milestone’s current target as original', () => {
    const created = toChangeRequest(aChangeDraft({ milestone: { id: '10001', newTarget: '2026-05-15' } }), undefined, R1, NOW);
    expect(created).toMatchObject({
      status: 'proposed',
      revision: 1,
      decision: null,
      createdAt: '2026-03-20T12:00:00.000Z',
      milestone: { id: '10001', name: 'Release 1', newTarget: '2026-05-15', originalTarget: '2026-05-01' },
    });
  });

  it('keeps the original target on later edits even when Jira’s date moved, and takes a new one when the milestone changes', () => {
    const first = toChangeRequest(aChangeDraft({ milestone: { id: '10001', newTarget: '2026-05-15' } }), undefined, R1, NOW);
    const edited = toChangeRequest(
      aChangeDraft({ milestone: { id: '10001', newTarget: '2026-05-20' } }),
      first,
      { ...R1, releaseDate: '2026-05-15' },
      NOW + 1000,
    );
    expect(edited.milestone).toEqual({ id: '10001', name: 'Release 1', newTarget: '2026-05-20', originalTarget: '2026-05-01' });
    expect(edited.revision).toBe(2);
    expect(edited.createdAt).toBe(first.createdAt);
    const moved = toChangeRequest(
      aChangeDraft({ milestone: { id: '10002', newTarget: null } }),
      edited,
      { id: '10002', name: 'R2', releaseDate: '2026-07-01' },
      NOW,
    );
    expect(moved.milestone).toEqual({ id: '10002', name: 'R2', newTarget: null, originalTarget: '2026-07-01' });
  });

  it.each(['approved', 'rejected', 'implemented'] as const)('refuses to edit a %s request', (status) => {
    expect(() => toChangeRequest(aChangeDraft(), aChangeRequest({ status }), undefined, NOW)).toThrow(
      expect.objectContaining({ code: 'decided-not-editable' }) as Error,
    );
  });
});

describe('deriveRebaseline', () => {
  const m = (newTarget: string | null, originalTarget: string | null) => ({ id: '10001', name: 'Release 1', newTarget, originalTarget });
  it.each([
    {
      case: 'nothing approved',
      requests: [aChangeRequest({ status: 'awaiting-client', linkedIssueKeys: ['ACME-1'], milestone: m('2026-06-01', '2026-05-01') })],
      keys: [],
      target: undefined,
    },
    {
      case: 'rejected changes nothing',
      requests: [aChangeRequest({ status: 'rejected', linkedIssueKeys: ['ACME-1'], milestone: m('2026-06-01', '2026-05-01') })],
      keys: [],
      target: undefined,
    },
    {
      case: 'approved',
      requests: [anApprovedRequest('2026-03-18T10:00:00.000Z', { linkedIssueKeys: ['ACME-1'], milestone: m('2026-06-01', '2026-05-01') })],
      keys: ['ACME-1'],
      target: { target: '2026-06-01', original: '2026-05-01' },
    },
    {
      case: 'implemented still counts',
      requests: [anApprovedRequest('2026-03-18T10:00:00.000Z', { status: 'implemented', linkedIssueKeys: ['ACME-2'] })],
      keys: ['ACME-2'],
      target: undefined,
    },
    {
      case: 'two approvals: the latest target, the first original',
      requests: [
        anApprovedRequest('2026-03-19T10:00:00.000Z', { id: 'b', milestone: m('2026-06-15', '2026-06-01') }),
        anApprovedRequest('2026-03-18T10:00:00.000Z', { id: 'a', milestone: m('2026-06-01', '2026-05-01') }),
      ],
      keys: [],
      target: { target: '2026-06-15', original: '2026-05-01' },
    },
    {
      case: 'approved without a new target moves no date',
      requests: [anApprovedRequest('2026-03-18T10:00:00.000Z', { milestone: m(null, '2026-05-01') })],
      keys: [],
      target: undefined,
    },
  ])('$case', ({ requests, keys, target }) => {
    const r = deriveRebaseline(requests);
    expect([...r.approvedIssueKeys].sort()).toEqual(keys);
    expect(r.targets.get('10001')).toEqual(target);
  });
});

describe('sumImpact', () => {
  it('adds days and hours, and money per currency to the cent, never across currencies', () => {
    const totals = sumImpact([
      aChangeRequest({ impact: { scheduleDays: 3, effortHours: 0.25, cost: { amount: 0.1, currency: 'EUR' }, scopeNote: '' } }),
      aChangeRequest({ impact: { scheduleDays: -1, effortHours: 2.5, cost: { amount: 0.2, currency: 'EUR' }, scopeNote: '' } }),
      aChangeRequest({ impact: { scheduleDays: 0, effortHours: 0, cost: { amount: 800, currency: 'CNY' }, scopeNote: '' } }),
      aChangeRequest({ impact: { scheduleDays: 0, effortHours: 0, cost: null, scopeNote: '' } }),
    ]);
    expect(totals).toEqual({
      count: 4,
      scheduleDays: 2,
      effortHours: 2.75,
      costs: [
        { currency: 'CNY', amount: 800 },
        { currency: 'EUR', amount: 0.3 },
      ],
    });
  });
});

describe('re-baselining in the health: scope creep and the schedule target', () => {
  // Release 1 started 2026-03-01 with 10 issues; 3 joined after it (ACME-101..103): 30 % creep, red.
  const project = (changeRequests: readonly ChangeRequestJson[]): ProjectData =>
    aProject({
      milestones: [aMilestone({ id: '10001', name: 'Release 1', startDate: '2026-03-01', releaseDate: '2026-05-01' })],
      issues: [
        ...Array.from({ length: 10 }, (_, i) =>
          anIssue({ key: `ACME-${String(i + 1)}`, created: at('2026-02-20T00:00:00Z'), fixVersions: ['10001'] }),
        ),
        ...[101, 102, 103].map((n) => anIssue({ key: `ACME-${String(n)}`, created: at('2026-03-05T00:00:00Z'), fixVersions: ['10001'] })),
      ],
      changeRequests,
    });
  const creep = (data: ProjectData) =>
    assessHealth(data, DEFAULT_SETTINGS, NOW).dimensions.scope.measures.find((x) => x.id === 'scopeCreep');

  it.each([
    { case: 'no request', requests: [], value: 3 / 10, rag: 'red', evidence: ['ACME-101', 'ACME-102', 'ACME-103'] },
    {
      case: 'a request awaiting the client exempts nothing',
      requests: [aChangeRequest({ status: 'awaiting-client', linkedIssueKeys: ['ACME-101', 'ACME-102'] })],
      value: 3 / 10,
      rag: 'red',
    },
    {
      case: 'a rejected request exempts nothing',
      requests: [aChangeRequest({ status: 'rejected', linkedIssueKeys: ['ACME-101', 'ACME-102'] })],
      value: 3 / 10,
      rag: 'red',
    },
    {
      case: 'an approved request re-baselines its two issues: 1 of 12',
      requests: [anApprovedRequest('2026-03-18T10:00:00.000Z', { linkedIssueKeys: ['ACME-101', 'ACME-102'] })],
      value: 1 / 12,
      rag: 'green',
      evidence: ['ACME-103'],
    },
    {
      case: 'implemented keeps the re-baseline',
      requests: [
        anApprovedRequest('2026-03-18T10:00:00.000Z', { status: 'implemented', linkedIssueKeys: ['ACME-101', 'ACME-102', 'ACME-103'] }),
      ],
      value: 0,
      rag: 'green',
      evidence: [],
    },
  ])('$case → $rag', ({ requests, value, rag, evidence }) => {
    const m = creep(project(requests));
    expect(m?.value).toBeCloseTo(value, 10);
    expect(m?.rag).toBe(rag);
    if (evidence) expect(m?.evidence).toEqual(evidence);
  });

  it('judges the schedule against the approved new target and keeps the original for the report', () => {
    const approved = anApprovedRequest('2026-03-18T10:00:00.000Z', {
      milestone: { id: '10001', name: 'Release 1', newTarget: '2026-06-01', originalTarget: '2026-05-01' },
    });
    const health = assessHealth(project([approved]), DEFAULT_SETTINGS, NOW);
    expect(health.milestones[0]).toMatchObject({ releaseDate: '2026-06-01', rebaselinedFrom: '2026-05-01' });
    const before = assessHealth(project([]), DEFAULT_SETTINGS, NOW);
    expect(before.milestones[0]).toMatchObject({ releaseDate: '2026-05-01' });
    expect(before.milestones[0]?.rebaselinedFrom).toBeUndefined();
    // An overdue milestone whose target the client moved is no longer overdue.
    const late = assessHealth(project([approved]), DEFAULT_SETTINGS, at('2026-05-10T12:00:00Z'));
    expect(late.milestones[0]?.overdue).toBe(false);
    expect(assessHealth(project([]), DEFAULT_SETTINGS, at('2026-05-10T12:00:00Z')).milestones[0]?.overdue).toBe(true);
  });
});

describe('deriveChangeSection', () => {
  const period = { start: at('2026-03-13T12:00:00Z'), end: NOW };
  const requests = [
    aChangeRequest({ id: 'new-proposed', createdAt: '2026-03-15T09:00:00.000Z', updatedAt: '2026-03-15T09:00:00.000Z' }),
    aChangeRequest({ id: 'old-proposed', createdAt: '2026-01-15T09:00:00.000Z', updatedAt: '2026-01-15T09:00:00.000Z' }),
    aChangeRequest({
      id: 'old-awaiting',
      status: 'awaiting-client',
      createdAt: '2026-01-10T09:00:00.000Z',
      updatedAt: '2026-02-01T09:00:00.000Z',
      impact: { scheduleDays: 2, effortHours: 8, cost: null, scopeNote: '' },
    }),
    anApprovedRequest('2026-03-18T10:00:00.000Z', {
      id: 'approved-now',
      createdAt: '2026-02-01T09:00:00.000Z',
      linkedIssueKeys: ['ACME-7'],
    }),
    anApprovedRequest('2026-02-18T10:00:00.000Z', { id: 'approved-before' }),
    aChangeRequest({
      id: 'rejected-now',
      status: 'rejected',
      decision: { outcome: 'rejected', by: 'Li Na', at: '2026-03-19T10:00:00.000Z', reason: 'Too costly' },
      updatedAt: '2026-03-19T10:00:00.000Z',
    }),
  ];

  it('internal: new, decided in the period and awaiting the client, in lifecycle order; totals', () => {
    const section = deriveChangeSection(requests, period, 'UTC', 'internal');
    expect(section.items.map((i) => i.id)).toEqual(['new-proposed', 'old-awaiting', 'approved-now', 'rejected-now']);
    expect(section.items.find((i) => i.id === 'approved-now')).toMatchObject({
      decidedInPeriod: true,
      isNew: false,
      decision: { outcome: 'approved', by: 'Li Na', day: '2026-03-18' },
      linkedIssueKeys: ['ACME-7'],
    });
    expect(section.totals).toEqual({
      new: 1,
      approved: { count: 1, scheduleDays: 5, effortHours: 40, costs: [{ currency: 'EUR', amount: 12000 }] },
      rejected: 1,
      awaitingClient: { count: 1, scheduleDays: 2, effortHours: 8, costs: [] },
    });
  });

  it('client: no request still inside the team, no Jira keys, no internal note', () => {
    const section = deriveChangeSection(requests, period, 'UTC', 'client');
    expect(section.items.map((i) => i.id)).toEqual(['old-awaiting', 'approved-now', 'rejected-now']);
    expect(JSON.stringify(section)).not.toContain('ACME-7');
    expect(JSON.stringify(section)).not.toContain('platform team');
    expect(section.totals.new).toBe(0);
  });
});
