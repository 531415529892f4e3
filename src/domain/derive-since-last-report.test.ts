import { describe, expect, it } from 'vitest';
import type { ReportDataJson } from '../../contract/report';
import {
  SINCE_LAST_LIST_LIMIT,
  deriveSinceLastReport,
  toSinceLastBaseline,
  type SinceLastBaseline,
  type SinceLastCurrent,
} from './derive-since-last-report';
import type { Rag } from './health-types';
import type { RegisterRiskEntry } from './risk-register';
import type { Dimension } from './settings';

const ALL_GREEN = {
  schedule: 'green',
  scope: 'green',
  quality: 'green',
  cost: 'green',
  satisfaction: 'green',
  communication: 'green',
} as const;

function risk(id: string, over: Partial<RegisterRiskEntry> = {}): RegisterRiskEntry {
  return {
    id,
    title: `Risk ${id}`,
    clientWording: '',
    clientVisible: false,
    probability: 3,
    impact: 3,
    status: 'open',
    ownerName: '',
    mitigation: '',
    due: null,
    linkedIssueKeys: [],
    jiraIssueKey: null,
    ...over,
  };
}

function baseline(
  over: Partial<SinceLastBaseline> = {},
  content: Partial<NonNullable<SinceLastBaseline['content']>> = {},
): SinceLastBaseline {
  return {
    version: 3,
    publishedAt: '2026-11-27T15:00:00.000Z',
    dimensions: { ...ALL_GREEN },
    content: {
      registerRisks: [],
      registerRisksComplete: true,
      registerRisksNow: [],
      highIssueRisks: [],
      highIssueRisksComplete: true,
      milestones: [],
      ...content,
    },
    ...over,
  };
}

function current(over: Partial<SinceLastCurrent> = {}, rags: Partial<Record<Dimension, Rag>> = {}): SinceLastCurrent {
  const dims = { ...ALL_GREEN, ...rags };
  const issues = new Map([
    ['ACME-1', { summary: 'Login', done: false }],
    ['ACME-2', { summary: 'Checkout', done: true }],
    ['ACME-3', { summary: 'Search', done: false }],
  ]);
  return {
    dimensions: Object.fromEntries(Object.entries(dims).map(([d, rag]) => [d, { enabled: true, rag }])) as SinceLastCurrent['dimensions'],
    sustained: Object.fromEntries(Object.keys(dims).map((d) => [d, false])) as SinceLastCurrent['sustained'],
    registerRisks: [],
    issueRisks: [],
    issue: (key) => issues.get(key),
    milestones: [],
    completed: { internal: 0, client: 0 },
    changeRequests: { internal: { new: 0, decided: 0 }, client: { new: 0, decided: 0 } },
    ...over,
  };
}

function compared(section: ReturnType<typeof deriveSinceLastReport>['internal']) {
  if (section.kind !== 'compared') throw new Error('expected a comparison');
  return section;
}
function comparedClient(section: ReturnType<typeof deriveSinceLastReport>['client']) {
  if (section.kind !== 'compared') throw new Error('expected a comparison');
  return section;
}

