/**
 * Property (DESIGN §5.1): over many generated projects — random types, labels (in any case),
 * epics, subtasks, blockers inside and outside the project, visibility modes and labels,
 * assignees whose display name is an e-mail, summaries naming other issues — no issue the
 * client may not see and no internal signal reaches any client output: the client's data, its
 * rendered JSON, its HTML and its Markdown, in both languages.
 *
 * Each hidden issue's summary carries a sentinel; every risk reason and data-quality sentence of
 * the internal report (the staleness, cycle-time and score sentences among them) is looked for
 * in the client's outputs; so are grey dimensions' names, every dimension's and measure's sentence
 * and the internal milestone progress (their figures count internal issues), e-mails and links
 * into Jira; the client's dimensions and headline hold no figure, its milestone progress is a
 * percentage, and hidden blockers are counted, not named. Then the
 * same on the local runtime, through the `project/report` resolver, in every visibility mode.
 * The client's outputs include its drafted narrative (issue 11), whose evidence names only issues
 * the client sees.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientReportDataSchema, clientStatusReportSchema, type ClientStatusReportJson } from '../../contract/client-report';
import { DEFAULT_PROJECT_SETTINGS, settingsViewSchema } from '../../contract';
import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { draftClientNarrative } from '../../contract/i18n/draft-narrative';
import { renderClientReport } from '../../contract/i18n/render-client-report';
import { renderStatusReport } from '../../contract/i18n/render-status-report';
import type { Language } from '../../contract/language';
import { DIMENSION_KEYS } from '../../contract/report';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { renderReportHtml } from '../../src/application/render/render-report-html';
import { renderReportMarkdown } from '../../src/application/render/render-report-markdown';
import { renderStoredClientReport } from '../../src/application/snapshot/read-snapshot';
import { deriveReportModel, toClientReportData, toReportData } from '../../src/domain/derive-status-report';
import type { Issue } from '../../src/domain/issue';
import type { ProjectSettings } from '../../src/domain/settings';
import { aMilestone, anIssue, aProject, at, DAY_MS, settingsWith } from '../../src/domain/testing/builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const NOW = at('2026-03-10T12:00:00Z');
const LANGS: readonly Language[] = ['en', 'zh-CN'];

const TYPES = {
  epic: { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
  story: { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
  task: { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
  bug: { id: '10004', name: 'Bug', subtask: false, hierarchyLevel: 0 },
  subtask: { id: '10003', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
} as const;
type Kind = keyof typeof TYPES;

const STATUSES = [
  { name: 'To Do', category: 'new' },
  { name: 'In Progress', category: 'indeterminate' },
  { name: 'Waiting for customer', category: 'indeterminate' },
  { name: 'Done', category: 'done' },
  { name: 'Triage', category: 'undefined' },
] as const;

interface IssueSpec {
  kind: Kind;
  labels: string[];
  parent: number | null;
  status: number;
  due: number | null;
  flagged: boolean;
  blockers: number[];
  outsideBlocker: boolean;
  emailAssignee: boolean;
  mentions: number | null;
  startedDaysAgo: number | null;
  updatedDaysAgo: number;
  reopened: boolean;
  version: number | null;
  points: number | null;
}

const issueSpec: fc.Arbitrary<IssueSpec> = fc.record({
  kind: fc.constantFrom<Kind>('epic', 'story', 'story', 'task', 'bug', 'subtask'),
  labels: fc.subarray([
    'client',
    'CLIENT',
    'internal',
    'Internal',
    'client-reported',
    'waiting-on-client',
    'customer',
    'team-only',
    'frontend',
  ]),
  parent: fc.option(fc.nat({ max: 40 })),
  status: fc.nat({ max: STATUSES.length - 1 }),
  due: fc.option(fc.integer({ min: -30, max: 30 })),
  flagged: fc.boolean(),
  blockers: fc.array(fc.nat({ max: 40 }), { maxLength: 2 }),
  outsideBlocker: fc.boolean(),
  emailAssignee: fc.boolean(),
  mentions: fc.option(fc.nat({ max: 40 })),
  startedDaysAgo: fc.option(fc.integer({ min: 1, max: 120 })),
  updatedDaysAgo: fc.integer({ min: 0, max: 40 }),
  reopened: fc.boolean(),
  version: fc.option(fc.nat({ max: 1 })),
  points: fc.option(fc.integer({ min: 1, max: 8 })),
});

interface ProjectSpec {
  issues: IssueSpec[];
  settings: { mode: 'marked' | 'types' | 'all'; issueTypeIds: string[]; customLabels: boolean };
  override: 'green' | 'amber' | 'red' | null;
}

const settingsSpec = fc.record({
  mode: fc.constantFrom('marked' as const, 'types' as const, 'all' as const),
  issueTypeIds: fc.subarray(Object.values(TYPES).map((t) => t.id)),
  customLabels: fc.boolean(),
});

const projectSpec: fc.Arbitrary<ProjectSpec> = fc.record({
  issues: fc.array(issueSpec, { minLength: 1, maxLength: 40 }),
  settings: settingsSpec,
  override: fc.option(fc.constantFrom('green' as const, 'amber' as const, 'red' as const)),
});

/** A word no other text holds, so finding it proves that issue's summary leaked. */
const sentinel = (n: number) => `Zq${String(n)}xSENTINEL`;

