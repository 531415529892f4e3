import type { ReportAcceptanceJson } from '../../contract/acceptance';
import { deriveAcceptanceSection } from './acceptance';
import type { Language } from '../../contract/language';
import { renderStatusReport } from '../../contract/i18n/render-status-report';
import { renderClientReport } from '../../contract/i18n/render-client-report';
import type {
  ClientDimensionDataJson,
  ClientHeadlineJson,
  ClientIssueRefJson,
  ClientReportDataJson,
  ClientStatusReportJson,
} from '../../contract/client-report';
import {
  HIDDEN_ISSUE_MARKER,
  REPORT_DATA_SCHEMA_VERSION,
  type DimensionDataJson,
  type HeadlineJson,
  type IssueRefJson,
  type MilestoneReportJson,
  type ReportDataJson,
  type StatusReportJson,
} from '../../contract/report';
import { assessHealth, deriveSustained, EVIDENCE_LIMIT } from './assess-health';
import { sortByIssueKey } from './compare-issue-keys';
import { deriveDataQuality, type DataQualityNote } from './derive-data-quality';
import { derivePlausibleData } from './derive-plausible-data';
import {
  deriveReportSections,
  projectReportSections,
  type Audience,
  type AudienceSections,
  type RankedRisk,
  type ReportSections,
} from './derive-report-sections';
import type { HealthAssessment, IssueRisk, MilestoneForecast, Rag, Why } from './health-types';
import type { Issue } from './issue';
import { deriveMinutesSection, NO_MINUTES, type MinutesSection } from './derive-minutes-section';
import { deriveChangeSection } from './derive-change-section';
import type { ChangeSectionJson, ClientChangeSectionJson } from '../../contract/change-report';
import type { ClientSinceLastSectionJson } from '../../contract/since-last-report';
import type { ProjectData } from './project-data';
import { calendarDayOf } from './issue-rules';
import { deriveRegisterRiskSection } from './risk-register';
import { deriveSupportSection } from './derive-support-section';
import type { SupportSectionJson } from '../../contract/support-report';
import { deriveSinceLastReport, type SinceLastBaseline } from './derive-since-last-report';
import { scoreIssueRisks } from './score-issue-risk';
import { DIMENSIONS, type Dimension, type ProjectSettings } from './settings';

export type OverallRag = Exclude<Rag, 'grey'>;

/** The PM's override of the overall status; the reason is mandatory (DESIGN §5.3). */
export interface OverallOverride {
  rag: OverallRag;
  reason: string;
}

export interface StatusReportInput {
  data: ProjectData;
  settings: ProjectSettings;
  /** Epoch ms; the report's `generatedAt` and the end of its period. */
  now: number;
  /** End of the last published report (epoch ms), or null: then one cadence back from `now`. */
  periodStart: number | null;
  audience: Audience;
  lang: Language;
  override?: OverallOverride | null;
  /** Dimension RAGs of the previous published report, for `sustained`. */
  previousDimensions?: Partial<Record<Dimension, Rag>> | null;
  /** Milestone id -> the target day first recorded by the app. */
  originalReleaseDates?: Readonly<Record<string, string>>;
  /** The last published report to compare with ("since last report"); null: none yet; absent: no such section. */
  sinceLast?: SinceLastBaseline | null;
}

/**
 * Everything the report needs, derived once for both audiences: health, risks, sections and
 * data-quality notes. `toReportData` projects it for one audience.
 */
