/** A complete, schema-valid status report to render, with overrides for the case at hand. */
import type { ClientStatusReportJson } from '../../contract/client-report';
import { DIMENSION_KEYS, type DimensionJson, type IssueRefJson, type StatusReportJson } from '../../contract/report';
import { toClientFixture } from '../../static/testing/to-client-fixture';

export function anIssueRef(overrides: Partial<IssueRefJson> = {}): IssueRefJson {
  return {
    key: 'ACME-1',
    summary: 'Checkout page loads slowly',
    status: { name: 'In Progress', category: 'indeterminate' },
    type: 'Story',
    priority: 'High',
    due: '2026-12-04',
    assignee: 'Ana Souza',
    epicKey: 'ACME-100',
    client: { shown: true, reason: 'marked' },
    ...overrides,
  };
}

function aDimension(label: string): DimensionJson {
  return {
    rag: 'green',
    enabled: true,
    label,
    why: `${label} is on track.`,
    whyCode: { code: 'topBugs', params: { count: 0 } },
    measures: [
      {
        id: 'topPriorityBugs',
        label: `${label} measure`,
        value: 1,
        display: '1',
        rag: 'green',
        why: 'Fine.',
        whyCode: { code: 'topBugs', params: { count: 1 } },
        evidence: [],
      },
    ],
    evidence: [],
    sustained: false,
  };
}

export function aStatusReport(overrides: Partial<StatusReportJson> = {}): StatusReportJson {
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((key) => [key, aDimension(key.charAt(0).toUpperCase() + key.slice(1))]),
  ) as StatusReportJson['dimensions'];
  dimensions.schedule = {
    ...dimensions.schedule,
    rag: 'amber',
    why: 'Release 2 is forecast 4 days late.',
    measures: [
      {
        id: 'slipDays',
        label: 'Milestone slip',
        value: 4,
        display: '+4 days',
        rag: 'amber',
        why: 'Forecast 2026-12-15.',
        whyCode: { code: 'slipForecast', params: { milestone: 'Release 2', target: '2026-12-11', forecast: '2026-12-15', slipDays: 4 } },
        evidence: ['ACME-7'],
      },
    ],
    evidence: ['ACME-7'],
    sustained: true,
  };
  dimensions.satisfaction = { ...dimensions.satisfaction, rag: 'grey', measures: [], why: 'No ratings yet.' };
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-27T09:00:00.000Z',
    audience: 'internal',
    lang: 'en',
    project: { id: '10000', key: 'ACME', name: 'Acme Customer Portal' },
    period: { start: '2026-11-20T09:00:00.000Z', end: '2026-11-27T09:00:00.000Z' },
    overall: {
      computed: 'amber',
      reported: 'amber',
      overrideReason: null,
      headline: 'Release 2 is at risk of slipping.',
      headlineCode: { code: 'driver', params: { dimension: 'schedule' } },
    },
    dimensions,
    sections: {
      completed: [
        {
          epic: { key: 'ACME-100', summary: 'Checkout' },
          issues: [anIssueRef({ key: 'ACME-2', status: { name: 'Done', category: 'done' } })],
        },
        { epic: null, issues: [anIssueRef({ key: 'ACME-3', summary: 'Fix footer', status: { name: 'Done', category: 'done' } })] },
      ],
      inProgress: [anIssueRef()],
      nextUp: [anIssueRef({ key: 'ACME-4', summary: 'Add audit trail', status: { name: 'To Do', category: 'new' } })],
      milestones: [
        {
          id: '10100',
          name: 'Release 2',
          released: false,
          releaseDate: '2026-12-11',
          originalReleaseDate: '2026-12-04',
          progress: { issuesDone: 12, issuesTotal: 20, pointsDone: 30, pointsTotal: 55 },
          forecastDate: '2026-12-15',
          slipDays: 4,
          rag: 'amber',
        },
      ],
      risks: {
        flagged: [anIssueRef({ key: 'ACME-5', summary: 'Payment provider contract' })],
        blocked: [{ issue: anIssueRef({ key: 'ACME-6', summary: 'Go-live checklist' }), blockedBy: ['ACME-9'] }],
        topRisks: [{ issue: anIssueRef({ key: 'ACME-7', summary: 'Data migration' }), score: 62, level: 'high' }],
      },
      waitingOnClient: [
        {
          ...anIssueRef({
            key: 'ACME-8',
            summary: 'Sign off wireframes',
            status: { name: 'Waiting for customer', category: 'indeterminate' },
          }),
          wait: { days: 6, since: '2026-11-21', estimated: false },
        },
      ],
    },
    issueRisks: [
      {
        key: 'ACME-7',
        score: 62,
        level: 'high',
        reasons: ['Overdue by 3 days', 'Blocked by ACME-9'],
        signals: [
          { code: 'overdue', days: 3, points: 33 },
          { code: 'blocked', by: { key: 'ACME-9', statusName: 'In Review', days: null }, points: 25 },
        ],
      },
      { key: 'ACME-1', score: 20, level: 'low', reasons: [], signals: [] },
    ],
    dataQuality: [
      {
        code: 'resolvedNotDone',
        issueKey: 'ACME-11',
        message: 'ACME-11 has a resolution but is not in a done status.',
        params: { statusName: 'In Review', resolution: 'Fixed' },
      },
    ],
    clientVisibility: { mode: 'marked', clientLabel: 'client', internalLabel: 'internal', shown: 9, internal: 2, total: 14, hint: null },
    ...overrides,
  };
}

/** The client's version of the same week: what `renderClientReport` gives (no risk, no data notes, no grey). */
export function aClientStatusReport(overrides: Partial<ClientStatusReportJson> = {}): ClientStatusReportJson {
  return { ...toClientFixture(aStatusReport()), ...overrides };
}
