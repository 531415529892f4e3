import { describe, expect, it } from 'vitest';
import type { RegisterRiskJson } from '../../contract/risks';
import {
  deriveRegisterRiskSection,
  deriveRiskMatrix,
  isMitigationOverdue,
  matchesRiskFilter,
  promotedRiskId,
  scoreRisk,
  toPromotedRisk,
  toRiskLevel,
  type RegisterRiskEntry,
} from './risk-register';

const risk = (over: Partial<RegisterRiskJson> = {}): RegisterRiskJson => ({
  id: 'r1',
  title: 'Vendor API late',
  description: 'internal note',
  probability: 3,
  impact: 4,
  ownerName: 'Ana',
  ownerAccountId: null,
  mitigation: 'Mock the API',
  trigger: 'No sandbox by March',
  due: '2026-03-10',
  status: 'open',
  linkedIssueKeys: ['ACME-1'],
  clientVisible: false,
  clientWording: '',
  promotedFrom: null,
  jiraIssueKey: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  revision: 1,
  ...over,
});

describe('scoreRisk and toRiskLevel', () => {
  it.each([
    [1, 1, 1, 'low'],
    [1, 5, 5, 'low'],
    [2, 3, 6, 'low'],
    [2, 4, 8, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'medium'],
    [3, 4, 12, 'medium'],
    [3, 5, 15, 'high'],
    [4, 4, 16, 'high'],
    [5, 5, 25, 'high'],
  ] as const)('P%i × I%i scores %i: %s', (probability, impact, score, level) => {
    expect(scoreRisk({ probability, impact })).toBe(score);
    expect(toRiskLevel(score)).toBe(level);
  });
});

describe('isMitigationOverdue', () => {
  it.each([
    ['open, due yesterday', 'open', '2026-03-09', true],
    ['mitigating, due yesterday', 'mitigating', '2026-03-09', true],
    ['open, due today', 'open', '2026-03-10', false],
    ['open, no due day', 'open', null, false],
    ['closed, due long ago', 'closed', '2026-01-01', false],
    ['occurred, due long ago', 'occurred', '2026-01-01', false],
  ] as const)('%s → %s', (_name, status, due, overdue) => {
    expect(isMitigationOverdue({ status, due }, '2026-03-10')).toBe(overdue);
  });
});

describe('matchesRiskFilter', () => {
  it.each([
    ['no filter', {}, risk(), true],
    ['active takes open', { status: 'active' as const }, risk(), true],
    ['active takes mitigating', { status: 'active' as const }, risk({ status: 'mitigating' }), true],
    ['active drops closed', { status: 'active' as const }, risk({ status: 'closed' }), false],
    ['one status', { status: 'occurred' as const }, risk({ status: 'occurred' }), true],
    ['another status', { status: 'occurred' as const }, risk(), false],
    ['client-visible only', { clientVisible: true }, risk(), false],
    ['min score met (12 ≥ 12)', { minScore: 12 }, risk(), true],
    ['min score missed (12 < 13)', { minScore: 13 }, risk(), false],
    ['matrix cell hit', { probability: 3, impact: 4 }, risk(), true],
    ['matrix cell miss', { probability: 4, impact: 3 }, risk(), false],
  ])('%s', (_name, filter, value, expected) => {
    expect(matchesRiskFilter(value, filter)).toBe(expected);
  });
});

describe('deriveRiskMatrix', () => {
  it('has 25 cells, probability 5 first, and counts open risks only', () => {
    const cells = deriveRiskMatrix([
      { probability: 3, impact: 4, status: 'open' },
      { probability: 3, impact: 4, status: 'mitigating' },
      { probability: 5, impact: 1, status: 'open' },
      { probability: 5, impact: 5, status: 'closed' },
      { probability: 1, impact: 1, status: 'occurred' },
    ]);
    expect(cells).toHaveLength(25);
    expect(cells[0]).toEqual({ probability: 5, impact: 1, count: 1 });
    expect(cells[24]).toEqual({ probability: 1, impact: 5, count: 0 });
    expect(cells.find((c) => c.probability === 3 && c.impact === 4)?.count).toBe(2);
    expect(cells.find((c) => c.probability === 5 && c.impact === 5)?.count).toBe(0);
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(3);
  });
});

