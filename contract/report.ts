/**
 * The status report in two forms, one schema each:
 *
 * - `reportDataSchema`: the report as language-neutral data (DESIGN.md §2 "Data, not
 *   sentences") — codes, numbers, days, instants, issue keys and the text Jira holds (summaries,
 *   names). What snapshots and published reports store; `renderStatusReport`
 *   (`contract/i18n/render-status-report.ts`) turns it into sentences in any language.
 * - `statusReportSchema`: the rendered report, what the CLI prints with `--format json` and the
 *   project page shows. Sentences (`why`, `reasons`, labels) are in the report's language, and
 *   the codes they were rendered from sit next to them (`whyCode`, `signals`, `params`).
 */
import { changeSectionSchema } from './change-report';
import * as z from 'zod/mini';
import { reportAcceptanceSchema } from './acceptance-report';
import { CLIENT_VISIBILITY_MODES, CLIENT_VISIBILITY_REASONS } from './client-visibility';
import { languageSchema } from './language';
import { reportNarrativeSchema } from './report-narrative';
import { sinceLastSectionSchema } from './since-last-report';
import { supportSectionSchema } from './support-report';

export const ragSchema = z.enum(['green', 'amber', 'red', 'grey']);
export type RagJson = z.infer<typeof ragSchema>;
const overallRagSchema = z.enum(['green', 'amber', 'red']);

export const DIMENSION_KEYS = ['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];
const dimensionKeySchema = z.enum(DIMENSION_KEYS);

/** The measures health takes, in the order each dimension lists them. */
export const MEASURE_IDS = [
  'slipDays',
  'overdueShare',
  'scopeCreep',
  'topPriorityBugs',
  'reopenRate',
  'effortVariance',
  'costPerformance',
  'csat',
  'commsLateDays',
] as const;
export const measureIdSchema = z.enum(MEASURE_IDS);
export type MeasureId = (typeof MEASURE_IDS)[number];

export const AUDIENCES = ['internal', 'client'] as const;
export const audienceSchema = z.enum(AUDIENCES);
export type Audience = (typeof AUDIENCES)[number];

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The rendered report's sections, in reading order; each has a title in the catalogue
 * (`report.<id>`). `flagged`, `blocked`, `topRisks` and `registerRisks` are the parts of `risks`.
 */
export const REPORT_SECTION_IDS = [
  'overall',
  'dimensions',
  'completed',
  'inProgress',
  'nextUp',
  'milestones',
  'risks',
  'flagged',
  'blocked',
  'topRisks',
  'registerRisks',
  'waitingOnClient',
  'changeRequests',
  'decisions',
  'actionItems',
  'issueRisks',
  'dataQuality',
] as const;
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

/**
 * In client data, an issue key the client may not see (an internal issue, a blocker outside the
 * project) is replaced by this marker wherever it appears in text: summaries, names, and the
 * text parameters of reasons. Renderers show it as "an internal task" in the reader's language.
 */
export const HIDDEN_ISSUE_MARKER = '⟦internal⟧';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));
const count = z.int().check(z.nonnegative());
const share = z.number();
const unitSchema = z.enum(['points', 'issues']);

/** How a milestone forecast came out (see `forecastSchema`). */
export const FORECAST_OUTCOMES = ['forecast', 'complete', 'shortHistory', 'noThroughput', 'beyondHorizon'] as const;
export type ForecastOutcome = (typeof FORECAST_OUTCOMES)[number];

/**
 * How an unreleased milestone was forecast, with its inputs, so a reader can check it: a seeded
 * Monte Carlo over the weekly throughput of the recent weeks, the team working through the
 * milestones in target order. `outcome`: `forecast` (dates given), `complete` (nothing remains:
 * today), `shortHistory` (fewer than `minHistoryWeeks` weeks of history: no date),
 * `noThroughput` (nothing completed in the history weeks: no date), `beyondHorizon` (the 85th
 * percentile falls after 2199).
 */
