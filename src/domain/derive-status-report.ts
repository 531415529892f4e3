import type { DimensionJson, IssueRefJson, MilestoneReportJson, StatusReportJson } from '../../contract/report';
import { assessHealth, deriveSustained } from './assess-health';
import { sortByIssueKey } from './compare-issue-keys';
import { deriveDataQuality, type DataQualityNote } from './derive-data-quality';
import {
  deriveReportSections,
  projectReportSections,
  type Audience,
  type AudienceSections,
  type RankedRisk,
  type ReportSections,
} from './derive-report-sections';
import { dimensionLabel, formatMeasureValue, formatRiskSignal, formatWhy, measureLabel } from './health-messages';
import type { HealthAssessment, IssueRisk, MilestoneForecast, Rag } from './health-types';
import type { Issue } from './issue';
import type { ProjectData } from './project-data';
import { formatDataQualityNote, reportMessages, type ReportLang } from './report-messages';
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
  lang: ReportLang;
  override?: OverallOverride | null;
  /** Dimension RAGs of the previous published report, for `sustained`. */
  previousDimensions?: Partial<Record<Dimension, Rag>> | null;
  /** Milestone id -> the target day first recorded by the app. */
  originalReleaseDates?: Readonly<Record<string, string>>;
}

/**
 * Everything the report needs, derived once for both audiences: health, risks, sections and
 * data-quality notes. `toStatusReportJson` projects it for one audience and language.
 */
export interface ReportModel {
  project: ProjectData['project'];
  now: number;
  health: HealthAssessment;
  risks: readonly IssueRisk[];
  sections: ReportSections;
  dataQuality: readonly DataQualityNote[];
}

export type ReportModelInput = Pick<StatusReportInput, 'data' | 'settings' | 'now' | 'periodStart'>;
export type ReportProjection = Pick<StatusReportInput, 'audience' | 'lang' | 'override' | 'previousDimensions' | 'originalReleaseDates'>;

/**
 * The status report (DESIGN §5.2) as the contract's `StatusReportJson`, for one audience in one
 * language. Pure and deterministic: the same input gives byte-identical JSON (every list has a
 * total order ending in the natural issue-key order). Linear in issues.
 *
 * See `deriveReportModel` and `toStatusReportJson` for the rules; this is the two in a row.
 */
export function deriveStatusReport(input: StatusReportInput): StatusReportJson {
  return toStatusReportJson(deriveReportModel(input), input);
}

/**
 * Derives health (`assessHealth`), issue risks (`scoreIssueRisks`), the report sections and the
 * data-quality notes once, for every audience.
 */
export function deriveReportModel(input: ReportModelInput): ReportModel {
  const { data, settings, now, periodStart } = input;
  const health = assessHealth(data, settings, now, periodStart === null ? {} : { periodStart: Math.min(periodStart, now) });
  const risks = scoreIssueRisks(data, health, settings, now);
  return {
    project: data.project,
    now,
    health,
    risks,
    sections: deriveReportSections(data, health, risks, settings, now, periodStart),
    dataQuality: deriveDataQuality(data, settings),
  };
}

/**
 * Projects the model for one audience and language.
 *
 * - **Overall**: `computed` is the health's overall RAG; `reported` is the override's when there
 *   is one. An override equal to the computed RAG is no override (`overrideReason` null). The
 *   client sees only the reported RAG: `computed` equals `reported` and there is no reason —
 *   "reported amber, computed red" is for internal views (DESIGN §5.3).
 * - **Headline**: the reported colour, then the first dimension (schedule, scope, quality, cost,
 *   satisfaction, communication) whose RAG is the computed overall one, with its why; amber from
 *   missing data names the grey dimensions; green names the next milestone and its day.
 * - **Client**: no internal issue key anywhere — not in sections, evidence, risks, blockers, nor
 *   in sentences (an internal or outside key in a sentence or summary reads "an internal task");
 *   no data-quality notes. Assignees are shown by display name to both audiences (never an
 *   e-mail: a display name that looks like an address is dropped).
 * - **Sustained**: amber or red now and in `previousDimensions`.
 * - **Milestones**: `originalReleaseDate` only when known and different from the current target.
 */
