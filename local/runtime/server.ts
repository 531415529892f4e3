/**
 * The local host: a small Jira-like site that renders the app's Custom UI modules in
 * iframes with a working `window.__bridge`, serves web triggers at local URLs and exposes
 * admin endpoints (run a schedule now, inject faults, list the accounts) for the PM and the
 * tests. Frames run as the account chosen in the host (`user=<accountId>`); the host's own pages
 * read Jira as the site (every project), so any account can open the app and meet its rules.
 * Only requests addressed to the host itself are served (see `request-guard.ts`).
 */
import type { SmtpInbox } from '../mail/smtp-inbox';
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { LANGUAGES } from '../../contract/language';
import type { AccountSummary } from '../jira/accounts';
import { LOCAL_PRODUCT_ORIGIN, type ProductBackend } from './forge-globals';
import { LOCAL_CLOUD_ID, LOCAL_USER, type ExtensionContext, type LocalForge } from './local-forge';
import { allowedHosts, checkLocalRequest } from './request-guard';

export interface LocalControls {
  setJiraFaults?: (plan: unknown) => void;
  setKvsFaults?: (plan: unknown) => void;
  jiraStats?: () => unknown;
  resetStats?: () => void;
}

export interface LocalServerOptions {
  forge: LocalForge;
  product: ProductBackend;
  /** Jira's own page traffic (project list, issue view, frame contexts); defaults to `product`. */
  hostProduct?: ProductBackend;
  rootDir: string;
  port?: number;
  host?: string;
  controls?: LocalControls;
  /** The local inbox, shown on the host's Mail page (`GET /__local/admin/mail`). */
  mail?: SmtpInbox;
  /** The accounts a frame may run as (`GET /__local/admin/users`); default: the PM alone. */
  accounts?: () => readonly AccountSummary[];
}

interface Session {
  context: ExtensionContext;
  createdAt: number;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

const MAX_BODY_BYTES = 1024 * 1024;
/** A body over the limit is read and dropped up to this size, so the client gets its 413 cleanly. */
const DISCARD_BODY_BYTES = 32 * 1024 * 1024;
const MAX_SESSIONS = 500;

const frameQuery = z.object({
  project: z.string().regex(/^[A-Z][A-Z0-9_]*$/u),
  issue: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/u)
    .optional(),
  lang: z.enum(['en', 'zh-CN']).default('en'),
  theme: z.enum(['light', 'dark']).default('light'),
  route: z.string().startsWith('/').max(500).default('/'),
  /** The account the frame runs as; one of `GET /__local/admin/users`, default the PM. */
  user: z.string().min(1).max(200).optional(),
});

/** Paths that act or read for the PM: same-origin requests only. */
const SAME_ORIGIN_ONLY = ['/__local/admin/', '/__local/bridge/', '/__local/jira/', '/__local/frame/'];

const invokeBody = z.object({ functionKey: z.string().min(1), payload: z.unknown().optional() });
const fetchProductBody = z.object({
  restPath: z.string().startsWith('/'),
  fetchRequestInit: z
    .object({ method: z.string().optional(), headers: z.array(z.tuple([z.string(), z.string()])).optional(), body: z.string().nullish() })
    .optional(),
});

export class LocalServer {
  private readonly sessions = new Map<string, Session>();
  private server: Server | undefined;
  private readonly hostDir: string;
  private hosts: ReadonlySet<string> = new Set();