export const forecastSchema = z.object({
  method: z.literal('monte-carlo'),
  outcome: z.enum(FORECAST_OUTCOMES),
  unit: unitSchema,
  /** Half of the simulated futures finish by this day; null when none is given. */
  p50: z.nullable(day),
  /** 85 % of them finish by this day: the forecast date that slip and RAG use. */
  p85: z.nullable(day),
  trials: count,
  seed: count,
  /** Completed per week in `unit`, oldest week first; the weeks the simulation draws from. */
  weeklySamples: z.array(z.number()),
  historyWeeks: count,
  minHistoryWeeks: count,
  /** Work left in this milestone, in `unit`. */
  remaining: z.number(),
  /** Work left in earlier milestones (target order) that the team does first, in `unit`. */
  remainingAhead: z.number(),
});
export type ForecastJson = z.infer<typeof forecastSchema>;

// ---------------------------------------------------------------------------------------------
// Codes: why a measure has its colour, why an issue is at risk, what is odd about the data.

/** Why a measure or dimension has its colour: a code and the parameters its sentence needs. */
export const whySchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('dimensionDisabled'), params: z.object({}) }),
  z.object({ code: z.literal('slipNoMilestone'), params: z.object({}) }),
  z.object({ code: z.literal('slipNoIssues'), params: z.object({ milestone: z.string(), target: day }) }),
  z.object({
    code: z.literal('slipOverdue'),
    params: z.object({ milestone: z.string(), target: day, daysOverdue: z.number(), remaining: z.number(), unit: unitSchema }),
  }),
  z.object({
    code: z.literal('slipNoThroughput'),
    params: z.object({ milestone: z.string(), target: day, remaining: z.number(), unit: unitSchema }),
  }),
  /** Work remains, and at the recent pace it would not be done before 2200: no date can be given. */
  z.object({
    code: z.literal('slipBeyondHorizon'),
    params: z.object({ milestone: z.string(), target: day, remaining: z.number(), unit: unitSchema }),
  }),
  z.object({
    code: z.literal('slipForecast'),
    /** `forecast` is the 85th percentile day; `p50` the median one (absent in reports before it was given). */
    params: z.object({ milestone: z.string(), target: day, forecast: day, slipDays: z.number(), p50: z.optional(day) }),
  }),
  /** Too few weeks of history to forecast from. */
  z.object({
    code: z.literal('slipShortHistory'),
    params: z.object({ milestone: z.string(), target: day, weeks: count, minWeeks: count }),
  }),
  z.object({ code: z.literal('overdueNoDueDates'), params: z.object({}) }),
  z.object({ code: z.literal('overdueShare'), params: z.object({ overdue: count, dated: count, share }) }),
  z.object({ code: z.literal('creepNoMilestone'), params: z.object({}) }),
  z.object({ code: z.literal('creepNoBaseline'), params: z.object({ milestone: z.string() }) }),
  z.object({
    code: z.literal('creepSmallBaseline'),
    params: z.object({ milestone: z.string(), baseline: count, minBaseline: count }),
  }),
  z.object({ code: z.literal('scopeCreep'), params: z.object({ milestone: z.string(), added: count, baseline: count, share }) }),
  z.object({ code: z.literal('topBugsNoPriorities'), params: z.object({}) }),
  z.object({ code: z.literal('topBugs'), params: z.object({ count }) }),
  z.object({ code: z.literal('reopenNoCompletions'), params: z.object({ days: count, reopened: count }) }),
  z.object({ code: z.literal('reopenRate'), params: z.object({ reopened: count, completed: count, days: count, share }) }),
  z.object({ code: z.literal('effortNoIssues'), params: z.object({}) }),
  z.object({
    code: z.literal('effortLowCoverage'),
    params: z.object({ estimated: count, total: count, coverage: share, minCoverage: share }),
  }),
  z.object({
    code: z.literal('effortVariance'),
    params: z.object({ estimated: count, total: count, variance: z.number(), originalHours: z.number(), actualHours: z.number() }),
  }),
  /** Cost performance against the engagement's budget (issue 13): no hours budget agreed. */
  z.object({ code: z.literal('costNoBudget'), params: z.object({}) }),
  /** An hours budget, but no time logged yet (or no work to measure progress by). */
  z.object({ code: z.literal('costNoTimeLogged'), params: z.object({ budgetHours: z.number() }) }),
  /** Earned hours (percent complete × budget) ÷ hours spent. */
  z.object({
    code: z.literal('costPerformance'),
    params: z.object({
      index: z.number(),
      percentComplete: share,
      earnedHours: z.number(),
      spentHours: z.number(),
      budgetHours: z.number(),
    }),
  }),
  z.object({ code: z.literal('csatOverdueComplaints'), params: z.object({ count }) }),
  z.object({ code: z.literal('csatNoResponses'), params: z.object({ days: count }) }),
  z.object({ code: z.literal('csat'), params: z.object({ mean: z.number(), responses: count, days: count }) }),
  z.object({ code: z.literal('commsNoTouchpoints'), params: z.object({}) }),
  z.object({ code: z.literal('commsNoneLate'), params: z.object({ touchpoints: count }) }),
  z.object({ code: z.literal('commsLate'), params: z.object({ count, maxDays: z.number(), title: z.string() }) }),
]);
export type WhyJson = z.infer<typeof whySchema>;
export type WhyCode = WhyJson['code'];
export type WhyParams<C extends WhyCode> = Extract<WhyJson, { code: C }>['params'];