describe('deriveSinceLastReport', () => {
  it('says this is the first report when nothing was published before, for both audiences', () => {
    expect(deriveSinceLastReport(null, current())).toEqual({ internal: { kind: 'first' }, client: { kind: 'first' } });
  });

  it('lists nothing when nothing changed', () => {
    const out = deriveSinceLastReport(baseline(), current());
    expect(out.internal).toEqual({
      kind: 'compared',
      previous: { version: 3, publishedAt: '2026-11-27T15:00:00.000Z' },
      dimensions: [],
      registerRisks: { new: [], resolved: [] },
      issueRisks: { new: [], newTotal: 0, resolved: [], resolvedTotal: 0 },
      milestones: [],
      completed: 0,
      changeRequests: { new: 0, decided: 0 },
      partial: false,
      unread: false,
    });
    expect(out.client).toEqual({
      kind: 'compared',
      previous: { version: 3, publishedAt: '2026-11-27T15:00:00.000Z' },
      dimensions: [],
      registerRisks: { new: [], resolved: [] },
      milestones: [],
      completed: 0,
      changeRequests: { new: 0, decided: 0 },
      unread: false,
    });
  });

  describe('dimensions', () => {
    const cases: {
      name: string;
      before: Rag | undefined;
      now: Rag;
      sustained: boolean;
      enabled?: boolean;
      internal: { from: Rag; to: Rag; sustained: boolean } | null;
      client: { from: Rag; to: Rag } | null;
    }[] = [
      { name: 'unchanged green', before: 'green', now: 'green', sustained: false, internal: null, client: null },
      {
        name: 'green to red',
        before: 'green',
        now: 'red',
        sustained: false,
        internal: { from: 'green', to: 'red', sustained: false },
        client: { from: 'green', to: 'red' },
      },
      {
        name: 'red to amber, sustained',
        before: 'red',
        now: 'amber',
        sustained: true,
        internal: { from: 'red', to: 'amber', sustained: true },
        client: { from: 'red', to: 'amber' },
      },
      {
        name: 'amber both times: sustained, not a change for the client',
        before: 'amber',
        now: 'amber',
        sustained: true,
        internal: { from: 'amber', to: 'amber', sustained: true },
        client: null,
      },
      {
        name: 'grey to green: the client never sees grey',
        before: 'grey',
        now: 'green',
        sustained: false,
        internal: { from: 'grey', to: 'green', sustained: false },
        client: null,
      },
      {
        name: 'green to grey',
        before: 'green',
        now: 'grey',
        sustained: false,
        internal: { from: 'green', to: 'grey', sustained: false },
        client: null,
      },
      { name: 'no colour in the last report: not compared', before: undefined, now: 'red', sustained: false, internal: null, client: null },
      {
        name: 'disabled now: internal only',
        before: 'green',
        now: 'red',
        sustained: false,
        enabled: false,
        internal: { from: 'green', to: 'red', sustained: false },
        client: null,
      },
    ];
    it.each(cases)('$name', ({ before, now, sustained, enabled, internal, client }) => {
      const dimensions: Partial<Record<Dimension, Rag>> = { ...ALL_GREEN };
      if (before === undefined) delete dimensions.quality;
      else dimensions.quality = before;
      const cur = current({}, { quality: now });
      const out = deriveSinceLastReport(baseline({ dimensions }), {
        ...cur,
        dimensions: { ...cur.dimensions, quality: { enabled: enabled ?? true, rag: now } },
        sustained: { ...cur.sustained, quality: sustained },
      });
      expect(compared(out.internal).dimensions).toEqual(internal === null ? [] : [{ dimension: 'quality', ...internal }]);
      expect(comparedClient(out.client).dimensions).toEqual(client === null ? [] : [{ dimension: 'quality', ...client }]);
    });
  });

  describe('register risks', () => {
    const cases: {
      name: string;
      before: { id: string | null; title: string }[];
      now: RegisterRiskEntry[];
      newIds: string[];
      resolved: { id: string | null; title: string; outcome: string }[];
      clientNew: string[];
      clientResolved: string[];
    }[] = [
      {
        name: 'a risk raised since is new; the client sees it only when shared',
        before: [],
        now: [risk('a'), risk('b', { clientVisible: true, clientWording: 'Supplier delay' })],
        newIds: ['a', 'b'],
        resolved: [],
        clientNew: ['Supplier delay'],
        clientResolved: [],
      },
      {
        name: 'still open: neither new nor resolved',
        before: [{ id: 'a', title: 'Risk a' }],
        now: [risk('a', { title: 'Renamed' })],
        newIds: [],
        resolved: [],
        clientNew: [],
        clientResolved: [],
      },
      {
        name: 'closed, occurred and deleted risks are resolved; a deleted one has no client wording left',
        before: [
          { id: 'a', title: 'Risk a' },
          { id: 'b', title: 'Risk b' },
          { id: 'c', title: 'Risk c' },
        ],
        now: [risk('a', { status: 'closed', clientVisible: true, clientWording: 'Budget' }), risk('b', { status: 'occurred' })],
        newIds: [],
        resolved: [
          { id: 'a', title: 'Risk a', outcome: 'closed' },
          { id: 'b', title: 'Risk b', outcome: 'occurred' },
          { id: 'c', title: 'Risk c', outcome: 'removed' },
        ],
        clientNew: [],
        clientResolved: ['Budget'],
      },
      {
        name: 'a report stored before ids is matched by title',
        before: [
          { id: null, title: 'Risk a' },
          { id: null, title: 'Risk gone' },
        ],
        now: [risk('a'), risk('n')],
        newIds: ['n'],
        resolved: [{ id: null, title: 'Risk gone', outcome: 'removed' }],
        clientNew: [],
        clientResolved: [],
      },
      {
        name: 'mitigating is still open',
        before: [{ id: 'a', title: 'Risk a' }],
        now: [risk('a', { status: 'mitigating' })],
        newIds: [],
        resolved: [],
        clientNew: [],
        clientResolved: [],
      },
    ];
    it.each(cases)('$name', ({ before, now, newIds, resolved, clientNew, clientResolved }) => {
      const out = deriveSinceLastReport(baseline({}, { registerRisks: before }), current({ registerRisks: now }));
      const internal = compared(out.internal);
      expect(internal.registerRisks.new.map((r) => r.id)).toEqual(newIds);
      expect(internal.registerRisks.resolved).toEqual(resolved);
      const client = comparedClient(out.client);
      expect(client.registerRisks.new.map((r) => r.text)).toEqual(clientNew);
      expect(client.registerRisks.resolved.map((r) => r.text)).toEqual(clientResolved);
    });

    it('reads a closed risk from the register as it is now (the report reads only open ones)', () => {
      const closed = risk('a', { status: 'closed', clientVisible: true, clientWording: 'Budget' });
      const out = deriveSinceLastReport(
        baseline({}, { registerRisks: [{ id: 'a', title: 'Risk a' }], registerRisksNow: [closed] }),
        current({ registerRisks: [] }),
      );
      expect(compared(out.internal).registerRisks.resolved).toEqual([{ id: 'a', title: 'Risk a', outcome: 'closed' }]);
      expect(comparedClient(out.client).registerRisks.resolved).toEqual([{ text: 'Budget' }]);
    });

    it('orders new risks by score, and gives their level', () => {
      const out = compared(
        deriveSinceLastReport(
          baseline(),
          current({ registerRisks: [risk('low', { probability: 1, impact: 2 }), risk('high', { probability: 5, impact: 4 })] }),
        ).internal,
      );
      expect(out.registerRisks.new.map((r) => [r.id, r.level])).toEqual([
        ['high', 'high'],
        ['low', 'low'],
      ]);
    });
  });

  describe('high issue risks', () => {
    it.each([
      {
        name: 'high now, not before: new',
        before: [],
        now: [{ key: 'ACME-1', score: 70, level: 'high' as const }],
        added: ['ACME-1'],
        resolved: [],
      },
      {
        name: 'high both times: nothing',
        before: ['ACME-1'],
        now: [{ key: 'ACME-1', score: 90, level: 'high' as const }],
        added: [],
        resolved: [],
      },
      {
        name: 'scored lower now',
        before: ['ACME-1'],
        now: [{ key: 'ACME-1', score: 40, level: 'medium' as const }],
        added: [],
        resolved: [['ACME-1', 'lower']],
      },
      { name: 'done now', before: ['ACME-2'], now: [], added: [], resolved: [['ACME-2', 'done']] },
      { name: 'no longer in the project', before: ['ACME-9'], now: [], added: [], resolved: [['ACME-9', 'gone']] },
      { name: 'medium is not high', before: [], now: [{ key: 'ACME-3', score: 59, level: 'medium' as const }], added: [], resolved: [] },
    ])('$name', ({ before, now, added, resolved }) => {
      const out = compared(deriveSinceLastReport(baseline({}, { highIssueRisks: before }), current({ issueRisks: now })).internal);
      expect(out.issueRisks.new.map((r) => r.key)).toEqual(added);
      expect(out.issueRisks.resolved.map((r) => [r.key, r.outcome])).toEqual(resolved);
    });

    it('lists at most the limit, highest first, and counts them all', () => {
      const now = Array.from({ length: SINCE_LAST_LIST_LIMIT + 5 }, (_, i) => ({
        key: `ACME-${String(100 + i)}`,
        score: 60 + (i % 40),
        level: 'high' as const,
      }));
      const out = compared(deriveSinceLastReport(baseline(), current({ issueRisks: now })).internal);
      expect(out.issueRisks.new).toHaveLength(SINCE_LAST_LIST_LIMIT);
      expect(out.issueRisks.newTotal).toBe(SINCE_LAST_LIST_LIMIT + 5);
      expect(out.issueRisks.new[0]?.score).toBe(60 + SINCE_LAST_LIST_LIMIT + 4);
    });

    it('the client never gets issue risks', () => {
      const out = deriveSinceLastReport(baseline(), current({ issueRisks: [{ key: 'ACME-1', score: 80, level: 'high' }] }));
      expect(JSON.stringify(out.client)).not.toContain('ACME-1');
    });
  });

  describe('milestones', () => {
    it.each([
      { name: 'same target: not listed', before: '2026-12-01', was: null, now: '2026-12-01', rebaselinedFrom: undefined, expected: null },
      {
        name: 'target moved',
        before: '2026-12-01',
        was: null,
        now: '2026-12-15',
        rebaselinedFrom: undefined,
        expected: { from: '2026-12-01', to: '2026-12-15', original: null },
      },
      {
        name: 'moved again: the original target is kept',
        before: '2026-12-15',
        was: '2026-12-01',
        now: '2026-12-22',
        rebaselinedFrom: undefined,
        expected: { from: '2026-12-15', to: '2026-12-22', original: '2026-12-01' },
      },
      {
        name: 're-baselined by an approved change request: its original',
        before: '2026-12-08',
        was: null,
        now: '2026-12-20',
        rebaselinedFrom: '2026-12-01',
        expected: { from: '2026-12-08', to: '2026-12-20', original: '2026-12-01' },
      },
      {
        name: 'target removed',
        before: '2026-12-01',
        was: null,
        now: null,
        rebaselinedFrom: undefined,
        expected: { from: '2026-12-01', to: null, original: null },
      },
    ])('$name', ({ before, was, now, rebaselinedFrom, expected }) => {
      const out = deriveSinceLastReport(
        baseline({}, { milestones: [{ id: '10', releaseDate: before, originalReleaseDate: was }] }),
        current({
          milestones: [
            { id: '10', name: 'R1', releaseDate: now, rebaselinedFrom },
            { id: '11', name: 'New', releaseDate: '2027-01-01' },
          ],
        }),
      );
      expect(compared(out.internal).milestones).toEqual(expected === null ? [] : [{ id: '10', name: 'R1', ...expected }]);
      expect(comparedClient(out.client).milestones).toEqual(compared(out.internal).milestones);
    });
  });

  it("counts the period's completed work and change requests per audience", () => {
    const out = deriveSinceLastReport(
      baseline(),
      current({
        completed: { internal: 7, client: 4 },
        changeRequests: { internal: { new: 2, decided: 1 }, client: { new: 1, decided: 1 } },
      }),
    );
    expect(compared(out.internal)).toMatchObject({ completed: 7, changeRequests: { new: 2, decided: 1 } });
    expect(comparedClient(out.client)).toMatchObject({ completed: 4, changeRequests: { new: 1, decided: 1 } });
  });

  it('compares only dimensions when the last report could not be read', () => {
    const out = deriveSinceLastReport(
      baseline({ content: null }),
      current({ registerRisks: [risk('a')], milestones: [{ id: '1', name: 'R', releaseDate: null }] }, { cost: 'red' }),
    );
    const internal = compared(out.internal);
    expect(internal).toMatchObject({ unread: true, partial: false, milestones: [], registerRisks: { new: [], resolved: [] } });
    expect(internal.dimensions).toEqual([{ dimension: 'cost', from: 'green', to: 'red', sustained: false }]);
    expect(comparedClient(out.client).unread).toBe(true);
  });

  it("is partial when the last report's risk lists were cut", () => {
    expect(compared(deriveSinceLastReport(baseline({}, { registerRisksComplete: false }), current()).internal).partial).toBe(true);
    expect(compared(deriveSinceLastReport(baseline({}, { highIssueRisksComplete: false }), current()).internal).partial).toBe(true);
  });
});

