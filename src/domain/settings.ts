import {
  DEFAULT_PROJECT_SETTINGS,
  type ClientVisibilityMode,
  type ProjectSettingsJson,
  type ThresholdsJson,
} from '../../contract/settings';

/**
 * Per-project settings every rule reads. Defaults are DESIGN.md §5.3–5.4; the PM changes the
 * stored settings document (`contract/settings.ts`), which `toProjectSettings` turns into
 * this shape, so rules take them as an argument — never constants.
 */
export const DIMENSIONS = ['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface HealthThresholds {
  /** Next-milestone slip in days: green ≤ slipGreenDays, amber ≤ slipAmberDays, else red. */
  slipGreenDays: number;
  slipAmberDays: number;
  /** Share of open dated issues past due: green < overdueGreen, amber < overdueAmber. */
  overdueGreen: number;
  overdueAmber: number;
  /** Scope creep share of the baseline: green ≤, amber ≤. */
  creepGreen: number;
  creepAmber: number;
  /** Open bugs in the top two priority ranks: green ≤, amber ≤. */
  topBugsGreen: number;
  topBugsAmber: number;
  /** Reopened / completed over the window: green <, amber <. */
  reopenGreen: number;
  reopenAmber: number;
  reopenWindowDays: number;
  /** Effort variance: green ≤, amber ≤; grey below the estimate coverage. */
  effortGreen: number;
  effortAmber: number;
  effortMinCoverage: number;
  /** CSAT mean: green ≥, amber ≥; window in days. */
  csatGreen: number;
  csatAmber: number;
  csatWindowDays: number;
  /** Days late beyond grace: amber ≤, red above. */
  commsLateAmberDays: number;
  /** Throughput: weeks in the median, and the share of estimated issues to use points. */
  throughputWeeks: number;
  pointsMinShare: number;
  /** Milestone baselines smaller than this make scope creep grey. */
  creepMinBaseline: number;
}

export interface RiskWeights {
  overdueBase: number;
  overduePerDay: number;
  overdueMaxExtra: number;
  dueSoonDays: number;
  dueSoonNotStarted: number;
  blocked: number;
  flagged: number;
  staleDays: number;
  stale: number;
  longCycleFactor: number;
  longCycle: number;
  reopenEach: number;
  reopenMax: number;
  overrunFactor: number;
  overrun: number;
  topPriority: number;
  addedAfterBaseline: number;
  milestoneRed: number;
  clientFacingFactor: number;
  highAt: number;
  mediumAt: number;
}

export interface ProjectSettings {
  /** IANA zone in which the project's calendar days are counted. */
  timeZone: string;
  /** Issues with this label are internal (never client-facing). */
  internalLabel: string;
  /** The label that marks an issue (or its epic) for the client; with `client-reported`, client-facing in risk. */
  clientLabel: string;
  /** Which non-internal issues a client sees (DESIGN §5.1): `marked`, chosen `types` (ids), or `all`. */
  clientVisibility: { mode: ClientVisibilityMode; issueTypeIds: readonly string[] };
  /** Status names (case-insensitive) that mean "waiting on client". */
  waitingOnClientStatuses: readonly string[];
  /** The label that means "waiting on client" whatever the status. */
  waitingOnClientLabel: string;
  /** A link type name that blocks, besides any whose inward text is "is blocked by". */
  blockingLinkTypes: readonly string[];
  /** Report cadence, for the period when no report was published yet. */
  cadenceDays: number;
  /** Dimensions the PM switched off. */
  disabledDimensions: readonly Dimension[];
  thresholds: HealthThresholds;
  risk: RiskWeights;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = DEFAULT_PROJECT_SETTINGS.thresholds satisfies ThresholdsJson;

export const DEFAULT_RISK_WEIGHTS: RiskWeights = {
  overdueBase: 30,
  overduePerDay: 1,
  overdueMaxExtra: 20,
  dueSoonDays: 3,
  dueSoonNotStarted: 20,
  blocked: 25,
  flagged: 25,
  staleDays: 7,
  stale: 15,
  longCycleFactor: 2,
  longCycle: 10,
  reopenEach: 10,
  reopenMax: 20,
  overrunFactor: 1.2,
  overrun: 10,
  topPriority: 10,
  addedAfterBaseline: 5,
  milestoneRed: 10,
  clientFacingFactor: 1.2,
  highAt: 60,
  mediumAt: 30,
};

/**
 * The domain's view of a stored settings document: the PM's choices plus the risk weights,
 * which are not settings (yet).
 */
export function toProjectSettings(json: ProjectSettingsJson): ProjectSettings {
  return {
    timeZone: json.timeZone,
    internalLabel: json.internalLabel,
    clientLabel: json.clientLabel,
    clientVisibility: json.clientVisibility,
    waitingOnClientStatuses: json.waitingOnClientStatuses,
    waitingOnClientLabel: json.waitingOnClientLabel,
    blockingLinkTypes: json.blockingLinkTypes,
    cadenceDays: json.cadenceDays,
    disabledDimensions: json.disabledDimensions,
    thresholds: json.thresholds,
    risk: DEFAULT_RISK_WEIGHTS,
  };
}

export const DEFAULT_SETTINGS: ProjectSettings = toProjectSettings(DEFAULT_PROJECT_SETTINGS);
