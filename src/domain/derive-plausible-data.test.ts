import { describe, expect, it } from 'vitest';
import { clientReportDataSchema, clientStatusReportSchema } from '../../contract/client-report';
import { renderClientReport } from '../../contract/i18n/render-client-report';
import { renderStatusReport } from '../../contract/i18n/render-status-report';
import { reportDataSchema, statusReportSchema } from '../../contract/report';
import { derivePlausibleData, isPlausibleDay, MAX_ESTIMATE_SECONDS, MAX_STORY_POINTS } from './derive-plausible-data';
import { deriveReportModel, deriveStatusReport, toClientReportData, toReportData } from './derive-status-report';
import { aDoneIssue, aMilestone, anInProgressIssue, anIssue, aProject, at, DAY_MS, settingsWith } from './testing/builders';

const NOW = at('2026-03-10T12:00:00Z');
const SETTINGS = settingsWith({ clientVisibility: { mode: 'all', issueTypeIds: [] } });

describe('derivePlausibleData', () => {
  it('passes clean data through as the same objects', () => {
    const data = aProject({
      issues: [anIssue({ storyPoints: 5, due: '2026-04-01' })],
      milestones: [aMilestone({ releaseDate: '2026-05-01' })],
    });
    const plausible = derivePlausibleData(data, NOW);
    expect(plausible.data).toBe(data);
    expect(plausible.notes).toEqual([]);
  });

  it.each<{ case: string; field: 'storyPoints' | 'timeOriginal' | 'timeRemaining' | 'timeSpent'; value: number; shown: string }>([
    { case: '1e308 story points', field: 'storyPoints', value: 1e308, shown: '1e+308' },
    { case: 'negative story points', field: 'storyPoints', value: -3, shown: '-3' },
    { case: 'story points just past the limit', field: 'storyPoints', value: MAX_STORY_POINTS + 1, shown: '10001' },
    { case: 'NaN story points', field: 'storyPoints', value: Number.NaN, shown: 'NaN' },
    { case: 'an original estimate of 1e308 seconds', field: 'timeOriginal', value: 1e308, shown: '1e+308' },
    { case: 'infinite remaining time', field: 'timeRemaining', value: Number.POSITIVE_INFINITY, shown: 'Infinity' },
    { case: 'time spent past ten years', field: 'timeSpent', value: MAX_ESTIMATE_SECONDS + 1, shown: '315360001' },
  ])('sets aside $case and notes it', ({ field, value, shown }) => {
    const issue = anIssue({ key: 'ACME-7', [field]: value });
    const { data, notes } = derivePlausibleData(aProject({ issues: [issue] }), NOW);
    expect(data.issues[0]?.[field]).toBeNull();
    expect(notes).toEqual([{ code: 'implausibleEstimate', issueKey: 'ACME-7', field, value: shown }]);
  });

  it('keeps estimates at the limits', () => {
    const issue = anIssue({ storyPoints: MAX_STORY_POINTS, timeOriginal: MAX_ESTIMATE_SECONDS, timeSpent: 0 });
    expect(derivePlausibleData(aProject({ issues: [issue] }), NOW).notes).toEqual([]);
  });

  it.each([
    ['9999-12-31', false],
    ['2200-01-01', false],
    ['2199-12-31', true],
    ['1970-01-01', true],
    ['1969-12-31', false],
    ['1900-01-01', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2024-02-29', true],
  ])('%s is a plausible day: %s', (day, plausible) => {
    expect(isPlausibleDay(day)).toBe(plausible);
  });

  it('sets aside implausible due and start days, and a resolution in year 9999 with the completion it implies', () => {
    const resolved = Date.UTC(9999, 11, 31);
    const issues = [
      anIssue({ key: 'ACME-1', due: '9999-12-31', start: '1900-01-01' }),
      aDoneIssue(resolved, { key: 'ACME-2', history: { completedAt: resolved, completedAtEstimated: true } }),
    ];
    const { data, notes } = derivePlausibleData(aProject({ issues }), NOW);
    expect(data.issues.map((i) => [i.due, i.start, i.resolved, i.history.completedAt])).toEqual([
      [null, null, null, null],
      [null, null, null, null],
    ]);
    expect(notes).toEqual([
      { code: 'implausibleDate', issueKey: 'ACME-1', field: 'due', value: '9999-12-31' },
      { code: 'implausibleDate', issueKey: 'ACME-1', field: 'start', value: '1900-01-01' },
      { code: 'implausibleDate', issueKey: 'ACME-2', field: 'updated', value: '9999-12-31T00:00:00.000Z' },
      { code: 'implausibleDate', issueKey: 'ACME-2', field: 'resolved', value: '9999-12-31T00:00:00.000Z' },
    ]);
  });

  it('replaces an implausible creation instant by the update instant, else by now', () => {
    const issues = [
      anIssue({ key: 'ACME-1', created: Date.UTC(1960, 0, 1), updated: NOW - DAY_MS }),
      anIssue({ key: 'ACME-2', created: Number.NaN, updated: Number.POSITIVE_INFINITY }),
    ];
    const { data, notes } = derivePlausibleData(aProject({ issues }), NOW);
    expect(data.issues.map((i) => [i.created, i.updated])).toEqual([
      [NOW - DAY_MS, NOW - DAY_MS],
      [NOW, NOW],
    ]);
    expect(notes.map((n) => [n.issueKey, n.code === 'implausibleDate' ? [n.field, n.value] : null])).toEqual([
      ['ACME-1', ['created', '1960-01-01T00:00:00.000Z']],
      ['ACME-2', ['created', 'NaN']],
      ['ACME-2', ['updated', 'Infinity']],
    ]);
  });

  it('treats a milestone dated in year 9999 or before 1970 as undated', () => {
    const milestones = [aMilestone({ id: '1', name: 'R1', releaseDate: '9999-12-31', startDate: '1000-01-01' }), aMilestone({ id: '2' })];
    const { data, notes } = derivePlausibleData(aProject({ milestones }), NOW);
    expect(data.milestones[0]).toMatchObject({ releaseDate: null, startDate: null });
    expect(data.milestones[1]).toBe(milestones[1]);
    expect(notes).toEqual([
      { code: 'implausibleMilestoneDate', issueKey: null, milestone: 'R1', field: 'releaseDate', value: '9999-12-31' },
      { code: 'implausibleMilestoneDate', issueKey: null, milestone: 'R1', field: 'startDate', value: '1000-01-01' },
    ]);
  });
});

describe('the status report on absurd values', () => {
  /** A milestone forecast in points, with one absurd estimate among sane ones. */
  function absurdProject(storyPoints: number) {
    const next = aMilestone({ id: '200', name: 'Beta', releaseDate: '2026-04-01', startDate: '2026-02-01' });
    const done = Array.from({ length: 6 }, (_, i) =>
      aDoneIssue(NOW - (i + 1) * 7 * DAY_MS + DAY_MS, {
        key: `ACME-${i + 1}`,
        storyPoints: 3,
        fixVersions: ['200'],
        timeOriginal: 3600,
        timeSpent: 4000,
      }),
    );
    const open = [
      anIssue({ key: 'ACME-10', storyPoints, fixVersions: ['200'], due: '9999-12-31', timeOriginal: 1e308, timeSpent: 1e308 }),
      anInProgressIssue(NOW - 3 * DAY_MS, { key: 'ACME-11', storyPoints: 5, fixVersions: ['200'], due: '2026-03-20' }),
    ];
    return aProject({ issues: [...done, ...open], milestones: [next] });
  }

  it.each([1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY])(
    'estimates of %s never crash, never give an invalid date, and are ignored in measures',
    (storyPoints) => {
      const input = { data: absurdProject(storyPoints), settings: SETTINGS, now: NOW, periodStart: null };
      const model = deriveReportModel(input);
      const data = toReportData(model, {});
      expect(reportDataSchema.parse(JSON.parse(JSON.stringify(data)))).toEqual(data);
      const clientData = toClientReportData(model, {});
      expect(clientReportDataSchema.parse(JSON.parse(JSON.stringify(clientData)))).toEqual(clientData);
      for (const lang of ['en', 'zh-CN'] as const) {
        const report = renderStatusReport(data, lang);
        expect(statusReportSchema.parse(report)).toEqual(report);
        // Only the notes may show the absurd value, as the value Jira holds.
        expect(JSON.stringify({ ...report, dataQuality: [] })).not.toMatch(/Invalid|NaN|Infinity|∞|e\+\d/u);
        const client = renderClientReport(clientData, lang);
        expect(clientStatusReportSchema.parse(client)).toEqual(client);
        expect(JSON.stringify(client)).not.toMatch(/Invalid|NaN|Infinity|∞|e\+\d/u);
      }
      const beta = model.health.milestones[0];
      // The absurd issue counts as unestimated; 7 of 8 issues still have points, so points it is.
      expect(beta).toMatchObject({ unit: 'points', pointsTotal: 3 * 6 + 5, forecastDate: expect.stringMatching(/^2026-/u) as unknown });
      const report = deriveStatusReport({ ...input, audience: 'internal', lang: 'en' });
      expect(report.dataQuality.filter((n) => n.issueKey === 'ACME-10').map((n) => [n.code, n.params['field']])).toEqual([
        ['implausibleEstimate', 'storyPoints'],
        ['implausibleEstimate', 'timeOriginal'],
        ['implausibleEstimate', 'timeSpent'],
        ['implausibleDate', 'due'],
      ]);
      // Effort variance over the six sane estimates only: 4,000 s spent against 3,600 s each.
      expect(report.dimensions.cost.measures[0]?.value).toBeCloseTo(400 / 3600, 6);
      expect(report.issueRisks.find((r) => r.key === 'ACME-10')?.signals.map((s) => s.code)).not.toContain('overrun');
    },
  );

  it('a forecast beyond 2199 has no date: the milestone is red and says why, in both languages', () => {
    // Plausible estimates, absurdly slow pace: 200,000 points at 1 a week is thousands of years.
    const next = aMilestone({ id: '200', name: 'Beta', releaseDate: '2026-04-01', startDate: '2026-02-01' });
    const done = Array.from({ length: 6 }, (_, i) =>
      aDoneIssue(NOW - (i + 1) * 7 * DAY_MS + DAY_MS, { key: `ACME-${i + 1}`, storyPoints: 1, fixVersions: ['200'] }),
    );
    const open = Array.from({ length: 20 }, (_, i) =>
      anIssue({ key: `ACME-${i + 10}`, storyPoints: MAX_STORY_POINTS, fixVersions: ['200'] }),
    );
    const input = { data: aProject({ issues: [...done, ...open], milestones: [next] }), settings: SETTINGS, now: NOW, periodStart: null };
    const en = deriveStatusReport({ ...input, audience: 'internal', lang: 'en' });
    expect(en.sections.milestones[0]).toMatchObject({ forecastDate: null, slipDays: null, rag: 'red' });
    expect(en.dimensions.schedule.measures[0]?.whyCode.code).toBe('slipBeyondHorizon');
    expect(en.dimensions.schedule.why).toBe(
      'Beta (due Apr 1, 2026) has 200,000 points remaining: at the recent pace it would not be done before 2200.',
    );
    const zh = deriveStatusReport({ ...input, audience: 'internal', lang: 'zh-CN' });
    expect(zh.dimensions.schedule.why).toBe('Beta（目标 2026年4月1日）剩余 200,000 故事点：按最近的进度，2200 年之前无法完成。');
  });
});
