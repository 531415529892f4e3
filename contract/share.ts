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
  'acceptance',
  'commitments',
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

/** Links expire: 30 days unless the PM says otherwise, never later than 180 days (a project setting may lower it). */
export const DEFAULT_EXPIRY_DAYS = 30;
export const MAX_EXPIRY_DAYS = 180;
export const expiryDaysSchema = z.int().check(z.gte(1), z.lte(MAX_EXPIRY_DAYS));
/** A passcode the client types (kept only as a salted scrypt hash). */
export const passcodeSchema = z.string().check(z.minLength(6, 'at least 6 characters'), z.maxLength(128));
export const shareLabelSchema = requiredTextSchema(120);

const sectionsSchema = z.array(sectionNameSchema).check(
  z.minLength(1, 'at least one section'),
  z.maxLength(SECTION_NAMES.length),
  z.refine((s) => new Set(s).size === s.length, 'each section once'),
);

/** The project's sharing switch and the longest expiry its links may have. */
export const shareSettingsSchema = z.strictObject({
  /** Off: every link of the project answers "not found" at once (the kill switch); on again, they work again. */
  enabled: z.boolean(),
  maxExpiryDays: expiryDaysSchema,
});
export type ShareSettingsJson = z.infer<typeof shareSettingsSchema>;
export const DEFAULT_SHARE_SETTINGS: ShareSettingsJson = { enabled: true, maxExpiryDays: MAX_EXPIRY_DAYS };
export const shareSettingsViewSchema = z.object({ settings: shareSettingsSchema, revision: revisionSchema, canEdit: z.boolean() });

export const SHARE_LINK_STATUSES = ['active', 'expired', 'revoked'] as const;
export const shareLinkStatusSchema = z.enum(SHARE_LINK_STATUSES);
export type ShareLinkStatus = z.infer<typeof shareLinkStatusSchema>;

/** A link as the PM sees it in lists: never its token, its hash or its passcode. */
export const shareLinkViewSchema = z.object({
  id: shareLinkIdSchema,
  scope: shareScopeSchema,
  lang: languageSchema,
  sections: z.array(sectionNameSchema),
  label: z.string(),
  createdAt: isoInstantSchema,
  createdBy: z.string(),
  expiresAt: isoInstantSchema,
  revokedAt: z.nullable(isoInstantSchema),
  hasPasscode: z.boolean(),
  status: shareLinkStatusSchema,
  /** A report-scoped link's report number ("Report 3"); absent for a live link (or a report no longer stored). */
  reportVersion: z.optional(z.int().check(z.positive())),
});
export type ShareLinkView = z.infer<typeof shareLinkViewSchema>;

/** What the access log records: the page's events, and the gate's (`passcode`: an attempt; `form`: a post refused before the page). */
export const ACCESS_LOG_KINDS = [...ACCESS_EVENT_KINDS, 'passcode', 'form'] as const;
/** A coarse user agent: the browser family and the operating system, never the raw header or the address. */
export const BROWSERS = ['chrome', 'edge', 'firefox', 'safari', 'opera', 'samsung', 'other'] as const;
export const OPERATING_SYSTEMS = ['android', 'ios', 'windows', 'macos', 'linux', 'chromeos', 'other'] as const;
export const coarseAgentSchema = z.object({ browser: z.enum(BROWSERS), os: z.enum(OPERATING_SYSTEMS) });
export type CoarseAgent = z.infer<typeof coarseAgentSchema>;

export const accessLogEntrySchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,100}$/u)),
  linkId: shareLinkIdSchema,
  at: isoInstantSchema,
  kind: z.enum(ACCESS_LOG_KINDS),
  outcome: z.enum(['ok', 'refused']),
  detail: z.nullable(z.string().check(z.maxLength(60))),
  agent: coarseAgentSchema,
  /**
   * How many identical events the entry stands for — the same link, kind, outcome, detail and
   * agent in the same second, stored together (a burst of views); absent: one.
   */
  count: z.optional(z.int().check(z.gte(2), z.lte(100_000))),
});
export type AccessLogEntryJson = z.infer<typeof accessLogEntrySchema>;

export const shareResolverContract = {
  /**
   * Creates a link (Administer Projects). Answers its URL once: only the token's hash is kept,
   * so the URL can never be shown again (a lost URL is revoked and replaced).
   */
  'share/create': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      scope: shareScopeSchema,
      lang: languageSchema,
      label: shareLabelSchema,
      expiresInDays: expiryDaysSchema,
      sections: z.optional(sectionsSchema),
      passcode: z.optional(passcodeSchema),
    }),
    response: z.object({ id: shareLinkIdSchema, url: z.string() }),
  },
  /** The project's links, newest first, a page at a time; `canManage`: the caller may create and revoke. */
  'share/list': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      cursor: z.optional(cursorSchema),
      limit: z.optional(z.int().check(z.gte(1), z.lte(50))),
    }),
    response: z.object({ items: z.array(shareLinkViewSchema), cursor: z.nullable(z.string()), canManage: z.boolean() }),
  },
  /** Revokes one link at once and for good (Administer Projects); revoking twice is no error. */
  'share/revoke': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), id: shareLinkIdSchema }),
    response: shareLinkViewSchema,
  },
  'share/settings-get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: shareSettingsViewSchema,
  },
  /** Saves the kill switch and the expiry cap (Administer Projects) if `revision` is still current (else `CONFLICT`). */
  'share/settings-save': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), settings: shareSettingsSchema, revision: revisionSchema }),
    response: shareSettingsViewSchema,
  },
  /** Who opened the project's links and what they did, newest first (Administer Projects). */
  'share/access-log': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      linkId: z.optional(shareLinkIdSchema),
      cursor: z.optional(cursorSchema),
      limit: z.optional(z.int().check(z.gte(1), z.lte(100))),
    }),
    response: z.object({ items: z.array(accessLogEntrySchema), cursor: z.nullable(z.string()) }),
  },
} as const;
