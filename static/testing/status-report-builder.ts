/**
 * Test-data builders for the status report the UI renders, modelled on a real week of the
 * demo project: a late milestone, some scope creep, no cost or client data yet. Each
 * builder takes overrides, so a test states only what it is about.
 */
import type {
  ClientStatusReportJson,
  DimensionJson,
  ForecastJson,
  IssueRefJson,
  MeasureJson,
  MilestoneReportJson,
  StatusReportJson,
} from '../../contract';
import { toClientFixture } from './to-client-fixture';

export function anIssueRef(overrides: Partial<IssueRefJson> = {}): IssueRefJson {
  return {
    key: 'ACME-1',
    summary: 'Issue',
    status: { name: 'To Do', category: 'new' },
    type: 'Story',
    priority: 'Medium',
    due: null,
    assignee: null,
    epicKey: null,
    client: { shown: true, reason: 'marked' },
    ...overrides,
  };
}

export function aMeasure(overrides: Partial<MeasureJson> = {}): MeasureJson {
  return {
    id: 'measure',
    label: 'Measure',
    value: 0,
    display: '0',
    rag: 'green',
    why: 'Within the threshold.',
    whyCode: { code: 'topBugs', params: { count: 0 } },
    evidence: [],
    ...overrides,
  };
}

export function aDimension(overrides: Partial<DimensionJson> = {}): DimensionJson {
  return {
    rag: 'green',
    enabled: true,
    label: 'Dimension',
    why: 'Within the threshold.',
    whyCode: { code: 'topBugs', params: { count: 0 } },
    measures: [],
    evidence: [],
    sustained: false,
    ...overrides,
  };
}

/** A simulated forecast: 50% and 85% dates a week apart, from three weeks of history. */
export function aForecast(overrides: Partial<ForecastJson> = {}): ForecastJson {
  return {
    method: 'monte-carlo',
    outcome: 'forecast',
    unit: 'issues',
    p50: '2026-04-01',
    p85: '2026-04-08',
    trials: 5000,
    seed: 1,
    weeklySamples: [2, 3, 1],
    historyWeeks: 3,
    minHistoryWeeks: 3,
    remaining: 6,
    remainingAhead: 4,
    ...overrides,
  };
}

export function aMilestone(overrides: Partial<MilestoneReportJson> = {}): MilestoneReportJson {
  return {
    id: '10001',
    name: 'Milestone',
    released: false,
    releaseDate: null,
    originalReleaseDate: null,
    progress: { issuesDone: 0, issuesTotal: 0, pointsDone: 0, pointsTotal: 0 },
    forecastDate: null,
    slipDays: null,
    rag: 'grey',
    ...overrides,
  };
}

const checkout = anIssueRef({
  key: 'ACME-12',
  summary: 'Checkout page: card payment',
  status: { name: 'In Progress', category: 'indeterminate' },
  priority: 'High',
  due: '2025-03-10',
  assignee: 'Li Wei',
  epicKey: 'ACME-2',
});
const search = anIssueRef({
  key: 'ACME-15',
  summary: 'Product search results page',
  status: { name: 'In Review', category: 'indeterminate' },
  due: '2025-03-12',
  assignee: 'Sam Patel',
  epicKey: 'ACME-2',
});
const copy = anIssueRef({
  key: 'ACME-21',
  summary: 'Homepage copy from the client',
  status: { name: 'Waiting for client', category: 'indeterminate' },
});
const logo = anIssueRef({
  key: 'ACME-22',
  summary: 'Approve the logo variants',
  status: { name: 'Waiting for client', category: 'indeterminate' },
});
const hero = anIssueRef({
  key: 'ACME-7',
  summary: 'Homepage hero',
  status: { name: 'Done', category: 'done' },
  assignee: 'Li Wei',
  epicKey: 'ACME-3',
});
const nav = anIssueRef({ key: 'ACME-8', summary: 'Main navigation', status: { name: 'Done', category: 'done' }, epicKey: 'ACME-3' });
const favicon = anIssueRef({ key: 'ACME-9', summary: 'Favicon', status: { name: 'Done', category: 'done' } });
const sitemap = anIssueRef({ key: 'ACME-30', summary: 'XML sitemap', due: '2025-03-20' });