export interface ReportModel {
  project: ProjectData['project'];
  now: number;
  health: HealthAssessment;
  risks: readonly IssueRisk[];
  sections: ReportSections;
  dataQuality: readonly DataQualityNote[];
  /** Decisions and action items from the touchpoint log, per audience (`deriveMinutesSection`); absent: none. */
  minutes?: Readonly<Record<Audience, MinutesSection>>;
  /** Change requests of the period, per audience (`deriveChangeSection`); absent: none. */
  changes?: { internal: ChangeSectionJson; client: ClientChangeSectionJson };
  /** Open risks of the risk register, per audience (`deriveRegisterRiskSection`); absent: none. */
  registerRisks?: ReturnType<typeof deriveRegisterRiskSection>;
  /** Client-reported issues against the support targets, per audience (`deriveSupportSection`); absent: not in support. */
  support?: { internal: SupportSectionJson; client: SupportSectionJson };
  /** What changed since the last published report, per audience (`deriveSinceLastReport`); absent: not compared. */
  sinceLast?: ReturnType<typeof deriveSinceLastReport>;
  /** The client's acceptance decisions of the period (`deriveAcceptanceSection`); absent: none. */
  acceptance?: ReportAcceptanceJson[];
  /** The settings the PM's client-visibility hint names. */
  clientVisibility: Pick<ProjectSettings, 'clientLabel' | 'internalLabel'> & { mode: ProjectSettings['clientVisibility']['mode'] };
}

export type ReportModelInput = Pick<StatusReportInput, 'data' | 'settings' | 'now' | 'periodStart' | 'sinceLast'>;
export type ReportProjection = Pick<StatusReportInput, 'audience' | 'override' | 'previousDimensions' | 'originalReleaseDates'>;

/**
 * The status report (DESIGN §5.2) as the contract's `StatusReportJson`, for one audience in one
 * language: the language-neutral data (`toReportData`) rendered by the message catalogue
 * (`renderStatusReport`). Pure and deterministic: the same input gives byte-identical JSON
 * (every list has a total order ending in the natural issue-key order). Linear in issues.
 */
export function deriveStatusReport(input: StatusReportInput & { audience: 'internal' }): StatusReportJson;
export function deriveStatusReport(input: StatusReportInput & { audience: 'client' }): ClientStatusReportJson;
export function deriveStatusReport(input: StatusReportInput): StatusReportJson | ClientStatusReportJson;
export function deriveStatusReport(input: StatusReportInput): StatusReportJson | ClientStatusReportJson {
  return toStatusReportJson(deriveReportModel(input), input);
}

/** `toReportData` (or `toClientReportData`) then its renderer, for a caller that holds the model. */
export function toStatusReportJson(
  model: ReportModel,
  projection: ReportProjection & { lang: Language },
): StatusReportJson | ClientStatusReportJson {
  return projection.audience === 'client'
    ? renderClientReport(toClientReportData(model, projection), projection.lang)
    : renderStatusReport(toReportData(model, projection), projection.lang);
}

/**
 * Derives health (`assessHealth`), issue risks (`scoreIssueRisks`), the report sections and the
 * data-quality notes once, for every audience. Values no real project has (estimates of 1e308,
 * dates in year 9999) are set aside first (`derivePlausibleData`) and become data-quality notes.
 */
export function deriveReportModel(input: ReportModelInput): ReportModel {
  const { settings, now, periodStart } = input;
  const plausible = derivePlausibleData(input.data, now);
  const data = plausible.data;
  const health = assessHealth(data, settings, now, periodStart === null ? {} : { periodStart: Math.min(periodStart, now) });
  const risks = scoreIssueRisks(data, health, settings, now);
  const sections = deriveReportSections(data, health, risks, settings, now, periodStart);
  const log = data.communication.minutes ?? [];
  const changeRequests = data.changeRequests ?? [];
  const changes = {
    internal: deriveChangeSection(changeRequests, sections.period, settings.timeZone, 'internal'),
    client: deriveChangeSection(changeRequests, sections.period, settings.timeZone, 'client'),
  };
  const acceptance = deriveAcceptanceSection(data.acceptances ?? [], sections.period);
  const support = deriveSupportSection(data.issues, data.engagement, now);
  const clientSupport = deriveSupportSection(data.issues, data.engagement, now, (i) => !sections.hiddenFromClient.has(i.key));
  return {
    changes,
    ...(acceptance.length === 0 ? {} : { acceptance }),
    ...(support === undefined || clientSupport === undefined ? {} : { support: { internal: support, client: clientSupport } }),
    ...(input.sinceLast === undefined ? {} : { sinceLast: toSinceLast(input.sinceLast, input.data, health, sections, changes) }),
    registerRisks: deriveRegisterRiskSection(input.data.registerRisks ?? [], calendarDayOf(now, settings.timeZone)),
    minutes: {
      internal: deriveMinutesSection(log, sections.period, settings.timeZone, 'internal'),
      client: deriveMinutesSection(log, sections.period, settings.timeZone, 'client'),
    },
    project: data.project,
    now,
    health,
    risks,
    sections,
    dataQuality: deriveDataQuality(data, settings, { implausible: plausible.notes }),
    clientVisibility: { mode: settings.clientVisibility.mode, clientLabel: settings.clientLabel, internalLabel: settings.internalLabel },
  };
}

