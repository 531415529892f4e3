/**
 * Test-data builders for the status report tests (never imported by app code): hand-built
 * health and risk results, so report rules are tested apart from the health rules.
 */
import type { DimensionAssessment, HealthAssessment, IssueRisk, MilestoneForecast, Rag } from '../health-types';
import { DIMENSIONS, type Dimension } from '../settings';

export function aDimension(dimension: Dimension, overrides: Partial<DimensionAssessment> = {}): DimensionAssessment {
  return {
    dimension,
    enabled: true,
    rag: 'green',
    measures: [],
    why: { code: 'topBugs', params: { count: 0 } },
    evidence: [],
    evidenceJql: null,
    ...overrides,
  };
}

export function aForecast(overrides: Partial<MilestoneForecast> = {}): MilestoneForecast {
  return {
    id: '100',
    name: 'Release 1',
    released: false,
    releaseDate: '2026-03-31',
    startDate: '2026-01-01',
    issuesTotal: 10,
    issuesDone: 4,
    pointsTotal: 30,
    pointsDone: 12,
    unit: 'points',
    remaining: 18,
    weeklyThroughput: 6,
    forecastDate: '2026-03-28',
    slipDays: -3,
    overdue: false,
    rag: 'green',
    forecast: null,
    baselineCount: 10,
    addedAfterBaseline: [],
    ...overrides,
  };
}

/** A health result: every dimension green unless overridden. */
export function aHealth(
  overrides: Omit<Partial<HealthAssessment>, 'dimensions'> & { dimensions?: Partial<Record<Dimension, Partial<DimensionAssessment>>> } = {},
): HealthAssessment {
  const { dimensions, ...rest } = overrides;
  const all = Object.fromEntries(DIMENSIONS.map((d) => [d, aDimension(d, dimensions?.[d])])) as Record<Dimension, DimensionAssessment>;
  return { dimensions: all, overall: 'green', milestones: [], nextMilestoneId: null, medianCycleTimeMs: null, ...rest };
}

export function aRisk(key: string, score: number, overrides: Partial<IssueRisk> = {}): IssueRisk {
  const level = score >= 60 ? 'high' : score >= 30 ? 'medium' : 'low';
  return { key, score, level, clientFacing: false, signals: [], ...overrides };
}

export function ragsOf(health: HealthAssessment): Record<Dimension, Rag> {
  return Object.fromEntries(DIMENSIONS.map((d) => [d, health.dimensions[d].rag])) as Record<Dimension, Rag>;
}