describe('toPromotedRisk', () => {
  const signal = { issueKey: 'ACME-7', summary: 'Payment form', score: 85, blockedBy: [], assignee: 'Bo', due: '2026-04-01' };
  it.each([
    ['blocked', { ...signal, reason: 'blocked' as const, blockedBy: ['ACME-2'] }, 4],
    ['flagged', { ...signal, reason: 'flagged' as const }, 4],
    ['high risk ≥ 80', { ...signal, reason: 'high-risk' as const }, 4],
    ['high risk < 80', { ...signal, reason: 'high-risk' as const, score: 65 }, 3],
  ])('%s gives probability %i, impact 3, internal, linked', (_name, s, probability) => {
    const draft = toPromotedRisk(s, 'the trigger');
    expect(draft).toMatchObject({
      id: 'promoted-ACME-7',
      title: 'ACME-7: Payment form',
      probability,
      impact: 3,
      ownerName: 'Bo',
      due: '2026-04-01',
      status: 'open',
      trigger: 'the trigger',
      linkedIssueKeys: ['ACME-7'],
      clientVisible: false,
      promotedFrom: 'ACME-7',
    });
  });
  it('cuts a long title to 255 characters', () => {
    expect(toPromotedRisk({ ...signal, reason: 'flagged', summary: 'x'.repeat(400) }, '').title).toHaveLength(255);
  });
  it('gives one id per issue', () => {
    expect(promotedRiskId('ACME-7')).toBe('promoted-ACME-7');
  });
});

describe('deriveRegisterRiskSection', () => {
  const entry = (over: Partial<RegisterRiskEntry>): RegisterRiskEntry => ({ ...risk(), ...over });
  const entries = [
    entry({ id: 'a', title: 'Low one', probability: 1, impact: 2, clientVisible: true, clientWording: 'Minor delay possible' }),
    entry({ id: 'b', title: 'High internal', probability: 4, impact: 4, due: '2026-03-01' }),
    entry({
      id: 'c',
      title: 'High shared',
      probability: 5,
      impact: 4,
      status: 'mitigating',
      clientVisible: true,
      clientWording: 'Launch date at risk',
    }),
    entry({ id: 'd', title: 'Closed shared', probability: 5, impact: 5, status: 'closed', clientVisible: true, clientWording: 'Gone' }),
  ];
  const section = deriveRegisterRiskSection(entries, '2026-03-10');

  it('lists open risks for the team, highest score first, with overdue mitigations', () => {
    expect(section.internal.map((r) => [r.title, r.score, r.level, r.overdue])).toEqual([
      ['High shared', 20, 'high', false],
      ['High internal', 16, 'high', true],
      ['Low one', 2, 'low', false],
    ]);
  });
  it('gives the client only open client-visible risks, in client wording, without notes', () => {
    expect(section.client).toEqual([
      { id: 'c', text: 'Launch date at risk', level: 'high', status: 'mitigating' },
      { id: 'a', text: 'Minor delay possible', level: 'low', status: 'open' },
    ]);
    expect(JSON.stringify(section.client)).not.toMatch(/internal note|Mock the API|Ana|ACME/u);
  });
  it('breaks score ties by the earlier due day, then the title', () => {
    const tied = deriveRegisterRiskSection(
      [
        entry({ id: 'x', title: 'B', due: null }),
        entry({ id: 'y', title: 'A', due: null }),
        entry({ id: 'z', title: 'C', due: '2026-03-20' }),
      ],
      '2026-03-10',
    );
    expect(tied.internal.map((r) => r.title)).toEqual(['C', 'A', 'B']);
  });
});
