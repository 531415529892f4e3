/**
 * Per-project settings every rule reads. Defaults are DESIGN.md §5.3–5.4; the PM can change
 * them (settings land with a later issue), so rules take them as an argument — never constants.
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
  /** Labels that make an issue client-facing (weighted in risk). */
  clientLabels: readonly string[];
  /** Status names (case-insensitive) that mean "waiting on client"; the label `waiting-on-client` always does. */
  waitingOnClientStatuses: readonly string[];
  /** A link type name that blocks, besides any whose inward text is "is blocked by". */
  blockingLinkTypes: readonly string[];
  /** Report cadence, for the period when no report was published yet. */
  cadenceDays: number;
  /** Dimensions the PM switched off. */
  disabledDimensions: readonly Dimension[];
  thresholds: HealthThresholds;
  risk: RiskWeights;
}

export const DEFAULT_THRESHOLDS: HealthThresholds = {
  slipGreenDays: 0,
  slipAmberDays: 5,
  overdueGreen: 0.05,
  overdueAmber: 0.15,
  creepGreen: 0.1,
  creepAmber: 0.2,
  topBugsGreen: 0,
  topBugsAmber: 2,
  reopenGreen: 0.05,
  reopenAmber: 0.15,
  reopenWindowDays: 30,
  effortGreen: 0.1,
  effortAmber: 0.25,
  effortMinCoverage: 0.5,
  csatGreen: 4.0,
  csatAmber: 3.5,
  csatWindowDays: 90,
  commsLateAmberDays: 2,
  throughputWeeks: 6,
  pointsMinShare: 0.8,
};

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

export const DEFAULT_SETTINGS: ProjectSettings = {
  timeZone: 'UTC',
  internalLabel: 'internal',
  clientLabels: ['client', 'client-reported'],
  waitingOnClientStatuses: ['Waiting for customer', 'Waiting for client', 'Waiting on client'],
  blockingLinkTypes: ['Blocks'],
  cadenceDays: 7,
  disabledDimensions: [],
  thresholds: DEFAULT_THRESHOLDS,
  risk: DEFAULT_RISK_WEIGHTS,
};
