/**
 * The status report as JSON: what the CLI prints with `--format json`, what the project page
 * shows, and (later) what a published snapshot stores. One schema for all of them.
 * Sentences (`why`, `reasons`, labels) are already in the report's language.
 */
import * as z from 'zod/mini';

export const ragSchema = z.enum(['green', 'amber', 'red', 'grey']);
export type RagJson = z.infer<typeof ragSchema>;

export const DIMENSION_KEYS = ['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication'] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));

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
});
export type IssueRefJson = z.infer<typeof issueRefSchema>;

export const measureSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.nullable(z.number()),
  /** The value as a person reads it ("12 %", "+3 days"), in the report's language. */
  display: z.string(),
  rag: ragSchema,
  why: z.string(),
  evidence: z.array(z.string()),
});
export type MeasureJson = z.infer<typeof measureSchema>;

export const dimensionSchema = z.object({
  rag: ragSchema,
  enabled: z.boolean(),
  label: z.string(),
  why: z.string(),
  measures: z.array(measureSchema),
  evidence: z.array(z.string()),
  /** Amber or red in this and the previous published report. */
  sustained: z.boolean(),
});
export type DimensionJson = z.infer<typeof dimensionSchema>;

export const milestoneReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  released: z.boolean(),
  releaseDate: z.nullable(day),
  /** The target first recorded by the app, when known and different from the current one. */
  originalReleaseDate: z.nullable(day),
  progress: z.object({ issuesDone: z.number(), issuesTotal: z.number(), pointsDone: z.number(), pointsTotal: z.number() }),
  forecastDate: z.nullable(day),
  slipDays: z.nullable(z.number()),
  rag: ragSchema,
});
export type MilestoneReportJson = z.infer<typeof milestoneReportSchema>;

export const issueRiskSchema = z.object({
  key: z.string(),
  score: z.number(),
  level: z.enum(['high', 'medium', 'low']),
  reasons: z.array(z.string()),
});
export type IssueRiskJson = z.infer<typeof issueRiskSchema>;

export const statusReportSchema = z.object({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  audience: z.enum(['internal', 'client']),
  lang: z.enum(['en', 'zh-CN']),
  project: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  period: z.object({ start: z.string(), end: z.string() }),
  overall: z.object({
    computed: z.enum(['green', 'amber', 'red']),
    reported: z.enum(['green', 'amber', 'red']),
    /** The PM's reason when `reported` overrides `computed`; null otherwise. */
    overrideReason: z.nullable(z.string()),
    headline: z.string(),
  }),
  dimensions: z.object({
    schedule: dimensionSchema,
    scope: dimensionSchema,
    quality: dimensionSchema,
    cost: dimensionSchema,
    satisfaction: dimensionSchema,
    communication: dimensionSchema,
  }),
  sections: z.object({
    completed: z.array(z.object({ epic: z.nullable(z.object({ key: z.string(), summary: z.string() })), issues: z.array(issueRefSchema) })),
    inProgress: z.array(issueRefSchema),
    nextUp: z.array(issueRefSchema),
    milestones: z.array(milestoneReportSchema),
    risks: z.object({
      flagged: z.array(issueRefSchema),
      blocked: z.array(z.object({ issue: issueRefSchema, blockedBy: z.array(z.string()) })),
      topRisks: z.array(z.object({ issue: issueRefSchema, score: z.number(), level: z.enum(['high', 'medium', 'low']) })),
    }),
    waitingOnClient: z.array(issueRefSchema),
  }),
  /** Every open issue visible to the audience, highest score first. */
  issueRisks: z.array(issueRiskSchema),
  /** Notes on data the PM may want to fix in Jira (internal audience only; empty for the client). */
  dataQuality: z.array(z.object({ code: z.string(), issueKey: z.nullable(z.string()), message: z.string() })),
});
export type StatusReportJson = z.infer<typeof statusReportSchema>;
