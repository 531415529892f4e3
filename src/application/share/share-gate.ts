/**
 * The web trigger's gate in front of the client status page (DESIGN.md §6): method and size
 * limits, the token lookup, the passcode, the rate limits and the access log, then the page.
 *
 * Every request for a link that does not open now — unknown, wrong, truncated, case-changed,
 * expired, revoked, switched off, another project's — gets `NOT_FOUND_RESPONSE`, the same bytes
 * and headers, after the same work (`resolveShareLink`). (The first request after a kept link
 * is revoked also makes the stamp check that found it stale: one small read more, once.)
 *
 * With `pages`, a view of a page rendered before is answered from memory (`keptView`) while the
 * project's stamp is unchanged (`page-stamp.ts`), its log entry stored in the same flush.
 */
import { LANGUAGES, type Language } from '../../../contract/language';
import { SHARE_MESSAGES } from '../../../contract/i18n/share-messages';
import { translator } from '../../../contract/i18n/strings';
import type { AccessEvent, SharedPageLink, WebTriggerRequest, WebTriggerResponse } from '../../../contract/share';
import { assessLinkStatus, assessRateLimit, toCoarseAgent, withAttempt } from '../../domain/share/share-rules';
import { html, type SafeHtml } from '../render/safe-html';
import type { RecordStore } from '../storage';
import { clientHtmlResponse } from './page-http';
import { MAX_FORM_BYTES } from './shared-page-forms';
import { hashToken, isValidSession, SESSION_MS, signSession, verifyPasscode } from './share-secrets';
import { pageFormat, type PageFormat } from './http';
import { stampSharedPage } from './page-stamp';
import type { SharedPageReuse } from './page-reuse';
import {
  logAccess,
  resolveShareLink,
  toAccessLogEntry,
  toSharedPageLink,
  updateShareLink,
  type ShareDeps,
  type ValidLink,
} from './share-links';
import type { ShareLinkRecord } from '../records/record-kinds';

/** Bodies above this are refused before anything is read or stored. */
/**
 * The largest body taken: a form's longest text (2,000 characters) in Chinese or emoji is about
 * 24 KB once url-encoded, so twice that with the other fields to spare.
 */
export const MAX_BODY_BYTES = MAX_FORM_BYTES;
/** Wrong passcodes per link: 5 in 15 minutes lock the link's gate until the oldest leaves the window. */
export const PASSCODE_RULE = { limit: 5, windowMs: 15 * 60_000 } as const;
/** Form posts (feedback, decisions) per link: 20 an hour. */
export const POST_RULE = { limit: 20, windowMs: 60 * 60_000 } as const;
export const SESSION_COOKIE = 'cf_share';
const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

export type ServeSharedPage = (
  deps: { records: RecordStore; now: Date; requestRefresh?: ((projectId: string) => Promise<void>) | undefined },
  link: SharedPageLink,
  request: WebTriggerRequest,
) => Promise<{ response: WebTriggerResponse; event: AccessEvent; reusable?: { lang: Language; format: PageFormat; nonce: string } }>;

export interface GateDeps extends ShareDeps {
  serve: ServeSharedPage;
  /** Asks for the project's data to be derived again in the background (a client's write moved it). */
  requestRefresh?: (projectId: string) => Promise<void>;
  /**
   * Links and rendered pages kept between requests, with the installation the request is for
   * (part of every key: one function instance may serve several sites). Without it, every
   * request resolves and renders afresh.
   */
  pages?: { reuse: SharedPageReuse; installation: string };
}

const STYLE =
  'body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f7f8f9;color:#172b4d}' +
  'main{max-width:32rem;padding:2rem;text-align:center}h1{font-size:1.5rem}label{display:block;margin:1rem 0 .25rem;font-weight:600}' +
  'input{font:inherit;padding:.5rem;border:1px solid #8590a2;border-radius:3px;width:min(100%,18rem);box-sizing:border-box}' +
  'button{font:inherit;margin-top:1rem;padding:.5rem 1rem;border:0;border-radius:3px;background:#0c66e4;color:#fff;cursor:pointer}' +
  '.error{color:#ae2e24}@media (prefers-color-scheme:dark){body{background:#1d2125;color:#b6c2cf}input{background:#22272b;color:#b6c2cf}.error{color:#fd9891}}';

