/**
 * Client acceptance of a milestone (DESIGN.md §5.7, issue 13): the PM submits a milestone with its
 * checklist (its issues done, the quality standards checked from Jira data) and release notes;
 * the client accepts or rejects it on the status page, a rejection listing what to fix.
 *
 * Stored in one revisioned document per project holding a bounded list of submissions
 * (`MAX_SUBMISSIONS`, at most `MAX_PENDING` awaiting the client): the oldest decided ones leave
 * first. Written with `zod/mini` because the UI validates the release notes as they are typed.
 */
import * as z from 'zod/mini';
import { accountIdSchema, issueKeySchema, recordIdSchema } from './comms';
import { qualityStandardSchema } from './engagement';
import { languageSchema } from './language';
import { revisionSchema } from './settings';
import { requiredTextSchema, textSchema } from './text';

export { reportAcceptanceSchema, type ReportAcceptanceJson } from './acceptance-report';

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
const isoInstantSchema = z.iso.datetime({ offset: false });
const count = z.int().check(z.nonnegative());
export const milestoneIdSchema = z.string().check(z.regex(/^[0-9]{1,18}$/u, 'a Jira version id'));

/** Submissions kept per project (the oldest decided ones leave first). */
export const MAX_SUBMISSIONS = 30;
/** Milestones awaiting the client at once. */
export const MAX_PENDING = 5;
/** Issue keys a checklist names per list (the count says how many there are). */
export const MAX_CHECKLIST_KEYS = 20;
export const MAX_RELEASE_NOTES_LENGTH = 4000;
export const MAX_FIX_ITEMS = 10;
export const MAX_FIX_ITEM_LENGTH = 300;
export const MAX_ACCEPTANCE_COMMENT_LENGTH = 2000;
/** The decider's name as typed on the page; " (client via status page)" is added to it. */
export const MAX_DECIDER_NAME_LENGTH = 200;

export const releaseNotesSchema = textSchema(MAX_RELEASE_NOTES_LENGTH);

/** One quality standard as checked at submission: the standard itself, so a later edit of the engagement does not rewrite it. */
export const standardResultSchema = z.object({
  standard: qualityStandardSchema,
  /** From Jira data; null for a written standard (the PM confirms it by submitting). */
  met: z.nullable(z.boolean()),
  /** The open bugs that fail it: the first `MAX_CHECKLIST_KEYS` keys, and how many. */
  failing: z.array(issueKeySchema).check(z.maxLength(MAX_CHECKLIST_KEYS)),
  failingCount: count,
});
export type StandardResultJson = z.infer<typeof standardResultSchema>;

/** A milestone's checklist (`checkAcceptance` over its cached issues). */
export const acceptanceChecklistSchema = z.object({
  /** The milestone's issues, subtasks aside. */
  issuesTotal: count,
  issuesDone: count,
  openIssues: z.array(issueKeySchema).check(z.maxLength(MAX_CHECKLIST_KEYS)),
  standards: z.array(standardResultSchema).check(z.maxLength(20)),
  /** Every issue done and no standard failing. */
  ready: z.boolean(),
});
export type AcceptanceChecklistJson = z.infer<typeof acceptanceChecklistSchema>;

export const fixItemSchema = z.object({
  id: recordIdSchema,
  text: requiredTextSchema(MAX_FIX_ITEM_LENGTH),
  /** The Jira issue the PM opened from it, once. */
  jiraIssueKey: z.nullable(issueKeySchema),
});
export type FixItemJson = z.infer<typeof fixItemSchema>;

export const ACCEPTANCE_STATES = ['submitted', 'accepted', 'rejected'] as const;
export type AcceptanceState = (typeof ACCEPTANCE_STATES)[number];