/** "Since last report" from the model's parts (`deriveSinceLastReport`). */
function toSinceLast(
  baseline: SinceLastBaseline | null,
  data: ProjectData,
  health: HealthAssessment,
  sections: ReportSections,
  changes: { internal: ChangeSectionJson; client: ClientChangeSectionJson },
): ReturnType<typeof deriveSinceLastReport> {
  const counts = (section: ChangeSectionJson | ClientChangeSectionJson) => ({
    new: section.totals.new,
    decided: section.totals.approved.count + section.totals.rejected,
  });
  return deriveSinceLastReport(baseline, {
    dimensions: health.dimensions,
    sustained: deriveSustained(health.dimensions, baseline?.dimensions),
    registerRisks: data.registerRisks ?? [],
    issueRisks: sections.risks.map((r) => r.risk),
    issue: (key) => {
      const issue = sections.index.get(key);
      return issue === undefined ? undefined : { summary: issue.summary, done: issue.status.category === 'done' };
    },
    milestones: health.milestones,
    completed: {
      internal: sections.completed.length,
      client: sections.completed.filter((issue) => !sections.hiddenFromClient.has(issue.key)).length,
    },
    changeRequests: { internal: counts(changes.internal), client: counts(changes.client) },
  });
}

/**
 * The internal report as language-neutral data (`reportDataSchema`): what is stored and
 * re-rendered in any language. The client's has its own (`toClientReportData`).
 *
 * - **Overall**: `computed` is the health's overall RAG; `reported` is the override's when there
 *   is one. An override equal to the computed RAG is no override (`overrideReason` null).
 *   "Reported amber, computed red" is for internal views: the client sees only the reported
 *   RAG (DESIGN §5.3).
 * - **Headline**: the first dimension (schedule, scope, quality, cost, satisfaction,
 *   communication) whose RAG is the computed overall one (`driver`); amber from missing data
 *   names the grey dimensions (`notEnoughData`); green names the next milestone and its day.
 * - **Client visibility**: each listed issue says whether the client sees it and why
 *   (`clientVisibilityOf`), and `clientVisibility` counts them for the PM's hint. Assignees are shown
 *   by display name (never an e-mail: a display name that looks like an address is dropped).
 * - **Sustained**: amber or red now and in `previousDimensions`.
 * - **Milestones**: `originalReleaseDate` only when known and different from the current target:
 *   the target an approved change request replaced (re-baselining), else `originalReleaseDates`.
 *   The forecast's method and inputs (`forecast`) are for the internal audience only: weekly
 *   throughput is the team's business; the client sees the dates.
 * - **Evidence**: per measure, the first `EVIDENCE_LIMIT` keys the audience may see (most
 *   relevant first, then in key order), how many there are in all (`evidenceCount`: the count
 *   its sentence states, for both audiences) and the measure's JQL (internal only: a client
 *   cannot open Jira).
 */
