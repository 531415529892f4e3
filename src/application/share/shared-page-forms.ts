/**
 * The status page's two forms (DESIGN.md §6), parsed from an `application/x-www-form-urlencoded`
 * body: every field by a zod schema, no unknown field, no field twice. What fails names the
 * fields at fault (never their values: the answer keeps nothing of what was sent).
 */
import * as z from 'zod/mini';
import { recordIdSchema } from '../../../contract/comms';
import { MAX_COMMENT_LENGTH, submissionIdSchema } from '../../../contract/feedback';
import { languageSchema, type Language } from '../../../contract/language';
import { requiredTextSchema, textSchema } from '../../../contract/text';
import { MAX_FIX_ITEM_LENGTH, MAX_FIX_ITEMS } from '../../../contract/acceptance';

/** A form body larger than this is refused (413) unread: the largest valid one is under 10 KB. */
/** The largest form body taken (url-encoded): 2,000 Chinese characters or emoji fit with room to spare. */
export const MAX_FORM_BYTES = 64 * 1024;
/** The decider's name; with " (client via status page)" it stays within the decision's 255. */
export const MAX_NAME_LENGTH = 200;
export const MAX_DECISION_COMMENT_LENGTH = 2000;

const feedbackFormSchema = z.strictObject({
  form: z.literal('feedback'),
  lang: z.optional(languageSchema),
  submissionId: submissionIdSchema,
  rating: z.string().check(z.regex(/^[1-5]$/u)),
  nps: z.optional(z.string().check(z.regex(/^(?:[0-9]|10)?$/u))),
  comment: z.optional(textSchema(MAX_COMMENT_LENGTH)),
});

const decisionFormSchema = z
  .strictObject({
    form: z.literal('decision'),
    lang: z.optional(languageSchema),
    changeRequestId: recordIdSchema,
    revision: z.string().check(z.regex(/^[1-9][0-9]{0,9}$/u)),
    decision: z.enum(['approved', 'rejected']),
    name: requiredTextSchema(MAX_NAME_LENGTH),
    comment: z.optional(textSchema(MAX_DECISION_COMMENT_LENGTH)),
  })
  .check(z.refine((f) => f.decision !== 'rejected' || (f.comment ?? '') !== '', { path: ['reason'], error: 'why the client rejects it' }));

/** What to fix, one item per line: blank lines dropped, each line trimmed. */
const fixItemsSchema = z.pipe(
  z.string().check(z.maxLength((MAX_FIX_ITEM_LENGTH + 2) * MAX_FIX_ITEMS)),
  z.transform((text: string) =>
    text
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  ),
);

/** A client's decision on a milestone awaiting acceptance (issue 13). */
const acceptanceFormSchema = z
  .strictObject({
    form: z.literal('acceptance'),
    lang: z.optional(languageSchema),
    submissionId: recordIdSchema,
    decision: z.enum(['accepted', 'rejected']),
    name: requiredTextSchema(MAX_NAME_LENGTH),
    comment: z.optional(textSchema(MAX_DECISION_COMMENT_LENGTH)),
    fixItems: z.optional(fixItemsSchema),
  })
  .check(
    z.refine((f) => f.decision !== 'rejected' || (f.comment ?? '') !== '', { path: ['comment'], error: 'why the client rejects it' }),
    z.refine((f) => (f.fixItems ?? []).length <= MAX_FIX_ITEMS && (f.fixItems ?? []).every((line) => line.length <= MAX_FIX_ITEM_LENGTH), {
      path: ['fixItems'],
      error: 'at most 10 lines of 300 characters',
    }),
  );

export type AcceptanceForm = {
  kind: 'acceptance';
  lang: Language | undefined;
  submissionId: string;
  decision: 'accepted' | 'rejected';
  name: string;
  comment: string;
  fixItems: string[];
};

export type FeedbackForm = {
  kind: 'feedback';
  lang: Language | undefined;
  submissionId: string;
  rating: number;
  nps: number | null;
  comment: string;
};
export type DecisionForm = {
  kind: 'decision';
  lang: Language | undefined;
  changeRequestId: string;
  revision: number;
  decision: 'approved' | 'rejected';
  name: string;
  comment: string;
};

/** A field the client can correct (the page names it in its language), or the form as a whole. */
export type FormField = 'rating' | 'nps' | 'comment' | 'name' | 'reason' | 'fixItems' | 'form';

export type ParsedForm =
  | { ok: true; form: FeedbackForm | DecisionForm | AcceptanceForm }
  | { ok: false; kind: 'feedback' | 'decision' | 'acceptance' | 'invalid'; fields: FormField[]; lang: Language | undefined };

const CORRECTABLE: ReadonlySet<string> = new Set(['rating', 'nps', 'comment', 'name', 'reason', 'fixItems']);

/** Parses a form body (already known to be url-encoded and under `MAX_FORM_BYTES`). */
export function parseSharedPageForm(body: string): ParsedForm {
  const params = new URLSearchParams(body);
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  let repeated = false;
  for (const [key, value] of params) {
    if (Object.hasOwn(fields, key)) repeated = true;
    fields[key] = value;
  }
  const kind = fields.form === 'feedback' || fields.form === 'decision' || fields.form === 'acceptance' ? fields.form : 'invalid';
  const lang = z.safeParse(languageSchema, fields.lang).data;
  if (repeated || kind === 'invalid') return { ok: false, kind, fields: ['form'], lang };
  if (kind === 'acceptance') return parseAcceptanceForm(fields, lang);
  const parsed = kind === 'feedback' ? z.safeParse(feedbackFormSchema, fields) : z.safeParse(decisionFormSchema, fields);
  if (!parsed.success) {
    const named = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'form');
      return (CORRECTABLE.has(field) ? field : 'form') as FormField;
    });
    return { ok: false, kind, fields: [...new Set(named)], lang };
  }
  const data = parsed.data;
  if (data.form === 'feedback') {
    return {
      ok: true,
      form: {
        kind: 'feedback',
        lang: data.lang,
        submissionId: data.submissionId,
        rating: Number(data.rating),
        nps: data.nps === undefined || data.nps === '' ? null : Number(data.nps),
        comment: data.comment ?? '',
      },
    };
  }
  return {
    ok: true,
    form: {
      kind: 'decision',
      lang: data.lang,
      changeRequestId: data.changeRequestId,
      revision: Number(data.revision),
      decision: data.decision,
      name: data.name,
      comment: data.comment ?? '',
    },
  };
}

function parseAcceptanceForm(fields: Record<string, string>, lang: Language | undefined): ParsedForm {
  const parsed = z.safeParse(acceptanceFormSchema, fields);
  if (!parsed.success) {
    const named = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? 'form');
      return (CORRECTABLE.has(field) ? field : 'form') as FormField;
    });
    return { ok: false, kind: 'acceptance', fields: [...new Set(named)], lang };
  }
  const data = parsed.data;
  return {
    ok: true,
    form: {
      kind: 'acceptance',
      lang: data.lang,
      submissionId: data.submissionId,
      decision: data.decision,
      name: data.name,
      comment: data.comment ?? '',
      fixItems: data.fixItems ?? [],
    },
  };
}
