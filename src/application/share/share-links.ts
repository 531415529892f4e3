/**
 * Share links (DESIGN.md §6, issue 12): the PM creates, lists and revokes links, switches the
 * project's sharing off and on, and reads the access log; the web trigger resolves a token.
 *
 * A token is found through a site-wide index document keyed by its SHA-256; the link record
 * lives with its project. Resolving always does the same work whatever the token — one hash,
 * the index read, the project's shared-page stamp, the link and the project's sharing settings
 * (of a decoy partition when the token is unknown), one constant-time comparison — so unknown,
 * wrong, expired, revoked and switched-off links cannot be told apart by what they answer or how
 * long they take.
 */
import {
  DEFAULT_SHARE_SETTINGS,
  SECTION_NAMES,
  type AccessLogEntryJson,
  type ShareLinkView,
  type ShareScope,
  type ShareSettingsJson,
  type SharedPageLink,
} from '../../../contract/share';
import type { Language } from '../../../contract/language';
import type { SectionName } from '../../../contract/share';
import { assessLinkStatus, deriveExpiresAt, toExpiryCapDays } from '../../domain/share/share-rules';
import { AppError, isAppError } from '../app-error';
import {
  publishedReportKind,
  shareAccessKind,
  shareLinkKind,
  shareSettingsKind,
  shareTokenKind,
  type ShareLinkRecord,
} from '../records/record-kinds';
import type { RecordStore, Revisioned } from '../storage';
import { hashPasscode, hashToken, newLinkId, newSessionKey, newToken, sameDigest } from './share-secrets';
import { randomUUID } from 'node:crypto';
import { readSharedPageStamp, stampSharedPage } from './page-stamp';

/** A conditional write that lost a race is tried again this many times. */
const WRITE_ATTEMPTS = 5;
/** Partition and id read when a token is unknown, so a miss costs what a hit costs. */
const DECOY_PARTITION = 'share-decoy';
const DECOY_LINK_ID = 'share-decoy-link-id';
const DECOY_HASH = '0'.repeat(64);

export interface ShareDeps {
  records: RecordStore;
  now: Date;
}

export async function getShareSettings(records: RecordStore, projectId: string): Promise<Revisioned<ShareSettingsJson>> {
  const stored = await records.document(shareSettingsKind, projectId).get();
  return { value: stored.value ?? DEFAULT_SHARE_SETTINGS, revision: stored.revision };
}

/** @throws AppError CONFLICT when the settings were saved since `revision`. */
export async function saveShareSettings(
  records: RecordStore,
  projectId: string,
  settings: ShareSettingsJson,
  revision: number,
): Promise<Revisioned<ShareSettingsJson>> {
  return records.document(shareSettingsKind, projectId).save(settings, revision);
}

export function toShareLinkView(link: ShareLinkRecord, now: Date): ShareLinkView {
  return {
    id: link.id,
    scope: link.scope,
    lang: link.lang,
    sections: link.sections,
    label: link.label,
    createdAt: link.createdAt,
    createdBy: link.createdBy,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    hasPasscode: link.passcode !== null,
    status: assessLinkStatus(link, now),
  };
}

export interface NewShareLink {
  scope: ShareScope;
  lang: Language;
  label: string;
  expiresInDays: number;
  sections?: readonly SectionName[] | undefined;
  passcode?: string | undefined;
  createdBy: string;
}

/**
 * Creates a link and answers its id and URL (`<triggerUrl>/s/<token>`): the only time the token
 * exists outside the client's hands. The record is written before its index, so a failure
 * between them leaves a link nobody can open, never an index pointing at nothing valid.
 * @throws AppError INVALID_PAYLOAD (fields `expiresInDays`, `scope.reportId`) when the expiry is
 *   over the project's cap or the report is not a published report of this project; FORBIDDEN
 *   when sharing is switched off for the project.
 */
export async function createShareLink(
  deps: ShareDeps,
  projectId: string,
  input: NewShareLink,
  triggerUrl: string,
): Promise<{ id: string; url: string }> {
  const settings = await getShareSettings(deps.records, projectId);
  if (!settings.value.enabled) {
    throw new AppError('FORBIDDEN', 'Sharing is switched off for this project: switch it on in Share first');
  }
  const cap = toExpiryCapDays(settings.value.maxExpiryDays);
  const expiresAt = deriveExpiresAt(deps.now, input.expiresInDays, cap);
  if (!expiresAt) {
    throw new AppError('INVALID_PAYLOAD', `A link expires within ${String(cap)} days in this project`, {
      fields: [{ path: 'expiresInDays', message: `from 1 to ${String(cap)} days` }],
    });
  }
  if (input.scope.kind === 'report') {
    const report = await deps.records.collection(publishedReportKind, projectId).get(input.scope.reportId);
    // The status page shows status reports; the closing report is exported or e-mailed instead.
    if (!report || report.kind === 'closing') {
      throw new AppError('INVALID_PAYLOAD', 'The report is not a published report of this project', {
        fields: [{ path: 'scope.reportId', message: 'a published report of this project' }],
      });
    }
  }
  const token = newToken();
  const tokenHash = hashToken(token).toString('hex');
  const id = newLinkId();
  const link: ShareLinkRecord = {
    id,
    projectId,
    tokenHash,
    scope: input.scope,
    lang: input.lang,
    sections: input.sections ? SECTION_NAMES.filter((s) => input.sections?.includes(s)) : [...SECTION_NAMES],
    label: input.label,
    createdAt: deps.now.toISOString(),
    createdBy: input.createdBy,
    expiresAt: expiresAt.toISOString(),
    revokedAt: null,
    passcode: input.passcode !== undefined ? await hashPasscode(input.passcode) : null,
    sessionKey: newSessionKey(),
    passcodeFailures: [],
    posts: [],
  };
  await deps.records.collection(shareLinkKind, projectId).save(link, 0);
  await deps.records.document(shareTokenKind, tokenHash).save({ projectId, linkId: id }, 0);
  return { id, url: `${triggerUrl.replace(/\/+$/u, '')}/s/${token}` };
}

