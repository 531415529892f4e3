/**
 * "Since last report" (issue 11, DESIGN §5.2): what changed between the last published report
 * and this one, as language-neutral data, for each audience. Renderers turn it into sentences
 * (`contract/i18n/since-last-sentences.ts`).
 *
 * - `first`: no report was published before this one.
 * - `compared`: the changes against the report numbered `previous.version`. Newly completed work
 *   and new or decided change requests are counted here and listed in their own sections
 *   (completed, change requests), whose period starts where the last report ended.
 */
import * as z from 'zod/mini';
import type { DimensionKey, RagJson, RiskLevel } from './report';

// `report.ts` embeds these schemas, so importing its values here would be a cycle that breaks
// whichever module loads first: the vocabularies are listed again and checked against its types.
const DIMENSIONS = ['schedule', 'scope', 'quality', 'cost', 'satisfaction', 'communication'] as const satisfies readonly DimensionKey[];
const RAGS = ['green', 'amber', 'red', 'grey'] as const satisfies readonly RagJson[];
const LEVELS = ['high', 'medium', 'low'] as const satisfies readonly RiskLevel[];
type Exhaustive<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;
type Assert<T extends true> = T;
/** Fails to compile when `report.ts` gains a dimension, colour or level these lists lack. */
export type SinceLastVocabulariesAreWhole = [
  Assert<Exhaustive<DimensionKey, (typeof DIMENSIONS)[number]>>,
  Assert<Exhaustive<RagJson, (typeof RAGS)[number]>>,
  Assert<Exhaustive<RiskLevel, (typeof LEVELS)[number]>>,
];
const ragSchema = z.enum(RAGS);
const riskLevelSchema = z.enum(LEVELS);

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));
const count = z.int().check(z.nonnegative());
const dimensionKeySchema = z.enum(DIMENSIONS);
const previousSchema = z.object({ version: z.int().check(z.positive()), publishedAt: z.iso.datetime() });

/** A milestone whose target day differs from the last report's. */
export const movedMilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The target in the last report, and now (null: no target day). */
  from: z.nullable(day),
  to: z.nullable(day),
  /** The target first recorded (a re-baselining approval keeps the one it replaced), when it differs from both. */
  original: z.nullable(day),
});
export type MovedMilestoneJson = z.infer<typeof movedMilestoneSchema>;

/** Counts that point at the sections listing them: the period starts where the last report ended. */
const pointersSchema = z.object({
  /** Issues completed since the last report (the Completed section lists them). */
  completed: count,
  /** Change requests raised, and decided, since the last report (the Change requests section lists them). */
  changeRequests: z.object({ new: count, decided: count }),
});

/** Why a register risk left the open list: closed, occurred, or removed from the register. */
export const RESOLVED_RISK_OUTCOMES = ['closed', 'occurred', 'removed'] as const;
/** Why a high issue risk is no longer one: done, scored lower, or no longer in the project. */
export const RESOLVED_ISSUE_RISK_OUTCOMES = ['done', 'lower', 'gone'] as const;

export const sinceLastSectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }),
  z.object({
    kind: z.literal('compared'),
    previous: previousSchema,
    /** Dimensions whose colour changed, or amber or red in both reports (`sustained`), in the report's dimension order. */
    dimensions: z.array(z.object({ dimension: dimensionKeySchema, from: ragSchema, to: ragSchema, sustained: z.boolean() })),
    registerRisks: z.object({
      new: z.array(z.object({ id: z.string(), title: z.string(), level: riskLevelSchema, clientVisible: z.boolean() })),
      resolved: z.array(z.object({ id: z.nullable(z.string()), title: z.string(), outcome: z.enum(RESOLVED_RISK_OUTCOMES) })),
    }),
    /** Issues at high risk now and not in the last report, and the reverse (at most `SINCE_LAST_LIST_LIMIT` each; `total` counts them all). */
    issueRisks: z.object({
      new: z.array(z.object({ key: z.string(), summary: z.string(), score: z.number() })),
      newTotal: count,
      resolved: z.array(z.object({ key: z.string(), summary: z.nullable(z.string()), outcome: z.enum(RESOLVED_ISSUE_RISK_OUTCOMES) })),
      resolvedTotal: count,
    }),
    milestones: z.array(movedMilestoneSchema),
    ...pointersSchema.shape,
    /**
     * The last report listed only its first risks (a stored report bounds its lists), or could not
     * be read: risks are compared with what it holds, milestones and risks not at all when unread.
     */
    partial: z.boolean(),
    /** The last report's content could not be read: only the dimensions (from its head) are compared. */
    unread: z.boolean(),
  }),
]);
export type SinceLastSectionJson = z.infer<typeof sinceLastSectionSchema>;
export type ComparedSinceLastJson = Extract<SinceLastSectionJson, { kind: 'compared' }>;

/**
 * The client's: dimensions the client sees (never grey), register risks the PM shares with the
 * client in their client wording (DESIGN §5.1), no issue risks (scores are internal).
 */
export const clientSinceLastSectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('first') }),
  z.object({
    kind: z.literal('compared'),
    previous: previousSchema,
    dimensions: z.array(
      z.object({ dimension: dimensionKeySchema, from: z.enum(['green', 'amber', 'red']), to: z.enum(['green', 'amber', 'red']) }),
    ),
    registerRisks: z.object({
      new: z.array(z.object({ text: z.string(), level: riskLevelSchema })),
      resolved: z.array(z.object({ text: z.string() })),
    }),
    milestones: z.array(movedMilestoneSchema),
    ...pointersSchema.shape,
    unread: z.boolean(),
  }),
]);
export type ClientSinceLastSectionJson = z.infer<typeof clientSinceLastSectionSchema>;
