import type { ActionItemJson, CommsPlanJson, StakeholderJson, TouchpointJson, TouchpointSeriesJson } from '../../contract/comms';

/** Test-data builders for the communication plan and the touchpoint log. */
export function aStakeholder(overrides: Partial<StakeholderJson> = {}): StakeholderJson {
  return {
    id: 'pm',
    name: 'Pat Manager',
    side: 'internal',
    role: 'Delivery manager',
    email: 'pat@example.com',
    accountId: 'local-pm',
    preferredChannel: 'email',
    language: 'en',
    timeZone: 'Europe/Paris',
    detailLevel: 'detailed',
    receivesReports: true,
    ...overrides,
  };
}

export function aClientStakeholder(overrides: Partial<StakeholderJson> = {}): StakeholderJson {
  return aStakeholder({
    id: 'client',
    name: 'Chen Li',
    side: 'client',
    role: 'Sponsor',
    email: 'chen@client.example',
    accountId: null,
    language: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    detailLevel: 'executive',
    ...overrides,
  });
}

export function aSeries(overrides: Partial<TouchpointSeriesJson> = {}): TouchpointSeriesJson {
  return {
    id: 'weekly',
    title: 'Weekly status call',
    kind: 'meeting',
    cadence: { kind: 'weekly', weekday: 'monday' },
    localTime: '09:00',
    timeZone: 'Europe/Paris',
    durationMinutes: 30,
    channel: 'video-call',
    audience: ['pm', 'client'],
    ownerId: 'pm',
    startDate: '2026-01-05',
    endDate: null,
    graceDays: 1,
    ...overrides,
  };
}

export function aPlan(overrides: Partial<CommsPlanJson> = {}): CommsPlanJson {
  return {
    stakeholders: [aStakeholder(), aClientStakeholder()],
    series: [aSeries()],
    reminders: { mode: 'none', trackingIssueKey: null },
    ...overrides,
  };
}

export function anActionItem(overrides: Partial<ActionItemJson> = {}): ActionItemJson {
  return {
    id: 'a1',
    text: 'Send the test plan',
    ownerSide: 'internal',
    ownerName: 'Pat Manager',
    ownerAccountId: 'local-pm',
    due: '2026-01-16',
    status: 'open',
    jiraIssueKey: null,
    ...overrides,
  };
}

export function aTouchpoint(overrides: Partial<TouchpointJson> = {}): TouchpointJson {
  return {
    id: 't1',
    seriesId: 'weekly',
    date: '2026-01-05',
    attendees: ['Pat Manager', 'Chen Li'],
    decisions: ['Go live moves to March'],
    actionItems: [anActionItem()],
    openQuestions: ['Who signs the acceptance?'],
    ...overrides,
  };
}