export function toStatusReportJson(model: ReportModel, projection: ReportProjection): StatusReportJson {
  const { audience, lang } = projection;
  const messages = reportMessages(lang);
  const view = projectReportSections(model.sections, audience);
  const redact = redactor(model.sections, view, messages.internalIssue, lang);
  const ref = (issue: Issue): IssueRefJson => toIssueRef(issue, view, redact);

  const computed = model.health.overall;
  const override = projection.override ?? null;
  const overridden = override !== null && override.rag !== computed;
  const reported = overridden ? override.rag : computed;
  const internal = audience === 'internal';

  return {
    schemaVersion: 1,
    generatedAt: new Date(model.now).toISOString(),
    audience,
    lang,
    project: { id: model.project.id, key: model.project.key, name: model.project.name },
    period: { start: new Date(view.period.start).toISOString(), end: new Date(view.period.end).toISOString() },
    overall: {
      computed: internal ? computed : reported,
      reported,
      overrideReason: internal && overridden ? override.reason : null,
      headline: headline(model.health, computed, reported, internal && overridden, lang, redact),
    },
    dimensions: toDimensions(model.health, projection.previousDimensions ?? undefined, lang, view, redact),
    sections: {
      completed: view.completed.map((group) => ({
        epic: group.epic === null ? null : { key: group.epic.key, summary: redact(group.epic.summary) },
        issues: group.issues.map(ref),
      })),
      inProgress: view.inProgress.map(ref),
      nextUp: view.nextUp.map(ref),
      milestones: view.milestones.map((m) => toMilestoneReport(m, projection.originalReleaseDates)),
      risks: {
        flagged: view.flagged.map(ref),
        blocked: view.blocked.map((b) => ({ issue: ref(b.issue), blockedBy: [...b.blockedBy] })),
        topRisks: view.topRisks.map((r) => ({ issue: ref(r.issue), score: r.risk.score, level: r.risk.level })),
      },
      waitingOnClient: view.waitingOnClient.map(ref),
    },
    issueRisks: view.issueRisks.map((r) => toIssueRisk(r, lang, redact)),
    dataQuality: internal
      ? model.dataQuality.map((note) => ({
          code: note.code === 'more' ? note.of : note.code,
          issueKey: note.issueKey,
          message: formatDataQualityNote(note, lang),
        }))
      : [],
  };
}

function headline(
  health: HealthAssessment,
  computed: OverallRag,
  reported: OverallRag,
  showOverride: boolean,
  lang: ReportLang,
  redact: (text: string) => string,
): string {
  const m = reportMessages(lang);
  const enabled = DIMENSIONS.map((d) => health.dimensions[d]).filter((d) => d.enabled);
  let detail: string;
  const driver = computed === 'green' ? undefined : enabled.find((d) => d.rag === computed);
  if (driver !== undefined) {
    detail = m.headline.driver({ dimension: dimensionLabel(driver.dimension, lang), why: redact(formatWhy(driver.why, lang)) });
  } else if (computed !== 'green') {
    detail = m.headline.notEnoughData({
      dimensions: enabled.filter((d) => d.rag === 'grey').map((d) => dimensionLabel(d.dimension, lang)),
    });
  } else {
    const next = health.milestones.find((ms) => ms.id === health.nextMilestoneId);
    detail =
      next?.releaseDate != null ? m.headline.onTrackWithMilestone({ milestone: next.name, date: next.releaseDate }) : m.headline.onTrack();
  }
  return showOverride
    ? m.headline.overridden({ reported: m.rag[reported], computed: m.rag[computed], detail })
    : m.headline.status({ rag: m.rag[reported], detail });
}

