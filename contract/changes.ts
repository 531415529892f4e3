/**
 * Change requests (DESIGN.md §5.6, issue 10): a lifecycle from proposed to implemented, the
 * impact on schedule, effort, cost and scope, the client's decision as the PM records it, and
 * the re-baselining an approval brings (linked issues are not scope creep; the milestone gets a
 * new target with the original kept).
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { requiredTextSchema, textSchema } from './text';
import { calendarDaySchema, issueKeySchema, recordIdSchema } from './comms';
import { revisionSchema } from './settings';
import { changeStatusSchema, DECISION_STATUSES, impactSchema, impactTotalsSchema } from './change-impact';

export * from './change-impact';

const isoInstantSchema = z.iso.datetime({ offset: false });

/** A Jira version id (the milestone). */
export const versionIdSchema = z.string().check(z.regex(/^[0-9]{1,18}$/u, 'a Jira version id'));

const uniqueStrings = (items: readonly string[]): boolean => new Set(items).size === items.length;

/** What the PM edits: everything but the status, the decision and the server's bookkeeping. */
export const changeDraftSchema = z.strictObject({
  id: recordIdSchema,
  title: requiredTextSchema(255),
  /** What the client sees of the request. */
  description: textSchema(4000),
  /** The team's own notes: never in the client's report or page. */
  internalNote: textSchema(2000),
  /** Who asked for it (a client contact's name, as the PM writes it). */
  requester: requiredTextSchema(255),
  impact: impactSchema,
  linkedIssueKeys: z.array(issueKeySchema).check(z.maxLength(100), z.refine(uniqueStrings, 'each issue once')),
  /** The milestone the change moves, and its new target day (null: no new target). */
  milestone: z.nullable(z.strictObject({ id: versionIdSchema, newTarget: z.nullable(calendarDaySchema) })),
});
export type ChangeDraftJson = z.infer<typeof changeDraftSchema>;

/** The client's decision as recorded: by whom (the client's name), when (the server's clock), why. */
export const changeDecisionSchema = z.strictObject({
  outcome: z.enum(DECISION_STATUSES),
  by: requiredTextSchema(255),
  at: isoInstantSchema,
  /** Mandatory for a rejection; optional context for an approval. */
  reason: textSchema(2000),
});
export type ChangeDecisionJson = z.infer<typeof changeDecisionSchema>;

/** A stored change request. */
export const changeRequestSchema = z.strictObject({
  ...changeDraftSchema.shape,
  milestone: z.nullable(
    z.strictObject({
      id: versionIdSchema,
      /** The version's name when last saved. */
      name: z.string().check(z.maxLength(255)),
      newTarget: z.nullable(calendarDaySchema),
      /** The version's target day when the milestone was chosen: kept whatever Jira says later. */
      originalTarget: z.nullable(calendarDaySchema),
    }),
  ),
  status: changeStatusSchema,
  /** Counts saves and transitions: a write naming an older one is stale (`CONFLICT`). */
  revision: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  decision: z.nullable(changeDecisionSchema),
  createdAt: isoInstantSchema,
  updatedAt: isoInstantSchema,
  implementedAt: z.nullable(isoInstantSchema),
});
export type ChangeRequestJson = z.infer<typeof changeRequestSchema>;

export const changeListSchema = z.object({
  items: z.array(changeRequestSchema),
  /** Null on the last page. */
  cursor: z.nullable(z.string()),
  canEdit: z.boolean(),
  /** The project's milestones as the last sync read them, for the form's choice (empty before a sync). */
  milestones: z.array(z.object({ id: z.string(), name: z.string(), releaseDate: z.nullable(z.string()), released: z.boolean() })),
  /** Per status, over the project's requests (at most `counted`; `complete` false when more exist). */
  totals: z.object({
    byStatus: z.array(z.object({ status: changeStatusSchema, totals: impactTotalsSchema })),
    counted: z.int().check(z.nonnegative()),
    complete: z.boolean(),
  }),
});
export type ChangeListJson = z.infer<typeof changeListSchema>;

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));

/** A status change; approval and rejection need the decider, rejection its reason. */
export const changeTransitionSchema = z
  .strictObject({
    projectKey: z.optional(projectKeySchema),
    id: recordIdSchema,
    to: changeStatusSchema,
    revision: revisionSchema,
    decider: z.optional(textSchema(255)),
    reason: z.optional(textSchema(2000)),
  })
  .check(
    z.refine((p) => !(p.to === 'approved' || p.to === 'rejected') || (p.decider ?? '') !== '', {
      path: ['decider'],
      error: 'the name of the client who decided',
    }),
    z.refine((p) => p.to !== 'rejected' || (p.reason ?? '') !== '', { path: ['reason'], error: 'why the client rejected it' }),
  );
export type ChangeTransitionJson = z.infer<typeof changeTransitionSchema>;

/** The change-request resolver keys (issue 10): Browse Projects reads, Edit Issues writes. */
export const changesResolverContract = {
  /** A page of requests, newest first, optionally of one status; with the totals per status. */
  'changes/list': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      status: z.optional(changeStatusSchema),
      cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
      limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
    }),
    response: changeListSchema,
  },
  /**
   * Creates a request (`revision` 0: status proposed) or edits one at its current revision (else
   * `CONFLICT`). A decided request is no longer edited (`INVALID_PAYLOAD` on `request`).
   */
  'changes/save': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), request: changeDraftSchema, revision: revisionSchema }),
    response: z.object({ request: changeRequestSchema }),
  },
  /** Moves a request along its lifecycle (`INVALID_PAYLOAD` on `to` when the move is not allowed). */
  'changes/transition': {
    payload: changeTransitionSchema,
    response: z.object({ request: changeRequestSchema }),
  },
} as const;