/** One reason an issue is at risk, with the points it adds (DESIGN.md §5.4). */
export const riskSignalSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('overdue'), days: z.number(), points: z.number() }),
  z.object({ code: z.literal('dueSoonNotStarted'), days: z.number(), points: z.number() }),
  z.object({
    code: z.literal('blocked'),
    by: z.object({ key: z.string(), statusName: z.string(), days: z.nullable(z.number()) }),
    points: z.number(),
  }),
  z.object({ code: z.literal('flagged'), points: z.number() }),
  z.object({ code: z.literal('stale'), days: z.number(), points: z.number() }),
  z.object({ code: z.literal('longCycle'), days: z.number(), medianDays: z.number(), points: z.number() }),
  z.object({ code: z.literal('reopened'), count: z.number(), points: z.number() }),
  z.object({ code: z.literal('overrun'), ratio: z.number(), points: z.number() }),
  z.object({ code: z.literal('topPriority'), priority: z.string(), points: z.number() }),
  z.object({ code: z.literal('addedAfterBaseline'), milestone: z.string(), points: z.number() }),
  z.object({ code: z.literal('milestoneRed'), milestone: z.string(), points: z.number() }),
  /** Replaces staleness and cycle time while the client holds the issue; `estimated`: "at least" `days`. */
  z.object({ code: z.literal('waitingOnClient'), days: z.number(), estimated: z.boolean(), points: z.number() }),
]);
export type RiskSignalJson = z.infer<typeof riskSignalSchema>;
export type RiskSignalCode = RiskSignalJson['code'];

/** Fields of an issue whose value can be absurd (DESIGN.md §4). */
export const ESTIMATE_FIELDS = ['storyPoints', 'timeOriginal', 'timeRemaining', 'timeSpent'] as const;
export const DATE_FIELDS = ['created', 'updated', 'resolved', 'due', 'start'] as const;
export const MILESTONE_DATE_FIELDS = ['releaseDate', 'startDate'] as const;