export function toReportData(model: ReportModel, projection: Omit<ReportProjection, 'audience'>): ReportDataJson {
  const audience = 'internal';
  const view = projectReportSections(model.sections, audience);
  const hide = keyHider(model.sections, view);
  const { clientReasons, hiddenFromClient } = model.sections;
  const ref = (issue: Issue): IssueRefJson => ({
    ...toIssueRef(issue, view, hide),
    client: { shown: !hiddenFromClient.has(issue.key), reason: clientReasons.get(issue.key) ?? 'not-marked' },
  });

  const computed = model.health.overall;
  const override = projection.override ?? null;
  const overridden = override !== null && override.rag !== computed;
  const reported = overridden ? override.rag : computed;
  return {
    schemaVersion: REPORT_DATA_SCHEMA_VERSION,
    generatedAt: new Date(model.now).toISOString(),
    audience,
    project: { id: model.project.id, key: model.project.key, name: model.project.name },
    period: { start: new Date(view.period.start).toISOString(), end: new Date(view.period.end).toISOString() },
    overall: {
      computed,
      reported,
      overrideReason: overridden ? override.reason : null,
      headline: toHeadline(model.health, computed),
    },
    dimensions: toDimensions(model.health, projection.previousDimensions ?? undefined, view, hide),
    sections: {
      completed: view.completed.map((group) => ({
        epic: group.epic === null ? null : { key: group.epic.key, summary: hide(group.epic.summary) },
        issues: group.issues.map(ref),
      })),
      inProgress: view.inProgress.map(ref),
      nextUp: view.nextUp.map(ref),
      milestones: view.milestones.map((m) => toMilestoneReport(m, projection.originalReleaseDates, true)),
      risks: {
        flagged: view.flagged.map(ref),
        blocked: view.blocked.map((b) => ({ issue: ref(b.issue), blockedBy: [...b.blockedBy] })),
        topRisks: view.topRisks.map((r) => ({ issue: ref(r.issue), score: r.risk.score, level: r.risk.level })),
      },
      waitingOnClient: view.waitingOnClient.map((w) => ({
        ...ref(w.issue),
        wait: { days: w.wait.days, since: w.wait.sinceDay, estimated: w.wait.estimated },
      })),
      ...(model.changes === undefined ? {} : { changeRequests: model.changes.internal }),
      registerRisks: (model.registerRisks?.internal ?? []).map((r) => ({ ...r, linkedIssueKeys: [...r.linkedIssueKeys] })),
      decisions: (model.minutes?.internal ?? NO_MINUTES).decisions.map(({ text, date, seriesTitle }) => ({ text, date, seriesTitle })),
      actionItems: (model.minutes?.internal ?? NO_MINUTES).actionItems.map(
        ({ text, ownerSide, ownerName, due, status, jiraIssueKey, overdue }) => ({
          text,
          ownerSide,
          ownerName,
          due,
          status,
          jiraIssueKey,
          overdue,
        }),
      ),
      ...(model.sinceLast === undefined ? {} : { sinceLast: model.sinceLast.internal }),
      ...(model.acceptance === undefined ? {} : { acceptance: model.acceptance }),
      ...(model.support === undefined ? {} : { support: model.support.internal }),
    },
    issueRisks: view.issueRisks.map(toIssueRisk),
    dataQuality: [...model.dataQuality],
    clientVisibility: toClientVisibilitySummary(model),
  };
}

function toClientVisibilitySummary(model: ReportModel): ReportDataJson['clientVisibility'] {
  const { clientReasons, hiddenFromClient } = model.sections;
  let internal = 0;
  for (const reason of clientReasons.values()) if (reason === 'subtask' || reason === 'internal-label') internal += 1;
  const { mode } = model.clientVisibility;
  return {
    mode,
    clientLabel: model.clientVisibility.clientLabel,
    internalLabel: model.clientVisibility.internalLabel,
    shown: clientReasons.size - hiddenFromClient.size,
    internal,
    total: clientReasons.size,
  };
}

/**
 * The client's report (DESIGN §5.1, §5.2) as language-neutral data (`clientReportDataSchema`):
 * built field by field, so nothing internal can ride along.
 *
 * - **Issues**: only those the client sees (`isClientVisible`); a key of an issue the client
 *   does not see, or of a blocker outside the project, reads `HIDDEN_ISSUE_MARKER` in any text.
 * - **Overall**: the reported status only (the PM's override when there is one). The headline
 *   names the first dimension the client sees whose colour is the reported one (no why: the
 *   computed reasoning is internal); when there is none and the status is not green, or it is
 *   green over a dimension that is not, it says plainly that some areas need attention — never
 *   which data is missing.
 * - **Dimensions**: enabled ones with enough data (grey is left out), colour only: no measure,
 *   why or evidence, whose figures count internal issues too.
 * - **Milestones**: progress as a percentage only, not "41 of 105 issues".
 * - **Blocked**: visible blockers by key, and how many are hidden (`hiddenBlockers`).
 * - **Risks**: flagged and blocked work only: no scores, levels or reasons; no data-quality
 *   notes; no per-issue visibility reasons.
 * - **Change requests**: only those awaiting the client or decided (`deriveChangeSection`), without
 *   internal notes or Jira keys; hidden issue keys in their text read `HIDDEN_ISSUE_MARKER`.
 * - **Decisions and action items**: only those of touchpoints held with the client (their
 *   series' audience names a client stakeholder; `deriveMinutesSection`), never an item's Jira
 *   key, and hidden issue keys in their text read `HIDDEN_ISSUE_MARKER`.
 */