/** The project's links, newest first. */
export async function listShareLinks(
  deps: ShareDeps,
  projectId: string,
  page: { cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: ShareLinkView[]; cursor: string | null }> {
  const found = await deps.records.collection(shareLinkKind, projectId).list({
    order: 'newest',
    limit: page.limit ?? 20,
    ...(page.cursor ? { cursor: page.cursor } : {}),
  });
  return { items: found.items.map((link) => toShareLinkView(link, deps.now)), cursor: found.cursor ?? null };
}

/**
 * Applies `change` to the stored link, conditionally on its revision, reading again after a
 * lost race. `change` answers undefined when there is nothing to write.
 * @throws AppError NOT_FOUND when the project has no such link.
 */
export async function updateShareLink(
  records: RecordStore,
  projectId: string,
  linkId: string,
  change: (link: ShareLinkRecord) => ShareLinkRecord | undefined,
): Promise<ShareLinkRecord> {
  const links = records.collection(shareLinkKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const stored = await links.getRevisioned(linkId);
    if (!stored.value) throw new AppError('NOT_FOUND', 'No such share link in this project');
    const next = change(stored.value);
    if (!next) return stored.value;
    try {
      return (await links.save(next, stored.revision)).value;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/** What the page needs to know of a link (never its secrets). */
export function toSharedPageLink(link: ShareLinkRecord): SharedPageLink {
  return { id: link.id, projectId: link.projectId, scope: link.scope, lang: link.lang, sections: link.sections, label: link.label };
}

/** Revokes the link for good; a revoked link stays revoked (revoking again changes nothing). */
export async function revokeShareLink(deps: ShareDeps, projectId: string, linkId: string): Promise<ShareLinkView> {
  const link = await updateShareLink(deps.records, projectId, linkId, (current) =>
    current.revokedAt === null ? { ...current, revokedAt: deps.now.toISOString() } : undefined,
  );
  // Stamped even when it was revoked already: a first revoke whose stamp failed is made good.
  await stampSharedPage(deps.records, projectId);
  return toShareLinkView(link, deps.now);
}

/** The access log, newest first, optionally of one link. */
export async function listAccessLog(
  records: RecordStore,
  projectId: string,
  page: { linkId?: string | undefined; cursor?: string | undefined; limit?: number | undefined },
): Promise<{ items: AccessLogEntryJson[]; cursor: string | null }> {
  const found = await records.collection(shareAccessKind, projectId).list({
    order: 'newest',
    limit: page.limit ?? 25,
    ...(page.cursor ? { cursor: page.cursor } : {}),
    ...(page.linkId ? { where: { linkId: page.linkId } } : {}),
  });
  return { items: found.items, cursor: found.cursor ?? null };
}

/** An access log entry at `now`, with a fresh id (time first, so ids sort as the log does). */
export function toAccessLogEntry(now: Date, entry: Omit<AccessLogEntryJson, 'id' | 'at'>): AccessLogEntryJson {
  // 48 random bits: the last 12 hex digits of a v4 UUID are all random (and cheap: pooled).
  return { ...entry, id: `${now.getTime().toString(36)}-${randomUUID().slice(-12)}`, at: now.toISOString() };
}

/** Adds one entry to the project's access log. */
export async function logAccess(deps: ShareDeps, projectId: string, entry: Omit<AccessLogEntryJson, 'id' | 'at'>): Promise<void> {
  await deps.records.collection(shareAccessKind, projectId).put(toAccessLogEntry(deps.now, entry));
}

/**
 * A link that opens now. `stamp`: the project's shared-page stamp, read before the link and the
 * sharing switch were (`page-stamp.ts`), so what was resolved may be reused while it holds.
 */
export interface ValidLink {
  state: 'valid';
  link: ShareLinkRecord;
  page: SharedPageLink;
  stamp: string | undefined;
}

export type ResolvedLink = ValidLink | { state: 'not-found' };

/**
 * The link a token opens, if it opens one now: known, its hash matching in constant time, of the
 * project the index names, not revoked, not expired, and sharing on in its project. The same
 * reads happen whatever the outcome (see the file comment).
 */
export async function resolveShareLink(deps: ShareDeps, token: string): Promise<ResolvedLink> {
  const digest = hashToken(token);
  const hex = digest.toString('hex');
  const index = await deps.records.document(shareTokenKind, hex).get();
  const projectId = index.value?.projectId ?? DECOY_PARTITION;
  const linkId = index.value?.linkId ?? DECOY_LINK_ID;
  // The stamp first: a write after it changes it, so nothing read below is reused stale.
  const stamp = await readSharedPageStamp(deps.records, projectId);
  const [link, settings] = await Promise.all([
    deps.records.collection(shareLinkKind, projectId).get(linkId),
    getShareSettings(deps.records, projectId),
  ]);
  const matches = sameDigest(digest, link?.tokenHash ?? DECOY_HASH);
  if (
    !index.value ||
    !link ||
    !matches ||
    link.projectId !== index.value.projectId ||
    !settings.value.enabled ||
    assessLinkStatus(link, deps.now) !== 'active'
  ) {
    return { state: 'not-found' };
  }
  return { state: 'valid', link, page: toSharedPageLink(link), stamp };
}
