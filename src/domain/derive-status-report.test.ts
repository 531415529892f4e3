import { describe, expect, it } from 'vitest';
import { clientReportDataSchema, clientStatusReportSchema, type ClientStatusReportJson } from '../../contract/client-report';
import { renderClientReport } from '../../contract/i18n/render-client-report';
import { renderStatusReport } from '../../contract/i18n/render-status-report';
import { HIDDEN_ISSUE_MARKER, reportDataSchema, statusReportSchema, type StatusReportJson } from '../../contract/report';
import { deriveDataQuality } from './derive-data-quality';
import { deriveReportSections } from './derive-report-sections';
import {
  deriveReportModel,
  deriveStatusReport,
  toClientReportData,
  toReportData,
  type ReportModel,
  type ReportProjection,
  type StatusReportInput,
} from './derive-status-report';
import type { HealthAssessment, IssueRisk, Rag } from './health-types';
import type { Issue } from './issue';
import type { ProjectData } from './project-data';
import { DIMENSIONS, type Dimension } from './settings';
import { aDoneIssue, aMilestone, anInProgressIssue, anIssue, aProject, at, DAY_MS, settingsWith } from './testing/builders';
import { aForecast, aHealth, aRisk } from './testing/report-builders';

const NOW = at('2026-03-10T12:00:00Z');
const START = at('2026-03-03T12:00:00Z');
// Every non-internal issue is shown to the client here: these tests are about internal issues; marking is tested in derive-report-sections.
const SETTINGS = settingsWith({ clientVisibility: { mode: 'all', issueTypeIds: [] } });
const EPIC = { name: 'Epic', subtask: false, hierarchyLevel: 1 };
const SUBTASK = { name: 'Sub-task', subtask: true, hierarchyLevel: -1 };
const link = (key: string) => ({ key, statusName: 'In Review', category: 'indeterminate' as const, since: NOW - 4 * DAY_MS });

/** A model from hand-built health and risks, so these tests do not depend on the health rules. */
function model(issues: readonly Issue[], health: HealthAssessment = aHealth(), risks: readonly IssueRisk[] = []): ReportModel {
  const data = aProject({ issues });
  return {
    project: data.project,
    now: NOW,
    health,
    risks,
    sections: deriveReportSections(data, health, risks, SETTINGS, NOW, START),
    dataQuality: deriveDataQuality(data, SETTINGS),
    clientVisibility: { mode: SETTINGS.clientVisibility.mode, clientLabel: SETTINGS.clientLabel, internalLabel: SETTINGS.internalLabel },
  };
}

type Projection = Partial<Omit<ReportProjection, 'audience'>> & { lang?: 'en' | 'zh-CN' };
const project = (m: ReportModel, { lang = 'en', ...over }: Projection = {}): StatusReportJson =>
  renderStatusReport(toReportData(m, over), lang);
const projectForClient = (m: ReportModel, { lang = 'en', ...over }: Projection = {}): ClientStatusReportJson =>
  renderClientReport(toClientReportData(m, over), lang);

