/**
 * Closing a project (DESIGN.md §5.7, issue 13): the lessons learned the PM records with the team
 * and the client (the retro), and the closing report — KPIs over the project's life, milestones
 * planned vs actual, change requests and their total impact, feedback and CSAT over time,
 * complaints and how they ended. Publishing it keeps it with the status reports and closes the
 * project.
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { changeStatusSchema, impactSchema, impactTotalsSchema } from './change-impact';
import { calendarDaySchema, issueKeySchema, recordIdSchema } from './comms';
import { complaintStatusSchema } from './feedback';
import { languageSchema } from './language';
import { DIMENSION_KEYS, ragSchema } from './report';
import { draftRevisionSchema, publishedReportHeadSchema } from './reports';
import { engagementPhaseSchema } from './engagement';
import { revisionSchema } from './settings';
import { requiredTextSchema, textSchema } from './text';

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
const uniqueIds = (items: readonly { id: string }[]): boolean => new Set(items.map((i) => i.id)).size === items.length;
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));
const month = z.string().check(z.regex(/^\d{4}-\d{2}$/u));

export const MAX_RETRO_ITEMS = 50;

/** One point of the retro: something that went well, or something to change. */
export const retroItemSchema = z.strictObject({ id: recordIdSchema, text: requiredTextSchema(1000) });
export type RetroItemJson = z.infer<typeof retroItemSchema>;

/** An action the retro agreed; it may become a Jira issue once (the key is the server's). */
export const retroActionSchema = z.strictObject({
  id: recordIdSchema,
  text: requiredTextSchema(1000),
  owner: textSchema(255),
  due: z.nullable(calendarDaySchema),
  /** Set by `closing/retro-issue`; a save keeps the stored key whatever it sends. */
  jiraIssueKey: z.nullable(issueKeySchema),
});
export type RetroActionJson = z.infer<typeof retroActionSchema>;

/** Who took part: the retro is held with the team and the client. */
export const retroParticipantSchema = z.strictObject({
  id: recordIdSchema,
  name: requiredTextSchema(255),
  side: z.enum(['internal', 'client']),
});
export type RetroParticipantJson = z.infer<typeof retroParticipantSchema>;

const list = <T extends z.ZodMiniType<{ id: string }>>(item: T) =>
  z.array(item).check(z.maxLength(MAX_RETRO_ITEMS), z.refine(uniqueIds, 'each id once'));

/** The lessons learned: a short retro form. */
export const retroSchema = z.strictObject({
  heldOn: z.nullable(calendarDaySchema),
  participants: list(retroParticipantSchema),
  wentWell: list(retroItemSchema),
  toChange: list(retroItemSchema),
  actions: list(retroActionSchema),
  /** The team's own notes: never in the client's version. */
  internalNote: textSchema(4000),
});
export type RetroJson = z.infer<typeof retroSchema>;

export const EMPTY_RETRO: RetroJson = { heldOn: null, participants: [], wentWell: [], toChange: [], actions: [], internalNote: '' };

export const retroViewSchema = z.object({ retro: retroSchema, revision: revisionSchema, canEdit: z.boolean() });
export type RetroView = z.infer<typeof retroViewSchema>;

const ragDaysSchema = z.object({ green: z.int(), amber: z.int(), red: z.int(), grey: z.int() });
const kpiReadingSchema = z.object({ day, rag: ragSchema, value: z.nullable(z.number()) });

/** One KPI dimension over the project's life, from the KPI history (one point a day). */
export const closingKpiDimensionSchema = z.object({
  key: z.enum(DIMENSION_KEYS),
  first: z.nullable(kpiReadingSchema),
  last: z.nullable(kpiReadingSchema),
  /** The worst colour any day had (grey only when no day had one). */
  worst: ragSchema,
  /** How many days had each colour. */
  days: ragDaysSchema,
  /** Per calendar month, oldest first: the worst colour of its days and the last value. */
  months: z.array(z.object({ month, rag: ragSchema, value: z.nullable(z.number()) })),
});
export type ClosingKpiDimensionJson = z.infer<typeof closingKpiDimensionSchema>;

export const closingKpisSchema = z.object({
  /** Days with a point, and the first and last of them (null without history). */
  points: z.int().check(z.nonnegative()),
  from: z.nullable(day),
  to: z.nullable(day),
  /** False when the history was longer than the bounded read (the oldest days are left out). */
  complete: z.boolean(),
  overall: z.object({ days: ragDaysSchema, months: z.array(z.object({ month, rag: ragSchema })) }),
  dimensions: z.array(closingKpiDimensionSchema),
});
export type ClosingKpisJson = z.infer<typeof closingKpisSchema>;

/** A milestone's planned date (its original target) against when it was released. */
export const closingMilestoneSchema = z.object({
  id: z.string(),
  name: z.string(),
  planned: z.nullable(day),
  /** The release day of a released milestone; null while unreleased. */
  actual: z.nullable(day),
  released: z.boolean(),
  /** Actual − planned in calendar days (negative: early); null when either is unknown. */
  slipDays: z.nullable(z.int()),
});
export type ClosingMilestoneJson = z.infer<typeof closingMilestoneSchema>;

export const closingChangeSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: changeStatusSchema,
  requester: z.string(),
  impact: impactSchema,
  decision: z.nullable(z.object({ outcome: z.enum(['approved', 'rejected']), by: z.string(), day })),
  milestone: z.nullable(z.string()),
  /** The team's version only. */
  internalNote: z.optional(z.string()),
  linkedIssueKeys: z.optional(z.array(z.string())),
});
export type ClosingChangeJson = z.infer<typeof closingChangeSchema>;