function toDimensions(
  health: HealthAssessment,
  previous: Partial<Record<Dimension, Rag>> | undefined,
  lang: ReportLang,
  view: AudienceSections,
  redact: (text: string) => string,
): StatusReportJson['dimensions'] {
  const sustained = deriveSustained(health.dimensions, previous);
  const evidence = (keys: readonly string[]): string[] => sortByIssueKey(keys.filter(view.isVisible), (k) => k);
  const one = (dimension: Dimension): DimensionJson => {
    const d = health.dimensions[dimension];
    return {
      rag: d.rag,
      enabled: d.enabled,
      label: dimensionLabel(dimension, lang),
      why: redact(formatWhy(d.why, lang)),
      measures: d.measures.map((measure) => ({
        id: measure.id,
        label: measureLabel(measure.id, lang),
        value: measure.value,
        display: formatMeasureValue(measure, lang),
        rag: measure.rag,
        why: redact(formatWhy(measure.why, lang)),
        evidence: evidence(measure.evidence),
      })),
      evidence: evidence(d.evidence),
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

function toMilestoneReport(m: MilestoneForecast, originals: Readonly<Record<string, string>> | undefined): MilestoneReportJson {
  const original = originals !== undefined && Object.hasOwn(originals, m.id) ? originals[m.id] : undefined;
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
  };
}

function toIssueRef(issue: Issue, view: AudienceSections, redact: (text: string) => string): IssueRefJson {
  const name = issue.assignee?.displayName ?? null;
  return {
    key: issue.key,
    summary: redact(issue.summary),
    status: { name: issue.status.name, category: issue.status.category },
    type: issue.type.name,
    priority: issue.priority?.name ?? null,
    due: issue.due,
    assignee: name === null || name.includes('@') ? null : name,
    epicKey: view.epicOf(issue)?.key ?? null,
  };
}

function toIssueRisk({ risk }: RankedRisk, lang: ReportLang, redact: (text: string) => string): StatusReportJson['issueRisks'][number] {
  const reasons = risk.signals.map((s) => redact(formatRiskSignal(s, lang)));
  // Two hidden blockers redact to the same sentence: say it once.
  return { key: risk.key, score: risk.score, level: risk.level, reasons: reasons.length > 1 ? [...new Set(reasons)] : reasons };
}

/** An issue key, with the single spaces around it (Chinese sentences space Latin words apart). */
const ISSUE_KEY = /( ?)\b([A-Z][A-Z0-9_]*-\d+)\b( ?)/gu;

/**
 * For the client, replaces in a sentence every key of an internal issue, or of a blocker outside
 * the project, with `placeholder`. Other key-like words (a milestone named "R-2") stay. In
 * Chinese the spaces that set the key apart from Chinese text go with it.
 */
function redactor(sections: ReportSections, view: AudienceSections, placeholder: string, lang: ReportLang): (text: string) => string {
  if (view.audience === 'internal') return (text) => text;
  let outsideBlockers: Set<string> | undefined;
  const hidden = (key: string): boolean => {
    if (sections.hiddenFromClient.has(key)) return true;
    if (sections.index.has(key)) return false;
    outsideBlockers ??= new Set(sections.blocked.flatMap((issue) => issue.blockedBy.map((link) => link.key)));
    return outsideBlockers.has(key);
  };
  const beside = (text: string, at: number, space: string): string => (lang === 'zh-CN' && isWide(text.charCodeAt(at)) ? '' : space);
  return (text) =>
    // Most sentences name no issue: skip the regex for them (it runs on every reason of every risk).
    !text.includes('-')
      ? text
      : text.replace(ISSUE_KEY, (match: string, before: string, key: string, after: string, offset: number) => {
          if (!hidden(key)) return match;
          return beside(text, offset - 1, before) + placeholder + beside(text, offset + match.length, after);
        });
}

/** Outside ASCII: CJK text or full-width punctuation, which takes no space before Chinese words. */
function isWide(code: number): boolean {
  return code > 0x7f;
}
