/**
 * The engagement (DESIGN.md §5.7, issue 13): what was agreed with the client at kick-off — scope,
 * deliverables, budget, quality standards, support targets — and the phase the project is in.
 * The KPI targets are the settings' thresholds (shown to the client as commitments) and the
 * contacts are the communication plan's stakeholders: neither is copied here.
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { costSchema } from './change-impact';
import { issueKeySchema, recordIdSchema } from './comms';
import { revisionSchema } from './settings';
import { requiredTextSchema, textSchema } from './text';

export const ENGAGEMENT_PHASES = ['kick-off', 'delivery', 'acceptance', 'support', 'closed'] as const;
export const engagementPhaseSchema = z.enum(ENGAGEMENT_PHASES);
export type EngagementPhase = z.infer<typeof engagementPhaseSchema>;

/**
 * Where a phase may go. Acceptance goes back to delivery when the client rejects; a project may
 * close from acceptance without a support phase. Closed is final.
 */
export const PHASE_TRANSITIONS: Readonly<Record<EngagementPhase, readonly EngagementPhase[]>> = {
  'kick-off': ['delivery'],
  delivery: ['acceptance'],
  acceptance: ['delivery', 'support', 'closed'],
  support: ['closed'],
  closed: [],
};

const uniqueStrings = (items: readonly string[]): boolean => new Set(items).size === items.length;
const versionIdSchema = z.string().check(z.regex(/^[0-9]{1,18}$/u, 'a Jira version id'));

/** A deliverable promised to the client, tied to the milestones and epics that carry it. */
export const deliverableSchema = z.strictObject({
  id: recordIdSchema,
  name: requiredTextSchema(255),
  description: textSchema(2000),
  milestoneIds: z.array(versionIdSchema).check(z.maxLength(20), z.refine(uniqueStrings, 'each milestone once')),
  epicKeys: z.array(issueKeySchema).check(z.maxLength(50), z.refine(uniqueStrings, 'each epic once')),
});
export type DeliverableJson = z.infer<typeof deliverableSchema>;

const hoursSchema = z.number().check(
  z.refine((n) => Number.isFinite(n), 'a number of hours'),
  z.gte(0),
  z.lte(1_000_000),
);

/** Hours and/or money; both null means no budget was agreed. */
export const budgetSchema = z.strictObject({
  hours: z.nullable(hoursSchema),
  money: z.nullable(costSchema),
});
export type BudgetJson = z.infer<typeof budgetSchema>;

/**
 * A quality standard. The first two are checked from Jira data (open bugs by priority); `text`
 * is a commitment the PM confirms by hand at acceptance.
 */
export const qualityStandardSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id: recordIdSchema,
    kind: z.literal('no-open-bugs-at-priority'),
    /** Jira priority names, for example "Highest" and "High". */
    priorities: z.array(requiredTextSchema(100)).check(z.minLength(1), z.maxLength(10), z.refine(uniqueStrings, 'each priority once')),
  }),
  z.strictObject({ id: recordIdSchema, kind: z.literal('max-open-bugs'), max: z.int().check(z.gte(0), z.lte(10_000)) }),
  z.strictObject({ id: recordIdSchema, kind: z.literal('text'), text: requiredTextSchema(500) }),
]);
export type QualityStandardJson = z.infer<typeof qualityStandardSchema>;

/** The support phase's targets, in calendar hours from the issue's creation. */
export const supportTargetsSchema = z.strictObject({
  responseHours: z.int().check(z.gte(1), z.lte(24 * 90)),
  resolutionHours: z.int().check(z.gte(1), z.lte(24 * 365)),
  /** Which issues the client reported: a label, or issue type ids (either or both). */
  clientLabel: z.nullable(z.string().check(z.regex(/^[^\s]{1,255}$/u, 'a Jira label (no spaces)'))),
  clientIssueTypeIds: z.array(z.string().check(z.regex(/^[0-9]{1,18}$/u))).check(z.maxLength(20)),
});
export type SupportTargetsJson = z.infer<typeof supportTargetsSchema>;

export const engagementSchema = z.strictObject({
  clientName: textSchema(255),
  scope: textSchema(10_000),
  deliverables: z.array(deliverableSchema).check(z.maxLength(50)),
  budget: budgetSchema,
  qualityStandards: z.array(qualityStandardSchema).check(z.maxLength(20)),
  support: z.nullable(supportTargetsSchema),
  phase: engagementPhaseSchema,
  /** When the PM recorded that the client agreed the KPI targets (the kick-off checklist), or null. */
  kpisAgreedAt: z.nullable(z.iso.datetime({ offset: false })),
});
export type EngagementJson = z.infer<typeof engagementSchema>;

/** A project with no engagement recorded yet. */
export const EMPTY_ENGAGEMENT: EngagementJson = {
  clientName: '',
  scope: '',
  deliverables: [],
  budget: { hours: null, money: null },
  qualityStandards: [],
  support: null,
  phase: 'kick-off',
  kpisAgreedAt: null,
};

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));

export const engagementViewSchema = z.object({ engagement: engagementSchema, revision: revisionSchema, canEdit: z.boolean() });
export type EngagementView = z.infer<typeof engagementViewSchema>;

export const KICK_OFF_ITEMS = ['comms-plan-agreed', 'kpis-agreed', 'share-link-sent', 'first-report-published'] as const;
export const kickOffChecklistSchema = z.object({
  items: z.array(z.object({ item: z.enum(KICK_OFF_ITEMS), done: z.boolean() })),
});
export type KickOffChecklistJson = z.infer<typeof kickOffChecklistSchema>;

export const engagementResolverContract = {
  /** The project's engagement (an empty one at revision 0 before the first save), and whether the caller may edit it. */
  'engagement/get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: engagementViewSchema,
  },
  /**
   * Saves the engagement if `revision` is still current (else `CONFLICT`). A phase change must
   * follow `PHASE_TRANSITIONS` (else `INVALID_PAYLOAD` on `engagement.phase`). `kpisAgreedAt` is
   * the server's: any value records "agreed now" the first time and keeps the first time after.
   */
  'engagement/save': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), engagement: engagementSchema, revision: revisionSchema }),
    response: engagementViewSchema,
  },
  /** The kick-off checklist: what is done and what is missing. */
  'engagement/checklist': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: kickOffChecklistSchema,
  },
} as const;
