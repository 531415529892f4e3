/**
 * The local Forge platform: installs the SDK globals, reads the manifest and invokes the
 * app's real handlers for resolvers, web triggers, scheduled triggers, product events and
 * the async queue — the same entry points Forge calls.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { APP_ACCOUNT, LOCAL_ACCOUNTS } from '../jira/accounts';
import { installForgeGlobals, type ForgeRequestInit, type KvsBackend, type ProductBackend } from './forge-globals';
import { runAsPrincipal } from './invocation-principal';
import { INTERVAL_MS, loadManifest, splitHandler, uiModules, type Manifest, type UiModule } from './manifest';

export interface LocalUser {
  accountId: string;
  displayName: string;
}

/** The PM who administers the projects: the default account of the host and of test contexts. */
export const LOCAL_USER: LocalUser = { accountId: LOCAL_ACCOUNTS.pm.accountId, displayName: LOCAL_ACCOUNTS.pm.displayName };
export const LOCAL_CLOUD_ID = '00000000-0000-4000-8000-00000000c10d';

/** The trusted context Forge gives a UI module and its resolver. */
export interface ExtensionContext {
  accountId: string;
  cloudId: string;
  localId: string;
  moduleKey: string;
  siteUrl: string;
  environmentId: string;
  environmentType: 'DEVELOPMENT';
  locale: string;
  timezone: string;
  theme: { colorMode: 'light' | 'dark' };
  extension: {
    type: string;
    project: { id: string; key: string; type: string };
    issue?: { id: string; key: string; type: string; typeId: string };
  };
}

export interface WebTriggerRequestJson {
  method: string;
  path: string;
  userPath: string;
  headers: Record<string, string[]>;
  queryParameters: Record<string, string[]>;
  body: string;
}

export interface WebTriggerResponseJson {
  statusCode: number;
  headers?: Record<string, string[]>;
  body?: string;
}

export interface InvocationRecord {
  kind: 'resolver' | 'webtrigger' | 'scheduled' | 'trigger' | 'consumer';
  key: string;
  ok: boolean;
  ms: number;
  /** The invoking user (resolvers only; the other kinds run without a user). */
  accountId?: string;
  error?: string;
}

export interface LocalForgeOptions {
  rootDir: string;
  kvs: KvsBackend;
  product: ProductBackend;
  /** Where the app's handler modules are imported from: `src` by default. */
  appDir?: string;
  siteUrl?: string;
}

type Handler = (...args: unknown[]) => unknown;

/** What the platform knows about a product event beyond its payload. */
export interface ProductEventOrigin {
  /** The change was made by the app itself (`asApp`). */
  byApp?: boolean;
  /** Every field of the issue after the change, for `payload.include.fields`. */
  issueFields?: Readonly<Record<string, unknown>>;
}

/** The event with `include` fields added to `issue.fields` (a copy; the event is not changed). */
function withIncludedFields(
  event: { eventType: string } & Record<string, unknown>,
  include: readonly string[],
  issueFields: Readonly<Record<string, unknown>> | undefined,
): { eventType: string } & Record<string, unknown> {
  const issue = event['issue'];
  if (include.length === 0 || !issueFields || typeof issue !== 'object' || issue === null) return event;
  const current = (issue as { fields?: unknown }).fields;
  const fields: Record<string, unknown> = typeof current === 'object' && current !== null ? { ...current } : {};
  for (const id of include) if (id in issueFields && !(id in fields)) fields[id] = structuredClone(issueFields[id]);
  return { ...event, issue: { ...issue, fields } };
}

const QUEUE_PUBLISH = /^\/webhook\/queue\/publish\//u;
const GRAPHQL_REQUEST = z.looseObject({
  query: z.string(),
  variables: z.looseObject({ input: z.looseObject({ triggerKey: z.string() }).optional() }).optional(),
});