function buildProject(spec: ProjectSpec): { issues: Issue[]; settings: ProjectSettings } {
  const key = (n: number) => `ACME-${String(n + 1)}`;
  const count = spec.issues.length;
  const issues = spec.issues.map((s, n): Issue => {
    const status = STATUSES[s.status] ?? STATUSES[0];
    const done = status.category === 'done';
    // Subtasks have a parent; nothing is its own parent.
    const parentIndex = s.parent === null ? (s.kind === 'subtask' ? (n + 1) % count : null) : s.parent % count;
    const parentKey = parentIndex === null || parentIndex === n ? null : key(parentIndex);
    const mention = s.mentions === null ? '' : ` after ${key(s.mentions % count)}`;
    const started = s.startedDaysAgo === null ? null : NOW - s.startedDaysAgo * DAY_MS;
    return anIssue({
      key: key(n),
      summary: `Work item ${sentinel(n)}${mention}`,
      type: TYPES[s.kind],
      status,
      resolution: done ? 'Done' : null,
      created: NOW - 150 * DAY_MS,
      updated: NOW - s.updatedDaysAgo * DAY_MS,
      due: s.due === null ? null : new Date(NOW + s.due * DAY_MS).toISOString().slice(0, 10),
      labels: s.labels,
      parentKey,
      fixVersions: s.version === null ? [] : [String(100 + s.version)],
      flagged: s.flagged && !done,
      storyPoints: s.points,
      assignee: { accountId: `a${String(n)}`, displayName: s.emailAssignee ? `dev${String(n)}@agency.example` : `Dev ${String(n)}` },
      blockedBy: [
        ...s.blockers
          .filter((b) => b % count !== n)
          .map((b) => ({ key: key(b % count), statusName: 'In Progress', category: 'indeterminate' as const, since: NOW - 3 * DAY_MS })),
        ...(s.outsideBlocker
          ? [{ key: `OPS-${String(n + 1)}`, statusName: 'To Do', category: 'new' as const, since: NOW - 5 * DAY_MS }]
          : []),
      ],
      history: {
        startedAt: started,
        completedAt: done ? NOW - Math.min(s.updatedDaysAgo, 6) * DAY_MS : null,
        reopenCount: s.reopened ? 1 : 0,
      },
    });
  });
  const settings = settingsWith({
    clientVisibility: { mode: spec.settings.mode, issueTypeIds: spec.settings.issueTypeIds },
    ...(spec.settings.customLabels ? { clientLabel: 'customer', internalLabel: 'team-only' } : {}),
  });
  return { issues, settings };
}