/** A note on one issue's data that the PM may want to fix in Jira. */
export const dataQualityIssueNoteSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('resolvedNotDone'), issueKey: z.string(), statusName: z.string(), resolution: z.string() }),
  z.object({ code: z.literal('doneWithoutResolution'), issueKey: z.string(), statusName: z.string() }),
  z.object({ code: z.literal('noStatusCategory'), issueKey: z.string(), statusName: z.string() }),
  z.object({ code: z.literal('dueBeforeCreated'), issueKey: z.string(), due: day, created: day }),
  z.object({ code: z.literal('blockerOutsideProject'), issueKey: z.string(), blockerKey: z.string() }),
  z.object({ code: z.literal('subtaskPointsDoubleCounted'), issueKey: z.string(), parentKey: z.string() }),
  /** An estimate that is negative, not a number, or beyond belief (1e308 seconds); ignored. */
  z.object({ code: z.literal('implausibleEstimate'), issueKey: z.string(), field: z.enum(ESTIMATE_FIELDS), value: z.string() }),
  /** A date before 1970 or after 2199 (year 9999); ignored where it can be, noted always. */
  z.object({ code: z.literal('implausibleDate'), issueKey: z.string(), field: z.enum(DATE_FIELDS), value: z.string() }),
]);
export type DataQualityIssueNoteJson = z.infer<typeof dataQualityIssueNoteSchema>;
export type DataQualityIssueCode = DataQualityIssueNoteJson['code'];
/** Notes are listed in this order of codes, then by natural issue-key order. */
export const DATA_QUALITY_ISSUE_CODES = [
  'resolvedNotDone',
  'doneWithoutResolution',
  'noStatusCategory',
  'dueBeforeCreated',
  'blockerOutsideProject',
  'subtaskPointsDoubleCounted',
  'implausibleEstimate',
  'implausibleDate',
] as const satisfies readonly DataQualityIssueCode[];
const dataQualityIssueCodeSchema = z.enum(DATA_QUALITY_ISSUE_CODES);

/** Every data-quality note: per issue, or about the project (no issue key). */
export const dataQualityNoteSchema = z.union([
  dataQualityIssueNoteSchema,
  /** Done issues whose completion date is estimated (no changelog): one note with the count. */
  z.object({ code: z.literal('completionEstimated'), issueKey: z.null(), count }),
  /** A milestone date before 1970 or after 2199: the milestone is treated as undated. */
  z.object({
    code: z.literal('implausibleMilestoneDate'),
    issueKey: z.null(),
    milestone: z.string(),
    field: z.enum(MILESTONE_DATE_FIELDS),
    value: z.string(),
  }),
  /** The issues of one code beyond the per-code limit: their count and every one of their keys. */
  z.object({ code: z.literal('more'), issueKey: z.null(), of: dataQualityIssueCodeSchema, count, issueKeys: z.array(z.string()) }),
]);
export type DataQualityNoteJson = z.infer<typeof dataQualityNoteSchema>;
export type DataQualityCode = DataQualityNoteJson['code'];

/** What the headline says after the status: the driving dimension, missing data, or on track. */
export const headlineSchema = z.discriminatedUnion('code', [
  /** The first dimension (in `DIMENSION_KEYS` order) with the computed overall RAG; its why follows. */
  z.object({ code: z.literal('driver'), params: z.object({ dimension: dimensionKeySchema }) }),
  /** Amber because two or more dimensions lack data. */
  z.object({ code: z.literal('notEnoughData'), params: z.object({ dimensions: z.array(dimensionKeySchema) }) }),
  z.object({ code: z.literal('onTrack'), params: z.object({}) }),
  z.object({ code: z.literal('onTrackWithMilestone'), params: z.object({ milestone: z.string(), date: day }) }),
]);
export type HeadlineJson = z.infer<typeof headlineSchema>;

// ---------------------------------------------------------------------------------------------
// Parts both forms share: issues and milestones are data already.

export const clientVisibilityReasonSchema = z.enum(CLIENT_VISIBILITY_REASONS);

export const issueRefSchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.object({ name: z.string(), category: z.enum(['new', 'indeterminate', 'done', 'undefined']) }),
  type: z.string(),
  priority: z.nullable(z.string()),
  due: z.nullable(day),
  /** Display name only: never an e-mail address. */
  assignee: z.nullable(z.string()),
  epicKey: z.nullable(z.string()),
  /** Internal views only: whether the client sees the issue, and why. */
  client: z.object({ shown: z.boolean(), reason: clientVisibilityReasonSchema }),
});
export type IssueRefJson = z.infer<typeof issueRefSchema>;

/**
 * An issue waiting on the client, with its wait (DESIGN §5.4): `since` is the calendar day the
 * wait started in the project's zone; `estimated` when the changelog cannot date it, the wait
 * being then at least `days` (since the last update).
 */
/** How long an issue has waited on the client (see `waitingIssueRefSchema`); the client's report reads the same. */
export const waitSchema = z.object({ days: z.number(), since: day, estimated: z.boolean() });
export const waitingIssueRefSchema = z.extend(issueRefSchema, { wait: waitSchema });
export type WaitingIssueRefJson = z.infer<typeof waitingIssueRefSchema>;