/** The live internal draft of the demo project's report, halfway through March 2025. */
export function aStatusReport(overrides: Partial<StatusReportJson> = {}): StatusReportJson {
  return {
    schemaVersion: 1,
    generatedAt: '2025-03-14T09:30:00.000Z',
    audience: 'internal',
    lang: 'en',
    project: { id: '10000', key: 'ACME', name: 'Acme website' },
    period: { start: '2025-03-01', end: '2025-03-14' },
    overall: {
      computed: 'red',
      reported: 'amber',
      overrideReason: 'The client agreed to move Beta by a week.',
      headline: 'Beta is forecast 8 days late; checkout is blocked on the payment provider.',
      headlineCode: { code: 'driver', params: { dimension: 'schedule' } },
    },
    dimensions: {
      schedule: aDimension({
        rag: 'red',
        label: 'Schedule',
        why: 'Beta is forecast 8 days after its target.',
        sustained: true,
        // The deciding measure's (the slip's) evidence, as reports carry it.
        evidence: ['ACME-12', 'ACME-15'],
        measures: [
          aMeasure({
            id: 'schedule.slip',
            label: 'Next milestone slip',
            value: 8,
            display: '+8 days',
            rag: 'red',
            why: 'Beta is forecast 8 days after its target.',
            evidence: ['ACME-12', 'ACME-15'],
          }),
          aMeasure({
            id: 'schedule.overdue',
            label: 'Overdue share',
            value: 0.12,
            display: '12 %',
            rag: 'amber',
            why: '3 of 25 open issues with a due date are past due.',
            evidence: ['ACME-12', 'ACME-15', 'ACME-21'],
          }),
        ],
      }),
      scope: aDimension({
        rag: 'amber',
        label: 'Scope',
        why: '3 issues were added to Beta after its baseline of 20.',
        evidence: ['ACME-30'],
        measures: [
          aMeasure({
            id: 'scope.creep',
            label: 'Scope creep',
            value: 0.15,
            display: '15 %',
            rag: 'amber',
            why: '3 issues were added to Beta after its baseline of 20.',
            evidence: ['ACME-30'],
          }),
        ],
      }),
      quality: aDimension({
        label: 'Quality',
        why: 'No open top-priority bugs; 1 reopen in the last 30 days.',
        measures: [
          aMeasure({
            id: 'quality.topBugs',
            label: 'Open top-priority bugs',
            value: 0,
            display: '0',
            why: 'No open bug in the top two priorities.',
          }),
          aMeasure({
            id: 'quality.reopenRate',
            label: 'Reopen rate',
            value: 0.04,
            display: '4 %',
            why: '1 of 25 completed issues was reopened.',
          }),
        ],
      }),
      cost: aDimension({
        rag: 'grey',
        label: 'Cost',
        why: 'Only 30 % of issues have an original estimate; 50 % are needed.',
        measures: [
          aMeasure({
            id: 'cost.variance',
            label: 'Effort variance',
            value: null,
            display: 'n/a',
            rag: 'grey',
            why: 'Only 30 % of issues have an original estimate; 50 % are needed.',
          }),
        ],
      }),
      satisfaction: aDimension({
        rag: 'grey',
        label: 'Satisfaction',
        why: 'No survey responses in the last 90 days.',
        measures: [
          aMeasure({
            id: 'satisfaction.csat',
            label: 'CSAT',
            value: null,
            display: 'No responses',
            rag: 'grey',
            why: 'No survey responses in the last 90 days.',
          }),
        ],
      }),
      communication: aDimension({
        rag: 'grey',
        label: 'Communication',
        why: 'No touchpoints planned yet.',
        measures: [],
      }),
    },
    sections: {
      completed: [
        { epic: { key: 'ACME-3', summary: 'Homepage' }, issues: [hero, nav] },
        { epic: null, issues: [favicon] },
      ],
      inProgress: [checkout, search, copy, logo],
      nextUp: [sitemap],
      milestones: [
        aMilestone({
          id: '10001',
          name: 'Beta',
          releaseDate: '2025-03-31',
          originalReleaseDate: '2025-03-24',
          progress: { issuesDone: 12, issuesTotal: 23, pointsDone: 30, pointsTotal: 55 },
          forecastDate: '2025-04-08',
          slipDays: 8,
          rag: 'red',
        }),
        aMilestone({
          id: '10002',
          name: 'Launch',
          releaseDate: '2025-05-15',
          progress: { issuesDone: 0, issuesTotal: 9, pointsDone: 0, pointsTotal: 0 },
          forecastDate: '2025-05-10',
          slipDays: -5,
          rag: 'green',
        }),
        aMilestone({
          id: '10000',
          name: 'Alpha',
          released: true,
          releaseDate: '2025-03-03',
          progress: { issuesDone: 14, issuesTotal: 14, pointsDone: 40, pointsTotal: 40 },
          forecastDate: null,
          slipDays: 0,
          rag: 'green',
        }),
      ],
      risks: {
        flagged: [checkout],
        blocked: [{ issue: checkout, blockedBy: ['ACME-40', 'ACME-41'] }],
        topRisks: [
          { issue: checkout, score: 88, level: 'high' },
          { issue: search, score: 45, level: 'medium' },
        ],
      },
      waitingOnClient: [
        { ...copy, wait: { days: 12, since: '2025-03-02', estimated: false } },
        { ...logo, wait: { days: 3, since: '2025-03-11', estimated: true } },
        { ...copy, wait: { days: 12, since: '2025-03-02', estimated: false } },
      ],
    },
    issueRisks: [
      {
        key: 'ACME-12',
        score: 88,
        level: 'high',
        reasons: ['Overdue by 4 days', 'Blocked by ACME-40 (In Progress) for 3 days', 'Flagged as an impediment'],
        signals: [
          { code: 'overdue', days: 4, points: 34 },
          { code: 'blocked', by: { key: 'ACME-40', statusName: 'In Progress', days: 3 }, points: 25 },
          { code: 'flagged', points: 25 },
        ],
      },
      { key: 'ACME-15', score: 45, level: 'medium', reasons: ['Overdue by 2 days'], signals: [{ code: 'overdue', days: 2, points: 32 }] },
    ],
    dataQuality: [
      {
        code: 'resolvedNotDone',
        issueKey: 'ACME-17',
        message: 'ACME-17 has a resolution but its status is not done.',
        params: { statusName: 'In Review', resolution: 'Fixed' },
      },
    ],
    clientVisibility: { mode: 'marked', clientLabel: 'client', internalLabel: 'internal', shown: 9, internal: 2, total: 14, hint: null },
    ...overrides,
  };
}

/** The client version of the same draft: reported status only, no risk, no data notes, no grey dimension. */
export function aClientStatusReport(overrides: Partial<ClientStatusReportJson> = {}): ClientStatusReportJson {
  return { ...toClientFixture(aStatusReport()), ...overrides };
}