export function toClientReportData(model: ReportModel, projection: Omit<ReportProjection, 'audience'>): ClientReportDataJson {
  const view = projectReportSections(model.sections, 'client');
  const hide = keyHider(model.sections, view);
  const ref = (issue: Issue): ClientIssueRefJson => toIssueRef(issue, view, hide);
  const computed = model.health.overall;
  const reported = projection.override?.rag ?? computed;
  const dimensions: ClientDimensionDataJson[] = [];
  for (const dimension of DIMENSIONS) {
    const d = model.health.dimensions[dimension];
    if (d.enabled && d.rag !== 'grey') dimensions.push({ id: dimension, rag: d.rag });
  }
  return {
    schemaVersion: REPORT_DATA_SCHEMA_VERSION,
    generatedAt: new Date(model.now).toISOString(),
    audience: 'client',
    project: { id: model.project.id, key: model.project.key, name: model.project.name },
    period: { start: new Date(view.period.start).toISOString(), end: new Date(view.period.end).toISOString() },
    overall: { reported, headline: toClientHeadline(model.health, reported, dimensions) },
    dimensions,
    sections: {
      completed: view.completed.map((group) => ({
        epic: group.epic === null ? null : { key: group.epic.key, summary: hide(group.epic.summary) },
        issues: group.issues.map(ref),
      })),
      inProgress: view.inProgress.map(ref),
      nextUp: view.nextUp.map(ref),
      milestones: view.milestones.map((m) => {
        const { id, name, released, releaseDate, originalReleaseDate, forecastDate, slipDays, rag } = toMilestoneReport(
          m,
          projection.originalReleaseDates,
          false,
        );
        const percentDone = m.issuesTotal === 0 ? null : Math.floor((m.issuesDone / m.issuesTotal) * 100);
        return { id, name, released, releaseDate, originalReleaseDate, progress: { percentDone }, forecastDate, slipDays, rag };
      }),
      flagged: view.flagged.map(ref),
      blocked: view.blocked.map((b) => ({
        issue: ref(b.issue),
        blockedBy: [...b.blockedBy],
        hiddenBlockers: b.issue.blockedBy.filter((link) => link.category !== 'done').length - b.blockedBy.length,
      })),
      waitingOnClient: view.waitingOnClient.map((w) => ({
        ...ref(w.issue),
        wait: { days: w.wait.days, since: w.wait.sinceDay, estimated: w.wait.estimated },
      })),
      // Requests put to the client and their decisions; keys of issues the client does not see are hidden.
      ...(model.changes === undefined
        ? {}
        : {
            changeRequests: {
              totals: model.changes.client.totals,
              items: model.changes.client.items.map((c) => ({
                ...c,
                title: hide(c.title),
                description: hide(c.description),
                impact: { ...c.impact, scopeNote: hide(c.impact.scopeNote) },
                decision: c.decision === null ? null : { ...c.decision, reason: hide(c.decision.reason) },
              })),
            },
          }),
      // Client-visible ones only, in their client wording; keys of issues the client does not see are hidden.
      registerRisks: (model.registerRisks?.client ?? []).map((r) => ({ id: r.id, text: hide(r.text), level: r.level, status: r.status })),
      // Touchpoints held with the client only; keys of issues the client does not see are hidden.
      decisions: (model.minutes?.client ?? NO_MINUTES).decisions.map(({ text, date, seriesTitle }) => ({
        text: hide(text),
        date,
        seriesTitle,
      })),
      actionItems: (model.minutes?.client ?? NO_MINUTES).actionItems.map(({ text, ownerSide, ownerName, due, status, overdue }) => ({
        text: hide(text),
        ownerSide,
        ownerName,
        due,
        status,
        overdue,
      })),
      // Shared risks in their client wording; keys of issues the client does not see are hidden.
      ...(model.sinceLast === undefined ? {} : { sinceLast: hideInSinceLast(model.sinceLast.client, hide) }),
      // The client's own decisions; keys of issues the client does not see are hidden in their text.
      ...(model.acceptance === undefined
        ? {}
        : { acceptance: model.acceptance.map((d) => ({ ...d, comment: hide(d.comment), fixItems: d.fixItems.map(hide) })) }),
      // Client-reported issues the client sees; keys of issues the client does not see are hidden in their summaries.
      ...(model.support === undefined
        ? {}
        : { support: { ...model.support.client, overdue: model.support.client.overdue.map((i) => ({ ...i, summary: hide(i.summary) })) } }),
    },
  };
}

