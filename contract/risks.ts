/**
 * The risk register (DESIGN.md §5.6, issue 10): risks the PM keeps beside the issue risks the
 * app derives (§5.4), each scored probability × impact on a 5×5 matrix, and the resolver keys
 * that list, save, promote and convert them.
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { requiredTextSchema, textSchema } from './text';
import { accountIdSchema, calendarDaySchema, issueKeySchema, recordIdSchema } from './comms';
import { languageSchema } from './language';
import { revisionSchema } from './settings';

/** Probability and impact are rated 1 (rare / minor) to 5 (almost certain / severe). */
export const RISK_RATINGS = [1, 2, 3, 4, 5] as const;
export const riskRatingSchema = z.int().check(z.gte(1), z.lte(5));

/**
 * `open`: identified, nothing done yet; `mitigating`: the mitigation is under way; `occurred`:
 * the risk became an issue (it is no longer a risk); `closed`: it passed or was mitigated away.
 * The first two are the register's open risks: the report lists them and the matrix counts them.
 */
export const REGISTER_RISK_STATUSES = ['open', 'mitigating', 'occurred', 'closed'] as const;
export const registerRiskStatusSchema = z.enum(REGISTER_RISK_STATUSES);
export type RegisterRiskStatus = z.infer<typeof registerRiskStatusSchema>;
export const OPEN_RISK_STATUSES: readonly RegisterRiskStatus[] = ['open', 'mitigating'];

export const REGISTER_RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const registerRiskLevelSchema = z.enum(REGISTER_RISK_LEVELS);
export type RegisterRiskLevel = z.infer<typeof registerRiskLevelSchema>;

/**
 * Register risk levels (DESIGN §5.6). The score P × I runs 1–25; **high** ≥ 15 (e.g. 3×5, 4×4),
 * **medium** ≥ 8 (e.g. 2×4, 3×3), else **low**. The cut-offs split the 5×5 matrix along its
 * anti-diagonals as the usual red / amber / green heat map does: a 5 on one axis makes a risk
 * high only when the other axis is at least 3. Here, in the contract, because the page colours
 * the matrix with the same rule.
 */
export const HIGH_RISK_SCORE = 15;
export const MEDIUM_RISK_SCORE = 8;

/** The level of a register risk's score (see `HIGH_RISK_SCORE`, `MEDIUM_RISK_SCORE`). */
export function toRiskLevel(score: number): RegisterRiskLevel {
  if (score >= HIGH_RISK_SCORE) return 'high';
  if (score >= MEDIUM_RISK_SCORE) return 'medium';
  return 'low';
}

const isoInstantSchema = z.iso.datetime({ offset: false });

export const MAX_LINKED_ISSUES = 50;

/**
 * What the PM edits. A client-visible risk must have its client wording: the title and notes
 * are written for the team, and only the wording reaches the client.
 */
export const riskInputSchema = z
  .strictObject({
    id: recordIdSchema,
    title: requiredTextSchema(255),
    /** Internal notes: never shown to the client. */
    description: textSchema(2000),
    probability: riskRatingSchema,
    impact: riskRatingSchema,
    /** A person's name as the PM writes it (a client contact may own a risk). */
    ownerName: textSchema(255),
    ownerAccountId: z.nullable(accountIdSchema),
    mitigation: textSchema(2000),
    /** What would show the risk is happening. */
    trigger: textSchema(1000),
    /** When the mitigation is due; null when there is no date. */
    due: z.nullable(calendarDaySchema),
    status: registerRiskStatusSchema,
    linkedIssueKeys: z.array(issueKeySchema).check(
      z.maxLength(MAX_LINKED_ISSUES),
      z.refine((keys) => new Set(keys).size === keys.length, 'each issue once'),
    ),
    clientVisible: z.boolean(),
    /** The risk as the client reads it. */
    clientWording: textSchema(500),
  })
  .check(
    z.refine((r) => !r.clientVisible || r.clientWording !== '', {
      path: ['clientWording'],
      error: 'a client-visible risk needs its client wording',
    }),
  );
export type RiskInputJson = z.infer<typeof riskInputSchema>;