export const milestoneReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  released: z.boolean(),
  releaseDate: z.nullable(day),
  /** The target first recorded by the app, when known and different from the current one. */
  originalReleaseDate: z.nullable(day),
  progress: z.object({ issuesDone: z.number(), issuesTotal: z.number(), pointsDone: z.number(), pointsTotal: z.number() }),
  /** The 85th percentile forecast day (`forecast.p85`). */
  forecastDate: z.nullable(day),
  slipDays: z.nullable(z.number()),
  rag: ragSchema,
  /** How the forecast was made (internal audience; absent for the client and in older reports). */
  forecast: z.optional(z.nullable(forecastSchema)),
});
export type MilestoneReportJson = z.infer<typeof milestoneReportSchema>;

/** A decision of a touchpoint in the period (the touchpoint log, issue 9). */
export const reportDecisionSchema = z.object({ text: z.string(), date: day, seriesTitle: z.nullable(z.string()) });
export type ReportDecisionJson = z.infer<typeof reportDecisionSchema>;
export const ACTION_ITEM_STATES = ['open', 'done', 'dropped'] as const;
/** An open action item (any date), or one closed at a touchpoint in the period. */
export const reportActionItemSchema = z.object({
  text: z.string(),
  ownerSide: z.enum(['client', 'internal']),
  ownerName: z.string(),
  due: z.nullable(day),
  status: z.enum(ACTION_ITEM_STATES),
  jiraIssueKey: z.nullable(z.string()),
  /** Open and due before the report's day. */
  overdue: z.boolean(),
});
export type ReportActionItemJson = z.infer<typeof reportActionItemSchema>;

/**
 * An open risk of the risk register (issue 10, DESIGN §5.6): highest score first. The internal
 * report's; the client's has its wording only (`clientSectionsSchema`).
 */
export const reportRegisterRiskSchema = z.object({
  /** The register's id, so the next report can tell new risks from renamed ones (absent in older reports). */
  id: z.optional(z.string()),
  title: z.string(),
  /** Probability × impact, 1–25; level high ≥ 15, medium ≥ 8. */
  score: z.number(),
  level: riskLevelSchema,
  probability: z.number(),
  impact: z.number(),
  status: z.enum(['open', 'mitigating']),
  ownerName: z.string(),
  mitigation: z.string(),
  due: z.nullable(day),
  /** The mitigation's due day is before the report's day. */
  overdue: z.boolean(),
  linkedIssueKeys: z.array(z.string()),
  jiraIssueKey: z.nullable(z.string()),
  clientVisible: z.boolean(),
});
export type ReportRegisterRiskJson = z.infer<typeof reportRegisterRiskSchema>;

const sectionsSchema = z.object({
  completed: z.array(z.object({ epic: z.nullable(z.object({ key: z.string(), summary: z.string() })), issues: z.array(issueRefSchema) })),
  inProgress: z.array(issueRefSchema),
  nextUp: z.array(issueRefSchema),
  milestones: z.array(milestoneReportSchema),
  risks: z.object({
    flagged: z.array(issueRefSchema),
    blocked: z.array(z.object({ issue: issueRefSchema, blockedBy: z.array(z.string()) })),
    topRisks: z.array(z.object({ issue: issueRefSchema, score: z.number(), level: riskLevelSchema })),
  }),
  /** Longest wait first. */
  waitingOnClient: z.array(waitingIssueRefSchema),
  /** Change requests new or decided in the period, or awaiting the client (absent before issue 10). */
  changeRequests: z.optional(changeSectionSchema),
  /** Open register risks (absent in reports stored before issue 10). */
  registerRisks: z.optional(z.array(reportRegisterRiskSchema)),
  /** Decisions of the period's touchpoints (absent in reports stored before issue 9). */
  decisions: z.optional(z.array(reportDecisionSchema)),
  /** Overdue first, then by due day. */
  actionItems: z.optional(z.array(reportActionItemSchema)),
  /** What changed since the last published report (absent in reports derived without that comparison). */
  sinceLast: z.optional(sinceLastSectionSchema),
  /** The client's acceptance decisions of the period, oldest first (absent: none, or before issue 13). */
  acceptance: z.optional(z.array(reportAcceptanceSchema)),
  /** Client-reported issues against the support targets, in the support phase only (issue 13; absent otherwise). */
  support: z.optional(supportSectionSchema),
  /**
   * How many issues each list held before a stored report bounded it (the lists keep their first
   * ones), so a page can say "50 of 60". Internal reports only; absent where the lists are whole.
   */
  totals: z.optional(
    z.object({
      completed: count,
      inProgress: count,
      nextUp: count,
      waitingOnClient: count,
      flagged: count,
      blocked: count,
      topRisks: count,
      /** Decisions and action items before bounding (absent in reports stored before they were counted). */
      decisions: z.optional(count),
      actionItems: z.optional(count),
    }),
  ),
});
export type ReportSectionsJson = z.infer<typeof sectionsSchema>;
export type ReportListTotalsJson = NonNullable<ReportSectionsJson['totals']>;

