/**
 * The one contract between the Custom UI and the resolvers: keys, payload schemas and
 * response schemas. Imported by both `src/entry` and `static/`; never copied.
 *
 * Written with `zod/mini` (same engine as zod, tree-shakable functional API): the UI bundles
 * these schemas to check every answer, and the issue panel has a 120 KB budget.
 */
import * as z from 'zod/mini';
import { changesResolverContract } from './changes';
import { commsResolverContract } from './comms';
import { risksResolverContract } from './risks';
import { feedbackResolverContract } from './feedback';
import { reportsResolverContract } from './reports';
import { deliveryResolverContract } from './delivery';
import { engagementResolverContract } from './engagement';
import { shareResolverContract } from './share';
import { closingResolverContract } from './closing';
import { acceptanceResolverContract } from './acceptance';
import { languageSchema } from './language';
import { clientStatusReportSchema } from './client-report';
import { issueRiskContract } from './issue-risk-contract';
import { statusReportSchema } from './report';
import { projectSettingsSchema, revisionSchema, settingsViewSchema } from './settings';
import { projectHistorySchema, syncStatusSchema } from './sync';

export * from './errors';
export { issueRiskViewSchema, statusCategoryKeySchema, type IssueRiskView, type StatusCategoryKey } from './issue-risk-contract';

export { envelopeSchema, type Envelope } from './envelope';

/**
 * The language the UI shows, for sentences the backend writes. A presentation preference,
 * not an authorization matter, so the payload may carry it; the resolver context's locale
 * is used when it is absent.
 */
const reportLangSchema = languageSchema;

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
const count = z.int().check(z.nonnegative());

export const milestoneViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Calendar day `YYYY-MM-DD` in the project's time zone, or null when unplanned. */
  releaseDate: z.nullable(z.string()),
  overdue: z.boolean(),
});
export type MilestoneView = z.infer<typeof milestoneViewSchema>;

export const projectOverviewSchema = z.object({
  project: z.object({ id: z.string(), key: z.string(), name: z.string() }),
  counts: z.object({ new: count, indeterminate: count, done: count, undefined: count }),
  total: count,
  milestones: z.array(milestoneViewSchema),
});
export type ProjectOverview = z.infer<typeof projectOverviewSchema>;

/**
 * A project's app data as one file: each record kind's records, as stored (validated and
 * migrated to the current schema version). Kinds are named by their declaration.
 */
export const projectExportSchema = z.object({
  format: z.literal('client-followup-export'),
  formatVersion: z.literal(1),
  exportedAt: z.string(),
  project: z.object({ id: z.string(), key: z.string() }),
  records: z.record(z.string(), z.array(z.unknown())),
});
export type ProjectExport = z.infer<typeof projectExportSchema>;

/**
 * Resolver definitions. A payload may name its project or issue, but the resolver
 * authorizes from the Forge context and refuses a payload that disagrees with it.
 */
export const resolverContract = {
  'project/overview': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: projectOverviewSchema,
  },
  /** The live draft status report of the context's project, for one audience. */
  'project/report': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      audience: z.optional(z.enum(['internal', 'client'])),
      lang: z.optional(reportLangSchema),
    }),
    /** The internal report, or the client's narrower one (`audience` tells them apart). */
    response: z.discriminatedUnion('audience', [statusReportSchema, clientStatusReportSchema]),
  },
  ...issueRiskContract,
  /** How fresh the context project's snapshot is, and where a running sync is. */
  'project/sync-status': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: syncStatusSchema,
  },
  /**
   * Brings the snapshot up to date: incremental when one exists, full otherwise. Small projects
   * sync within the call; large ones in the background (two clicks start one sync). Answers
   * the status after the call.
   */
  'project/refresh': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: syncStatusSchema,
  },
  /** The Overview's charts: KPI history (one point a day) and a burn-up per open milestone. */
  'project/history': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), days: z.optional(z.int().check(z.gte(1), z.lte(730))) }),
    response: projectHistorySchema,
  },
  /** The context project's settings, their revision, and whether the caller may edit them (Administer Projects). */
  'settings/get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: settingsViewSchema,
  },
  /** Saves the settings if `revision` is still current (else `CONFLICT`); answers the saved view. */
  'settings/save': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      settings: projectSettingsSchema,
      revision: revisionSchema,
    }),
    response: settingsViewSchema,
  },
  /** Every record the app keeps for the context project, as one JSON document (Administer Projects). */
  'project/export': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: projectExportSchema,
  },
  /**
   * Deletes every record the app keeps for the context project (Administer Projects). The
   * payload must repeat the project key as typed by the PM: the confirmation.
   */
  'project/delete-data': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), confirmProjectKey: z.string().check(z.maxLength(255)) }),
    response: z.object({ deleted: count }),
  },
  ...commsResolverContract,
  ...changesResolverContract,
  ...risksResolverContract,
  ...feedbackResolverContract,
  ...reportsResolverContract,
  ...deliveryResolverContract,
  ...engagementResolverContract,
  ...shareResolverContract,
  ...closingResolverContract,
  ...acceptanceResolverContract,
} as const;

export type ResolverKey = keyof typeof resolverContract;
export type PayloadOf<K extends ResolverKey> = z.input<(typeof resolverContract)[K]['payload']>;
export type ResponseOf<K extends ResolverKey> = z.infer<(typeof resolverContract)[K]['response']>;