function hideInSinceLast(section: ClientSinceLastSectionJson, hide: (text: string) => string): ClientSinceLastSectionJson {
  if (section.kind === 'first') return section;
  return {
    ...section,
    registerRisks: {
      new: section.registerRisks.new.map((r) => ({ ...r, text: hide(r.text) })),
      resolved: section.registerRisks.resolved.map((r) => ({ text: hide(r.text) })),
    },
  };
}

/**
 * From the reported status and the dimensions the client sees only: the computed status's
 * reasoning (forecast percentiles, counts over every issue) is internal.
 */
function toClientHeadline(
  health: HealthAssessment,
  reported: OverallRag,
  dimensions: readonly ClientDimensionDataJson[],
): ClientHeadlineJson {
  if (reported !== 'green') {
    const driver = dimensions.find((d) => d.rag === reported);
    return driver === undefined ? { code: 'attention', params: {} } : { code: 'driver', params: { dimension: driver.id } };
  }
  // Green reported over a dimension the client sees as amber or red: not "everything is on track".
  if (dimensions.some((d) => d.rag !== 'green')) return { code: 'attention', params: {} };
  const next = health.milestones.find((ms) => ms.id === health.nextMilestoneId);
  return next?.releaseDate != null
    ? { code: 'onTrackWithMilestone', params: { milestone: next.name, date: next.releaseDate } }
    : { code: 'onTrack', params: {} };
}

function toHeadline(health: HealthAssessment, computed: OverallRag): HeadlineJson {
  const enabled = DIMENSIONS.map((d) => health.dimensions[d]).filter((d) => d.enabled);
  const driver = computed === 'green' ? undefined : enabled.find((d) => d.rag === computed);
  if (driver !== undefined) return { code: 'driver', params: { dimension: driver.dimension } };
  if (computed !== 'green') {
    return { code: 'notEnoughData', params: { dimensions: enabled.filter((d) => d.rag === 'grey').map((d) => d.dimension) } };
  }
  const next = health.milestones.find((ms) => ms.id === health.nextMilestoneId);
  return next?.releaseDate != null
    ? { code: 'onTrackWithMilestone', params: { milestone: next.name, date: next.releaseDate } }
    : { code: 'onTrack', params: {} };
}

function toDimensions(
  health: HealthAssessment,
  previous: Partial<Record<Dimension, Rag>> | undefined,
  view: AudienceSections,
  hide: (text: string) => string,
): ReportDataJson['dimensions'] {
  const sustained = deriveSustained(health.dimensions, previous);
  const internal = view.audience === 'internal';
  const evidence = (keys: readonly string[], jql: string | null) => {
    // The count is every issue behind the measure, for the client too: it is the count the
    // measure's sentence states; the client's list holds only the issues it may see.
    const visible = internal ? keys : keys.filter(view.isVisible);
    return {
      evidence: sortByIssueKey(visible.slice(0, EVIDENCE_LIMIT), (k) => k),
      evidenceCount: keys.length,
      evidenceJql: internal ? jql : null,
    };
  };
  const one = (dimension: Dimension): DimensionDataJson => {
    const d = health.dimensions[dimension];
    return {
      rag: d.rag,
      enabled: d.enabled,
      why: hideInWhy(d.why, hide),
      measures: d.measures.map((measure) => ({
        id: measure.id,
        value: measure.value,
        rag: measure.rag,
        why: hideInWhy(measure.why, hide),
        ...evidence(measure.evidence, measure.evidenceJql),
      })),
      ...evidence(d.evidence, d.evidenceJql),
      sustained: sustained[dimension],
    };
  };
  return {
    schedule: one('schedule'),
    scope: one('scope'),
    quality: one('quality'),
    cost: one('cost'),
    satisfaction: one('satisfaction'),
    communication: one('communication'),
  };
}

