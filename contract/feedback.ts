/**
 * Client feedback and complaints (DESIGN.md §5.6, issue 10): feedback entries in a collection,
 * each carrying its complaint follow-up when its rating opened one, and the satisfaction
 * summary (CSAT, NPS, monthly trend) the Feedback section shows.
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { textSchema } from './text';
import { calendarDaySchema, issueKeySchema, recordIdSchema } from './comms';
import { languageSchema } from './language';

/** Where a piece of feedback came from: the client status page, the PM, a meeting, a survey import. */
export const FEEDBACK_SOURCES = ['status-page', 'pm', 'meeting', 'survey'] as const;
export const feedbackSourceSchema = z.enum(FEEDBACK_SOURCES);
export type FeedbackSource = z.infer<typeof feedbackSourceSchema>;

export const COMPLAINT_STATUSES = ['open', 'in-progress', 'resolved'] as const;
export const complaintStatusSchema = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;

export const MAX_COMMENT_LENGTH = 2000;
export const ratingSchema = z.int().check(z.gte(1), z.lte(5));
export const npsSchema = z.int().check(z.gte(0), z.lte(10));
const commentSchema = textSchema(MAX_COMMENT_LENGTH);
const isoInstantSchema = z.iso.datetime({ offset: false });

/**
 * The caller's id for one submission (a UUID from the page, derived from the file and row for an
 * import). It is the entry's id: the same submission twice stores one entry.
 */
export const submissionIdSchema = recordIdSchema;

/** What the feedback is about: a published report (its version) or a milestone (its id). */
export const feedbackReferenceSchema = z.strictObject({
  kind: z.enum(['report', 'milestone']),
  id: z.string().check(z.regex(/^[A-Za-z0-9._-]{1,100}$/u, 'an id of letters, digits, ., - and _')),
});
export type FeedbackReferenceJson = z.infer<typeof feedbackReferenceSchema>;

/**
 * The follow-up a low rating opens. The owner is an internal stakeholder of the communication
 * plan (null: nobody yet); a resolved complaint says how it was resolved.
 */
export const complaintSchema = z
  .strictObject({
    ownerId: z.nullable(recordIdSchema),
    /** The calendar day, in the project's zone, by which it should be resolved. */
    due: calendarDaySchema,
    status: complaintStatusSchema,
    resolutionNote: textSchema(MAX_COMMENT_LENGTH),
    /** The Jira issue created from it, once. */
    jiraIssueKey: z.nullable(issueKeySchema),
    openedAt: isoInstantSchema,
    updatedAt: isoInstantSchema,
  })
  .check(
    z.refine((c) => c.status !== 'resolved' || c.resolutionNote.length > 0, {
      path: ['resolutionNote'],
      error: 'say how it was resolved',
    }),
  );
export type ComplaintJson = z.infer<typeof complaintSchema>;

/** One piece of client feedback as stored; `id` is its submission id. */
export const feedbackEntrySchema = z.strictObject({
  id: submissionIdSchema,
  rating: ratingSchema,
  nps: z.nullable(npsSchema),
  comment: commentSchema,
  source: feedbackSourceSchema,
  /** A stakeholder of the communication plan, or null (anonymous, or not in the plan). */
  stakeholderId: z.nullable(recordIdSchema),
  reference: z.nullable(feedbackReferenceSchema),
  createdAt: isoInstantSchema,
  /** The complaint its rating opened (rating at most the project's threshold), else null. */
  complaint: z.nullable(complaintSchema),
});
export type FeedbackEntryJson = z.infer<typeof feedbackEntrySchema>;

/** What a caller submits: the status page (issue 12), the PM's form, a survey row. */
export const feedbackInputSchema = z.strictObject({
  rating: ratingSchema,
  nps: z.optional(z.nullable(npsSchema)),
  comment: z.optional(commentSchema),
  source: feedbackSourceSchema,
  stakeholderId: z.optional(z.nullable(recordIdSchema)),
  reference: z.optional(z.nullable(feedbackReferenceSchema)),
  submissionId: submissionIdSchema,
});
export type FeedbackInputJson = z.infer<typeof feedbackInputSchema>;

/** One month of the CSAT trend (`YYYY-MM` in the project's zone); null means no responses. */
export const csatMonthSchema = z.object({
  month: z.string(),
  responses: z.int().check(z.nonnegative()),
  csat: z.nullable(z.number()),
  npsResponses: z.int().check(z.nonnegative()),
  nps: z.nullable(z.number()),
});
export type CsatMonthJson = z.infer<typeof csatMonthSchema>;

export const satisfactionSummarySchema = z.object({
  /** The CSAT window in days (the project's setting) and what it holds. */
  windowDays: z.int(),
  responses: z.int().check(z.nonnegative()),
  csat: z.nullable(z.number()),
  npsResponses: z.int().check(z.nonnegative()),
  /** % promoters (9–10) − % detractors (0–6), −100..100; null without NPS answers. */
  nps: z.nullable(z.number()),
  unresolvedComplaints: z.int().check(z.nonnegative()),
  overdueComplaints: z.int().check(z.nonnegative()),
  /** The last twelve months, oldest first. */
  trend: z.array(csatMonthSchema),
  /** Ratings at most this open a complaint (the project's setting). */
  complaintRatingMax: z.int(),
  canEdit: z.boolean(),
});
export type SatisfactionSummaryJson = z.infer<typeof satisfactionSummarySchema>;