/** A register risk as stored and answered: what the PM edits, and what the app keeps about it. */
export const registerRiskSchema = z
  .strictObject({
    ...riskInputSchema.shape,
    /** The derived signal's issue it was promoted from, once; its id is then `promoted-<key>`. */
    promotedFrom: z.nullable(issueKeySchema),
    /** The Jira issue it was converted into, once. */
    jiraIssueKey: z.nullable(issueKeySchema),
    createdAt: isoInstantSchema,
    updatedAt: isoInstantSchema,
    /** 1 on creation, one up per save: a save naming an older revision is a CONFLICT. */
    revision: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  })
  .check(
    z.refine((r) => !r.clientVisible || r.clientWording !== '', {
      path: ['clientWording'],
      error: 'a client-visible risk needs its client wording',
    }),
  );
export type RegisterRiskJson = z.infer<typeof registerRiskSchema>;

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
/** A list cursor as the store gave it; opaque. */
const cursorSchema = z.string().check(z.minLength(1), z.maxLength(2000));

/** How the register list is filtered; every filter is optional. */
export const riskFilterSchema = z.strictObject({
  /** One status, or `active` for the open ones (open and mitigating). */
  status: z.optional(z.enum([...REGISTER_RISK_STATUSES, 'active'])),
  clientVisible: z.optional(z.boolean()),
  /** Only risks scoring at least this (1–25). */
  minScore: z.optional(z.int().check(z.gte(1), z.lte(25))),
  /** One matrix cell: both or neither. */
  probability: z.optional(riskRatingSchema),
  impact: z.optional(riskRatingSchema),
});
export type RiskFilterJson = z.infer<typeof riskFilterSchema>;

/** One cell of the 5×5 matrix: how many open risks have this probability and impact. */
export const matrixCellSchema = z.object({ probability: riskRatingSchema, impact: riskRatingSchema, count: z.int() });
export type MatrixCellJson = z.infer<typeof matrixCellSchema>;

export const DERIVED_SIGNAL_REASONS = ['flagged', 'blocked', 'high-risk'] as const;
/** A risk the app derived from Jira (DESIGN §5.4) that the PM may promote into the register. */
export const derivedSignalSchema = z.object({
  issueKey: z.string(),
  summary: z.string(),
  reason: z.enum(DERIVED_SIGNAL_REASONS),
  /** The issue's risk score 0–100, when it has one. */
  score: z.nullable(z.number()),
  /** Blocking issue keys, for `blocked`. */
  blockedBy: z.array(z.string()),
  /** The register risk promoted from it, if any. */
  promotedRiskId: z.nullable(z.string()),
});
export type DerivedSignalJson = z.infer<typeof derivedSignalSchema>;

/**
 * The risk register's resolver keys (issue 10), spread into `resolverContract`. Reads need
 * Browse Projects; writes (save, promote, convert) need Edit Issues.
 */
export const risksResolverContract = {
  /** A page of the register, newest first, filtered; `cursor` continues it. */
  'risks/list': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      filter: z.optional(riskFilterSchema),
      limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
      cursor: z.optional(cursorSchema),
    }),
    response: z.object({ items: z.array(registerRiskSchema), cursor: z.nullable(z.string()), canEdit: z.boolean() }),
  },
  /** The open risks counted per matrix cell (at most `MAX_MATRIX_RISKS` read; `truncated` beyond). */
  'risks/matrix': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), clientVisible: z.optional(z.boolean()) }),
    response: z.object({ cells: z.array(matrixCellSchema), total: z.int(), truncated: z.boolean() }),
  },
  /**
   * Creates the risk (`revision` 0) or saves an edit of the revision the editor read; a stale
   * revision, or a creation whose id exists, is a CONFLICT.
   */
  'risks/save': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), risk: riskInputSchema, revision: revisionSchema }),
    response: z.object({ risk: registerRiskSchema }),
  },
  /** Derived signals of the last snapshot (flagged, blocked, high-risk issues), each with its promoted risk if any. */
  'risks/signals': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: z.object({ signals: z.array(derivedSignalSchema), asOf: z.nullable(z.string()) }),
  },
  /** Promotes a derived signal's issue into a prefilled register risk; the same issue again answers the same risk. */
  'risks/promote': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), issueKey: issueKeySchema }),
    response: z.object({ risk: registerRiskSchema, created: z.boolean() }),
  },
  /** Converts a risk into a Jira issue created as the caller, with a link back to the app; once. */
  'risks/issue': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), riskId: recordIdSchema, lang: z.optional(languageSchema) }),
    response: z.object({ issueKey: z.string(), risk: registerRiskSchema }),
  },
} as const;