export const acceptanceDecisionSchema = z.object({
  /** "<name> (client via status page)". */
  by: requiredTextSchema(255),
  /** The server's time. */
  at: isoInstantSchema,
  comment: textSchema(MAX_ACCEPTANCE_COMMENT_LENGTH),
  /** What to fix (a rejection's; empty for an acceptance). */
  fixItems: z.array(fixItemSchema).check(z.maxLength(MAX_FIX_ITEMS)),
});
export type AcceptanceDecisionJson = z.infer<typeof acceptanceDecisionSchema>;

export const acceptanceSubmissionSchema = z
  .object({
    id: recordIdSchema,
    milestone: z.object({ id: milestoneIdSchema, name: z.string().check(z.maxLength(255)) }),
    submittedAt: isoInstantSchema,
    submittedBy: accountIdSchema,
    checklist: acceptanceChecklistSchema,
    /** Submitted although the checklist was not ready: the client is told so. */
    override: z.boolean(),
    releaseNotes: releaseNotesSchema,
    state: z.enum(ACCEPTANCE_STATES),
    decision: z.nullable(acceptanceDecisionSchema),
  })
  .check(z.refine((s) => (s.state === 'submitted') === (s.decision === null), 'a decided submission has its decision'));
export type AcceptanceSubmissionJson = z.infer<typeof acceptanceSubmissionSchema>;

/** The project's submissions, newest first. */
export const acceptanceRecordSchema = z.object({
  submissions: z.array(acceptanceSubmissionSchema).check(z.maxLength(MAX_SUBMISSIONS)),
});
export type AcceptanceRecordJson = z.infer<typeof acceptanceRecordSchema>;
export const EMPTY_ACCEPTANCE: AcceptanceRecordJson = { submissions: [] };

/** A milestone the PM may submit, with its checklist now and drafted release notes. */
export const acceptancePreviewSchema = z.object({
  milestone: z.object({ id: milestoneIdSchema, name: z.string(), released: z.boolean(), releaseDate: z.nullable(z.string()) }),
  checklist: acceptanceChecklistSchema,
  /** From the milestone's done, client-visible issues, in the client's wording where the PM wrote it. */
  releaseNotes: z.string(),
  /** When the data was read from Jira (the snapshot's time). */
  asOf: isoInstantSchema,
});
export type AcceptancePreviewJson = z.infer<typeof acceptancePreviewSchema>;

export const acceptanceViewSchema = z.object({
  submissions: z.array(acceptanceSubmissionSchema),
  revision: revisionSchema,
  canEdit: z.boolean(),
  /** The milestones that can be submitted (unarchived), from the snapshot; empty before the first sync. */
  milestones: z.array(z.object({ id: milestoneIdSchema, name: z.string(), released: z.boolean() })),
});
export type AcceptanceViewJson = z.infer<typeof acceptanceViewSchema>;

export const acceptanceResolverContract = {
  /** The submissions (newest first), their revision, whether the caller may submit, and the milestones. */
  'acceptance/list': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: acceptanceViewSchema,
  },
  /** A milestone's checklist now and its drafted release notes (from the snapshot's cached issues: no Jira read). */
  'acceptance/preview': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), milestoneId: milestoneIdSchema }),
    response: acceptancePreviewSchema,
  },
  /**
   * Submits a milestone for the client's acceptance (Edit Issues) with the checklist as computed
   * now. A checklist that is not ready is refused (`INVALID_PAYLOAD` on `override`) unless
   * `override` is true; the client then reads that it was submitted with open items. A milestone
   * already awaiting the client, or already accepted, is `CONFLICT`; so is a stale `revision`.
   */
  'acceptance/submit': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      milestoneId: milestoneIdSchema,
      releaseNotes: releaseNotesSchema,
      override: z.optional(z.boolean()),
      revision: revisionSchema,
    }),
    response: acceptanceViewSchema,
  },
  /** Opens a Jira issue from a rejection's fix item (Edit Issues), once: a second call answers the same key. */
  'acceptance/issue': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      submissionId: recordIdSchema,
      fixItemId: recordIdSchema,
      lang: z.optional(languageSchema),
    }),
    response: z.object({ issueKey: issueKeySchema, view: acceptanceViewSchema }),
  },
} as const;