describe('toStatusReportJson: overall', () => {
  const red = aHealth({ overall: 'red', dimensions: { schedule: { rag: 'red' } } });
  it.each([
    {
      case: 'no override',
      override: null,
      expected: { computed: 'red', reported: 'red', overrideReason: null },
    },
    {
      case: 'override, internal sees both and the reason',
      override: { rag: 'amber' as const, reason: 'Client agreed new date' },
      expected: { computed: 'red', reported: 'amber', overrideReason: 'Client agreed new date' },
    },
    {
      case: 'an override equal to the computed RAG is no override',
      override: { rag: 'red' as const, reason: 'Same' },
      expected: { computed: 'red', reported: 'red', overrideReason: null },
    },
  ])('$case', ({ override, expected }) => {
    expect(project(model([], red), { override }).overall).toMatchObject(expected);
  });

  it('override: the client sees only the reported RAG, never the computed one or the reason', () => {
    const client = projectForClient(model([], red), { override: { rag: 'amber', reason: 'Client agreed new date' } });
    expect(client.overall).toEqual({
      reported: 'amber',
      headline: 'Amber: some areas need attention; details follow',
      headlineCode: { code: 'attention', params: {} },
    });
    expect(JSON.stringify(client)).not.toContain('Client agreed new date');
  });

  it('headline: the reported colour and the first dimension with the computed RAG', () => {
    const health = aHealth({ overall: 'red', dimensions: { scope: { rag: 'amber' }, quality: { rag: 'red' }, cost: { rag: 'red' } } });
    const json = project(model([], health));
    expect(json.overall.headline).toMatch(/^Red: /u);
    expect(json.overall.headline).toContain(json.dimensions.quality.label);
    const overridden = project(model([], health), { override: { rag: 'amber', reason: 'x' } });
    expect(overridden.overall.headline).toMatch(/^Reported Amber, computed Red: /u);
    // The client's headline names the first dimension it sees with the reported colour, in plain
    // words: not the computed reasoning (its figures count internal issues).
    const client = projectForClient(model([], health), { override: { rag: 'amber', reason: 'x' } });
    expect(client.overall.headline).toBe(`Amber: ${json.dimensions.scope.label} needs attention`);
    expect(projectForClient(model([], health)).overall.headline).toBe(`Red: ${json.dimensions.quality.label} is at risk`);
    expect(projectForClient(model([], health), { lang: 'zh-CN' }).overall.headline).toBe('红色：质量存在风险');
    // Green reported over dimensions the client sees as red is not "everything is on track".
    const green = projectForClient(model([], health), { override: { rag: 'green', reason: 'x' } });
    expect(green.overall.headline).toBe('Green: some areas need attention; details follow');
  });

  it('headline: amber for lack of data names the grey dimensions', () => {
    const health = aHealth({ overall: 'amber', dimensions: { cost: { rag: 'grey' }, satisfaction: { rag: 'grey' } } });
    const json = project(model([], health));
    expect(json.overall.headline).toBe(`Amber: not enough data for ${json.dimensions.cost.label}, ${json.dimensions.satisfaction.label}`);
    // The client hears no jargon about missing data, and does not see the grey dimensions at all.
    const client = projectForClient(model([], health));
    expect(client.overall.headline).toBe('Amber: some areas need attention; details follow');
    expect(client.dimensions.map((d) => d.id)).toEqual(['schedule', 'scope', 'quality', 'communication']);
    expect(projectForClient(model([], health), { lang: 'zh-CN' }).overall.headline).toBe('黄色：部分方面需要关注，详见下文');
  });

  it('headline: green names the next milestone', () => {
    const health = aHealth({ milestones: [aForecast({ id: '7', name: 'Beta', releaseDate: '2026-04-01' })], nextMilestoneId: '7' });
    // The day reads as every other day of the report does (a red headline's why says "Apr 1, 2026" too).
    expect(project(model([], health)).overall.headline).toBe('Green: on track; next milestone Beta is due Apr 1, 2026');
    expect(project(model([], health), { lang: 'zh-CN' }).overall.headline).toBe(
      '绿色：进展正常；下一个里程碑 Beta 计划于 2026年4月1日 交付',
    );
    expect(project(model([], aHealth())).overall.headline).toBe('Green: every tracked dimension is on track');
  });
});

