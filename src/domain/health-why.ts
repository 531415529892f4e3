import type { Why } from './health-types';

type None = Record<string, never>;

/**
 * Every reason code health can give, with its parameters. `health-messages.ts` must have a
 * sentence for each code in each language (checked by the compiler).
 */
export interface HealthWhyParams {
  dimensionDisabled: None;
  slipNoMilestone: None;
  slipNoIssues: { milestone: string; target: string };
  slipOverdue: { milestone: string; target: string; daysOverdue: number; remaining: number; unit: 'points' | 'issues' };
  slipNoThroughput: { milestone: string; target: string; remaining: number; unit: 'points' | 'issues' };
  slipForecast: { milestone: string; target: string; forecast: string; slipDays: number };
  overdueNoDueDates: None;
  overdueShare: { overdue: number; dated: number; share: number };
  creepNoMilestone: None;
  creepNoBaseline: { milestone: string };
  creepSmallBaseline: { milestone: string; baseline: number; minBaseline: number };
  scopeCreep: { milestone: string; added: number; baseline: number; share: number };
  topBugsNoPriorities: None;
  topBugs: { count: number };
  reopenNoCompletions: { days: number; reopened: number };
  reopenRate: { reopened: number; completed: number; days: number; share: number };
  effortNoIssues: None;
  effortLowCoverage: { estimated: number; total: number; coverage: number; minCoverage: number };
  effortVariance: { estimated: number; total: number; variance: number; originalHours: number; actualHours: number };
  csatOverdueComplaints: { count: number };
  csatNoResponses: { days: number };
  csat: { mean: number; responses: number; days: number };
  commsNoTouchpoints: None;
  commsNoneLate: { touchpoints: number };
  commsLate: { count: number; maxDays: number; title: string };
}

export type HealthWhyCode = keyof HealthWhyParams;

/** A typed `Why`: the code fixes the parameters it needs. */
export function healthWhy<C extends HealthWhyCode>(code: C, params: HealthWhyParams[C]): Why {
  return { code, params };
}