/**
 * DESIGN §5.1 written out again, independently of the app's rule, as the oracle: internal (a
 * subtask, or the internal label in any case) never; else by mode — `all`; `types` by type id;
 * `marked` when the issue or its parent carries the client label and that parent is not internal.
 */
function shownByDesign(issue: Issue, parent: Issue | undefined, settings: ProjectSettings): boolean {
  const has = (i: Issue, label: string) => i.labels.some((l) => l.toLowerCase() === label.toLowerCase());
  const internal = (i: Issue) => i.type.subtask || has(i, settings.internalLabel);
  if (internal(issue)) return false;
  const { mode, issueTypeIds } = settings.clientVisibility;
  if (mode === 'all') return true;
  if (mode === 'types') return issueTypeIds.includes(issue.type.id);
  return has(issue, settings.clientLabel) || (parent !== undefined && !internal(parent) && has(parent, settings.clientLabel));
}

/** Everything that must never reach the client, from the internal report of the same project. */
function forbiddenTexts(model: ReturnType<typeof deriveReportModel>, lang: Language): string[] {
  const internal = renderStatusReport(toReportData(model, {}), lang);
  const texts = [...internal.issueRisks.flatMap((r) => r.reasons), ...internal.dataQuality.map((n) => n.message)];
  // Every dimension's and measure's sentence counts all issues, internal ones too: none reaches
  // the client, whatever the dimension's colour (their figures would reveal internal volume).
  for (const dimension of DIMENSION_KEYS) {
    const d = internal.dimensions[dimension];
    texts.push(d.why, ...d.measures.map((m) => m.why));
  }
  // Nor the internal milestone progress ("41 of 105 issues").
  for (const m of internal.sections.milestones) {
    texts.push(
      REPORT_MESSAGES[lang]['report.progressIssues']
        .replace('{done}', String(m.progress.issuesDone))
        .replace('{total}', String(m.progress.issuesTotal)),
    );
  }
  // A grey or disabled dimension is left out: neither its row nor its "no data" sentence shows.
  for (const dimension of DIMENSION_KEYS) {
    const d = internal.dimensions[dimension];
    if (d.rag === 'grey' || !d.enabled) {
      texts.push(
        `data-dimension="${dimension}"`,
        `"id":"${dimension}"`,
        `\n| ${HEALTH_MESSAGES[lang][`dimension.${dimension}`]} | `,
        d.why,
      );
      for (const m of d.measures) texts.push(m.why);
    }
  }
  return texts.filter((t) => t.length > 0);
}

function clientOutputs(report: ClientStatusReportJson): Record<string, string> {
  return { json: JSON.stringify(report), html: renderReportHtml(report), markdown: renderReportMarkdown(report) };
}

/**
 * What the client's report holds besides its lists: the dimensions by colour with no figure, the
 * headline with no figure (but a milestone's date), milestones' progress as a percentage only,
 * and each blocked issue's hidden blockers counted as DESIGN §5.1 hides them.
 */
function expectNoInternalFigures(
  data: ReturnType<typeof toClientReportData>,
  report: ClientStatusReportJson,
  issues: readonly Issue[],
  hiddenKeys: ReadonlySet<string>,
): void {
  for (const d of data.dimensions) expect(Object.keys(d).sort()).toEqual(['id', 'rag']);
  for (const d of report.dimensions) {
    expect(Object.keys(d).sort()).toEqual(['id', 'label', 'rag', 'why']);
    expect(d.why).not.toMatch(/\d/u);
  }
  if (report.overall.headlineCode.code !== 'onTrackWithMilestone') expect(report.overall.headline).not.toMatch(/\d/u);
  for (const m of data.sections.milestones) expect(Object.keys(m.progress)).toEqual(['percentDone']);
  const index = new Map(issues.map((i) => [i.key, i]));
  for (const b of data.sections.blocked) {
    const open = index.get(b.issue.key)?.blockedBy.filter((link) => link.category !== 'done') ?? [];
    expect(b.hiddenBlockers, b.issue.key).toBe(open.filter((link) => link.key.startsWith('OPS-') || hiddenKeys.has(link.key)).length);
    expect(b.blockedBy.length + b.hiddenBlockers, b.issue.key).toBe(open.length);
  }
  const html = renderReportHtml(report);
  const markdown = renderReportMarkdown(report);
  for (const text of [html, markdown]) {
    expect(text).not.toMatch(/\d+ of \d+ (issues|points)|\d+ \/ \d+ 个/u);
    if (data.sections.blocked.some((b) => b.hiddenBlockers > 0)) expect(text).toMatch(/internal task|内部任务/u);
  }
}