describe('toStatusReportJson: dimensions and milestones', () => {
  it.each<{ now: Rag; previous: Rag | undefined; sustained: boolean }>([
    { now: 'amber', previous: 'amber', sustained: true },
    { now: 'red', previous: 'amber', sustained: true },
    { now: 'amber', previous: 'green', sustained: false },
    { now: 'green', previous: 'red', sustained: false },
    { now: 'red', previous: undefined, sustained: false },
    { now: 'grey', previous: 'red', sustained: false },
  ])('sustained: $now now, $previous before -> $sustained', ({ now, previous, sustained }) => {
    const health = aHealth({ dimensions: { cost: { rag: now } } });
    const json = project(model([], health), { previousDimensions: previous === undefined ? null : { cost: previous } });
    expect(json.dimensions.cost.sustained).toBe(sustained);
  });

  it.each([
    { case: 'unknown original', originals: {}, expected: null },
    { case: 'original equal to the current target', originals: { '100': '2026-03-31' }, expected: null },
    { case: 'original different from the current target', originals: { '100': '2026-03-15' }, expected: '2026-03-15' },
  ])('originalReleaseDate: $case', ({ originals, expected }) => {
    const json = project(model([], aHealth({ milestones: [aForecast({ id: '100', releaseDate: '2026-03-31' })] })), {
      originalReleaseDates: originals,
    });
    expect(json.sections.milestones[0]?.originalReleaseDate).toBe(expected);
  });

  it('evidence keeps the 50 most relevant keys and says how many there are; JQL for the internal audience only', () => {
    const keys = Array.from({ length: 70 }, (_, i) => `ACME-${70 - i}`); // most relevant first
    const overdue = { id: 'overdueShare' as const, value: 1, rag: 'red' as const, why: { code: 'overdueNoDueDates' as const, params: {} } };
    const jql = 'project = "ACME" AND duedate < "2026-03-10"';
    const health = aHealth({
      dimensions: { schedule: { evidence: keys, evidenceJql: jql, measures: [{ ...overdue, evidence: keys, evidenceJql: jql }] } },
    });
    const internal = project(model([], health)).dimensions.schedule;
    expect(internal.measures[0]).toMatchObject({ evidenceCount: 70, evidenceJql: jql, evidenceSummary: 'first 50 of 70 issues' });
    expect(internal.measures[0]?.evidence).toEqual(keys.slice(0, 50).reverse());
    expect(internal).toMatchObject({ evidenceCount: 70, evidenceJql: jql });
    const client = projectForClient(model([], health)).dimensions.find((d) => d.id === 'schedule');
    // Its colour and a plain sentence only: no measure, and no figure of one.
    expect(client).toEqual({ id: 'schedule', label: 'Schedule', rag: 'green', why: 'On track' });
    expect(JSON.stringify(client)).not.toMatch(/evidence|duedate|ACME-|\d/u);
  });

  it('the forecast method and inputs are for the internal audience; the client sees the dates', () => {
    const forecast = {
      method: 'monte-carlo' as const,
      outcome: 'forecast' as const,
      unit: 'issues' as const,
      p50: '2026-03-25',
      p85: '2026-03-28',
      trials: 5000,
      seed: 1,
      weeklySamples: [2, 3, 1],
      historyWeeks: 3,
      minHistoryWeeks: 3,
      remaining: 6,
      remainingAhead: 0,
    };
    const health = aHealth({ milestones: [aForecast({ forecast, forecastDate: '2026-03-28' })] });
    expect(project(model([], health)).sections.milestones[0]?.forecast).toEqual(forecast);
    const client = projectForClient(model([], health)).sections.milestones[0];
    expect(client?.forecastDate).toBe('2026-03-28');
    expect(client && 'forecast' in client).toBe(false);
  });

  it('evidence is listed in natural key order', () => {
    const health = aHealth({ dimensions: { schedule: { evidence: ['ACME-10', 'ACME-9', 'ACME-100'] } } });
    expect(project(model([], health)).dimensions.schedule.evidence).toEqual(['ACME-9', 'ACME-10', 'ACME-100']);
  });
});

