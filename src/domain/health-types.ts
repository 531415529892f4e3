import type { ForecastJson, MeasureId, RiskLevel, RiskSignalJson, WhyJson } from '../../contract/report';
import type { Dimension } from './settings';

export type Rag = 'green' | 'amber' | 'red' | 'grey';

/**
 * Why a measure or dimension has its colour, as data (a code of the contract's `whySchema`);
 * the message catalogue turns it into a sentence.
 */
export type Why = WhyJson;

export type { MeasureId, RiskLevel };

/** How an unreleased milestone was forecast, with its inputs (the contract's `forecastSchema`). */
export type ForecastDetail = ForecastJson;

export interface MeasureResult {
  id: MeasureId;
  /** The measured value (days, a share 0..1, a count, a mean), or null when there is not enough data. */
  value: number | null;
  rag: Rag;
  why: Why;
  /** Every issue key behind the value, most relevant first (uncapped; reports cap it). */
  evidence: readonly string[];
  /** JQL that finds the same issues in Jira, or null where JQL cannot express the measure. */
  evidenceJql: string | null;
}

export interface DimensionAssessment {
  dimension: Dimension;
  /** False when the PM switched the dimension off: then `rag` is grey and it does not count in overall. */
  enabled: boolean;
  /** The worse of its measures; grey when none has data. */
  rag: Rag;
  measures: readonly MeasureResult[];
  why: Why;
  /** The evidence of the measure that gives the dimension its colour. */
  evidence: readonly string[];
  evidenceJql: string | null;
}

export interface MilestoneForecast {
  id: string;
  name: string;
  released: boolean;
  /** Current target day, `YYYY-MM-DD`, or null: an approved change request's new target when one re-baselined it. */
  releaseDate: string | null;
  /** The target an approved change request replaced (`deriveRebaseline`); absent when none did. */
  rebaselinedFrom?: string | null;
  startDate: string | null;
  issuesTotal: number;
  issuesDone: number;
  pointsTotal: number;
  pointsDone: number;
  /** What throughput and remaining are counted in. */
  unit: 'points' | 'issues';
  remaining: number;
  /** Mean completed per week over the history weeks, in `unit`. */
  weeklyThroughput: number;
  /** The 85th percentile forecast day `YYYY-MM-DD`, or null when none can be given (see `forecast.outcome`). */
  forecastDate: string | null;
  /** The forecast's method and inputs; null for a released milestone. */
  forecast: ForecastDetail | null;
  /** forecast − target in days (positive = late), or null. */
  slipDays: number | null;
  overdue: boolean;
  rag: Rag;
  /** Issues in the milestone at its baseline, and those added after it (not via an approved change). */
  baselineCount: number;
  addedAfterBaseline: readonly string[];
}

export interface HealthAssessment {
  dimensions: Readonly<Record<Dimension, DimensionAssessment>>;
  /** Red if any enabled dimension is red; amber if any is amber or two or more are grey; else green. */
  overall: Exclude<Rag, 'grey'>;
  /** Unreleased, unarchived milestones by date, plus any released within the period. */
  milestones: readonly MilestoneForecast[];
  /** The next unreleased dated milestone, or null. */
  nextMilestoneId: string | null;
  /** Median started→completed (created when never started) of issues done in the throughput window, ms; null with no data. */
  medianCycleTimeMs: number | null;
}

/** One reason an issue is at risk, as data (the contract's `riskSignalSchema`). */
export type RiskSignal = RiskSignalJson;

export interface IssueRisk {
  key: string;
  /** 0..100 after the client-facing weight and the cap. */
  score: number;
  level: RiskLevel;
  clientFacing: boolean;
  signals: readonly RiskSignal[];
}