/** What no client output may hold whatever the project: links, e-mails, internal fields and jargon. */
const ALWAYS_FORBIDDEN =
  /\/browse\/|https?:|href=|\]\(|\w@\w|"(score|signals|reasons|issueRisks|topRisks|dataQuality|evidence|clientVisibility|computed|overrideReason|client)":|no update for|cycle time|没有更新|周期时间|not enough data for/iu;

describe('client safety, over generated projects', () => {
  it('no hidden issue and no internal signal reaches the client data, JSON, HTML or Markdown', () => {
    // The property is not vacuous: count the runs where the client saw work, hidden work existed and risks were given.
    const seen = { shown: 0, hidden: 0, reasons: 0, staleness: 0, hiddenBlockers: 0 };
    fc.assert(
      fc.property(projectSpec, (spec) => {
        const { issues, settings } = buildProject(spec);
        const data = aProject({
          issues,
          milestones: [
            aMilestone({ id: '100', name: 'Beta', releaseDate: '2026-03-20', startDate: '2026-01-10' }),
            aMilestone({ id: '101', name: 'Launch', releaseDate: '2026-05-01', startDate: '2026-02-01' }),
          ],
        });
        const model = deriveReportModel({ data, settings, now: NOW, periodStart: NOW - 14 * DAY_MS });
        const override = spec.override === null ? null : { rag: spec.override, reason: 'PM-ONLY-REASON' };
        const clientData = toClientReportData(model, { override });
        expect(clientReportDataSchema.parse(clientData)).toEqual(clientData);

        const index = new Map(issues.map((i) => [i.key, i]));
        const hidden = issues.filter((i) => !shownByDesign(i, i.parentKey === null ? undefined : index.get(i.parentKey), settings));
        const shownCount = issues.length - hidden.length;
        if (shownCount > 0) seen.shown += 1;
        if (hidden.length > 0) seen.hidden += 1;
        const english = forbiddenTexts(model, 'en');
        if (english.some((t) => t.includes('with no update for'))) seen.staleness += 1;
        if (english.length > 0) seen.reasons += 1;
        if (clientData.sections.blocked.some((b) => b.hiddenBlockers > 0)) seen.hiddenBlockers += 1;
        const stored = { internal: toReportData(model, { override }), client: clientData };
        for (const lang of LANGS) {
          // As every reader gets it: with the narrative drafted from the client's data.
          const report = renderStoredClientReport(stored, lang);
          expect(clientStatusReportSchema.parse(report)).toEqual(report);
          expect(report.narrative?.source).toBe('drafted');
          expect(report.narrative?.text).not.toBe('');
          // Each drafted sentence rests only on what the client's report shows.
          const shownKeys = new Set(issues.filter((i) => !hidden.includes(i)).map((i) => i.key));
          for (const sentence of draftClientNarrative(renderClientReport(clientData, lang))) {
            for (const ref of sentence.evidence) {
              if (ref.kind === 'issue') expect(shownKeys.has(ref.id), ref.id).toBe(true);
              expect(ref.kind).not.toBe('risk');
            }
          }
          expectNoInternalFigures(clientData, report, issues, new Set(hidden.map((i) => i.key)));
          const forbidden = forbiddenTexts(model, lang);
          for (const [name, text] of Object.entries({ data: JSON.stringify(clientData), ...clientOutputs(report) })) {
            for (const issue of hidden) {
              expect(text, `${name}: ${issue.key}`).not.toMatch(new RegExp(`\\b${issue.key}\\b`, 'u'));
              expect(text, `${name}: summary of ${issue.key}`).not.toContain(sentinel(Number(issue.key.slice('ACME-'.length)) - 1));
            }
            for (const outside of issues.flatMap((i) => i.blockedBy.filter((b) => b.key.startsWith('OPS-')))) {
              expect(text, `${name}: ${outside.key}`).not.toMatch(new RegExp(`\\b${outside.key}\\b`, 'u'));
            }
            for (const sentence of forbidden) expect(text, `${name}: "${sentence}"`).not.toContain(sentence);
            expect(text, name).not.toMatch(ALWAYS_FORBIDDEN);
            expect(text, name).not.toContain('PM-ONLY-REASON');
          }
        }
      }),
      { numRuns: 150, seed: 20261201 },
    );
    expect(seen.shown).toBeGreaterThan(50);
    expect(seen.hidden).toBeGreaterThan(50);
    expect(seen.reasons).toBeGreaterThan(50);
    expect(seen.staleness).toBeGreaterThan(10);
    expect(seen.hiddenBlockers).toBeGreaterThan(10);
  });
});

describe('client safety on the local runtime (project/report, audience client)', () => {
  const datasets = demoDatasets();
  const [acme] = datasets;
  if (!acme) throw new Error('the demo has a project');
  let app: LocalApp;
  beforeAll(async () => {
    app = await startLocalApp({ datasets });
  });
  afterAll(async () => {
    await app.close();
  });
  const call = (key: 'settings/get' | 'settings/save' | 'project/report', payload: unknown) =>
    app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; data?: unknown }>;

  /** Keys of the demo's internal issues: the internal label, or a subtask. */
  const internalKeys = acme.issues
    .filter((issue) => {
      const fields = issue.fields as { labels?: string[]; issuetype?: { subtask?: boolean } };
      return (fields.labels ?? []).includes('internal') || fields.issuetype?.subtask === true;
    })
    .map((issue) => ({ key: issue.key, summary: (issue.fields as { summary: string }).summary }));

  it.each(['marked', 'types', 'all'] as const)('%s: no internal issue, signal or link, in both languages', async (mode) => {
    expect(internalKeys.length).toBeGreaterThan(20);
    const { revision } = settingsViewSchema.parse((await call('settings/get', {})).data);
    const clientVisibility = { mode, issueTypeIds: mode === 'types' ? ['10001', '10002', '10003', '10004'] : [] };
    expect(await call('settings/save', { settings: { ...DEFAULT_PROJECT_SETTINGS, clientVisibility }, revision })).toMatchObject({
      ok: true,
    });
    for (const lang of LANGS) {
      const answer = await call('project/report', { audience: 'client', lang });
      const report = clientStatusReportSchema.parse(answer.data);
      const internal = await call('project/report', { audience: 'internal', lang });
      const internalReport = (internal.data ?? {}) as { issueRisks: { reasons: string[] }[] };
      const reasons = internalReport.issueRisks.flatMap((r) => r.reasons);
      expect(reasons.length).toBeGreaterThan(0);
      for (const [name, text] of Object.entries(clientOutputs(report))) {
        for (const { key, summary } of internalKeys) {
          expect(text, `${name}: ${key}`).not.toMatch(new RegExp(`\\b${key}\\b`, 'u'));
          expect(text, `${name}: ${summary}`).not.toContain(summary);
        }
        for (const reason of reasons) expect(text, `${name}: ${reason}`).not.toContain(reason);
        expect(text, name).not.toMatch(ALWAYS_FORBIDDEN);
      }
      expect(report.sections.inProgress.length + report.sections.nextUp.length).toBeGreaterThan(0);
    }
  });
});