function page(lang: Language, title: string, content: SafeHtml): string {
  return html`<!doctype html>
    <html lang="${lang}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>${title}</title>
        <style>
          ${STYLE}
        </style>
      </head>
      <body>
        <main>
          <h1>${title}</h1>
          ${content}
        </main>
      </body>
    </html>`.value;
}

/** The one "not found" page, in both languages (the link, hence its language, is unknown). */
const NOT_FOUND_BODY = html`<!doctype html>
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width,initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>Link not found · 链接不存在</title>
      <style>
        ${STYLE}
      </style>
    </head>
    <body>
      <main>
        <h1>Link not found</h1>
        <p>This status link does not exist, has expired or was revoked. Ask your project manager for a new link.</p>
        <h1 lang="zh-CN">链接不存在</h1>
        <p lang="zh-CN">此状态链接不存在、已过期或已被撤销。请向您的项目经理索取新链接。</p>
      </main>
    </body>
  </html>`.value;

/** A fresh copy each time, so no caller can change what the next one gets. */
export function notFoundResponse(): WebTriggerResponse {
  return clientHtmlResponse(404, NOT_FOUND_BODY);
}

export function messagePage(
  lang: Language,
  status: number,
  titleKey: 'method' | 'tooLarge' | 'bad' | 'unavailable',
  extra: Record<string, string[]> = {},
) {
  const t = translator(lang, SHARE_MESSAGES);
  return clientHtmlResponse(status, page(lang, t(`sharePage.${titleKey}.title`), html`<p>${t(`sharePage.${titleKey}.body`)}</p>`), extra);
}

function retryPage(lang: Language, kind: 'locked' | 'busy', retryAt: Date, now: Date): WebTriggerResponse {
  const t = translator(lang, SHARE_MESSAGES);
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  const minutes = String(Math.max(1, Math.ceil(seconds / 60)));
  return clientHtmlResponse(429, page(lang, t(`sharePage.${kind}.title`), html`<p>${t(`sharePage.${kind}.body`, { minutes })}</p>`), {
    'Retry-After': [String(seconds)],
  });
}

function gatePage(lang: Language, status: number, wrong: boolean): WebTriggerResponse {
  const t = translator(lang, SHARE_MESSAGES);
  const content = html`<p>${t('sharePage.gate.intro')}</p>
    ${wrong ? html`<p class="error" id="passcode-error" role="alert">${t('sharePage.gate.wrong')}</p>` : ''}
    <form method="post">
      <label for="passcode">${t('sharePage.gate.label')}</label
      ><input
        id="passcode"
        name="passcode"
        type="password"
        autocomplete="off"
        required
        maxlength="128"
        ${wrong ? html` aria-invalid="true" aria-describedby="passcode-error"` : ''}
      /><br /><button type="submit">${t('sharePage.gate.submit')}</button>
    </form>`;
  return clientHtmlResponse(status, page(lang, t('sharePage.gate.title'), content));
}

function header(request: WebTriggerRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, values] of Object.entries(request.headers)) if (key.toLowerCase() === wanted) return values[0];
  return undefined;
}

function cookieValue(request: WebTriggerRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const all = Object.entries(request.headers)
    .filter(([key]) => key.toLowerCase() === 'cookie')
    .flatMap(([, values]) => values.flatMap((v) => v.split(';')));
  for (const part of all) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name || key?.toLowerCase() === wanted) return rest.join('=');
  }
  return undefined;
}

