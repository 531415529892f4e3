/**
 * Published status reports (issue 11): the PM publishes the live draft they reviewed, and it is
 * kept as an immutable, numbered report, readable in either language for either audience.
 */
import * as z from 'zod/mini';
import { clientStatusReportSchema } from './client-report';
import { languageSchema } from './language';
import { clientLineSchema, reportDraftTextsFields } from './report-narrative';
import { DIMENSION_KEYS, ragSchema, statusReportSchema } from './report';
import { revisionSchema } from './settings';
import { requiredTextSchema } from './text';

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
const overallRagSchema = z.enum(['green', 'amber', 'red']);

/**
 * Which draft the PM reviewed: the live draft (`project/report`) carries it, and publishing
 * names it, so what is published is exactly what was reviewed.
 */
export const draftRevisionSchema = z.string().check(z.regex(/^g[0-9]{1,12}$/u, 'a draft revision such as g12'));

/**
 * A published report's id: its draft revision, so publishing a draft twice keeps one report; the
 * project's one closing report is `closing` (issue 13).
 */
export const CLOSING_REPORT_ID = 'closing';
export const publishedReportIdSchema = z.string().check(z.regex(/^(?:g[0-9]{1,12}|closing)$/u, 'a report id such as g12'));

/** What a published report is: a status report, or the closing report (absent in heads before issue 13: status). */
export const REPORT_KINDS = ['status', 'closing'] as const;

export const publishedReportHeadSchema = z.object({
  id: publishedReportIdSchema,
  /** 1, 2, 3… in publishing order. Two publishes racing may leave a number unused, never reuse one. */
  version: z.int().check(z.positive()),
  draftRevision: draftRevisionSchema,
  /** ISO instants: when the data was derived, and when the PM published it. */
  asOf: z.iso.datetime(),
  publishedAt: z.iso.datetime(),
  /** The Atlassian account that published it. */
  publishedBy: z.string(),
  period: z.object({ start: z.iso.datetime(), end: z.iso.datetime() }),
  overall: z.object({ computed: overallRagSchema, reported: overallRagSchema }),
  /** Each dimension's colour as published: the next report marks one amber or red in both as sustained. */
  dimensions: z.record(z.enum(DIMENSION_KEYS), ragSchema),
  /** The shape its content was stored in, so a later version reads (migrates) it exactly as published. */
  contentFormat: z.int().check(z.positive()),
  /** How many stored values hold its content (large reports span several, never trimmed). */
  parts: z.int().check(z.positive()),
  kind: z.optional(z.enum(REPORT_KINDS)),
});
export type PublishedReportHead = z.infer<typeof publishedReportHeadSchema>;

/**
 * The PM's edits of the live draft. `override`: the overall status the PM reports instead of the
 * computed one, with the reason, which is mandatory (internal views show "Reported amber —
 * computed red"; the client sees the reported status).
 */
export const reportDraftSchema = z.object({
  override: z.nullable(z.object({ rag: overallRagSchema, reason: requiredTextSchema(500) })),
  /** The narratives, client wording and hidden client lines (`reportDraftTextsFields`); absent in drafts saved before them. */
  ...reportDraftTextsFields,
});
export type ReportDraftJson = z.infer<typeof reportDraftSchema>;
export const reportDraftViewSchema = z.object({
  draft: reportDraftSchema,
  revision: revisionSchema,
  canEdit: z.boolean(),
  /**
   * The narratives the app drafted (what "reset to drafted" restores) and every line of the
   * client version the PM may reword or hide, hidden ones included, in the caller's language.
   * Absent before the project's data was first read.
   */
  drafted: z.optional(
    z.object({
      internal: z.string(),
      client: z.string(),
      clientLines: z.array(clientLineSchema),
      /** The drafted narratives in each language: the PM edits the language they choose. */
      byLanguage: z.record(languageSchema, z.object({ internal: z.string(), client: z.string() })),
      /** The languages each side's report recipients read (communication plan): a language the PM wrote nothing in reads the drafted narrative. */
      readers: z.object({ internal: z.array(languageSchema), client: z.array(languageSchema) }),
    }),
  ),
});

const cursorSchema = z.string().check(z.minLength(1), z.maxLength(2_000));

export const reportsResolverContract = {
  /**
   * Publishes the live draft the PM reviewed. `CONFLICT` when the draft changed since (the
   * data was refreshed): review it again. The same draft revision twice answers the one report.
   */
  'report/publish': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), draftRevision: draftRevisionSchema }),
    response: publishedReportHeadSchema,
  },
  /** The PM's edits of the live draft, their revision, and whether the caller may change them. */
  'report/draft-get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: reportDraftViewSchema,
  },
  /** Saves the PM's edits if `revision` is still current (else `CONFLICT`); the draft is derived again with them. */
  'report/draft-save': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), draft: reportDraftSchema, revision: revisionSchema }),
    response: reportDraftViewSchema,
  },
  /** Published reports, newest first, a page at a time. */
  'report/list': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      cursor: z.optional(cursorSchema),
      limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
    }),
    /** `canPublish`: whether the caller may publish (Edit Issues). */
    response: z.object({ items: z.array(publishedReportHeadSchema), cursor: z.nullable(z.string()), canPublish: z.boolean() }),
  },
  /** One published report exactly as published, for an audience, in a language. */
  'report/get': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      id: publishedReportIdSchema,
      audience: z.optional(z.enum(['internal', 'client'])),
      lang: z.optional(languageSchema),
    }),
    response: z.object({
      head: publishedReportHeadSchema,
      report: z.discriminatedUnion('audience', [statusReportSchema, clientStatusReportSchema]),
    }),
  },
  /**
   * A published report as a file, for one audience and language: Markdown that pastes cleanly
   * into e-mail, Confluence and chat, or self-contained HTML that prints cleanly to PDF.
   */
  'report/export': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      id: publishedReportIdSchema,
      audience: z.enum(['internal', 'client']),
      lang: languageSchema,
      format: z.enum(['markdown', 'html']),
    }),
    response: z.object({ filename: z.string(), mediaType: z.string(), text: z.string() }),
  },
  /**
   * A published report as an e-mail the PM opens in their own mail client (`.eml`, HTML and
   * text, marked unsent), addressed to the stakeholders of the audience who receive reports in
   * `lang`. The client's version by default.
   */
  'report/email': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      id: publishedReportIdSchema,
      lang: languageSchema,
      audience: z.optional(z.enum(['internal', 'client'])),
    }),
    response: z.object({
      filename: z.string(),
      text: z.string(),
      recipients: z.array(z.object({ name: z.string(), email: z.string() })),
      /** The e-mail's subject and its two parts, for "Copy as e-mail" (text/html and text/plain on the clipboard). */
      parts: z.object({ subject: z.string(), html: z.string(), text: z.string() }),
    }),
  },
} as const;