export const closingChangesSchema = z.object({
  items: z.array(closingChangeSchema),
  byStatus: z.array(z.object({ status: changeStatusSchema, totals: impactTotalsSchema })),
  /** Approved and implemented requests: what the changes added to the project. */
  agreedImpact: impactTotalsSchema,
  /** False when the bounded read left requests out. */
  complete: z.boolean(),
});
export type ClosingChangesJson = z.infer<typeof closingChangesSchema>;

const satisfactionFiguresFields = {
  responses: z.int().check(z.nonnegative()),
  csat: z.nullable(z.number()),
  npsResponses: z.int().check(z.nonnegative()),
  nps: z.nullable(z.number()),
};
export const closingSatisfactionSchema = z.object({
  overall: z.object(satisfactionFiguresFields),
  /** Every month from the first feedback to the last, oldest first (null figures: no responses). */
  months: z.array(z.object({ month, ...satisfactionFiguresFields })),
  complete: z.boolean(),
});
export type ClosingSatisfactionJson = z.infer<typeof closingSatisfactionSchema>;

/** How a complaint ended: resolved by its due day or after, or still open (past due or not). */
export const COMPLAINT_OUTCOMES = ['resolved-on-time', 'resolved-late', 'open', 'open-overdue'] as const;
export const complaintOutcomeSchema = z.enum(COMPLAINT_OUTCOMES);
export type ComplaintOutcome = z.infer<typeof complaintOutcomeSchema>;

export const closingComplaintSchema = z.object({
  id: z.string(),
  openedOn: day,
  rating: z.int(),
  due: day,
  status: complaintStatusSchema,
  outcome: complaintOutcomeSchema,
  /** The day it was resolved; null while open. */
  resolvedOn: z.nullable(day),
  /** The team's version only. */
  comment: z.optional(z.string()),
  resolutionNote: z.optional(z.string()),
  jiraIssueKey: z.optional(z.nullable(z.string())),
});
export type ClosingComplaintJson = z.infer<typeof closingComplaintSchema>;

export const closingComplaintsSchema = z.object({
  items: z.array(closingComplaintSchema),
  outcomes: z.object({ 'resolved-on-time': z.int(), 'resolved-late': z.int(), open: z.int(), 'open-overdue': z.int() }),
  complete: z.boolean(),
});

/** The retro as a report shows it; the client's leaves out the internal note and the Jira keys. */
export const closingRetroSchema = z.object({
  heldOn: z.nullable(day),
  participants: z.array(z.object({ name: z.string(), side: z.enum(['internal', 'client']) })),
  wentWell: z.array(z.string()),
  toChange: z.array(z.string()),
  actions: z.array(
    z.object({ text: z.string(), owner: z.string(), due: z.nullable(day), jiraIssueKey: z.optional(z.nullable(z.string())) }),
  ),
  internalNote: z.optional(z.string()),
});
export type ClosingRetroJson = z.infer<typeof closingRetroSchema>;

export const closingReportSchema = z.object({
  audience: z.enum(['internal', 'client']),
  project: z.object({ key: z.string(), name: z.string() }),
  clientName: z.string(),
  /** ISO instant the data was derived. */
  asOf: z.iso.datetime(),
  /** From the first day the app knew of to the closing day. */
  period: z.object({ start: day, end: day }),
  kpis: closingKpisSchema,
  milestones: z.array(closingMilestoneSchema),
  changes: closingChangesSchema,
  satisfaction: closingSatisfactionSchema,
  complaints: closingComplaintsSchema,
  retro: closingRetroSchema,
});
export type ClosingReportJson = z.infer<typeof closingReportSchema>;

const audienceSchema = z.enum(['internal', 'client']);

export const closingPreviewSchema = z.object({
  report: closingReportSchema,
  /** What `closing/publish` names: the data reviewed (null before the first sync). */
  draftRevision: z.nullable(draftRevisionSchema),
  phase: engagementPhaseSchema,
  /** Whether the caller may publish now: Edit Issues, and the phase is acceptance or support. */
  canPublish: z.boolean(),
});

export const closingResolverContract = {
  /** The retro (an empty one at revision 0 before the first save), and whether the caller may edit it. */
  'closing/retro-get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: retroViewSchema,
  },
  /** Saves the retro if `revision` is still current (else `CONFLICT`); actions keep their stored Jira keys. */
  'closing/retro-save': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), retro: retroSchema, revision: revisionSchema }),
    response: retroViewSchema,
  },
  /** Creates the Jira issue of a retro action, as the caller, once; answers its key and the retro. */
  'closing/retro-issue': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), actionId: recordIdSchema, lang: z.optional(languageSchema) }),
    response: z.object({ issueKey: z.string(), view: retroViewSchema }),
  },
  /** The closing report as it would publish now, for one audience. */
  'closing/preview': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), audience: z.optional(audienceSchema) }),
    response: closingPreviewSchema,
  },
  /**
   * Publishes the closing report of the data reviewed (`CONFLICT` when it was refreshed since)
   * and closes the project. Only from acceptance or support (`INVALID_PAYLOAD` on `phase`);
   * publishing twice answers the one report.
   */
  'closing/publish': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), draftRevision: draftRevisionSchema }),
    response: publishedReportHeadSchema,
  },
  /** A published closing report exactly as published, for an audience. */
  'closing/get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), audience: z.optional(audienceSchema) }),
    response: z.object({ head: publishedReportHeadSchema, report: closingReportSchema }),
  },
} as const;