  constructor(private readonly options: LocalServerOptions) {
    this.hostDir = path.join(options.rootDir, 'local', 'host');
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (res.headersSent) {
          res.end();
        } else if (error instanceof RequestError) {
          // A refused request says what was wrong with it; after a body too large, the connection closes.
          if (error.status === 413) res.setHeader('connection', 'close');
          sendJson(res, error.status, { message: error.message });
        } else {
          sendJson(res, 500, { message: error instanceof Error ? error.message : String(error) });
        }
      });
    });
    const server = this.server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        reject(
          error.code === 'EADDRINUSE'
            ? new Error(`port ${String(this.options.port)} is in use; choose another with --port N (0 for any free one)`)
            : error,
        );
      });
      server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', resolve);
    });
    this.hosts = allowedHosts(this.options.host ?? '127.0.0.1', (server.address() as AddressInfo).port);
    return this.url;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('server not listening');
    return `http://${this.options.host ?? '127.0.0.1'}:${address.port}`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (!this.server) return resolve();
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local');
    const p = url.pathname;
    const method = req.method ?? 'GET';

    if (!p.startsWith('/x1/')) {
      const verdict = checkLocalRequest(
        { host: req.headers.host, origin: req.headers.origin, secFetchSite: header(req, 'sec-fetch-site') },
        this.hosts,
        SAME_ORIGIN_ONLY.some((prefix) => p.startsWith(prefix)),
      );
      if (!verdict.ok) return sendJson(res, 403, { code: verdict.code, message: verdict.message });
    }

    if (p === '/__local/health') return sendJson(res, 200, { ok: true });
    if (p === '/__local/modules') {
      // Module names in the host's language (`?lang=`), as Jira shows a module in the viewer's.
      const lang = LANGUAGES.find((candidate) => candidate === url.searchParams.get('lang')) ?? 'en';
      return sendJson(
        res,
        200,
        this.options.forge.uiModules.map((m) => ({ kind: m.kind, key: m.key, title: m.title[lang], label: m.label?.[lang] })),
      );
    }
    if (p === '/__host/tokens.css') return sendCss(res, designTokenCss());
    if (p.startsWith('/__host/')) return this.serveFile(res, this.hostDir, p.slice('/__host/'.length));
    if (p.startsWith('/__local/frame/')) return this.serveFrame(url, res);
    if (p.startsWith('/__local/bridge/') && method === 'POST') return this.bridge(p, req, res);
    if (p.startsWith('/__local/jira/')) return this.hostJira(url, req, res);
    if (p.startsWith('/x1/')) return this.webTrigger(url, req, res);
    if (p.startsWith('/__local/admin/')) return this.admin(p, method, req, res);
    if (method === 'GET') return this.serveFile(res, this.hostDir, 'index.html');
    return sendJson(res, 404, { message: 'Not found' });
  }

  /** A UI module's resource. Its `index.html` gets the bridge injected before any app script. */
  private async serveFrame(url: URL, res: ServerResponse): Promise<void> {
    const [moduleKey, ...rest] = url.pathname.slice('/__local/frame/'.length).split('/');
    const module = this.options.forge.uiModules.find((m) => m.key === moduleKey);
    if (!module) return sendJson(res, 404, { message: `no UI module ${String(moduleKey)}` });
    const resourceDir = path.join(this.options.rootDir, module.resourcePath);
    const file = rest.join('/') || 'index.html';
    if (file !== 'index.html') return this.serveFile(res, resourceDir, file);

    const query = frameQuery.safeParse(Object.fromEntries(url.searchParams));
    if (!query.success) return sendJson(res, 400, { message: z.prettifyError(query.error) });
    const accountId = query.data.user ?? LOCAL_USER.accountId;
    if (!this.accounts().some((account) => account.accountId === accountId)) {
      return sendJson(res, 400, { message: `Unknown account ${accountId}: see GET /__local/admin/users.` });
    }
    const indexFile = path.join(resourceDir, 'index.html');
    if (!existsSync(indexFile)) return sendHtml(res, 503, '<p>The Custom UI is not built yet. Run <code>npm run build:ui</code>.</p>');

    const context = await this.contextFor(module.kind, module.key, query.data, accountId);
    if (!context) return sendHtml(res, 404, '<p>That project or issue does not exist.</p>');
    const sessionId = randomBytes(16).toString('hex');
    if (this.sessions.size >= MAX_SESSIONS) this.sessions.delete(this.sessions.keys().next().value as string);
    this.sessions.set(sessionId, { context, createdAt: Date.now() });

    const boot = { sessionId, context, route: query.data.route };
    const injected = `<script>window.__LOCAL_FORGE__=${scriptJson(boot)};</script><script src="/__host/bridge.js"></script>`;
    const html = readFileSync(indexFile, 'utf8').replace(/<head>/iu, `<head>${injected}`);
    return sendHtml(res, 200, html);
  }

  /** Builds the trusted context from Jira's own records, as the platform would. */
  private async contextFor(
    kind: string,
    moduleKey: string,
    q: z.infer<typeof frameQuery>,
    accountId: string,
  ): Promise<ExtensionContext | undefined> {
    const project = await this.productJson(`/rest/api/3/project/${q.project}`);
    const projectParsed = z.looseObject({ id: z.string(), key: z.string(), projectTypeKey: z.string().optional() }).safeParse(project);
    if (!projectParsed.success) return undefined;
    let issue: ExtensionContext['extension']['issue'];
    if (kind === 'jira:issueContext') {
      if (!q.issue) return undefined;
      const issueJson = z
        .looseObject({
          id: z.string(),
          key: z.string(),
          fields: z.looseObject({ issuetype: z.looseObject({ id: z.string(), name: z.string() }) }),
        })
        .safeParse(await this.productJson(`/rest/api/3/issue/${q.issue}?fields=issuetype,project`));
      if (!issueJson.success) return undefined;
      issue = {
        id: issueJson.data.id,
        key: issueJson.data.key,
        type: issueJson.data.fields.issuetype.name,
        typeId: issueJson.data.fields.issuetype.id,
      };
    }
    return {
      accountId,
      cloudId: LOCAL_CLOUD_ID,
      localId: `ari:cloud:ecosystem::extension/${this.options.forge.manifest.app.id.split('/').pop() ?? 'app'}/local/static/${moduleKey}`,
      moduleKey,
      siteUrl: this.url,
      environmentId: 'local-env',
      environmentType: 'DEVELOPMENT',
      locale: q.lang === 'zh-CN' ? 'zh_CN' : 'en_US',
      timezone: 'UTC',
      theme: { colorMode: q.theme },
      extension: {
        type: kind,
        project: { id: projectParsed.data.id, key: projectParsed.data.key, type: projectParsed.data.projectTypeKey ?? 'software' },
        ...(issue ? { issue } : {}),
      },
    };
  }

  private async productJson(restPath: string): Promise<unknown> {
    const response = await (this.options.hostProduct ?? this.options.product)(new Request(new URL(restPath, LOCAL_PRODUCT_ORIGIN)), {
      type: 'fpp',
      provider: 'user',
      remote: 'jira',
      accountId: LOCAL_USER.accountId,
    });
    return response.ok ? await response.json() : undefined;
  }

  /** `window.__bridge` calls from a frame: the session id names the trusted context. */
  private async bridge(p: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [sessionId, action] = p.slice('/__local/bridge/'.length).split('/');
    const session = this.sessions.get(sessionId ?? '');
    if (!session) return sendJson(res, 401, { message: 'Unknown or expired frame session; reload the page.' });
    const body = parseJsonBody(await readBody(req));
    if (action === 'invoke') {
      const call = invokeBody.safeParse(body);
      if (!call.success) return sendJson(res, 400, { message: z.prettifyError(call.error) });
      try {
        const result = await this.options.forge.invokeResolver(session.context, call.data.functionKey, call.data.payload);
        return sendJson(res, 200, { result: result ?? null });
      } catch (error) {
        // What a Forge resolver that throws looks like to the frame: a rejected invoke.
        return sendJson(res, 500, {
          message: `There was an error invoking the function - ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    }
    if (action === 'fetch-product') {
      const call = fetchProductBody.safeParse(body);
      if (!call.success) return sendJson(res, 400, { message: z.prettifyError(call.error) });
      const init = call.data.fetchRequestInit ?? {};
      const method = (init.method ?? 'GET').toUpperCase();
      const request = new Request(new URL(call.data.restPath, LOCAL_PRODUCT_ORIGIN), {
        method,
        headers: init.headers ?? [],
        ...(method !== 'GET' && init.body ? { body: init.body } : {}),
      });
      const response = await this.options.product(request, {
        type: 'fpp',
        provider: 'user',
        remote: 'jira',
        accountId: session.context.accountId,
      });
      return sendJson(res, 200, {
        status: response.status,
        statusText: response.statusText,
        headers: Object.fromEntries(response.headers.entries()),
        body: await response.text(),
        isAttachment: false,
      });
    }
    return sendJson(res, 404, { message: `bridge action ${String(action)} is not emulated` });
  }

  /** The host's own Jira pages read the product as the local user. */
  private async hostJira(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const restPath = url.pathname.slice('/__local/jira'.length) + url.search;
    const method = req.method ?? 'GET';
    const body = method === 'GET' ? undefined : await readBody(req);
    const response = await (this.options.hostProduct ?? this.options.product)(
      new Request(new URL(restPath, LOCAL_PRODUCT_ORIGIN), {
        method,
        headers: { 'content-type': 'application/json' },
        ...(body ? { body } : {}),
      }),
      { type: 'fpp', provider: 'user', remote: 'jira', accountId: LOCAL_USER.accountId },
    );
    res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await response.arrayBuffer()));
  }

  /**
   * `/x1/<trigger-key>/<userPath>`: a web trigger's local URL. As with Forge's v2 URL format, the
   * path after the trigger's own (`/s/abc` of `/x1/<key>/s/abc`) arrives as `userPath`, with its
   * leading slash; none after the trigger's URL is `''`.
   */
  private async webTrigger(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [triggerKey = '', ...userPath] = url.pathname.slice('/x1/'.length).split('/');
    const headers: Record<string, string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value : [value];
    }
    const queryParameters: Record<string, string[]> = {};
    for (const [name, value] of url.searchParams) (queryParameters[name] ??= []).push(value);
    const response = await this.options.forge.invokeWebTrigger(triggerKey, {
      method: req.method ?? 'GET',
      path: url.pathname,
      userPath: userPath.length > 0 ? `/${userPath.join('/')}` : '',
      headers,
      queryParameters,
      body: await readBody(req),
    });
    const outHeaders: Record<string, string> = {};
    for (const [name, values] of Object.entries(response.headers ?? {})) outHeaders[name] = values.join(', ');
    res.writeHead(response.statusCode, outHeaders);
    res.end(response.body ?? '');
  }

  private async admin(p: string, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const action = p.slice('/__local/admin/'.length);
    const { forge, controls } = this.options;
    if (action === 'invocations' && method === 'GET') return sendJson(res, 200, forge.invocations);
    if (action === 'users' && method === 'GET') return sendJson(res, 200, this.accounts());
    if (action === 'scheduled' && method === 'GET') return sendJson(res, 200, forge.scheduledTriggerKeys());
    if (action.startsWith('scheduled/') && method === 'POST') {
      const key = decodeURIComponent(action.slice('scheduled/'.length));
      if (!forge.scheduledTriggerKeys().includes(key)) return sendJson(res, 404, { message: `no scheduled trigger ${key}` });
      const result = await forge.runScheduledTrigger(key);
      return sendJson(res, 200, { result: result ?? null });
    }
    if (action === 'queue/drain' && method === 'POST') {
      await forge.drainQueue();
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'faults' && method === 'POST') {
      const parsed = z.object({ jira: z.unknown().optional(), kvs: z.unknown().optional() }).safeParse(parseJsonBody(await readBody(req)));
      if (!parsed.success) return sendJson(res, 400, { message: z.prettifyError(parsed.error) });
      const body = parsed.data;
      try {
        if ('jira' in body) controls?.setJiraFaults?.(body.jira);
        if ('kvs' in body) controls?.setKvsFaults?.(body.kvs);
      } catch (error) {
        return sendJson(res, 400, { message: error instanceof z.ZodError ? z.prettifyError(error) : String(error) });
      }
      return sendJson(res, 200, { ok: true });
    }
    if (action === 'mail' && method === 'GET') {
      // The list without bodies; one message whole by its id.
      return sendJson(
        res,
        200,
        (this.options.mail?.list() ?? []).map(({ id, receivedAt, from, to, subject, language, envelope }) => ({
          id,
          receivedAt,
          from,
          to,
          subject,
          language,
          envelope,
        })),
      );
    }
    if (action === 'mail' && method === 'DELETE') {
      this.options.mail?.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (action.startsWith('mail/') && method === 'GET') {
      const message = this.options.mail?.get(decodeURIComponent(action.slice('mail/'.length)));
      return message ? sendJson(res, 200, message) : sendJson(res, 404, { message: 'no such message' });
    }
    if (action === 'jira-stats' && method === 'GET') return sendJson(res, 200, controls?.jiraStats?.() ?? {});
    return sendJson(res, 404, { message: `no admin action ${action}` });
  }

  private accounts(): readonly AccountSummary[] {
    return (
      this.options.accounts?.() ?? [
        { accountId: LOCAL_USER.accountId, displayName: LOCAL_USER.displayName, role: 'pm', globalPermissions: [], projectPermissions: {} },
      ]
    );
  }

  private serveFile(res: ServerResponse, dir: string, relative: string): void {
    const file = path.resolve(dir, decodeURIComponent(relative));
    // Never serve outside the folder, whatever the path says.
    if (!file.startsWith(path.resolve(dir) + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      return sendJson(res, 404, { message: 'Not found' });
    }
    res.writeHead(200, {
      'content-type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...NO_FOREIGN_FRAMING,
    });
    createReadStream(file).pipe(res);
  }
}

/**
 * The design-token CSS Jira applies inside a Custom UI frame when the app calls
 * `view.theme.enable()`: light and dark colour themes plus spacing, typography and shape.
 */
const designTokenCss = (() => {
  let css: string | undefined;
  return () => {
    if (css === undefined) {
      const require = createRequire(import.meta.url);
      css = ['atlassian-light', 'atlassian-dark', 'atlassian-spacing', 'atlassian-typography', 'atlassian-shape']
        .map((theme) => (require(`@atlaskit/tokens/dist/cjs/artifacts/themes/${theme}.js`) as { default: string }).default)
        .join('\n');
    }
    return css;
  };
})();

function sendCss(res: ServerResponse, css: string): void {
  res.writeHead(200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' });
  res.end(css);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/** The host and its frames may only be framed by the host itself (no clickjacking from other pages). */
const NO_FOREIGN_FRAMING = { 'content-security-policy': "frame-ancestors 'self'", 'x-frame-options': 'SAMEORIGIN' };

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...NO_FOREIGN_FRAMING });
  res.end(html);
}

/** JSON safe to embed in a `<script>`: no `</script>` or HTML comment can close it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}

/** A request refused with a 4xx status and a message of our own (never a parser's message). */
class RequestError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/**
 * The request body as text, at most `MAX_BODY_BYTES`. A larger one is read to its end and
 * dropped (up to `DISCARD_BODY_BYTES`; beyond, the request is cut off), then refused with 413:
 * stopping mid-body would reset a connection the client is still writing to, and it would see
 * a reset instead of the answer.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const tooLarge = () => new RequestError(413, `The request body is over the ${String(MAX_BODY_BYTES / 1024 / 1024)} MB limit.`);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (size > DISCARD_BODY_BYTES) {
        reject(tooLarge());
        req.destroy();
      }
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) reject(tooLarge());
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** A JSON body (empty means `{}`); malformed JSON is the client's mistake: 400, not 500. */
function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestError(400, 'The request body is not valid JSON.');
  }
}