function toMilestoneReport(
  m: MilestoneForecast,
  originals: Readonly<Record<string, string>> | undefined,
  internal: boolean,
): MilestoneReportJson {
  const recorded = originals !== undefined && Object.hasOwn(originals, m.id) ? originals[m.id] : undefined;
  // A re-baselined milestone shows the target its approval replaced (DESIGN §5.6).
  const original = m.rebaselinedFrom ?? recorded;
  return {
    id: m.id,
    name: m.name,
    released: m.released,
    releaseDate: m.releaseDate,
    originalReleaseDate: original !== undefined && original !== m.releaseDate ? original : null,
    progress: { issuesDone: m.issuesDone, issuesTotal: m.issuesTotal, pointsDone: m.pointsDone, pointsTotal: m.pointsTotal },
    forecastDate: m.forecastDate,
    slipDays: m.slipDays,
    rag: m.rag,
    ...(internal ? { forecast: m.forecast } : {}),
  };
}

/** The fields both audiences see; the internal report adds the client-visibility reason. */
function toIssueRef(issue: Issue, view: AudienceSections, hide: (text: string) => string): ClientIssueRefJson {
  const name = issue.assignee?.displayName ?? null;
  return {
    key: issue.key,
    summary: hide(issue.summary),
    status: { name: issue.status.name, category: issue.status.category },
    type: issue.type.name,
    priority: issue.priority?.name ?? null,
    due: issue.due,
    assignee: name === null || name.includes('@') ? null : name,
    epicKey: view.epicOf(issue)?.key ?? null,
  };
}

function toIssueRisk({ risk }: RankedRisk): ReportDataJson['issueRisks'][number] {
  return { key: risk.key, score: risk.score, level: risk.level, signals: [...risk.signals] };
}

/** The why with `hide` applied to its text parameters (milestone names, titles). */
function hideInWhy(why: Why, hide: (text: string) => string): Why {
  let params: Record<string, unknown> | null = null;
  for (const [name, value] of Object.entries(why.params)) {
    if (typeof value !== 'string') continue;
    const hidden = hide(value);
    if (hidden === value) continue;
    params ??= { ...why.params };
    params[name] = hidden;
  }
  // Only strings were replaced by strings: the params keep the shape their code gives them.
  return params === null ? why : ({ code: why.code, params } as Why);
}

/** An issue key as Jira writes it. */
const ISSUE_KEY = /\b[A-Z][A-Z0-9_]*-\d+\b/gu;

/**
 * For the client, replaces in text every key of an issue the client does not see, or of a
 * blocker outside the project, with `HIDDEN_ISSUE_MARKER`. Other key-like words (a milestone
 * named "R-2") stay. For the internal audience, text is left as it is.
 */
function keyHider(sections: ReportSections, view: AudienceSections): (text: string) => string {
  if (view.audience === 'internal') return (text) => text;
  let outsideBlockers: Set<string> | undefined;
  const hidden = (key: string): boolean => {
    if (sections.hiddenFromClient.has(key)) return true;
    if (sections.index.has(key)) return false;
    outsideBlockers ??= new Set(sections.blocked.flatMap((issue) => issue.blockedBy.map((link) => link.key)));
    return outsideBlockers.has(key);
  };
  // Most text names no issue: skip the regex for it (it runs on every reason of every risk).
  return (text) => (!text.includes('-') ? text : text.replace(ISSUE_KEY, (key) => (hidden(key) ? HIDDEN_ISSUE_MARKER : key)));
}
