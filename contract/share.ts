/**
 * Share links and the client status page (DESIGN.md §6, issue 12): what the PM creates, lists
 * and revokes, the per-project kill switch, the access log, and the seam between the web
 * trigger (which resolves a link) and the page it serves.
 *
 * Written with `zod/mini` because the UI validates each field with it as it is typed.
 */
import * as z from 'zod/mini';
import { languageSchema } from './language';
import { publishedReportIdSchema } from './reports';
import { revisionSchema } from './settings';
import { requiredTextSchema } from './text';

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));
const isoInstantSchema = z.iso.datetime({ offset: false });
const cursorSchema = z.string().check(z.minLength(1), z.maxLength(2_000));

/** The parts of the status page a link may show; the page renders them in this order. */
export const SECTION_NAMES = [
  'health',
  'milestones',
  'completed',
  'next-up',
  'risks',
  'waiting-on-client',
  'change-requests',
  'feedback-form',
] as const;
export const sectionNameSchema = z.enum(SECTION_NAMES);
export type SectionName = z.infer<typeof sectionNameSchema>;

/** What a link shows: the live status (the latest snapshot), or one published report of the same project. */
export const shareScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('live') }),
  z.strictObject({ kind: z.literal('report'), reportId: publishedReportIdSchema }),
]);
export type ShareScope = z.infer<typeof shareScopeSchema>;

/** A link's id (not its token): random, printable, safe in KVS keys; shown to the PM only. */
export const shareLinkIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{16,64}$/u, 'a share link id'));

/**
 * What the web trigger hands to the page once a link is resolved and valid (its token matched,
 * not expired, not revoked, sharing on, passcode given): never the token or its hash.
 */
export const sharedPageLinkSchema = z.object({
  id: shareLinkIdSchema,
  projectId: z.string(),
  scope: shareScopeSchema,
  lang: languageSchema,
  sections: z.array(sectionNameSchema),
  label: z.string(),
});
export type SharedPageLink = z.infer<typeof sharedPageLinkSchema>;

/** What the page reports back about one request, for the access log. */
export const ACCESS_EVENT_KINDS = ['view', 'feedback', 'decision', 'invalid'] as const;
export const accessEventSchema = z.object({
  kind: z.enum(ACCESS_EVENT_KINDS),
  outcome: z.enum(['ok', 'refused']),
  /** A short code (`rate-limited`, `duplicate`, `bad-form`…), never the client's text. */
  detail: z.optional(z.string()),
});
export type AccessEvent = z.infer<typeof accessEventSchema>;

/**
 * Forge's dynamic web-trigger request and response (headers are arrays of values), as the page
 * sees them. `userPath` is what follows the trigger's URL (`/s/<token>/…`).
 */
export interface WebTriggerRequest {
  method: string;
  path?: string | undefined;
  userPath?: string | undefined;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body?: string | null | undefined;
}
export interface WebTriggerResponse {
  statusCode: number;
  headers: Record<string, string[]>;
  body: string;
}