describe('toStatusReportJson: issues', () => {
  it('issue refs carry display names, never e-mail addresses, and the epic key', () => {
    const issues = [
      anIssue({ key: 'ACME-1', type: EPIC }),
      anInProgressIssue(START, { key: 'ACME-2', parentKey: 'ACME-1', assignee: { accountId: 'a', displayName: 'Li Na' } }),
      anInProgressIssue(START, { key: 'ACME-3', assignee: { accountId: 'b', displayName: 'bob@example.com' } }),
    ];
    const refs = project(model(issues)).sections.inProgress;
    expect(refs.map((r) => [r.key, r.assignee, r.epicKey])).toEqual([
      ['ACME-2', 'Li Na', 'ACME-1'],
      ['ACME-3', null, null],
    ]);
  });

  it('data-quality notes are for the internal audience only; a "more" note keeps its code', () => {
    const closed = Array.from({ length: 22 }, (_, i) => anIssue({ key: `ACME-${i + 1}`, status: { name: 'Closed', category: 'done' } }));
    const m = model(closed);
    const internal = project(m).dataQuality;
    expect(internal).toHaveLength(21);
    expect(internal[20]).toEqual({
      code: 'doneWithoutResolution',
      issueKey: null,
      message: '…and 2 more issues with the same problem.',
      params: { count: 2, issueKeys: ['ACME-21', 'ACME-22'] },
    });
    expect(projectForClient(m)).not.toHaveProperty('dataQuality');
  });

  it('risk reasons are sentences for the team; the client gets no risk at all, and no internal blocker', () => {
    const issues = [anIssue({ key: 'ACME-1', labels: ['internal'] }), anIssue({ key: 'ACME-2', blockedBy: [link('ACME-1')] })];
    const risks = [
      aRisk('ACME-2', 30, { signals: [{ code: 'blocked', by: { key: 'ACME-1', statusName: 'In Review', days: 4 }, points: 25 }] }),
    ];
    const internal = project(model(issues, aHealth(), risks));
    expect(internal.issueRisks[0]?.reasons[0]).toContain('ACME-1');
    const client = projectForClient(model(issues, aHealth(), risks));
    expect(client).not.toHaveProperty('issueRisks');
    expect(client.sections.blocked).toEqual([
      { issue: expect.objectContaining({ key: 'ACME-2' }) as unknown, blockedBy: [], hiddenBlockers: 1 },
    ]);
    expect(JSON.stringify(client)).not.toMatch(/ACME-1\b/u);
  });

  it('a summary naming an internal issue reads "an internal task" for the client; in Chinese without the spaces', () => {
    const issues = [
      anIssue({ key: 'ACME-1', labels: ['internal'] }),
      anIssue({ key: 'ACME-2', due: '2026-03-11', summary: 'Follow-up of ACME-1 for 客户' }),
    ];
    expect(projectForClient(model(issues)).sections.nextUp[0]?.summary).toBe('Follow-up of an internal task for 客户');
    const zh = projectForClient(
      model([
        anIssue({ key: 'ACME-1', labels: ['internal'] }),
        anIssue({ key: 'ACME-2', due: '2026-03-11', summary: '跟进 ACME-1 的问题' }),
      ]),
      { lang: 'zh-CN' },
    );
    expect(zh.sections.nextUp[0]?.summary).toBe('跟进一项内部任务的问题');
  });
});

// ---------------------------------------------------------------------------------------------
// End to end: the real health and risk rules.