export const projectSchema = z.object({ id: z.string(), key: z.string(), name: z.string() });

// ---------------------------------------------------------------------------------------------
// The language-neutral report.

export const REPORT_DATA_SCHEMA_VERSION = 1;

const measureDataSchema = z.object({
  id: measureIdSchema,
  /** Days, a share 0..1, a count or a mean; null when there is not enough data. */
  value: z.nullable(z.number()),
  rag: ragSchema,
  why: whySchema,
  /** The first keys behind the value (at most 50, the most relevant), in issue-key order. */
  evidence: z.array(z.string()),
  /** How many issues are behind the value, `evidence` being the first of them (absent in older reports). */
  evidenceCount: z.optional(count),
  /** JQL that finds those issues in Jira; null where JQL cannot express the measure, and for the client. */
  evidenceJql: z.optional(z.nullable(z.string())),
});
export type MeasureDataJson = z.infer<typeof measureDataSchema>;

const dimensionDataSchema = z.object({
  rag: ragSchema,
  enabled: z.boolean(),
  why: whySchema,
  measures: z.array(measureDataSchema),
  /** The evidence of the measure that gives the dimension its colour (see `measureDataSchema`). */
  evidence: z.array(z.string()),
  evidenceCount: z.optional(count),
  evidenceJql: z.optional(z.nullable(z.string())),
  sustained: z.boolean(),
});
export type DimensionDataJson = z.infer<typeof dimensionDataSchema>;

/** How many issues the client sees, under which setting: the PM's hint when it is none. */
export const clientVisibilitySummarySchema = z.object({
  mode: z.enum(CLIENT_VISIBILITY_MODES),
  clientLabel: z.string(),
  internalLabel: z.string(),
  /** Issues the client sees. */
  shown: count,
  /** Issues that are internal (internal label or subtask). */
  internal: count,
  total: count,
});
export type ClientVisibilitySummaryJson = z.infer<typeof clientVisibilitySummarySchema>;

/**
 * The status report of one project for one audience, as data: no sentence, no language. Every
 * list is in its final order. Client data holds only what the client may see (see
 * `HIDDEN_ISSUE_MARKER`) and no data-quality notes.
 */
export const reportDataSchema = z.object({
  schemaVersion: z.literal(REPORT_DATA_SCHEMA_VERSION),
  /** ISO instant the report was derived at. */
  generatedAt: z.iso.datetime(),
  /** The client's report has its own, narrower schema (`clientReportDataSchema`). */
  audience: z.literal('internal'),
  project: projectSchema,
  /** ISO instants, both ends inclusive. */
  period: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }),
  overall: z.object({
    computed: overallRagSchema,
    reported: overallRagSchema,
    overrideReason: z.nullable(z.string()),
    headline: headlineSchema,
  }),
  dimensions: z.object({
    schedule: dimensionDataSchema,
    scope: dimensionDataSchema,
    quality: dimensionDataSchema,
    cost: dimensionDataSchema,
    satisfaction: dimensionDataSchema,
    communication: dimensionDataSchema,
  }),
  sections: sectionsSchema,
  /** Every open issue visible to the audience, highest score first; signals by points. */
  issueRisks: z.array(z.object({ key: z.string(), score: z.number(), level: riskLevelSchema, signals: z.array(riskSignalSchema) })),
  dataQuality: z.array(dataQualityNoteSchema),
  clientVisibility: clientVisibilitySummarySchema,
});
export type ReportDataJson = z.infer<typeof reportDataSchema>;