describe('toSinceLastBaseline', () => {
  const head = { version: 2, publishedAt: '2026-11-20T10:00:00.000Z', dimensions: { ...ALL_GREEN, cost: 'amber' as const } };
  const content = (issueRisks: { key: string; level: 'high' | 'medium' | 'low' }[], registerRisks: number) =>
    ({
      issueRisks: issueRisks.map((r) => ({ ...r, score: 50, signals: [] })),
      sections: {
        registerRisks: Array.from({ length: registerRisks }, (_, i) => ({ id: `r${String(i)}`, title: `T${String(i)}` })),
        milestones: [{ id: '7', releaseDate: '2026-12-01', originalReleaseDate: null }],
      },
    }) as unknown as ReportDataJson;

  it.each([
    {
      name: 'short lists are whole',
      issueRisks: [{ key: 'A-1', level: 'high' as const }],
      registerRisks: 1,
      issueOk: true,
      registerOk: true,
    },
    {
      name: 'a full list ending on a high risk may be cut',
      issueRisks: [
        { key: 'A-1', level: 'high' as const },
        { key: 'A-2', level: 'high' as const },
      ],
      registerRisks: 2,
      issueOk: false,
      registerOk: false,
    },
    {
      name: 'a full list ending below high holds every high one',
      issueRisks: [
        { key: 'A-1', level: 'high' as const },
        { key: 'A-2', level: 'low' as const },
      ],
      registerRisks: 1,
      issueOk: true,
      registerOk: true,
    },
  ])('$name', ({ issueRisks, registerRisks, issueOk, registerOk }) => {
    const out = toSinceLastBaseline(head, content(issueRisks, registerRisks), { registerRisks: 2, issueRisks: 2 });
    expect(out.content?.highIssueRisksComplete).toBe(issueOk);
    expect(out.content?.registerRisksComplete).toBe(registerOk);
    expect(out.content?.highIssueRisks).toEqual(issueRisks.filter((r) => r.level === 'high').map((r) => r.key));
    expect(out.dimensions.cost).toBe('amber');
  });

  it('keeps only the head when the content is unread', () => {
    expect(toSinceLastBaseline(head, null, { registerRisks: 25, issueRisks: 25 })).toEqual({
      version: 2,
      publishedAt: '2026-11-20T10:00:00.000Z',
      dimensions: head.dimensions,
      content: null,
    });
  });
});