export class LocalForge {
  readonly manifest: Manifest;
  readonly uiModules: UiModule[];
  readonly invocations: InvocationRecord[] = [];
  /** The last product events delivered to triggers, as each trigger got it (oldest first, at most 100). */
  readonly deliveredEvents: { triggerKey: string; event: { eventType: string } & Record<string, unknown> }[] = [];
  private readonly handlers = new Map<string, Handler>();
  private readonly extraWebTriggers = new Map<string, string>();
  private readonly pendingQueue = new Set<Promise<void>>();
  private readonly timers: NodeJS.Timeout[] = [];
  private uninstall: (() => void) | undefined;

  private constructor(private readonly options: LocalForgeOptions) {
    this.manifest = loadManifest(path.join(options.rootDir, 'manifest.yml'));
    this.uiModules = uiModules(this.manifest, options.rootDir);
  }

  static readManifest(rootDir: string): Promise<Manifest> {
    return Promise.resolve(loadManifest(path.join(rootDir, 'manifest.yml')));
  }

  /** Installs the platform globals and imports every handler the manifest declares. */
  static async start(options: LocalForgeOptions): Promise<LocalForge> {
    const forge = new LocalForge(options);
    forge.uninstall = installForgeGlobals({
      kvs: options.kvs,
      product: options.product,
      platform: (p, init) => forge.platform(p, init),
      appId: forge.manifest.app.id,
    });
    await forge.loadHandlers();
    return forge;
  }

  get entities() {
    return this.manifest.app.storage?.entities ?? [];
  }

  private async loadHandlers(): Promise<void> {
    const appDir = this.options.appDir ?? path.join(this.options.rootDir, 'src');
    const modules = new Map<string, Record<string, unknown>>();
    for (const fn of this.manifest.modules.function) {
      const { file, exportName } = splitHandler(fn.handler);
      let mod = modules.get(file);
      if (!mod) {
        mod = (await import(pathToFileURL(path.join(appDir, `${file}.ts`)).href)) as Record<string, unknown>;
        modules.set(file, mod);
      }
      const handler = mod[exportName];
      if (typeof handler !== 'function') throw new Error(`manifest: function ${fn.key} handler ${fn.handler} is not an exported function`);
      this.handlers.set(fn.key, handler as Handler);
    }
  }

  private handler(functionKey: string): Handler {
    const handler = this.handlers.get(functionKey);
    if (!handler) throw new Error(`manifest has no function ${functionKey}`);
    return handler;
  }

  /**
   * Runs one invocation for its principal (the user, or nobody) and logs it. The principal is set
   * here for every kind, so work started inside a resolver (a queue job, a product event) never
   * inherits the resolver's user.
   */
  private async record(kind: InvocationRecord['kind'], key: string, run: () => unknown, accountId?: string): Promise<unknown> {
    const started = performance.now();
    const who = accountId !== undefined ? { accountId } : {};
    try {
      const result = await runAsPrincipal(who, run);
      this.invocations.push({ kind, key, ok: true, ms: performance.now() - started, ...who });
      return result;
    } catch (error) {
      this.invocations.push({ kind, key, ok: false, ms: performance.now() - started, ...who, error: String(error) });
      throw error;
    } finally {
      if (this.invocations.length > 500) this.invocations.splice(0, this.invocations.length - 500);
    }
  }

  uiModule(moduleKey: string): UiModule {
    const module = this.uiModules.find((m) => m.key === moduleKey);
    if (!module) throw new Error(`manifest has no UI module ${moduleKey}`);
    return module;
  }

  /** Calls a UI module's resolver the way Forge does: `{ call, context }` plus the runtime payload. */
  async invokeResolver(context: ExtensionContext, functionKey: string, payload: unknown): Promise<unknown> {
    const module = this.uiModule(context.moduleKey);
    if (!module.resolverFunction) throw new Error(`module ${module.key} has no resolver`);
    const handler = this.handler(module.resolverFunction);
    const { accountId, ...rest } = context;
    return this.record(
      'resolver',
      functionKey,
      () =>
        handler(
          { call: { functionKey, payload }, context: rest },
          { principal: { accountId }, installContext: `ari:cloud:jira::site/${context.cloudId}` },
        ),
      accountId,
    );
  }