/** A small project with every kind of issue the report treats specially. */
function scenario(): ProjectData {
  const releasedInPeriod = aMilestone({ id: '100', name: 'Alpha', released: true, releaseDate: '2026-03-05', startDate: '2026-01-10' });
  const next = aMilestone({ id: '200', name: 'Beta', releaseDate: '2026-03-20', startDate: '2026-02-01' });
  const issues: Issue[] = [
    anIssue({ key: 'ACME-1', type: EPIC, summary: 'Checkout' }),
    anIssue({ key: 'ACME-2', type: EPIC, summary: 'Ops tooling', labels: ['internal'] }),
    aDoneIssue(NOW - 2 * DAY_MS, { key: 'ACME-3', parentKey: 'ACME-1', fixVersions: ['200'], storyPoints: 3 }),
    aDoneIssue(NOW - 3 * DAY_MS, { key: 'ACME-4', parentKey: 'ACME-2', fixVersions: ['200'] }),
    aDoneIssue(NOW - DAY_MS, { key: 'ACME-5', parentKey: 'ACME-3', type: SUBTASK }),
    anInProgressIssue(NOW - 20 * DAY_MS, {
      key: 'ACME-6',
      parentKey: 'ACME-1',
      fixVersions: ['200'],
      due: '2026-03-08',
      flagged: true,
      blockedBy: [link('ACME-7'), link('OPS-12')],
      priority: { name: 'Highest', rank: 0 },
      assignee: { accountId: 'x', displayName: 'Wang Fang' },
      labels: ['client'],
    }),
    anInProgressIssue(NOW - 5 * DAY_MS, { key: 'ACME-7', labels: ['internal'], due: '2026-03-01', flagged: true, summary: 'Fix build' }),
    anIssue({ key: 'ACME-8', fixVersions: ['200'], due: '2026-03-12', summary: 'Follow-up of ACME-7' }),
    anIssue({ key: 'ACME-9', status: { name: 'Waiting for customer', category: 'indeterminate' }, due: '2026-03-11' }),
    anIssue({ key: 'ACME-10', labels: ['waiting-on-client'] }),
    anIssue({ key: 'ACME-11', type: { name: 'Bug' }, priority: { name: 'High', rank: 1 }, due: '2026-03-09', fixVersions: ['200'] }),
    anIssue({ key: 'ACME-12', resolution: 'Fixed', history: { completedAt: NOW - DAY_MS } }),
    anIssue({ key: 'ACME-13', status: { name: 'Triage', category: 'undefined' } }),
  ];
  return aProject({ issues, milestones: [releasedInPeriod, next] });
}

const input = (over: Partial<Omit<StatusReportInput, 'audience'>> = {}): StatusReportInput & { audience: 'internal' } => ({
  data: scenario(),
  settings: SETTINGS,
  now: NOW,
  periodStart: START,
  lang: 'en',
  ...over,
  audience: 'internal',
});
const clientInput = (over: Partial<Omit<StatusReportInput, 'audience'>> = {}): StatusReportInput & { audience: 'client' } => ({
  ...input(over),
  audience: 'client',
});

