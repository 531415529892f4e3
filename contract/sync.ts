/**
 * The project snapshot's freshness, its sync, and the history the Overview charts (issue 7).
 * Pages open from a stored snapshot; a sync (first open, Refresh, the daily job, enough issue
 * events) brings it up to date, in the call for small projects and in the async consumer,
 * chunk by chunk, for large ones.
 */
import * as z from 'zod/mini';
import { appErrorSchema } from './errors';
import { DIMENSION_KEYS, ragSchema } from './report';

const count = z.int().check(z.nonnegative());
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));

export const SYNC_PHASES = ['issues', 'history', 'derive'] as const;

export const syncStatusSchema = z.object({
  /** `never`: no snapshot yet and no sync running; `running`; `idle`: the last sync ended well; `failed`: it stopped with `error`. */
  state: z.enum(['never', 'running', 'idle', 'failed']),
  /** ISO instant the snapshot was derived at; null before the first one. */
  asOf: z.nullable(z.string()),
  /** Issue changes Jira reported (product events) since the snapshot was derived. */
  pendingChanges: count,
  /** `full` reads every issue; `incremental` only those updated since the last sync. */
  kind: z.nullable(z.enum(['full', 'incremental'])),
  /** Where a running sync is: issues read so far of about `total` (Jira's approximate count; null when unknown). */
  progress: z.nullable(z.object({ phase: z.enum(SYNC_PHASES), done: count, total: z.nullable(count) })),
  /** Why the last sync stopped; the UI offers a retry. */
  error: z.nullable(appErrorSchema),
  startedAt: z.nullable(z.string()),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** One day of a project's KPI history. */
export const kpiPointSchema = z.object({
  day,
  overall: z.enum(['green', 'amber', 'red']),
  dimensions: z.record(z.enum(DIMENSION_KEYS), z.object({ rag: ragSchema, value: z.nullable(z.number()) })),
  counts: z.object({ new: count, indeterminate: count, done: count, undefined: count }),
  /**
   * Burn against the engagement's hours budget that day (issue 13), for the burn chart: hours
   * logged, hours earned (percent complete × budget), the budget, and the cost performance RAG.
   * Absent: no hours budget or no time logged then, or a point from before it was kept.
   */
  burn: z.optional(
    z.object({ spentHours: z.number(), earnedHours: z.number(), budgetHours: z.number(), rag: z.enum(['green', 'amber', 'red']) }),
  ),
});
export type KpiPointJson = z.infer<typeof kpiPointSchema>;

/** A milestone's burn-up: scope and done per week, in issues and points. */
export const burnupSchema = z.object({
  milestoneId: z.string(),
  name: z.string(),
  target: z.nullable(day),
  forecast: z.nullable(day),
  unit: z.enum(['points', 'issues']),
  points: z.array(z.object({ day, scope: z.number(), done: z.number() })),
});
export type BurnupJson = z.infer<typeof burnupSchema>;

export const projectHistorySchema = z.object({
  /** Oldest first; at most one a day. */
  kpi: z.array(kpiPointSchema),
  burnups: z.array(burnupSchema),
});
export type ProjectHistory = z.infer<typeof projectHistorySchema>;