  /**
   * A web trigger outside the manifest, served like the app's own (for the benches: the minimal
   * trigger the status page is compared with). Its function runs with the same platform globals.
   */
  addWebTrigger(triggerKey: string, handler: (request: WebTriggerRequestJson) => Promise<WebTriggerResponseJson>): void {
    if (this.manifest.modules.webtrigger.some((t) => t.key === triggerKey)) throw new Error(`web trigger ${triggerKey} exists`);
    const functionKey = `extra-${triggerKey}`;
    this.handlers.set(functionKey, handler as Handler);
    this.extraWebTriggers.set(triggerKey, functionKey);
  }

  async invokeWebTrigger(triggerKey: string, request: WebTriggerRequestJson): Promise<WebTriggerResponseJson> {
    const trigger = this.manifest.modules.webtrigger.find((t) => t.key === triggerKey);
    const functionKey = trigger?.function ?? this.extraWebTriggers.get(triggerKey);
    if (!functionKey) return { statusCode: 404, headers: { 'Content-Type': ['text/plain'] }, body: 'Not found' };
    const handler = this.handler(functionKey);
    // Only the v2 URL format passes the path after the trigger's URL (`userPath`); extra triggers get it too.
    const { userPath, ...v1Request } = request;
    const delivered = trigger === undefined || trigger.urlFormat === 'v2' ? { ...v1Request, userPath } : v1Request;
    return (await this.record('webtrigger', triggerKey, () =>
      handler(delivered, { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` }),
    )) as WebTriggerResponseJson;
  }

  scheduledTriggerKeys(): string[] {
    return this.manifest.modules.scheduledTrigger.map((t) => t.key);
  }

  async runScheduledTrigger(triggerKey: string): Promise<unknown> {
    const trigger = this.manifest.modules.scheduledTrigger.find((t) => t.key === triggerKey);
    if (!trigger) throw new Error(`manifest has no scheduled trigger ${triggerKey}`);
    const handler = this.handler(trigger.function);
    return this.record('scheduled', triggerKey, () =>
      handler(
        { context: { cloudId: LOCAL_CLOUD_ID, moduleKey: triggerKey }, contextToken: 'local' },
        { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` },
      ),
    );
  }

  /** Runs every scheduled trigger on its interval until `stop()`. */
  startSchedules(): void {
    for (const trigger of this.manifest.modules.scheduledTrigger) {
      const timer = setInterval(() => {
        this.runScheduledTrigger(trigger.key).catch(() => undefined);
      }, INTERVAL_MS[trigger.interval]);
      timer.unref();
      this.timers.push(timer);
    }
  }

  /**
   * Delivers a product event to every trigger subscribed to its type, as Forge does:
   * - a trigger with `filter.ignoreSelf` does not get events caused by the app's own writes
   *   (`asApp`); `origin.byApp` says so, else an `atlassianId` of the app's account;
   * - a trigger with `payload.include.fields` gets those fields of the issue on top of the
   *   documented ones, taken from `origin.issueFields` (the issue as it is after the change).
   * @returns how many triggers were invoked.
   */
  async fireProductEvent(event: { eventType: string } & Record<string, unknown>, origin: ProductEventOrigin = {}): Promise<number> {
    const byApp = origin.byApp ?? event['atlassianId'] === APP_ACCOUNT.accountId;
    const triggers = this.manifest.modules.trigger.filter(
      (t) => t.events.includes(event.eventType) && !(t.filter?.ignoreSelf === true && byApp),
    );
    for (const trigger of triggers) {
      const handler = this.handler(trigger.function);
      const delivered = {
        ...withIncludedFields(event, trigger.payload?.include.fields ?? [], origin.issueFields),
        atlassianId: typeof event['atlassianId'] === 'string' ? event['atlassianId'] : LOCAL_USER.accountId,
      };
      this.deliveredEvents.push({ triggerKey: trigger.key, event: structuredClone(delivered) });
      if (this.deliveredEvents.length > 100) this.deliveredEvents.splice(0, this.deliveredEvents.length - 100);
      await this.record('trigger', trigger.key, () => handler(delivered, { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` }));
    }
    return triggers.length;
  }

  /**
   * Delivers a product event in the background, as Jira does after answering the change that
   * caused it; `drainQueue()` waits for the delivery too.
   */
  dispatchProductEvent(event: { eventType: string } & Record<string, unknown>, origin: ProductEventOrigin = {}): void {
    const job = this.fireProductEvent(event, origin).then(
      () => undefined,
      () => undefined,
    );
    this.pendingQueue.add(job);
    void job.finally(() => this.pendingQueue.delete(job));
  }

  /** Waits until the async queue and product-event deliveries are done, including events pushed by consumers. */
  async drainQueue(): Promise<void> {
    while (this.pendingQueue.size > 0) await Promise.allSettled([...this.pendingQueue]);
  }

  /**
   * Where the web triggers are served (`<origin>/x1/<key>`): the host server's URL once it
   * listens, as `webTrigger.getUrl` answers it.
   */
  webTriggerOrigin = 'http://127.0.0.1';

  /** Forge platform endpoints the SDKs call through stargate: queue publishing, web-trigger URLs. */
  private platform(requestPath: string, init: ForgeRequestInit): Promise<Response> {
    if (QUEUE_PUBLISH.test(requestPath)) return Promise.resolve(this.publish(typeof init.body === 'string' ? init.body : '{}'));
    if (requestPath === '/graphql') return Promise.resolve(this.graphql(typeof init.body === 'string' ? init.body : '{}'));
    return Promise.resolve(new Response(JSON.stringify({ message: `not emulated: ${requestPath}` }), { status: 404 }));
  }

  /** `webTrigger.getUrl(key)`: the `createWebTriggerUrl` mutation, answered with the trigger's local URL. */
  private graphql(body: string): Response {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const request = GRAPHQL_REQUEST.safeParse(json);
    const key = request.success ? request.data.variables?.input?.triggerKey : undefined;
    if (!request.success || !request.data.query.includes('createWebTriggerUrl') || key === undefined) {
      return new Response(JSON.stringify({ errors: [{ message: 'not emulated locally' }] }), { status: 400 });
    }
    if (!this.manifest.modules.webtrigger.some((t) => t.key === key)) {
      return new Response(JSON.stringify({ data: null, errors: [{ message: `no web trigger ${key}` }] }), { status: 200 });
    }
    const url = `${this.webTriggerOrigin}/x1/${encodeURIComponent(key)}`;
    return new Response(JSON.stringify({ data: { createWebTriggerUrl: { url } } }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  }

  private publish(body: string): Response {
    const request = JSON.parse(body) as { queueName?: string; jobId?: string; payload?: { body?: unknown; delayInSeconds?: number }[] };
    const consumers = this.manifest.modules.consumer.filter((c) => c.queue === request.queueName);
    if (consumers.length === 0)
      return new Response(JSON.stringify({ errorMessage: `no consumer for queue ${request.queueName ?? '(none)'}` }), { status: 400 });
    for (const event of request.payload ?? []) {
      for (const consumer of consumers) {
        const handler = this.handler(consumer.function);
        const delayMs = (event.delayInSeconds ?? 0) * 1000;
        const job = new Promise<void>((resolve) => setTimeout(resolve, delayMs))
          .then(() =>
            this.record('consumer', consumer.key, () =>
              handler(
                {
                  body: event.body,
                  queueName: request.queueName,
                  jobId: request.jobId,
                  eventId: randomUUID(),
                  retryContext: { retryCount: 0 },
                },
                { installContext: `ari:cloud:jira::site/${LOCAL_CLOUD_ID}` },
              ),
            ),
          )
          .then(
            () => undefined,
            () => undefined,
          );
        this.pendingQueue.add(job);
        void job.finally(() => this.pendingQueue.delete(job));
      }
    }
    return new Response(JSON.stringify({}), { status: 201, headers: { 'content-type': 'application/json' } });
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.uninstall?.();
  }
}