describe('deriveStatusReport', () => {
  it.each(['en', 'zh-CN'] as const)('matches the contract schema exactly (internal and client, %s)', (lang) => {
    const report = deriveStatusReport(input({ lang }));
    expect(statusReportSchema.parse(report)).toEqual(report);
    expect(report.generatedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(report.period).toEqual({ start: '2026-03-03T12:00:00.000Z', end: '2026-03-10T12:00:00.000Z' });
    const client = deriveStatusReport(clientInput({ lang }));
    expect(clientStatusReportSchema.parse(client)).toEqual(client);
    expect(client.period).toEqual(report.period);
  });

  it('is deterministic: the same input gives byte-identical JSON', () => {
    const a = JSON.stringify(deriveStatusReport(input({ override: { rag: 'green', reason: 'ok' } })));
    const b = JSON.stringify(deriveStatusReport(input({ override: { rag: 'green', reason: 'ok' } })));
    expect(a).toBe(b);
  });

  it('does not depend on the order issues arrive in', () => {
    const data = scenario();
    const reversed = { ...data, issues: [...data.issues].reverse() };
    expect(JSON.stringify(deriveStatusReport(input({ data: reversed })))).toBe(JSON.stringify(deriveStatusReport(input({ data }))));
  });

  it('lists what the sections promise', () => {
    const report = deriveStatusReport(input());
    const s = report.sections;
    expect(s.completed.map((g) => [g.epic?.key ?? null, g.issues.map((i) => i.key)])).toEqual([
      ['ACME-1', ['ACME-3', 'ACME-5']],
      ['ACME-2', ['ACME-4']],
      [null, ['ACME-12']],
    ]);
    expect(s.inProgress.map((i) => i.key)).toEqual(['ACME-7', 'ACME-6']);
    expect(s.nextUp.map((i) => i.key)).toEqual(['ACME-11', 'ACME-8']);
    expect(s.waitingOnClient.map((i) => i.key)).toEqual(['ACME-9', 'ACME-10']);
    // Neither carries a status entry: both waits run at least from their last update (estimated).
    expect(s.waitingOnClient.map((i) => i.wait)).toEqual([
      { days: 64, since: '2026-01-05', estimated: true },
      { days: 64, since: '2026-01-05', estimated: true },
    ]);
    expect(s.risks.flagged.map((i) => i.key)).toEqual(['ACME-7', 'ACME-6']);
    expect(s.risks.blocked.map((b) => [b.issue.key, b.blockedBy])).toEqual([['ACME-6', ['ACME-7', 'OPS-12']]]);
    expect(s.milestones.map((m) => m.name)).toEqual(['Alpha', 'Beta']);
    expect(report.issueRisks[0]?.key).toBe('ACME-6');
    expect(report.issueRisks.map((r) => r.key).sort()).toEqual(
      ['ACME-1', 'ACME-2', 'ACME-6', 'ACME-7', 'ACME-8', 'ACME-9', 'ACME-10', 'ACME-11', 'ACME-13'].sort(),
    );
    expect(report.dataQuality.map((n) => [n.code, n.issueKey])).toEqual([
      ['resolvedNotDone', 'ACME-12'],
      ['noStatusCategory', 'ACME-13'],
      ['blockerOutsideProject', 'ACME-6'],
    ]);
  });

  it.each(['en', 'zh-CN'] as const)('an internal issue is in the internal report and nowhere in the client one (%s)', (lang) => {
    const internal = JSON.stringify(deriveStatusReport(input({ lang })));
    const client = JSON.stringify(deriveStatusReport(clientInput({ lang })));
    // ACME-4 is under the internal epic ACME-2 but not internal itself: the client sees it, without its epic.
    for (const key of ['ACME-2', 'ACME-5', 'ACME-7', 'OPS-12']) {
      const pattern = new RegExp(`\\b${key}\\b`, 'u');
      expect(internal).toMatch(pattern);
      expect(client).not.toMatch(pattern);
    }
    const report = deriveStatusReport(clientInput({ lang }));
    expect(report.sections.completed.map((g) => [g.epic?.key ?? null, g.issues.map((i) => i.key)])).toEqual([
      ['ACME-1', ['ACME-3']],
      [null, ['ACME-4', 'ACME-12']],
    ]);
    // Blocked by the internal ACME-7 and by OPS-12 outside the project: not named, but counted.
    expect(report.sections.blocked).toEqual([
      { issue: expect.objectContaining({ key: 'ACME-6' }) as unknown, blockedBy: [], hiddenBlockers: 2 },
    ]);
    expect(report.sections.flagged.map((i) => i.key)).toEqual(['ACME-6']);
  });

  it('Chinese output leaves no English sentence in the translated parts', () => {
    const report = deriveStatusReport(input({ lang: 'zh-CN', override: { rag: 'amber', reason: '客户已同意' } }));
    // Names from Jira and acronyms stay as they are.
    const names = ['Beta', 'Alpha', 'Highest', 'High', 'In Review', 'Triage', 'Fixed', 'CSAT'];
    const strip = (text: string): string =>
      names.reduce((t, n) => t.replaceAll(n, ''), text.replace(/\b[A-Z][A-Z0-9_]*-\d+\b/gu, '').replace(/\d{4}-\d{2}-\d{2}/gu, ''));
    const sentences = [
      report.overall.headline,
      ...DIMENSIONS.flatMap((d: Dimension) => {
        const dim = report.dimensions[d];
        return [dim.label, dim.why, ...dim.measures.flatMap((m) => [m.label, m.display, m.why])];
      }),
      ...report.issueRisks.flatMap((r) => r.reasons),
      ...report.dataQuality.map((n) => n.message),
    ];
    for (const sentence of sentences) expect(strip(sentence), sentence).not.toMatch(/[A-Za-z]{3,}/u);
  });
});

describe('toReportData: the report as language-neutral data', () => {
  const dataOf = (over: Partial<Omit<StatusReportInput, 'audience'>> = {}) => {
    const i = input(over);
    return toReportData(deriveReportModel(i), i);
  };
  const clientDataOf = (over: Partial<Omit<StatusReportInput, 'audience'>> = {}) => {
    const i = input(over);
    return toClientReportData(deriveReportModel(i), i);
  };

  it('matches the data schema exactly, strict codes included (internal and client)', () => {
    const data = dataOf({ override: { rag: 'green', reason: 'Client agreed' } });
    expect(reportDataSchema.parse(data)).toEqual(data);
    expect(data.schemaVersion).toBe(1);
    const client = clientDataOf({ override: { rag: 'green', reason: 'Client agreed' } });
    expect(clientReportDataSchema.parse(client)).toEqual(client);
  });

  it('the internal data says, per issue, whether the client sees it and why, and counts them', () => {
    const data = dataOf();
    const refs = new Map(
      [...data.sections.completed.flatMap((g) => g.issues), ...data.sections.inProgress, ...data.sections.nextUp].map((r) => [
        r.key,
        r.client,
      ]),
    );
    expect(refs.get('ACME-3')).toEqual({ shown: true, reason: 'all' });
    expect(refs.get('ACME-5')).toEqual({ shown: false, reason: 'subtask' });
    expect(refs.get('ACME-7')).toEqual({ shown: false, reason: 'internal-label' });
    expect(data.clientVisibility).toEqual({
      mode: 'all',
      clientLabel: 'client',
      internalLabel: 'internal',
      shown: 10,
      internal: 3,
      total: 13,
    });
  });

  it('holds no sentence in any language (internal)', () => {
    const json = JSON.stringify(dataOf());
    for (const lang of ['en', 'zh-CN'] as const) {
      const report = deriveStatusReport(input({ lang }));
      const sentences = [
        report.overall.headline,
        ...Object.values(report.dimensions).flatMap((d) => [d.label, d.why, ...d.measures.flatMap((m) => [m.label, m.display, m.why])]),
        ...report.issueRisks.flatMap((r) => r.reasons),
        ...report.dataQuality.map((n) => n.message),
      ];
      expect(sentences.length).toBeGreaterThan(20);
      // A display such as "2" or "0%" may well appear as data; a sentence may not.
      for (const sentence of sentences.filter((t) => t.length > 8)) expect(json).not.toContain(sentence);
    }
  });

  it('stored, read back and rendered, gives the same report in each language (internal and client)', () => {
    const stored = JSON.stringify(dataOf({ override: { rag: 'amber', reason: 'Agreed' } }));
    const storedClient = JSON.stringify(clientDataOf({ override: { rag: 'amber', reason: 'Agreed' } }));
    for (const lang of ['en', 'zh-CN'] as const) {
      const rendered = renderStatusReport(reportDataSchema.parse(JSON.parse(stored)), lang);
      expect(JSON.stringify(rendered)).toBe(
        JSON.stringify(deriveStatusReport(input({ lang, override: { rag: 'amber', reason: 'Agreed' } }))),
      );
      const client = renderClientReport(clientReportDataSchema.parse(JSON.parse(storedClient)), lang);
      expect(JSON.stringify(client)).toBe(
        JSON.stringify(deriveStatusReport(clientInput({ lang, override: { rag: 'amber', reason: 'Agreed' } }))),
      );
    }
  });

  it('keeps the codes next to the sentences', () => {
    const data = dataOf();
    const report = renderStatusReport(data, 'en');
    expect(report.overall.headlineCode).toEqual(data.overall.headline);
    expect(report.dimensions.schedule.whyCode).toEqual(data.dimensions.schedule.why);
    expect(report.dimensions.schedule.measures.map((m) => m.whyCode)).toEqual(data.dimensions.schedule.measures.map((m) => m.why));
    expect(report.issueRisks.map((r) => r.signals)).toEqual(data.issueRisks.map((r) => r.signals));
    const blocked = report.issueRisks.find((r) => r.key === 'ACME-6');
    expect(blocked?.signals.map((s) => s.code)).toContain('blocked');
    expect(report.dataQuality.map((n) => [n.code, n.params])).toEqual([
      ['resolvedNotDone', { statusName: 'To Do', resolution: 'Fixed' }],
      ['noStatusCategory', { statusName: 'Triage' }],
      ['blockerOutsideProject', { blockerKey: 'OPS-12' }],
    ]);
  });

  it('client data marks hidden keys in text and names no hidden issue anywhere', () => {
    const data = clientDataOf();
    const json = JSON.stringify(data);
    for (const key of ['ACME-2', 'ACME-5', 'ACME-7', 'OPS-12']) expect(json).not.toMatch(new RegExp(`\\b${key}\\b`, 'u'));
    // ACME-8's summary names the internal ACME-7; ACME-6's blockers are internal or outside.
    expect(data.sections.nextUp.find((i) => i.key === 'ACME-8')?.summary).toBe(`Follow-up of ${HIDDEN_ISSUE_MARKER}`);
    expect(data.sections.blocked.find((b) => b.issue.key === 'ACME-6')?.blockedBy).toEqual([]);
    expect(renderClientReport(data, 'en').sections.nextUp.find((i) => i.key === 'ACME-8')?.summary).toBe('Follow-up of an internal task');
  });
});

describe('deriveStatusReport: decisions and action items', () => {
  const internalIssue = anIssue({ key: 'ACME-50', labels: ['internal'] });
  const data = (): ProjectData =>
    aProject({
      issues: [internalIssue],
      communication: {
        touchpoints: [],
        minutes: [
          {
            date: '2026-03-05',
            seriesTitle: 'Client sync',
            withClient: true,
            decisions: ['Launch after ACME-50 is fixed'],
            actionItems: [
              { text: 'Send logo', ownerSide: 'client', ownerName: 'Ana', due: '2026-03-06', status: 'open', jiraIssueKey: 'ACME-60' },
            ],
          },
          {
            date: '2026-03-06',
            seriesTitle: 'Team retro',
            withClient: false,
            decisions: ['Internal only'],
            actionItems: [{ text: 'Chase Ana', ownerSide: 'client', ownerName: 'Ana', due: null, status: 'open', jiraIssueKey: null }],
          },
        ],
      },
    });

  it('gives the internal report every touchpoint, with Jira keys and the overdue flag', () => {
    const report = deriveStatusReport(input({ data: data() }));
    expect(statusReportSchema.parse(report)).toEqual(report);
    expect(report.sections.decisions?.map((d) => d.text)).toEqual(['Launch after ACME-50 is fixed', 'Internal only']);
    expect(report.sections.actionItems).toEqual([
      {
        text: 'Send logo',
        ownerSide: 'client',
        ownerName: 'Ana',
        due: '2026-03-06',
        status: 'open',
        jiraIssueKey: 'ACME-60',
        overdue: true,
      },
      { text: 'Chase Ana', ownerSide: 'client', ownerName: 'Ana', due: null, status: 'open', jiraIssueKey: null, overdue: false },
    ]);
  });

  it.each(['en', 'zh-CN'] as const)(
    'gives the client only touchpoints held with the client, no Jira key, hidden keys masked (%s)',
    (lang) => {
      const report = deriveStatusReport(clientInput({ data: data(), settings: settingsWith({}), lang }));
      expect(clientStatusReportSchema.parse(report)).toEqual(report);
      expect(report.sections.decisions).toEqual([
        {
          text: lang === 'en' ? 'Launch after an internal task is fixed' : 'Launch after 一项内部任务 is fixed',
          date: '2026-03-05',
          seriesTitle: 'Client sync',
        },
      ]);
      expect(report.sections.actionItems).toEqual([
        { text: 'Send logo', ownerSide: 'client', ownerName: 'Ana', due: '2026-03-06', status: 'open', overdue: true },
      ]);
      const json = JSON.stringify(report);
      for (const secret of ['Internal only', 'Chase Ana', 'Team retro', 'ACME-60', 'ACME-50']) expect(json).not.toContain(secret);
    },
  );
});