// ---------------------------------------------------------------------------------------------
// The rendered report.

export const measureSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.nullable(z.number()),
  /** The value as a person reads it ("12 %", "+3 days"), in the report's language. */
  display: z.string(),
  rag: ragSchema,
  why: z.string(),
  /** What `why` was rendered from. */
  whyCode: whySchema,
  evidence: z.array(z.string()),
  evidenceCount: z.optional(count),
  evidenceJql: z.optional(z.nullable(z.string())),
  /** "First 50 of 120 issues", in the report's language; empty when there is no evidence. */
  evidenceSummary: z.optional(z.string()),
});
export type MeasureJson = z.infer<typeof measureSchema>;

export const dimensionSchema = z.object({
  rag: ragSchema,
  enabled: z.boolean(),
  label: z.string(),
  why: z.string(),
  whyCode: whySchema,
  measures: z.array(measureSchema),
  evidence: z.array(z.string()),
  evidenceCount: z.optional(count),
  evidenceJql: z.optional(z.nullable(z.string())),
  evidenceSummary: z.optional(z.string()),
  /** Amber or red in this and the previous published report. */
  sustained: z.boolean(),
});
export type DimensionJson = z.infer<typeof dimensionSchema>;

export const issueRiskSchema = z.object({
  key: z.string(),
  score: z.number(),
  level: riskLevelSchema,
  /** One sentence per signal (a repeated sentence once), in the report's language. */
  reasons: z.array(z.string()),
  /** What `reasons` were rendered from, largest points first. */
  signals: z.array(riskSignalSchema),
});
export type IssueRiskJson = z.infer<typeof issueRiskSchema>;

/** A data-quality note's parameters: the note's own fields (`issueKeys` on a "…and N more" note). */
const dataQualityParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));

export const statusReportSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  /** The client's report has its own, narrower schema (`clientStatusReportSchema`). */
  audience: z.literal('internal'),
  lang: languageSchema,
  /** The live draft's revision (`project/report` only): `report/publish` names it, so what is published is what was reviewed. */
  draftRevision: z.optional(z.string()),
  project: projectSchema,
  period: z.object({ start: z.string(), end: z.string() }),
  overall: z.object({
    computed: overallRagSchema,
    reported: overallRagSchema,
    /** The PM's reason when `reported` overrides `computed`; null otherwise. */
    overrideReason: z.nullable(z.string()),
    headline: z.string(),
    /** What the headline says after the status, as a code. */
    headlineCode: headlineSchema,
  }),
  dimensions: z.object({
    schedule: dimensionSchema,
    scope: dimensionSchema,
    quality: dimensionSchema,
    cost: dimensionSchema,
    satisfaction: dimensionSchema,
    communication: dimensionSchema,
  }),
  sections: sectionsSchema,
  /** Every open issue visible to the audience, highest score first. */
  issueRisks: z.array(issueRiskSchema),
  /**
   * Notes on data the PM may want to fix in Jira (internal audience only; empty for the client).
   * A "…and N more" note carries the code of the notes it continues, `issueKey` null, and every
   * remaining key in `params.issueKeys`.
   */
  dataQuality: z.array(
    z.object({ code: z.string(), issueKey: z.nullable(z.string()), message: z.string(), params: dataQualityParamsSchema }),
  ),
  /** The counts, and when the client sees nothing, the sentence telling the PM how to show work. */
  clientVisibility: z.object({ ...clientVisibilitySummarySchema.shape, hint: z.nullable(z.string()) }),
  /** The narrative (`renderStoredReport`; absent where a report is rendered without it). */
  narrative: z.optional(reportNarrativeSchema),
});
export type StatusReportJson = z.infer<typeof statusReportSchema>;