/** `/s/<token>` or `/s/<token>/<rest>` (the leading slash optional): the token, or '' for any other path. */
export function toLinkPath(userPath: string | undefined): { token: string; rest: string } {
  const match = /^\/?s\/([^/?#]{1,200})(\/.*)?$/u.exec(userPath ?? '');
  return match ? { token: match[1] ?? '', rest: match[2] ?? '' } : { token: '', rest: '' };
}

/** The path the link lives at (the cookie's scope and the redirect target). */
function linkPathOf(request: WebTriggerRequest, token: string): string | undefined {
  const path = request.path ?? '';
  const userPath = request.userPath ?? '';
  if (!path.startsWith('/') || userPath === '' || !path.endsWith(userPath.replace(/^\/?/u, ''))) return undefined;
  const base = path.slice(0, path.length - userPath.replace(/^\/?/u, '').length).replace(/\/+$/u, '');
  return `${base}/s/${token}`;
}

function pageLanguage(request: WebTriggerRequest, fallback: Language): Language {
  const asked = request.queryParameters['lang']?.[0];
  return LANGUAGES.find((l) => l === asked) ?? fallback;
}

function formField(body: string, name: string): string | undefined {
  try {
    return new URLSearchParams(body).get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers one request to the status page's web trigger.
 */
export async function handleShareRequest(deps: GateDeps, request: WebTriggerRequest): Promise<WebTriggerResponse> {
  const method = request.method.toUpperCase();
  if (!ALLOWED_METHODS.some((m) => m === method)) {
    return messagePage('en', 405, 'method', { Allow: [ALLOWED_METHODS.join(', ')] });
  }
  const body = request.body ?? '';
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) {
    // No link is resolved for a refused body; the page's forms carry their language.
    const formLang = LANGUAGES.find((l) => l === formField(body, 'lang'));
    return messagePage(pageLanguage(request, formLang ?? 'en'), 413, 'tooLarge');
  }
  const { token } = toLinkPath(request.userPath);
  const cacheKey = deps.pages ? `${deps.pages.installation}\u0000${hashToken(token).toString('hex')}` : undefined;
  if (cacheKey !== undefined && deps.pages && method !== 'POST') {
    const kept = await keptView(deps, deps.pages, cacheKey, request);
    if (kept) return withoutBodyForHead(method, kept);
  }
  const resolved = (cacheKey === undefined ? undefined : await reuseLink(deps, cacheKey)) ?? (await resolveShareLink(deps, token));
  if (resolved.state !== 'valid') return withoutBodyForHead(method, notFoundResponse());
  const { link } = resolved;
  const now = deps.now;
  const lang = pageLanguage(request, link.lang);
  const agent = toCoarseAgent(header(request, 'user-agent'));
  const log = (kind: 'view' | 'feedback' | 'decision' | 'invalid' | 'passcode' | 'form', outcome: 'ok' | 'refused', detail?: string) => {
    const entry = { linkId: link.id, kind, outcome, detail: detail?.slice(0, 60) ?? null, agent };
    return deps.pages
      ? deps.pages.reuse.logAccess(deps.pages.installation, link.projectId, toAccessLogEntry(now, entry))
      : logAccess(deps, link.projectId, entry);
  };

  if (link.passcode !== null && !isValidSession(link.sessionKey, link.id, cookieValue(request, SESSION_COOKIE), now)) {
    if (method !== 'POST') return withoutBodyForHead(method, gatePage(lang, 200, false));
    // Claim the attempt before the (slow) passcode check, in one conditional write: parallel
    // guesses each need a free slot in the window, so no burst gets more than the limit checked.
    const claimed = await claimAttempt(deps.records, link, 'passcodeFailures', now, PASSCODE_RULE);
    if (!claimed.granted) {
      await log('passcode', 'refused', 'locked');
      const lock = assessRateLimit(claimed.link.passcodeFailures, now, PASSCODE_RULE);
      return retryPage(lang, 'locked', lock.retryAt ?? new Date(now.getTime() + PASSCODE_RULE.windowMs), now);
    }
    const given = formField(body, 'passcode') ?? '';
    if (!(await verifyPasscode(given, link.passcode))) {
      await log('passcode', 'refused', 'wrong');
      const after = assessRateLimit(claimed.link.passcodeFailures, now, PASSCODE_RULE);
      return after.limited && after.retryAt ? retryPage(lang, 'locked', after.retryAt, now) : gatePage(lang, 401, true);
    }
    // The right passcode was no failure: give its slot back.
    await updateShareLink(deps.records, link.projectId, link.id, (current) => {
      const index = current.passcodeFailures.lastIndexOf(now.toISOString());
      return index < 0 ? undefined : { ...current, passcodeFailures: current.passcodeFailures.filter((_, i) => i !== index) };
    });
    await log('passcode', 'ok');
    const expiresMs = Math.min(now.getTime() + SESSION_MS, Date.parse(link.expiresAt));
    const linkPath = linkPathOf(request, token);
    const cookie = [
      `${SESSION_COOKIE}=${signSession(link.sessionKey, link.id, expiresMs)}`,
      `Path=${linkPath ?? '/'}`,
      `Max-Age=${String(Math.max(1, Math.floor((expiresMs - now.getTime()) / 1000)))}`,
      'HttpOnly',
      'Secure',
      'SameSite=Lax',
    ].join('; ');
    return clientHtmlResponse(303, '', { Location: [linkPath ?? token], 'Set-Cookie': [cookie] });
  }

  if (method === 'POST') {
    const claimed = await claimAttempt(deps.records, link, 'posts', now, POST_RULE);
    if (!claimed.granted) {
      await log('form', 'refused', 'rate-limited');
      const busy = assessRateLimit(claimed.link.posts, now, POST_RULE);
      return retryPage(lang, 'busy', busy.retryAt ?? new Date(now.getTime() + POST_RULE.windowMs), now);
    }
  }
  const cache = cacheKey === undefined ? undefined : deps.pages?.reuse.cache;
  const { response, event, reusable } = await deps.serve(
    { records: deps.records, now, requestRefresh: deps.requestRefresh },
    resolved.page,
    request,
  );
  await log(event.kind, event.outcome, event.detail);
  if (cache && cacheKey !== undefined && method !== 'POST') {
    if (resolved.stamp === undefined) {
      // Nothing written since stamps began: stamp now, so the next view can reuse its page.
      await stampSharedPage(deps.records, link.projectId);
    } else {
      const variant = reusable && { lang: reusable.lang, format: reusable.format, reusable: { response, nonce: reusable.nonce } };
      cache.remember(cacheKey, { stamp: resolved.stamp, link }, variant);
    }
  }
  return withoutBodyForHead(method, response);
}

/**
 * A view answered from memory: the link kept, still active, its passcode session (if any) valid,
 * the page kept in the language and format asked, and the project's stamp unchanged — checked
 * in the same storage round as the view is logged. Undefined: the caller takes the full path.
 */
async function keptView(
  deps: GateDeps,
  { reuse, installation }: { reuse: SharedPageReuse; installation: string },
  key: string,
  request: WebTriggerRequest,
): Promise<WebTriggerResponse | undefined> {
  const kept = reuse.cache.lookup(key);
  if (!kept || assessLinkStatus(kept.link, deps.now) !== 'active') return undefined;
  const { link } = kept;
  if (link.passcode !== null && !isValidSession(link.sessionKey, link.id, cookieValue(request, SESSION_COOKIE), deps.now)) return undefined;
  const format = pageFormat(request);
  const response = reuse.cache.response(key, kept.stamp, pageLanguage(request, link.lang), format);
  if (!response) return undefined;
  const entry = toAccessLogEntry(deps.now, {
    linkId: link.id,
    kind: 'view',
    outcome: 'ok',
    detail: format === 'json' ? 'json' : null,
    agent: toCoarseAgent(header(request, 'user-agent')),
  });
  if (await reuse.confirmView(installation, link.projectId, kept.stamp, entry)) return response;
  reuse.cache.forget(key);
  return undefined;
}

/**
 * The link a kept entry resolved, if the project's stamp is still the one it was resolved under
 * and the link has not expired since: one small read instead of three. Anything else forgets
 * the entry, and the caller resolves afresh.
 */
async function reuseLink(deps: GateDeps, key: string): Promise<ValidLink | undefined> {
  const reuse = deps.pages?.reuse;
  const kept = reuse?.cache.lookup(key);
  if (!deps.pages || !reuse || !kept) return undefined;
  const stamp = await reuse.readStamp(deps.pages.installation, kept.link.projectId);
  if (stamp !== kept.stamp || assessLinkStatus(kept.link, deps.now) !== 'active') {
    reuse.cache.forget(key);
    return undefined;
  }
  return { state: 'valid', link: kept.link, page: toSharedPageLink(kept.link), stamp };
}

/**
 * Takes one slot of a rate-limited window on the link, in a conditional write (retried on a
 * conflict): granted when the window had room, refused without writing when it was full.
 */
async function claimAttempt(
  records: RecordStore,
  link: ShareLinkRecord,
  field: 'passcodeFailures' | 'posts',
  now: Date,
  rule: { limit: number; windowMs: number },
): Promise<{ granted: boolean; link: ShareLinkRecord }> {
  let granted = false;
  const updated = await updateShareLink(records, link.projectId, link.id, (current) => {
    granted = !assessRateLimit(current[field], now, rule).limited;
    return granted ? { ...current, [field]: withAttempt(current[field], now, rule) } : undefined;
  });
  return { granted, link: updated };
}

function withoutBodyForHead(method: string, response: WebTriggerResponse): WebTriggerResponse {
  return method === 'HEAD' ? { ...response, body: '' } : response;
}
