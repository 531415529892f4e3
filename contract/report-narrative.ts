/**
 * The report's narrative and the PM's texts (issue 11, "Drafted narrative" and "Draft review").
 *
 * - The app drafts the narrative from the report itself (`draftNarrative`,
 *   `contract/i18n/draft-narrative.ts`): sentences about what changed, why the health is what it
 *   is, what comes next and what the team needs from the client, each with its evidence.
 * - The PM may replace either audience's narrative with their own text, write client wording for
 *   any line of the client version, and hide lines from it (`reportDraftTextsSchema`). The
 *   narratives and the client wording are per language (`localizedPmText`): a reader in a
 *   language the PM wrote nothing in reads the drafted narrative and Jira's text of the line, never
 *   the PM's words in the other language. The texts
 *   are stored with the report data, so a published report keeps them as published, and they are
 *   applied in one place (`renderStoredReport`) for every reader: viewer, exports, e-mail and the
 *   client's status page.
 */
import * as z from 'zod/mini';
import { LANGUAGES, type Language } from './language';
import { requiredTextSchema, textSchema } from './text';

/** The narrative's parts, in reading order (each a paragraph). */
export const NARRATIVE_TOPICS = ['changed', 'health', 'next', 'needs'] as const;
export type NarrativeTopic = (typeof NARRATIVE_TOPICS)[number];

/**
 * What a drafted sentence is made from: an issue key, a milestone id, a dimension key, a change
 * request id or a register risk id. The client's narrative has only what the client's report has.
 */
export const narrativeEvidenceSchema = z.object({
  kind: z.enum(['issue', 'milestone', 'dimension', 'changeRequest', 'risk']),
  id: z.string(),
});
export type NarrativeEvidenceJson = z.infer<typeof narrativeEvidenceSchema>;

export const narrativeSentenceSchema = z.object({
  topic: z.enum(NARRATIVE_TOPICS),
  text: z.string(),
  /** The team's version only: the client's sentences are plain prose (DESIGN §5.1, no evidence field reaches the client). */
  evidence: z.optional(z.array(narrativeEvidenceSchema)),
});
/** A drafted sentence with its evidence, as the generator gives it. */
export type DraftedSentenceJson = NarrativeSentenceJson & { evidence: NarrativeEvidenceJson[] };
export type NarrativeSentenceJson = z.infer<typeof narrativeSentenceSchema>;

/** The narrative a reader reads: the PM's text when they wrote one, else the drafted sentences. */
export const reportNarrativeSchema = z.object({
  source: z.enum(['drafted', 'pm']),
  /** The narrative as read: paragraphs separated by a blank line. */
  text: z.string(),
  /** The drafted sentences with their evidence; empty when the PM's text replaces them. */
  sentences: z.array(narrativeSentenceSchema),
});
export type ReportNarrativeJson = z.infer<typeof reportNarrativeSchema>;

/** Sizes of the PM's texts. */
export const NARRATIVE_MAX_CHARS = 6_000;
export const CLIENT_WORDING_MAX_CHARS = 500;
/** Lines of the client version with client wording, and lines hidden, each at most this many. */
export const MAX_CLIENT_LINE_EDITS = 200;

/** The kinds of line of the client version the PM may reword or hide. */
export const CLIENT_LINE_KINDS = ['issue', 'milestone', 'risk', 'change'] as const;
export type ClientLineKind = (typeof CLIENT_LINE_KINDS)[number];

/**
 * A stable id of a line of the client version: `issue:ACME-12`, `milestone:10001`,
 * `risk:<record id>`, `change:<record id>`. It names the same line in the next draft.
 */
export const clientLineIdSchema = z
  .string()
  .check(z.regex(/^(issue|milestone|risk|change):[A-Za-z0-9_.-]{1,100}$/u, 'a line id such as issue:ACME-12'));
export type ClientLineId = z.infer<typeof clientLineIdSchema>;

export function clientLineId(kind: ClientLineKind, id: string): string {
  return `${kind}:${id}`;
}

/**
 * A text the PM wrote, per language the reader reads: `{ en?: text | null, 'zh-CN'?: text | null }`
 * (absent or null: nothing written in that language). Drafts saved before the texts were per
 * language hold a plain string; the language the PM wrote it in was not recorded, so a plain
 * string applies to both languages (`pmTextIn`), as it did when it was saved. The editor saves
 * the per-language form.
 */
export function localizedPmTextSchema<T extends z.ZodMiniType<string>>(text: T) {
  return z.union([
    text,
    z
      .strictObject({ en: z.optional(z.nullable(text)), 'zh-CN': z.optional(z.nullable(text)) })
      .check(z.refine((v) => Object.values(v).some((t) => t !== null && t !== undefined), 'text in at least one language')),
  ]);
}
export type LocalizedPmText = string | { en?: string | null | undefined; 'zh-CN'?: string | null | undefined };

/** The PM's text for a reader of `lang`: a plain (older) string in any language, else that language's text. */
export function pmTextIn(value: LocalizedPmText | null | undefined, lang: Language): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value[lang] ?? undefined;
}

/** The languages the PM wrote `value` in (a plain, older string counts as both). */
export function pmTextLanguages(value: LocalizedPmText | null | undefined): Language[] {
  return LANGUAGES.filter((lang) => pmTextIn(value, lang) !== undefined);
}

/** The PM's texts of a draft, stored with the report data and published with it. */
export const reportDraftTextsFields = {
  /**
   * Each audience's narrative as the PM wrote it, per language (`localizedPmTextSchema`); null
   * (or absent), or no text in the reader's language: the drafted narrative.
   */
  narrative: z.optional(
    z.object({
      internal: z.nullable(localizedPmTextSchema(textSchema(NARRATIVE_MAX_CHARS))),
      client: z.nullable(localizedPmTextSchema(textSchema(NARRATIVE_MAX_CHARS))),
    }),
  ),
  /** Line id → the words the client reads instead of the line's own text, per language (none in a language: Jira's text). */
  clientWording: z.optional(
    z
      .record(clientLineIdSchema, localizedPmTextSchema(requiredTextSchema(CLIENT_WORDING_MAX_CHARS)))
      .check(z.refine((wording) => Object.keys(wording).length <= MAX_CLIENT_LINE_EDITS, `at most ${String(MAX_CLIENT_LINE_EDITS)} lines`)),
  ),
  /** Lines left out of the client version (in every language). */
  hiddenLines: z.optional(
    z.array(clientLineIdSchema).check(
      z.maxLength(MAX_CLIENT_LINE_EDITS),
      z.refine((ids) => new Set(ids).size === ids.length, 'each line once'),
    ),
  ),
};
export const reportDraftTextsSchema = z.object(reportDraftTextsFields);
export type ReportDraftTextsJson = z.infer<typeof reportDraftTextsSchema>;

/** A line of the client version as the draft editor lists it, hidden or not, before client wording. */
export const clientLineSchema = z.object({
  id: z.string(),
  kind: z.enum(CLIENT_LINE_KINDS),
  /** The issue key the client reads as a plain reference; empty for other lines. */
  label: z.string(),
  /** The line's own text (summary, name, risk or change title) that client wording replaces. */
  text: z.string(),
});
export type ClientLineJson = z.infer<typeof clientLineSchema>;