export const MAX_IMPORT_ROWS = 1000;
/** About 1,000 rows with full comments. */
export const MAX_IMPORT_CHARS = 1_000_000;

/** Why a survey row is refused, as a code the UI words in the reader's language. */
export const IMPORT_ERROR_CODES = [
  'required',
  'rating',
  'nps',
  'date',
  'future',
  'tooLong',
  'stakeholder',
  'id',
  'columns',
  'header',
  'quote',
  'tooMany',
  'empty',
  'duplicateId',
] as const;
export const importErrorSchema = z.object({
  /** 1-based line of the file, the header being row 1; 0 for the file as a whole. */
  row: z.int().check(z.nonnegative()),
  /** The column, or null for the row or the file. */
  field: z.nullable(z.string()),
  code: z.enum(IMPORT_ERROR_CODES),
});
export type ImportErrorJson = z.infer<typeof importErrorSchema>;

export const importResultSchema = z.discriminatedUnion('status', [
  /** Nothing was written. */
  z.object({ status: z.literal('rejected'), errors: z.array(importErrorSchema) }),
  /** Every row is stored: `created` now, `existing` by an earlier import of the same answers. */
  z.object({ status: z.literal('imported'), created: z.int(), existing: z.int(), complaints: z.int() }),
]);
export type ImportResultJson = z.infer<typeof importResultSchema>;

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
const cursorSchema = z.string().check(z.minLength(1), z.maxLength(2000));
const limitSchema = z.int().check(z.gte(1), z.lte(100));

const feedbackPageSchema = z.object({
  items: z.array(feedbackEntrySchema),
  cursor: z.nullable(z.string()),
  canEdit: z.boolean(),
});

export const COMPLAINT_FILTERS = ['unresolved', 'open', 'in-progress', 'resolved'] as const;

/**
 * Feedback's resolver keys (issue 10), spread into `resolverContract`. Reads need Browse
 * Projects; writes need Edit Issues.
 */
export const feedbackResolverContract = {
  /** Stores one piece of feedback, once per submission id; a low rating opens its complaint. */
  'feedback/add': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      rating: ratingSchema,
      nps: z.optional(z.nullable(npsSchema)),
      comment: z.optional(commentSchema),
      source: feedbackSourceSchema,
      stakeholderId: z.optional(z.nullable(recordIdSchema)),
      reference: z.optional(z.nullable(feedbackReferenceSchema)),
      submissionId: submissionIdSchema,
    }),
    /** `created` false: the submission was already stored, and this is it. */
    response: z.object({ entry: feedbackEntrySchema, created: z.boolean() }),
  },
  /** Feedback newest first, a page at a time; every filter is optional. */
  'feedback/list': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      source: z.optional(feedbackSourceSchema),
      ratingMin: z.optional(ratingSchema),
      ratingMax: z.optional(ratingSchema),
      stakeholderId: z.optional(recordIdSchema),
      /** Calendar days in the project's zone, inclusive. */
      from: z.optional(calendarDaySchema),
      to: z.optional(calendarDaySchema),
      complaint: z.optional(z.enum(COMPLAINT_FILTERS)),
      cursor: z.optional(cursorSchema),
      limit: z.optional(limitSchema),
    }),
    response: feedbackPageSchema,
  },
  /** Validates every row of a survey CSV, then stores all of them or none. */
  'feedback/import': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      csv: z.string().check(z.maxLength(MAX_IMPORT_CHARS)),
    }),
    response: importResultSchema,
  },
  /** CSAT and NPS over the window, complaints, and the monthly trend. */
  'feedback/summary': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: satisfactionSummarySchema,
  },
  /** Complaints (feedback with a follow-up), newest first; unresolved by default. */
  'complaint/list': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      status: z.optional(z.enum(COMPLAINT_FILTERS)),
      cursor: z.optional(cursorSchema),
      limit: z.optional(limitSchema),
    }),
    response: feedbackPageSchema,
  },
  /** Updates a complaint's follow-up: owner, due date, status, resolution note. */
  'complaint/save': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      feedbackId: submissionIdSchema,
      ownerId: z.nullable(recordIdSchema),
      due: calendarDaySchema,
      status: complaintStatusSchema,
      resolutionNote: textSchema(MAX_COMMENT_LENGTH),
    }),
    response: z.object({ entry: feedbackEntrySchema }),
  },
  /** Creates a Jira issue from a complaint, as the caller, once; answers its key. */
  'complaint/issue': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      feedbackId: submissionIdSchema,
      lang: z.optional(languageSchema),
    }),
    response: z.object({ issueKey: z.string(), entry: feedbackEntrySchema }),
  },
} as const;
