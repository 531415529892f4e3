import type { IssueRiskView } from '../../contract';

/** The issue panel's data: by default a high-risk, blocked, overdue issue. */
export function anIssueRiskView(overrides: Partial<IssueRiskView> = {}): IssueRiskView {
  return {
    key: 'ACME-12',
    summary: 'Checkout page: card payment',
    status: { name: 'In Progress', category: 'indeterminate' },
    dueDate: '2025-03-10',
    risk: {
      key: 'ACME-12',
      score: 72,
      level: 'high',
      reasons: ['Overdue by 4 days', 'Blocked by ACME-40 (In Progress) for 3 days', 'Flagged as an impediment'],
      signals: [
        { code: 'overdue', days: 4, points: 34 },
        { code: 'blocked', by: { key: 'ACME-40', statusName: 'In Progress', days: 3 }, points: 25 },
        { code: 'flagged', points: 25 },
      ],
    },
    blockedBy: [
      { key: 'ACME-40', statusName: 'In Progress' },
      { key: 'ACME-41', statusName: 'To Do' },
    ],
    ...overrides,
  };
}
