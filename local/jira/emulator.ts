/**
 * A Jira Cloud REST v3 emulator over loaded datasets: the subset this app calls, with Jira's
 * shapes, paging rules, page caps, error bodies, product events, fault injection and usage
 * accounting. Requests and responses are standard fetch objects; the origin is ignored.
 */
import { Buffer } from 'node:buffer';
import { z } from 'zod';
import { LOCAL_ACCOUNT_LIST, findLocalAccount, toAccountSummary, type AccountSummary, type LocalAccount } from './accounts';
import type { Dataset, DatasetField, DatasetHistory, DatasetIssue } from './dataset';
import { JiraCaller } from './jira-caller';
import { JIRA_PERMISSIONS, isJiraPermissionKey, type JiraPermissionKey } from './jira-permissions';
import { JqlError, assertBoundedJql, compileJql, parseJql, type IndexedIssueProperty, type JqlContext } from './jql';
import { SeededRandom } from './seeded-random';
import { DEFAULT_SITE_URL, parseJiraTimestamp, toJiraTimestamp, userJson, type JsonObject } from './site-catalog';

export interface JiraFaultPlan {
  /** Share of requests answered 429 with Retry-After (0..1). */
  rateLimitShare?: number;
  retryAfterSeconds?: number;
  /** Share of requests answered 503 (0..1). */
  serverErrorShare?: number;
  latencyMs?: number;
  /** Every request fails with 503. */
  failAll?: boolean;
  seed?: number;
}

export type IssueEventType = 'avi:jira:created:issue' | 'avi:jira:updated:issue' | 'avi:jira:deleted:issue';

export type IssueEventChangeItem = {
  field: string;
  fieldtype: string;
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
};

/** The Forge product-event payload for Jira issue events (a type alias, so it is a plain record). */
export type IssueEvent = {
  eventType: IssueEventType;
  issue: {
    id: string;
    key: string;
    fields: { project: { id: string; key: string; [key: string]: unknown }; [key: string]: unknown };
  };
  changelog?: { id: string; items: IssueEventChangeItem[] };
  atlassianId?: string;
  associatedUsers?: { accountId: string }[];
};

/** The issue fields Forge documents on issue events; others only by `payload.include.fields`. */
export const EVENT_ISSUE_FIELDS = ['summary', 'issuetype', 'creator', 'created', 'project', 'reporter', 'assignee', 'updated', 'status'];

export type IssueLinkEventType = 'avi:jira:created:issuelink' | 'avi:jira:deleted:issuelink';

/**
 * The Forge product-event payload for an issue link made or removed: the link's id, its source
 * ("from", the outward issue of the request: the one that *blocks*) and destination issue and
 * project ids, and its type. Jira writes "Link" changelog entries on both issues but fires no
 * issue-updated event for them.
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-link-events
 */
export type IssueLinkEvent = {
  eventType: IssueLinkEventType;
  id: string;
  sourceIssueId: string;
  destinationIssueId: string;
  sourceProjectId: string;
  destinationProjectId: string;
  issueLinkType: { id: string; name: string; inward: string; outward: string };
  atlassianId?: string;
};

/** What the platform knows of an issue event beyond its payload (see `LocalForge.fireProductEvent`). */
export interface IssueEventOrigin {
  /** Made by the app (`asApp`): not delivered to triggers with `filter.ignoreSelf`. */
  byApp: boolean;
  /** Every field of the issue after the change (before it, for a deletion). */
  issueFields: Record<string, unknown>;
}

export interface JiraEmulatorOptions {
  datasets: Dataset[];
  now?: () => Date;
  faults?: JiraFaultPlan;
  onIssueEvent?: (event: IssueEvent, origin: IssueEventOrigin) => void;
  /** Issue links made or removed (`POST /issueLink`, `DELETE /issueLink/{id}`); `byApp` as for issue events. */
  onIssueLinkEvent?: (event: IssueLinkEvent, origin: { byApp: boolean }) => void;
  /** Answer 401 when this returns false (default: every request is authenticated). */
  authorize?: (request: Request) => boolean;
  /** The site's user accounts, which `asUser` requests run as (default: `LOCAL_ACCOUNT_LIST`). */
  accounts?: readonly LocalAccount[];
  /**
   * Jira's per-issue write limit: at most `writes` writes to one issue within `windowMs`, then
   * 429 with `RateLimit-Reason: jira-per-issue-on-write` (default 20 per 2 s; null: off).
   */
  perIssueWriteLimit?: { writes: number; windowMs: number } | null;
  /**
   * Issue property values JQL can search (the app manifest's `jira:entityProperty`): Jira only
   * indexes what an installed app declares.
   */
  issueProperties?: readonly IndexedIssueProperty[];
  /** Clock for the rate windows (default `performance.now`), apart from the data's `now`. */
  monotonicNow?: () => number;
}

/** Jira Cloud's per-issue write limit. @see https://developer.atlassian.com/cloud/jira/platform/rate-limiting/ */
export const PER_ISSUE_WRITE_LIMIT = { writes: 20, windowMs: 2000 } as const;

/** Who one request runs as; see `JiraEmulator.handle`. */
export interface JiraRequestOptions {
  /** Jira's own page traffic (the local host): sees every project, neither faulted nor counted. */
  asHost?: boolean;
  /** An `asUser` request: answered with this account's permissions. Absent: the app (`asApp`). */
  accountId?: string;
}

export interface EndpointStats {
  calls: number;
  bytes: number;
}

export interface JiraEmulatorStats {
  byEndpoint: Record<string, EndpointStats>;
  totalCalls: number;
  totalBytes: number;
  rateLimitPoints: number;
}

/** Page caps of the enhanced search: 5000 for id/key-only requests, 100 otherwise. */
export const SEARCH_MAX_RESULTS_ID_ONLY = 5000;
export const SEARCH_MAX_RESULTS_WITH_FIELDS = 100;
export const SEARCH_DEFAULT_MAX_RESULTS = 50;
/** Histories embedded by `expand=changelog` in search results; the rest needs bulkfetch. */
export const SEARCH_CHANGELOG_LIMIT = 40;
export const ISSUE_CHANGELOG_LIMIT = 100;
export const BULK_CHANGELOG_MAX_ISSUES = 1000;
export const PROPERTY_VALUE_MAX_BYTES = 32768;

const NO_ISSUE = 'Issue does not exist or you do not have permission to see it.';
const noProject = (key: string) => `No project could be found with key '${key}'.`;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { errorMessages: string[]; errors: Record<string, string> },
  ) {
    super(body.errorMessages[0] ?? Object.values(body.errors)[0] ?? `HTTP ${status}`);
  }
}

function fail(status: number, message: string, errors: Record<string, string> = {}): never {
  throw new HttpError(status, { errorMessages: message ? [message] : [], errors });
}

interface StoredIssue {
  json: DatasetIssue;
  /** Oldest first. */
  histories: DatasetHistory[];
  projectKey: string;
}

interface FieldSelection {
  idOnly: boolean;
  includeKey: boolean;
  has: (fieldId: string) => boolean;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  points?: number;
}

const SearchBodySchema = z.looseObject({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.number().int().optional(),
  fields: z.array(z.string()).optional(),
  expand: z.union([z.string(), z.array(z.string())]).optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number()).max(50).optional(),
});

const BulkChangelogBodySchema = z.object({
  issueIdsOrKeys: z.array(z.string()).min(1).max(BULK_CHANGELOG_MAX_ISSUES),
  fieldIds: z.array(z.string()).max(10).optional(),
  maxResults: z.number().int().min(1).max(10000).optional(),
  nextPageToken: z.string().nullish(),
});

const CreateIssueBodySchema = z.looseObject({
  fields: z.record(z.string(), z.unknown()),
  update: z.record(z.string(), z.unknown()).optional(),
});

const EditIssueBodySchema = z.looseObject({
  fields: z.record(z.string(), z.unknown()).optional(),
  update: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
});

const LinkedIssueRefSchema = z.looseObject({ id: z.string().optional(), key: z.string().optional() });

/** `LinkIssueRequestJsonBean`; a link comment is not emulated. */
const LinkIssueBodySchema = z.looseObject({
  type: z.looseObject({ id: z.string().optional(), name: z.string().optional() }),
  inwardIssue: LinkedIssueRefSchema,
  outwardIssue: LinkedIssueRefSchema,
  comment: z.unknown().optional(),
});

const CommentBodySchema = z.looseObject({
  body: z.looseObject({ type: z.literal('doc'), version: z.number(), content: z.array(z.unknown()) }),
  visibility: z.looseObject({}).optional(),
});

const NotifyBodySchema = z.looseObject({
  subject: z.string().optional(),
  textBody: z.string().optional(),
  htmlBody: z.string().optional(),
  to: z
    .looseObject({
      reporter: z.boolean().optional(),
      assignee: z.boolean().optional(),
      watchers: z.boolean().optional(),
      voters: z.boolean().optional(),
      users: z.array(z.looseObject({ accountId: z.string() })).optional(),
      groups: z.array(z.looseObject({})).optional(),
      groupIds: z.array(z.string()).optional(),
    })
    .optional(),
});

/** What `POST /issue/{key}/notify` would have e-mailed: kept by the emulator for tests and the local UI. */
export interface SentNotification {
  issueKey: string;
  subject: string;
  textBody: string;
  /** Account ids it would go to (`to.users`, plus the reporter/assignee when asked for). */
  to: string[];
  sentBy: string;
  at: string;
}

function encodeToken(payload: object): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeToken<T>(token: string, schema: z.ZodType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function hashText(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

const PageTokenSchema = z.object({ o: z.number().int().min(0), h: z.string() });

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * The text of an id, key or name from parsed JSON, where Jira sends strings or numbers. Objects and
 * arrays have no such text (`String` would give "[object Object]"), so they yield `undefined`.
 */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function splitList(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

/** POST endpoints that only read. */
const READ_ONLY_POSTS = ['/search/jql', '/search/approximate-count', '/changelog/bulkfetch'];

/**
 * Fix-version changes as Jira records them: one "Fix Version" item per version removed (`from`)
 * and per version added (`to`), never the whole list.
 */
/** A "Link" changelog item as Jira writes it: the linked issue's key, and how this issue relates to it. */
function linkItem(fromKey: string | null, text: string, toKey: string | null): IssueEventChangeItem {
  return {
    field: 'Link',
    fieldtype: 'jira',
    fieldId: 'issuelinks',
    from: fromKey,
    fromString: fromKey === null ? null : text,
    to: toKey,
    toString: toKey === null ? null : text,
  };
}

function versionItems(before: unknown, after: unknown): IssueEventChangeItem[] {
  const versions = (value: unknown) =>
    (Array.isArray(value) ? value : []).flatMap((v) => {
      const id = scalarText(asRecord(v)?.['id']);
      return id === undefined ? [] : [{ id, name: scalarText(asRecord(v)?.['name']) ?? id }];
    });
  const old = versions(before);
  const next = versions(after);
  const item = (from: { id: string; name: string } | null, to: { id: string; name: string } | null): IssueEventChangeItem => ({
    field: 'Fix Version',
    fieldtype: 'jira',
    fieldId: 'fixVersions',
    from: from?.id ?? null,
    fromString: from?.name ?? null,
    to: to?.id ?? null,
    toString: to?.name ?? null,
  });
  return [
    ...old.filter((v) => !next.some((n) => n.id === v.id)).map((v) => item(v, null)),
    ...next.filter((v) => !old.some((o) => o.id === v.id)).map((v) => item(null, v)),
  ];
}

export class JiraEmulator {
  readonly datasets: Dataset[];
  private readonly now: () => Date;
  private readonly onIssueEvent: ((event: IssueEvent, origin: IssueEventOrigin) => void) | undefined;
  private readonly onIssueLinkEvent: ((event: IssueLinkEvent, origin: { byApp: boolean }) => void) | undefined;
  private readonly authorize: ((request: Request) => boolean) | undefined;
  private readonly accounts: readonly LocalAccount[];
  private readonly site = DEFAULT_SITE_URL;
  private readonly issuesById = new Map<string, StoredIssue>();
  private readonly idByKey = new Map<string, string>();
  private readonly properties = new Map<string, Map<string, unknown>>();
  private readonly fields: DatasetField[] = [];
  private readonly fieldById = new Map<string, DatasetField>();
  private readonly statuses: JsonObject[] = [];
  private readonly priorities: JsonObject[] = [];
  private readonly linkTypes: JsonObject[] = [];
  private faults: JiraFaultPlan | undefined;
  private faultRng = new SeededRandom(1);
  private usage: JiraEmulatorStats = { byEndpoint: {}, totalCalls: 0, totalBytes: 0, rateLimitPoints: 0 };
  private nextHistoryId = 900_000_000;
  private nextCommentId = 900_000_000;
  /** Every notification `notify` accepted, oldest first. */
  readonly notifications: SentNotification[] = [];

  constructor(options: JiraEmulatorOptions) {
    this.datasets = options.datasets;
    this.now = options.now ?? (() => new Date());
    this.onIssueEvent = options.onIssueEvent;
    this.onIssueLinkEvent = options.onIssueLinkEvent;
    this.authorize = options.authorize;
    this.accounts = options.accounts ?? LOCAL_ACCOUNT_LIST;
    const seen = { field: new Set<string>(), status: new Set<string>(), priority: new Set<string>(), link: new Set<string>() };
    const addUnique = <T extends JsonObject>(target: T[], set: Set<string>, items: readonly T[] | undefined) => {
      for (const item of items ?? []) {
        const id = String(item['id']);
        if (set.has(id)) continue;
        set.add(id);
        target.push(item);
      }
    };
    for (const dataset of this.datasets) {
      addUnique(this.fields, seen.field, dataset.fields);
      addUnique(this.statuses, seen.status, dataset.statuses);
      addUnique(this.priorities, seen.priority, dataset.priorities);
      addUnique(this.linkTypes, seen.link, dataset.issueLinkTypes);
      for (const issue of dataset.issues) this.store(issue, dataset.project.key);
    }
    for (const field of this.fields) this.fieldById.set(field.id, field);
    this.setFaults(options.faults);
    this.perIssueWriteLimit = options.perIssueWriteLimit === undefined ? PER_ISSUE_WRITE_LIMIT : options.perIssueWriteLimit;
    this.monotonicNow = options.monotonicNow ?? (() => performance.now());
    this.issueProperties = options.issueProperties ?? [];
  }

  private readonly issueProperties: readonly IndexedIssueProperty[];

  private readonly perIssueWriteLimit: { writes: number; windowMs: number } | null;
  private readonly monotonicNow: () => number;
  /** Issue id → times of its recent writes, oldest first. */
  private readonly issueWrites = new Map<string, number[]>();

  /**
   * A write to one issue beyond the per-issue limit gets 429 and `Retry-After` (whole seconds
   * until the oldest write of the window leaves it); the refused write does not count.
   */
  private perIssueWriteRefusal(method: string, path: string): Reply | null {
    const limit = this.perIssueWriteLimit;
    if (!limit || method === 'GET') return null;
    const match = /^\/rest\/api\/3\/issue\/([^/]+)(?:\/(?:properties\/[^/]+|comment|transitions))?\/?$/u.exec(path);
    const idOrKey = match?.[1];
    if (idOrKey === undefined) return null;
    const decoded = decodeURIComponent(idOrKey);
    const id = this.idByKey.get(decoded.toUpperCase()) ?? decoded;
    if (!this.issuesById.has(id)) return null;
    const now = this.monotonicNow();
    const recent = (this.issueWrites.get(id) ?? []).filter((t) => t > now - limit.windowMs);
    if (recent.length >= limit.writes) {
      this.issueWrites.set(id, recent);
      const waitMs = (recent[0] ?? now) + limit.windowMs - now;
      return {
        status: 429,
        body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
        headers: { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))), 'RateLimit-Reason': 'jira-per-issue-on-write' },
        points: 0,
      };
    }
    recent.push(now);
    this.issueWrites.set(id, recent);
    return null;
  }

  private store(issue: DatasetIssue, projectKey: string): StoredIssue {
    const histories = [...(issue.changelog?.histories ?? [])].sort(
      (a, b) => parseJiraTimestamp(a.created) - parseJiraTimestamp(b.created) || Number(a.id) - Number(b.id),
    );
    const stored: StoredIssue = { json: issue, histories, projectKey };
    this.issuesById.set(issue.id, stored);
    this.idByKey.set(issue.key.toUpperCase(), issue.id);
    return stored;
  }

  setFaults(plan?: JiraFaultPlan): void {
    this.faults = plan;
    this.faultRng = new SeededRandom(plan?.seed ?? 1);
  }

  stats(): JiraEmulatorStats {
    return structuredClone(this.usage);
  }

  resetStats(): void {
    this.usage = { byEndpoint: {}, totalCalls: 0, totalBytes: 0, rateLimitPoints: 0 };
  }

  /** The site's accounts with their permission keys in each project served. */
  accountSummaries(): AccountSummary[] {
    const projectKeys = this.datasets.map((d) => d.project.key);
    return this.accounts.map((account) => toAccountSummary(account, projectKeys));
  }

  /**
   * Answers one REST request. `asHost` marks Jira's own page traffic (the local host rendering
   * projects and issues): it is neither faulted nor counted, since injected faults and the
   * call statistics are about the app's calls to Jira. `accountId` makes it an `asUser` request:
   * projects and issues the account cannot browse are invisible (404, filtered from searches) and
   * writes need the matching permission (403); without one it is the app, which sees everything.
   */
  async handle(request: Request, options: JiraRequestOptions = {}): Promise<Response> {
    const url = new URL(request.url, this.site);
    const method = request.method.toUpperCase();
    if (method !== 'GET' && !READ_ONLY_POSTS.some((suffix) => url.pathname.endsWith(suffix))) this.generation += 1;
    const route = this.route(method, url.pathname);
    const endpoint = `${method} ${route?.template ?? url.pathname}`;
    let reply: Reply;
    const fault = options.asHost ? null : ((await this.injectFault()) ?? this.perIssueWriteRefusal(method, url.pathname));
    const caller = this.callerFor(options);
    if (fault) {
      reply = fault;
    } else if (!caller || (this.authorize && !this.authorize(request))) {
      reply = {
        status: 401,
        body: { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} },
      };
    } else if (!route) {
      reply = {
        status: 404,
        body: { errorMessages: [`No resource found for ${method} ${url.pathname} in the Jira emulator.`], errors: {} },
      };
    } else {
      try {
        reply = await route.run(url, request, caller);
      } catch (error) {
        if (error instanceof HttpError) reply = { status: error.status, body: error.body };
        else if (error instanceof JqlError) reply = { status: 400, body: error.toJiraBody() };
        else throw error;
      }
    }
    const text = reply.body === undefined ? null : JSON.stringify(reply.body);
    const bytes = text === null ? 0 : Buffer.byteLength(text);
    if (!options.asHost) {
      const entry = (this.usage.byEndpoint[endpoint] ??= { calls: 0, bytes: 0 });
      entry.calls += 1;
      entry.bytes += bytes;
      this.usage.totalCalls += 1;
      this.usage.totalBytes += bytes;
      this.usage.rateLimitPoints += reply.points ?? 1;
    }
    const headers = new Headers(reply.headers);
    if (text !== null) headers.set('content-type', 'application/json;charset=UTF-8');
    return new Response(text, { status: reply.status, headers });
  }

  private async injectFault(): Promise<Reply | null> {
    const plan = this.faults;
    if (!plan) return null;
    if (plan.latencyMs && plan.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, plan.latencyMs));
    if (plan.failAll) return { status: 503, body: { errorMessages: ['Service unavailable (injected fault).'], errors: {} }, points: 0 };
    const roll = this.faultRng.next();
    const rateShare = plan.rateLimitShare ?? 0;
    if (roll < rateShare) {
      const retryAfter = String(plan.retryAfterSeconds ?? 1);
      return {
        status: 429,
        body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
        headers: { 'Retry-After': retryAfter, 'RateLimit-Reason': 'jira-burst-based', 'X-RateLimit-NearLimit': 'true' },
        points: 0,
      };
    }
    if (roll < rateShare + (plan.serverErrorShare ?? 0)) {
      return { status: 503, body: { errorMessages: ['Service unavailable (injected fault).'], errors: {} }, points: 0 };
    }
    return null;
  }

  /** `undefined` for an account the site does not know: answered 401, like a bad credential. */
  private callerFor(options: JiraRequestOptions): JiraCaller | undefined {
    if (options.accountId !== undefined) {
      const account = findLocalAccount(options.accountId, this.accounts);
      return account ? JiraCaller.user(account) : undefined;
    }
    return options.asHost ? JiraCaller.host() : JiraCaller.app();
  }

  private route(
    method: string,
    path: string,
  ): { template: string; run: (url: URL, request: Request, caller: JiraCaller) => Promise<Reply> | Reply } | null {
    const p = path.replace(/\/+$/, '');
    const api = '/rest/api/3';
    const match = (re: RegExp) => re.exec(p);
    let m: RegExpExecArray | null;
    if (p === `${api}/search/jql` && (method === 'GET' || method === 'POST')) {
      return { template: `${api}/search/jql`, run: (url, req, c) => this.search(url, req, method, c) };
    }
    if (p === `${api}/search/approximate-count` && method === 'POST')
      return { template: p, run: (_u, req, c) => this.approximateCount(req, c) };
    if (p === `${api}/changelog/bulkfetch` && method === 'POST') return { template: p, run: (_u, req, c) => this.bulkChangelog(req, c) };
    if (p === `${api}/issue` && method === 'POST') return { template: p, run: (_u, req, c) => this.createIssue(req, c) };
    if ((m = match(/^\/rest\/api\/3\/issue\/([^/]+)\/properties\/([^/]+)$/))) {
      const [, idOrKey = '', rawKey = ''] = m;
      const propertyKey = decodeURIComponent(rawKey);
      const template = `${api}/issue/{issueIdOrKey}/properties/{propertyKey}`;
      if (method === 'GET') return { template, run: (_u, _r, c) => this.getProperty(idOrKey, propertyKey, c) };
      if (method === 'PUT') return { template, run: (_u, req, c) => this.setProperty(idOrKey, propertyKey, req, c) };
      if (method === 'DELETE') return { template, run: (_u, _r, c) => this.deleteProperty(idOrKey, propertyKey, c) };
      return null;
    }
    if ((m = match(/^\/rest\/api\/3\/issue\/([^/]+)\/properties$/)) && method === 'GET') {
      const idOrKey = m[1] ?? '';
      return { template: `${api}/issue/{issueIdOrKey}/properties`, run: (_u, _r, c) => this.listProperties(idOrKey, c) };
    }
    if ((m = match(/^\/rest\/api\/3\/issue\/([^/]+)\/transitions$/))) {
      const idOrKey = m[1] ?? '';
      const template = `${api}/issue/{issueIdOrKey}/transitions`;
      if (method === 'GET') return { template, run: (_u, _r, c) => this.listTransitions(idOrKey, c) };
      if (method === 'POST') return { template, run: (_u, req, c) => this.transitionIssue(idOrKey, req, c) };
      return null;
    }
    if ((m = match(/^\/rest\/api\/3\/issue\/([^/]+)\/notify$/)) && method === 'POST') {
      const idOrKey = m[1] ?? '';
      return { template: `${api}/issue/{issueIdOrKey}/notify`, run: (_u, req, c) => this.notify(idOrKey, req, c) };
    }
    if ((m = match(/^\/rest\/api\/3\/issue\/([^/]+)\/comment$/)) && method === 'POST') {
      const idOrKey = m[1] ?? '';
      return { template: `${api}/issue/{issueIdOrKey}/comment`, run: (_u, req, c) => this.addComment(idOrKey, req, c) };
    }
    if ((m = match(/^\/rest\/api\/3\/issue\/([^/]+)$/))) {
      const idOrKey = m[1] ?? '';
      const template = `${api}/issue/{issueIdOrKey}`;
      if (method === 'GET') return { template, run: (url, _r, c) => this.getIssue(idOrKey, url, c) };
      if (method === 'PUT') return { template, run: (_u, req, c) => this.editIssue(idOrKey, req, c) };
      if (method === 'DELETE') return { template, run: (_u, _r, c) => this.deleteIssue(idOrKey, c) };
      return null;
    }
    if (p === `${api}/issueLink` && method === 'POST') return { template: p, run: (_u, req, c) => this.linkIssues(req, c) };
    if ((m = match(/^\/rest\/api\/3\/issueLink\/([^/]+)$/))) {
      const linkId = decodeURIComponent(m[1] ?? '');
      const template = `${api}/issueLink/{linkId}`;
      if (method === 'GET') return { template, run: (_u, _r, c) => this.getIssueLink(linkId, c) };
      if (method === 'DELETE') return { template, run: (_u, _r, c) => this.deleteIssueLink(linkId, c) };
      return null;
    }
    if ((m = match(/^\/rest\/api\/3\/project\/([^/]+)\/versions$/)) && method === 'GET') {
      const idOrKey = m[1] ?? '';
      return { template: `${api}/project/{projectIdOrKey}/versions`, run: (_u, _r, c) => this.versions(idOrKey, c) };
    }
    if (p === `${api}/project/search` && method === 'GET') return { template: p, run: (url, _r, c) => this.projectSearch(url, c) };
    if ((m = match(/^\/rest\/api\/3\/project\/([^/]+)$/)) && method === 'GET') {
      const idOrKey = m[1] ?? '';
      return { template: `${api}/project/{projectIdOrKey}`, run: (_u, _r, c) => this.project(idOrKey, c) };
    }
    if (method !== 'GET') return null;
    if (p === `${api}/field`) return { template: p, run: () => ({ status: 200, body: this.fields }) };
    if (p === `${api}/status`) return { template: p, run: () => ({ status: 200, body: this.statuses }) };
    if (p === `${api}/priority/search`) return { template: p, run: (url) => this.prioritySearch(url) };
    if (p === `${api}/priority`) return { template: p, run: () => ({ status: 200, body: this.priorities }) };
    if (p === `${api}/issueLinkType`) return { template: p, run: () => ({ status: 200, body: { issueLinkTypes: this.linkTypes } }) };
    if (p === `${api}/mypermissions`) return { template: p, run: (url, _r, c) => this.myPermissions(url, c) };
    if (p === `${api}/myself`) return { template: p, run: (_u, _r, c) => ({ status: 200, body: this.myselfJson(c) }) };
    if (p === `${api}/user/picker`) return { template: p, run: (url, _r, c) => this.userPicker(url, c) };
    return null;
  }

  // ---- search ------------------------------------------------------------------------------

  /** Projects the caller can browse; JQL naming any other project fails as if it did not exist. */
  private jqlContext(caller: JiraCaller): JqlContext {
    return {
      now: this.now(),
      projects: this.visibleDatasets(caller).map((d) => ({ id: d.project.id, key: d.project.key, name: d.project.name })),
      priorityOrder: this.priorities.map((p) => String(p['id'])),
      currentAccountId: caller.user.accountId,
      issueProperties: this.issueProperties,
      propertyOf: (issue, key) => this.properties.get(issue.id)?.get(key),
    };
  }

  private visibleDatasets(caller: JiraCaller): Dataset[] {
    return caller.canBrowse() ? this.datasets : [];
  }

  /** Bumped by every request that may change data; invalidates `searchSnapshot`. */
  private generation = 0;
  private searchSnapshot: { jqlHash: string; generation: number; caller: string; hits: StoredIssue[] } | null = null;

  private runJql(jql: string, caller: JiraCaller): StoredIssue[] {
    const query = parseJql(jql);
    assertBoundedJql(query);
    const compiled = compileJql(query, this.jqlContext(caller));
    const hits: StoredIssue[] = [];
    const browsable = caller.canBrowse();
    if (browsable) for (const stored of this.issuesById.values()) if (compiled.matches(stored.json)) hits.push(stored);
    return hits.sort((a, b) => compiled.compare(a.json, b.json));
  }

  private async readJson(request: Request): Promise<unknown> {
    const text = await request.text();
    if (!text.trim()) fail(400, 'No content to map due to end-of-input');
    try {
      return JSON.parse(text);
    } catch {
      fail(400, 'Unexpected character in the request body: it is not valid JSON.');
    }
  }

  private parseBody<T>(schema: z.ZodType<T>, value: unknown): T {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[issue.path.join('.') || 'request'] = issue.message;
      fail(400, '', errors);
    }
    return parsed.data;
  }

  private async search(url: URL, request: Request, method: string, caller: JiraCaller): Promise<Reply> {
    let jql = '';
    let token: string | null = null;
    let maxResults: number | null = null;
    let fieldSpec: string[] = [];
    let expand: string[] = [];
    let propertyKeys: string[] = [];
    if (method === 'GET') {
      const q = url.searchParams;
      jql = q.get('jql') ?? '';
      token = q.get('nextPageToken');
      const rawMax = q.get('maxResults');
      if (rawMax !== null) {
        maxResults = Number(rawMax);
        if (!Number.isInteger(maxResults)) fail(400, `The value '${rawMax}' is invalid for the parameter 'maxResults'.`);
      }
      fieldSpec = splitList(q.getAll('fields'));
      expand = splitList(q.getAll('expand'));
      propertyKeys = splitList(q.getAll('properties'));
    } else {
      const body = this.parseBody(SearchBodySchema, await this.readJson(request));
      jql = body.jql ?? '';
      token = body.nextPageToken ?? null;
      maxResults = body.maxResults ?? null;
      fieldSpec = splitList(body.fields ?? []);
      expand = splitList(Array.isArray(body.expand) ? body.expand : body.expand ? [body.expand] : []);
      propertyKeys = splitList(body.properties ?? []);
    }
    if (propertyKeys.length > 5) fail(400, 'A maximum of 5 issue properties can be requested.');
    const selection = this.selectFields(fieldSpec, 'id');
    // Page cap rule: the spec promises up to 5000 issues only for id/key-only requests and
    // "fewer items per page where a large number of fields are requested"; 100 is what sites enforce.
    const cap = selection.idOnly ? SEARCH_MAX_RESULTS_ID_ONLY : SEARCH_MAX_RESULTS_WITH_FIELDS;
    if (maxResults !== null && maxResults < 0) fail(400, "The value for 'maxResults' must be a positive number.");
    const pageSize = Math.min(cap, maxResults === null || maxResults === 0 ? SEARCH_DEFAULT_MAX_RESULTS : maxResults);
    const jqlHash = hashText(jql.trim());
    let offset = 0;
    if (token) {
      const decoded = decodeToken(token, PageTokenSchema);
      if (!decoded || decoded.h !== jqlHash) fail(400, 'The provided next page token is invalid or expired.');
      offset = decoded.o;
    }
    // Later pages reuse the first page's result set while nothing changed, so paging a large
    // project is linear (as on a real site), not one full JQL run and sort per page.
    const snapshot = this.searchSnapshot;
    const hits =
      token && snapshot && snapshot.jqlHash === jqlHash && snapshot.generation === this.generation && snapshot.caller === caller.cacheKey
        ? snapshot.hits
        : this.runJql(jql, caller);
    this.searchSnapshot = { jqlHash, generation: this.generation, caller: caller.cacheKey, hits };
    const page = hits.slice(offset, offset + pageSize);
    const isLast = offset + page.length >= hits.length;
    const expandSet = new Set(expand.map((e) => e.toLowerCase()));
    const issues = page.map((stored) => this.renderIssue(stored, selection, expandSet, propertyKeys, SEARCH_CHANGELOG_LIMIT, false));
    const body: JsonObject = { issues };
    if (!isLast) body['nextPageToken'] = encodeToken({ o: offset + page.length, h: jqlHash });
    body['isLast'] = isLast;
    if (expandSet.has('names')) body['names'] = this.namesFor(page, selection);
    if (expandSet.has('schema')) body['schema'] = this.schemaFor(page, selection);
    return { status: 200, body, points: 1 + page.length };
  }

  private selectFields(spec: readonly string[], defaultSpec: 'id' | '*all'): FieldSelection {
    const tokens = spec.length > 0 ? spec : [defaultSpec];
    const includes = new Set<string>();
    const excludes = new Set<string>();
    let all = false;
    let navigable = false;
    let includeKey = false;
    for (const token of tokens) {
      if (token === '*all') all = true;
      else if (token === '*navigable') navigable = true;
      else if (token.startsWith('-')) excludes.add(token.slice(1));
      else if (token === 'id') continue;
      else if (token === 'key') includeKey = true;
      else includes.add(token);
    }
    // Why: "-description" alone means all navigable fields except description (search docs).
    if (!all && !navigable && includes.size === 0 && excludes.size > 0) navigable = true;
    const idOnly = !all && !navigable && includes.size === 0;
    const nonNavigable = new Set(this.fields.filter((f) => f['navigable'] === false).map((f) => f.id));
    return {
      idOnly,
      includeKey: includeKey || !idOnly,
      has: (fieldId) => !excludes.has(fieldId) && (all || includes.has(fieldId) || (navigable && !nonNavigable.has(fieldId))),
    };
  }

  private renderIssue(
    stored: StoredIssue,
    selection: FieldSelection,
    expand: ReadonlySet<string>,
    propertyKeys: readonly string[],
    changelogLimit: number,
    full: boolean,
  ): JsonObject {
    const { json } = stored;
    const out: JsonObject = {};
    if (!selection.idOnly || full || expand.size > 0 || propertyKeys.length > 0) {
      out['expand'] = full ? 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations' : '';
    }
    out['id'] = json.id;
    if (selection.includeKey || full) {
      out['self'] = `${this.site}/rest/api/3/issue/${json.id}`;
      out['key'] = json.key;
    }
    if (!selection.idOnly) {
      const fields: JsonObject = {};
      for (const [fieldId, value] of Object.entries(json.fields)) if (selection.has(fieldId)) fields[fieldId] = value;
      out['fields'] = fields;
    }
    if (propertyKeys.length > 0) {
      const props = this.properties.get(json.id);
      const selected: JsonObject = {};
      for (const key of propertyKeys) if (props?.has(key)) selected[key] = props.get(key);
      out['properties'] = selected;
    }
    if (expand.has('changelog')) {
      const newestFirst = [...stored.histories].reverse().slice(0, changelogLimit);
      out['changelog'] = { startAt: 0, maxResults: newestFirst.length, total: stored.histories.length, histories: newestFirst };
    }
    if (full && expand.has('names')) out['names'] = this.namesFor([stored], selection);
    if (full && expand.has('schema')) out['schema'] = this.schemaFor([stored], selection);
    return out;
  }

  private namesFor(page: readonly StoredIssue[], selection: FieldSelection): Record<string, string> {
    const names: Record<string, string> = {};
    if (selection.idOnly) return names;
    for (const stored of page) {
      for (const fieldId of Object.keys(stored.json.fields)) {
        if (selection.has(fieldId) && !(fieldId in names)) names[fieldId] = this.fieldById.get(fieldId)?.name ?? fieldId;
      }
    }
    return names;
  }

  private schemaFor(page: readonly StoredIssue[], selection: FieldSelection): Record<string, unknown> {
    const schema: Record<string, unknown> = {};
    if (selection.idOnly) return schema;
    for (const stored of page) {
      for (const fieldId of Object.keys(stored.json.fields)) {
        const fieldSchema = this.fieldById.get(fieldId)?.schema;
        if (selection.has(fieldId) && fieldSchema && !(fieldId in schema)) schema[fieldId] = fieldSchema;
      }
    }
    return schema;
  }

  private async approximateCount(request: Request, caller: JiraCaller): Promise<Reply> {
    const body = this.parseBody(z.looseObject({ jql: z.string().optional() }), await this.readJson(request));
    return { status: 200, body: { count: this.runJql(body.jql ?? '', caller).length } };
  }

  /** Issues the caller cannot browse are left out, like unknown keys. */
  private async bulkChangelog(request: Request, caller: JiraCaller): Promise<Reply> {
    const body = this.parseBody(BulkChangelogBodySchema, await this.readJson(request));
    const pageSize = body.maxResults ?? 1000;
    const wantedFields = body.fieldIds && body.fieldIds.length > 0 ? new Set(body.fieldIds) : null;
    const requestHash = hashText(JSON.stringify([body.issueIdsOrKeys, body.fieldIds ?? []]));
    let offset = 0;
    if (body.nextPageToken) {
      const decoded = decodeToken(body.nextPageToken, PageTokenSchema);
      if (!decoded || decoded.h !== requestHash) fail(400, 'The provided next page token is invalid or expired.');
      offset = decoded.o;
    }
    const entries: { issueId: string; history: DatasetHistory; ms: number }[] = [];
    const seen = new Set<string>();
    for (const idOrKey of body.issueIdsOrKeys) {
      const stored = this.findIssue(idOrKey, caller);
      if (!stored || seen.has(stored.json.id)) continue;
      seen.add(stored.json.id);
      for (const history of stored.histories) {
        const items = wantedFields ? history.items.filter((item) => wantedFields.has(item.fieldId ?? item.field)) : history.items;
        if (items.length === 0) continue;
        entries.push({
          issueId: stored.json.id,
          history: items === history.items ? history : { ...history, items },
          ms: parseJiraTimestamp(history.created),
        });
      }
    }
    // Oldest changelog first, then smallest issue id, as the endpoint documents.
    entries.sort((a, b) => a.ms - b.ms || Number(a.issueId) - Number(b.issueId));
    const page = entries.slice(offset, offset + pageSize);
    const grouped = new Map<string, DatasetHistory[]>();
    for (const entry of page) {
      const list = grouped.get(entry.issueId) ?? [];
      list.push(entry.history);
      grouped.set(entry.issueId, list);
    }
    const out: JsonObject = { issueChangeLogs: [...grouped].map(([issueId, changeHistories]) => ({ issueId, changeHistories })) };
    if (offset + page.length < entries.length) out['nextPageToken'] = encodeToken({ o: offset + page.length, h: requestHash });
    return { status: 200, body: out, points: 1 + grouped.size };
  }

  // ---- issues ------------------------------------------------------------------------------

  /** The issue, if it exists and the caller can browse its project. */
  private findIssue(idOrKey: string, caller: JiraCaller): StoredIssue | undefined {
    const decoded = decodeURIComponent(idOrKey);
    const id = this.idByKey.get(decoded.toUpperCase()) ?? decoded;
    const stored = this.issuesById.get(id);
    return stored && caller.canBrowse() ? stored : undefined;
  }

  /** Jira answers an issue the caller cannot browse exactly like a missing one. */
  private requireIssue(idOrKey: string, caller: JiraCaller): StoredIssue {
    const stored = this.findIssue(idOrKey, caller);
    if (!stored) fail(404, NO_ISSUE);
    return stored;
  }

  /** A visible issue whose change needs `permission`: 403 with Jira's error body without it. */
  private requireIssueFor(idOrKey: string, caller: JiraCaller, permission: JiraPermissionKey, refusal: string): StoredIssue {
    const stored = this.requireIssue(idOrKey, caller);
    if (!caller.has(permission)) fail(403, refusal);
    return stored;
  }

  private getIssue(idOrKey: string, url: URL, caller: JiraCaller): Reply {
    const stored = this.requireIssue(idOrKey, caller);
    const selection = this.selectFields(splitList(url.searchParams.getAll('fields')), '*all');
    const expand = new Set(splitList(url.searchParams.getAll('expand')).map((e) => e.toLowerCase()));
    const propertyKeys = splitList(url.searchParams.getAll('properties'));
    return { status: 200, body: this.renderIssue(stored, selection, expand, propertyKeys, ISSUE_CHANGELOG_LIMIT, true), points: 2 };
  }

  private projectOf(stored: StoredIssue): { id: string; key: string; [key: string]: unknown } {
    const project = asRecord(stored.json.fields['project']);
    return { ...(project ?? {}), id: scalarText(project?.['id']) ?? '', key: scalarText(project?.['key']) ?? stored.projectKey };
  }

  /**
   * Fires a Forge product event for a change, with the payload Jira documents: the issue's id,
   * key and its documented fields (summary, issuetype, creator, created, project, reporter,
   * assignee, updated, status), the changelog of an update, and who caused it. The origin tells
   * the platform what the payload does not: whether the app made the change (`ignoreSelf`) and
   * every field of the issue (`payload.include.fields`).
   * @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-events
   */
  private emit(
    eventType: IssueEventType,
    stored: StoredIssue,
    caller: JiraCaller,
    changelog?: { id: string; items: IssueEventChangeItem[] },
  ): void {
    if (!this.onIssueEvent) return;
    const f = stored.json.fields;
    const documented = Object.fromEntries(EVENT_ISSUE_FIELDS.filter((k) => k in f).map((k) => [k, f[k]]));
    const event: IssueEvent = {
      eventType,
      issue: { id: stored.json.id, key: stored.json.key, fields: { ...documented, project: this.projectOf(stored) } },
      ...(changelog ? { changelog } : {}),
      atlassianId: caller.user.accountId,
      associatedUsers: [{ accountId: caller.user.accountId }],
    };
    this.onIssueEvent(structuredClone(event), { byApp: caller.isApp, issueFields: structuredClone(f) });
  }

  private async createIssue(request: Request, caller: JiraCaller): Promise<Reply> {
    const body = this.parseBody(CreateIssueBodySchema, await this.readJson(request));
    const input = body.fields;
    const errors: Record<string, string> = {};
    const projectRef = asRecord(input['project']);
    // A project the caller cannot browse is, to the caller, no project at all.
    const dataset = this.visibleDatasets(caller).find(
      (d) => projectRef && (d.project.key === projectRef['key'] || d.project.id === (scalarText(projectRef['id']) ?? '')),
    );
    if (dataset && !caller.has('CREATE_ISSUES')) fail(403, 'You do not have permission to create issues in this project.');
    if (!dataset) errors['project'] = 'Specify a valid project ID or key';
    if (typeof input['summary'] !== 'string' || input['summary'].trim() === '')
      errors['summary'] = 'You must specify a summary of the issue.';
    const typeRef = asRecord(input['issuetype']);
    const projectTypes = dataset ? this.issueTypesOf(dataset) : [];
    const issueType = projectTypes.find((t) => typeRef && (t['id'] === typeRef['id'] || t['name'] === typeRef['name']));
    if (!issueType) errors['issuetype'] = 'Specify an issue type';
    if (!dataset || !issueType || Object.keys(errors).length > 0) fail(400, '', errors);
    const nowDate = this.now();
    const ts = toJiraTimestamp(nowDate);
    const ids = [...this.issuesById.keys()].map(Number).filter(Number.isFinite);
    const id = String(Math.max(10000, ...ids) + 1);
    const numbers = dataset.issues.map((i) => Number(i.key.split('-').pop())).filter(Number.isFinite);
    const key = `${dataset.project.key}-${Math.max(0, ...numbers) + 1}`;
    const initialStatus = this.initialStatus(dataset);
    const reporter = userJson(this.site, caller.user);
    const sample = dataset.issues[0]?.fields;
    const fields: JsonObject = {
      statuscategorychangedate: ts,
      issuetype: issueType,
      timespent: null,
      project: sample?.['project'] ?? {
        self: `${this.site}/rest/api/3/project/${dataset.project.id}`,
        id: dataset.project.id,
        key: dataset.project.key,
        name: dataset.project.name,
      },
      fixVersions: [],
      aggregatetimespent: null,
      resolution: null,
      resolutiondate: null,
      workratio: -1,
      lastViewed: null,
      watches: { self: `${this.site}/rest/api/3/issue/${key}/watchers`, watchCount: 1, isWatching: true },
      issuerestriction: { issuerestrictions: {}, shouldDisplay: true },
      created: ts,
      priority: this.priorities.find((p) => p['name'] === 'Medium') ?? this.priorities[0] ?? null,
      labels: [],
      aggregatetimeoriginalestimate: null,
      timeestimate: null,
      versions: [],
      issuelinks: [],
      assignee: null,
      updated: ts,
      status: initialStatus,
      components: [],
      timeoriginalestimate: null,
      description: null,
      timetracking: {},
      security: null,
      aggregatetimeestimate: null,
      attachment: [],
      summary: '',
      creator: reporter,
      subtasks: [],
      reporter,
      aggregateprogress: { progress: 0, total: 0 },
      environment: null,
      duedate: null,
      progress: { progress: 0, total: 0 },
      votes: { self: `${this.site}/rest/api/3/issue/${key}/votes`, votes: 0, hasVoted: false },
      comment: { comments: [], self: `${this.site}/rest/api/3/issue/${id}/comment`, maxResults: 0, total: 0, startAt: 0 },
      worklog: { startAt: 0, maxResults: 20, total: 0, worklogs: [] },
    };
    for (const field of this.fields) if (field.custom === true && !(field.id in fields)) fields[field.id] = null;
    const issue: DatasetIssue = {
      expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
      id,
      self: `${this.site}/rest/api/3/issue/${id}`,
      key,
      fields,
    };
    const stored = this.store(issue, dataset.project.key);
    this.applyFieldEdits(stored, { ...input, project: undefined, issuetype: undefined }, {}, caller);
    dataset.issues.push(issue);
    this.emit('avi:jira:created:issue', stored, caller);
    return { status: 201, body: { id, key, self: issue['self'] }, points: 2 };
  }

  private issueTypesOf(dataset: Dataset): JsonObject[] {
    const types = new Map<string, JsonObject>();
    for (const issue of dataset.issues) {
      const type = asRecord(issue.fields['issuetype']);
      if (type) types.set(String(type['id']), type);
    }
    return [...types.values()];
  }

  private initialStatus(dataset: Dataset): JsonObject | null {
    const isNew = (s: JsonObject | null) => asRecord(s?.['statusCategory'])?.['key'] === 'new';
    for (const issue of dataset.issues) {
      const status = asRecord(issue.fields['status']);
      if (status && isNew(status)) return status;
    }
    const listed = (dataset.statuses ?? []).find((s) => isNew(s));
    if (listed) {
      const { untranslatedName: _u, scope: _s, ...status } = listed;
      return status;
    }
    return asRecord(dataset.issues[0]?.fields['status']);
  }

  /** Applies `fields` and `update` edits, returns the change items (Jira's changelog form). */
  private applyFieldEdits(
    stored: StoredIssue,
    input: Record<string, unknown>,
    update: Record<string, Record<string, unknown>[]>,
    caller: JiraCaller,
  ): IssueEventChangeItem[] {
    const f = stored.json.fields;
    const items: IssueEventChangeItem[] = [];
    const errors: Record<string, string> = {};
    const fieldName = (id: string) => this.fieldById.get(id)?.name ?? id;
    const describe = (value: unknown): { raw: string | null; text: string | null } => {
      if (value === null || value === undefined) return { raw: null, text: null };
      if (Array.isArray(value))
        return {
          raw: value.map((v) => String(asRecord(v)?.['id'] ?? v)).join(' ') || null,
          text: value.map((v) => String(asRecord(v)?.['name'] ?? asRecord(v)?.['value'] ?? v)).join(' ') || null,
        };
      const o = asRecord(value);
      if (o)
        return {
          raw: scalarText(o['id']) ?? scalarText(o['accountId']) ?? '',
          text:
            scalarText(o['name']) ??
            scalarText(o['displayName']) ??
            scalarText(o['value']) ??
            (o['type'] === 'doc' ? JSON.stringify(o) : ''),
        };
      // Parsed JSON leaves only strings, numbers and booleans here.
      const text = scalarText(value) ?? '';
      return { raw: text, text };
    };
    const set = (id: string, next: unknown) => {
      if (id === 'fixVersions') {
        items.push(...versionItems(f[id], next));
        f[id] = next;
        return;
      }
      const before = describe(f[id]);
      f[id] = next;
      const after = describe(next);
      const custom = id.startsWith('customfield_');
      // Jira records labels by their text only.
      if (id === 'labels') {
        before.raw = null;
        after.raw = null;
        before.text ??= '';
        after.text ??= '';
      }
      items.push({
        field: custom ? fieldName(id) : id,
        fieldtype: custom ? 'custom' : 'jira',
        fieldId: id,
        from: before.raw,
        fromString: before.text,
        to: after.raw,
        toString: after.text,
      });
    };
    for (const [id, value] of Object.entries(input)) {
      if (value === undefined) continue;
      switch (id) {
        case 'summary':
          if (typeof value !== 'string' || value.trim() === '') errors[id] = 'You must specify a summary of the issue.';
          else set(id, value);
          break;
        case 'description':
        case 'environment':
          if (value !== null && asRecord(value)?.['type'] !== 'doc')
            errors[id] = 'Operation value must be an Atlassian Document (see the Atlassian Document Format).';
          else set(id, value);
          break;
        case 'labels':
          if (!Array.isArray(value) || value.some((l) => typeof l !== 'string' || /\s/.test(l)))
            errors[id] = 'Labels must be a list of strings without spaces.';
          else set(id, value);
          break;
        case 'duedate':
          if (value !== null && (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)))
            errors[id] = "Error parsing date string: expected format 'yyyy-MM-dd'.";
          else set(id, value);
          break;
        case 'priority': {
          const ref = asRecord(value);
          const priority = this.priorities.find((p) => ref && (p['id'] === ref['id'] || p['name'] === ref['name']));
          if (!priority) errors[id] = 'Specify a valid priority.';
          else set(id, { self: priority['self'], iconUrl: priority['iconUrl'], name: priority['name'], id: priority['id'] });
          break;
        }
        case 'assignee': {
          const ref = asRecord(value);
          if (value === null) set(id, null);
          else if (typeof ref?.['accountId'] !== 'string') errors[id] = 'Specify a valid accountId.';
          else
            set(
              id,
              userJson(this.site, {
                accountId: ref['accountId'],
                displayName: findLocalAccount(ref['accountId'], this.accounts)?.displayName ?? ref['accountId'],
                timeZone: 'UTC',
              }),
            );
          break;
        }
        case 'fixVersions': {
          const dataset = this.datasets.find((d) => d.project.key === stored.projectKey);
          const refs = Array.isArray(value) ? value.map(asRecord) : [];
          const versions = refs.map((ref) =>
            (dataset?.versions ?? []).find((v) => ref && (v.id === (scalarText(ref['id']) ?? '') || v.name === ref['name'])),
          );
          if (!Array.isArray(value) || versions.some((v) => !v)) errors[id] = 'Version is not valid.';
          else
            set(
              id,
              versions.map((v) => ({
                self: v?.['self'],
                id: v?.id,
                description: v?.['description'] ?? '',
                name: v?.name,
                archived: v?.archived ?? false,
                released: v?.released ?? false,
                ...(v?.releaseDate ? { releaseDate: v.releaseDate } : {}),
              })),
            );
          break;
        }
        case 'parent': {
          const ref = asRecord(value);
          const parent = ref ? this.findIssue(scalarText(ref['key']) ?? scalarText(ref['id']) ?? '', caller) : undefined;
          if (!parent) errors[id] = 'Parent issue does not exist.';
          else
            set(id, {
              id: parent.json.id,
              key: parent.json.key,
              self: `${this.site}/rest/api/3/issue/${parent.json.id}`,
              fields: {
                summary: parent.json.fields['summary'],
                status: parent.json.fields['status'],
                priority: parent.json.fields['priority'],
                issuetype: parent.json.fields['issuetype'],
              },
            });
          break;
        }
        default:
          if (id.startsWith('customfield_') && this.fieldById.has(id)) set(id, value);
          else errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
      }
    }
    for (const [id, operations] of Object.entries(update)) {
      if (id !== 'labels') {
        errors[id] = `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
        continue;
      }
      const labels = new Set(Array.isArray(f['labels']) ? (f['labels'] as string[]) : []);
      for (const op of operations) {
        if (typeof op['add'] === 'string') labels.add(op['add']);
        if (typeof op['remove'] === 'string') labels.delete(op['remove']);
        if (Array.isArray(op['set'])) {
          labels.clear();
          for (const l of op['set']) if (typeof l === 'string') labels.add(l);
        }
      }
      set('labels', [...labels]);
    }
    if (Object.keys(errors).length > 0) fail(400, '', errors);
    return items;
  }

  private addHistory(
    stored: StoredIssue,
    items: IssueEventChangeItem[],
    caller: JiraCaller,
  ): { id: string; items: IssueEventChangeItem[] } {
    this.nextHistoryId += 1;
    const id = String(this.nextHistoryId);
    const created = toJiraTimestamp(this.now());
    const history: DatasetHistory = { id, author: userJson(this.site, caller.user), created, items: items.map((item) => ({ ...item })) };
    stored.histories.push(history);
    const changelog = (stored.json.changelog ??= { histories: [] });
    changelog.histories.unshift(history);
    stored.json.fields['updated'] = created;
    return { id, items };
  }

  private async editIssue(idOrKey: string, request: Request, caller: JiraCaller): Promise<Reply> {
    const stored = this.requireIssueFor(idOrKey, caller, 'EDIT_ISSUES', 'You do not have permission to edit issues in this project.');
    const body = this.parseBody(EditIssueBodySchema, await this.readJson(request));
    // Why validate on a copy: Jira applies an edit all or nothing.
    const snapshot = structuredClone(stored.json.fields);
    let items: IssueEventChangeItem[];
    try {
      items = this.applyFieldEdits(stored, body.fields ?? {}, body.update ?? {}, caller);
    } catch (error) {
      stored.json.fields = snapshot;
      throw error;
    }
    const changed = items.filter((item) => item.from !== item.to || item.fromString !== item.toString);
    if (changed.length > 0) this.emit('avi:jira:updated:issue', stored, caller, this.addHistory(stored, changed, caller));
    return { status: 204, points: 2 };
  }

  private deleteIssue(idOrKey: string, caller: JiraCaller): Reply {
    const stored = this.requireIssueFor(idOrKey, caller, 'DELETE_ISSUES', 'You do not have permission to delete issues in this project.');
    this.issuesById.delete(stored.json.id);
    this.idByKey.delete(stored.json.key.toUpperCase());
    this.properties.delete(stored.json.id);
    for (const dataset of this.datasets) {
      const index = dataset.issues.indexOf(stored.json);
      if (index >= 0) dataset.issues.splice(index, 1);
    }
    this.emit('avi:jira:deleted:issue', stored, caller);
    return { status: 204, points: 2 };
  }

  /**
   * Jira e-mails the recipients; the emulator keeps what it would send. Jira answers 204; a body
   * that is not the documented shape, or names nobody, is a 400.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-notify-post
   */
  private async notify(idOrKey: string, request: Request, caller: JiraCaller): Promise<Reply> {
    const stored = this.requireIssue(idOrKey, caller);
    const parsed = NotifyBodySchema.safeParse(await this.readJson(request));
    if (!parsed.success) fail(400, 'The notification request is not valid.');
    const to = parsed.data.to ?? {};
    const accountOf = (field: string) => scalarText(asRecord(stored.json.fields[field])?.['accountId']);
    const recipients = new Set((to.users ?? []).map((u) => u.accountId));
    for (const field of ['reporter', 'assignee'] as const) {
      const accountId = to[field] ? accountOf(field) : undefined;
      if (accountId) recipients.add(accountId);
    }
    if (recipients.size === 0) fail(400, 'The notification has no recipients.');
    this.notifications.push({
      issueKey: stored.json.key,
      subject: parsed.data.subject ?? '',
      textBody: parsed.data.textBody ?? '',
      to: [...recipients],
      sentBy: caller.user.accountId,
      at: this.now().toISOString(),
    });
    return { status: 204, points: 1 };
  }

  private async addComment(idOrKey: string, request: Request, caller: JiraCaller): Promise<Reply> {
    const stored = this.requireIssueFor(idOrKey, caller, 'ADD_COMMENTS', 'You do not have the permission to comment on this issue.');
    const raw = await this.readJson(request);
    const parsed = CommentBodySchema.safeParse(raw);
    if (!parsed.success)
      fail(400, '', { comment: 'Comment body is not valid! It must be an Atlassian Document (see the Atlassian Document Format).' });
    this.nextCommentId += 1;
    const ts = toJiraTimestamp(this.now());
    const author = userJson(this.site, caller.user);
    const comment: JsonObject = {
      self: `${this.site}/rest/api/3/issue/${stored.json.id}/comment/${this.nextCommentId}`,
      id: String(this.nextCommentId),
      author,
      body: parsed.data.body,
      updateAuthor: author,
      created: ts,
      updated: ts,
      jsdPublic: true,
      ...(parsed.data.visibility ? { visibility: parsed.data.visibility } : {}),
    };
    const page = asRecord(stored.json.fields['comment']) ?? { comments: [], startAt: 0 };
    const comments = Array.isArray(page['comments']) ? (page['comments'] as unknown[]) : [];
    comments.push(comment);
    stored.json.fields['comment'] = { ...page, comments, maxResults: comments.length, total: comments.length };
    stored.json.fields['updated'] = ts;
    this.emit('avi:jira:updated:issue', stored, caller);
    return { status: 201, body: comment, points: 2 };
  }

  // ---- transitions ---------------------------------------------------------------------------

  /**
   * The project's statuses as an issue carries them: the richest copy an issue of the project
   * has (with `self`, icon and the category's details), else the one `/status` lists.
   */
  private projectStatuses(stored: StoredIssue): JsonObject[] {
    const dataset = this.datasets.find((d) => d.project.key === stored.projectKey);
    const carried = new Map<string, JsonObject>();
    for (const issue of dataset?.issues ?? []) {
      const status = asRecord(issue.fields['status']);
      const id = scalarText(status?.['id']);
      if (status && id !== undefined && !carried.has(id)) carried.set(id, status);
    }
    return (dataset?.statuses ?? []).map((listed) => {
      const { untranslatedName: _u, scope: _s, ...status } = listed;
      return structuredClone(carried.get(listed.id) ?? status);
    });
  }

  /**
   * Every status of the project but the current one is reachable (one global transition per
   * status, its id the status id): the emulator has no workflow conditions.
   */
  private listTransitions(idOrKey: string, caller: JiraCaller): Reply {
    const stored = this.requireIssue(idOrKey, caller);
    const current = scalarText(asRecord(stored.json.fields['status'])?.['id']);
    const transitions = this.projectStatuses(stored)
      .filter((status) => scalarText(status['id']) !== current)
      .map((status) => ({
        id: scalarText(status['id']) ?? '',
        name: scalarText(status['name']) ?? '',
        to: status,
        hasScreen: false,
        isGlobal: true,
        isInitial: false,
        isAvailable: true,
        isConditional: false,
        isLooped: false,
      }));
    return { status: 200, body: { expand: 'transitions', transitions } };
  }

  /**
   * Moves the issue to the transition's status, as a workflow with the usual post functions:
   * the status category change date is stamped when the category changes; entering a done
   * status sets a resolution (the one given in `fields.resolution`, else "Done") and its date;
   * leaving done clears them. The changelog has a status item and a resolution item, and an
   * update event fires.
   */
  private async transitionIssue(idOrKey: string, request: Request, caller: JiraCaller): Promise<Reply> {
    const stored = this.requireIssueFor(idOrKey, caller, 'TRANSITION_ISSUES', 'You do not have permission to transition this issue.');
    const body = this.parseBody(
      z.looseObject({
        transition: z.looseObject({ id: z.union([z.string(), z.number()]).transform(String) }),
        fields: z
          .looseObject({ resolution: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional() })
          .optional(),
      }),
      await this.readJson(request),
    );
    const target = this.projectStatuses(stored).find((status) => scalarText(status['id']) === body.transition.id);
    if (!target) fail(400, `Transition id '${body.transition.id}' is not valid for this issue.`);
    const f = stored.json.fields;
    const before = asRecord(f['status']);
    const categoryOf = (status: Record<string, unknown> | null | undefined) => scalarText(asRecord(status?.['statusCategory'])?.['key']);
    const ts = toJiraTimestamp(this.now());
    const items: IssueEventChangeItem[] = [];
    if (scalarText(before?.['id']) !== scalarText(target['id'])) {
      items.push({
        field: 'status',
        fieldtype: 'jira',
        fieldId: 'status',
        from: scalarText(before?.['id']) ?? null,
        fromString: scalarText(before?.['name']) ?? null,
        to: scalarText(target['id']) ?? null,
        toString: scalarText(target['name']) ?? null,
      });
      f['status'] = target;
      if (categoryOf(before) !== categoryOf(target)) f['statuscategorychangedate'] = ts;
    }
    const resolution = asRecord(f['resolution']);
    const done = categoryOf(target) === 'done';
    const resolutionItem = (from: Record<string, unknown> | null, to: Record<string, unknown> | null): IssueEventChangeItem => ({
      field: 'resolution',
      fieldtype: 'jira',
      fieldId: 'resolution',
      from: scalarText(from?.['id']) ?? null,
      fromString: scalarText(from?.['name']) ?? null,
      to: scalarText(to?.['id']) ?? null,
      toString: scalarText(to?.['name']) ?? null,
    });
    if (done && !resolution) {
      const next = this.resolutionFor(stored, body.fields?.resolution);
      items.push(resolutionItem(null, next));
      f['resolution'] = next;
      f['resolutiondate'] = ts;
    } else if (!done && resolution) {
      items.push(resolutionItem(resolution, null));
      f['resolution'] = null;
      f['resolutiondate'] = null;
    }
    if (items.length > 0) this.emit('avi:jira:updated:issue', stored, caller, this.addHistory(stored, items, caller));
    return { status: 204, points: 2 };
  }

  /**
   * A resolution the site knows (from its issues, the issue's own project first, so names are in
   * its language), by id or name; "Done" (10000) by default.
   */
  private resolutionFor(stored: StoredIssue, wanted: { id?: string | undefined; name?: string | undefined } | undefined): JsonObject {
    const known = new Map<string, JsonObject>();
    const own = this.datasets.filter((d) => d.project.key === stored.projectKey);
    for (const dataset of [...own, ...this.datasets.filter((d) => !own.includes(d))])
      for (const issue of dataset.issues) {
        const resolution = asRecord(issue.fields['resolution']);
        const id = scalarText(resolution?.['id']);
        if (resolution && id !== undefined && !known.has(id)) known.set(id, resolution);
      }
    const all = [...known.values()];
    const match = (r: JsonObject) =>
      wanted === undefined ? scalarText(r['id']) === '10000' : r['id'] === wanted.id || r['name'] === wanted.name;
    const found = all.find(match);
    if (found) return structuredClone(found);
    if (wanted !== undefined) fail(400, '', { resolution: 'The resolution is not valid.' });
    return {
      self: `${this.site}/rest/api/3/resolution/10000`,
      id: '10000',
      description: 'Work has been completed on this issue.',
      name: 'Done',
    };
  }

  // ---- issue properties ----------------------------------------------------------------------

  private listProperties(idOrKey: string, caller: JiraCaller): Reply {
    const stored = this.requireIssue(idOrKey, caller);
    const props = this.properties.get(stored.json.id) ?? new Map<string, unknown>();
    const keys = [...props.keys()].map((key) => ({
      self: `${this.site}/rest/api/3/issue/${stored.json.id}/properties/${encodeURIComponent(key)}`,
      key,
    }));
    return { status: 200, body: { keys } };
  }

  private getProperty(idOrKey: string, key: string, caller: JiraCaller): Reply {
    const stored = this.requireIssue(idOrKey, caller);
    const props = this.properties.get(stored.json.id);
    if (!props?.has(key)) fail(404, `The property with key '${key}' does not exist.`);
    return { status: 200, body: { key, value: props.get(key) } };
  }

  private async setProperty(idOrKey: string, key: string, request: Request, caller: JiraCaller): Promise<Reply> {
    const stored = this.requireIssueFor(idOrKey, caller, 'EDIT_ISSUES', 'You do not have permission to edit this issue.');
    if (key.length === 0 || key.length > 255) fail(400, 'The property key must be between 1 and 255 characters.');
    const text = await request.text();
    if (Buffer.byteLength(text) > PROPERTY_VALUE_MAX_BYTES)
      fail(400, `The property value must be less than ${PROPERTY_VALUE_MAX_BYTES} bytes.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      fail(400, 'The property value must be valid JSON.');
    }
    const props = this.properties.get(stored.json.id) ?? new Map<string, unknown>();
    const existed = props.has(key);
    props.set(key, value);
    this.properties.set(stored.json.id, props);
    return { status: existed ? 200 : 201, points: 2 };
  }

  /** The spec answers 404, not 403, when the caller may not edit the issue. */
  private deleteProperty(idOrKey: string, key: string, caller: JiraCaller): Reply {
    const stored = this.requireIssue(idOrKey, caller);
    if (!caller.has('EDIT_ISSUES')) fail(404, NO_ISSUE);
    const props = this.properties.get(stored.json.id);
    if (!props?.has(key)) fail(404, `The property with key '${key}' does not exist.`);
    props.delete(key);
    return { status: 204, points: 2 };
  }

  // ---- projects and metadata -----------------------------------------------------------------

  /** Jira answers a project the caller cannot browse exactly like a missing one. */
  private findDataset(idOrKey: string, caller: JiraCaller): Dataset {
    const decoded = decodeURIComponent(idOrKey);
    const dataset = this.visibleDatasets(caller).find(
      (d) => d.project.key.toUpperCase() === decoded.toUpperCase() || d.project.id === decoded,
    );
    if (!dataset) fail(404, noProject(decoded));
    return dataset;
  }

  private versions(idOrKey: string, caller: JiraCaller): Reply {
    return { status: 200, body: this.findDataset(idOrKey, caller).versions ?? [] };
  }

  private project(idOrKey: string, caller: JiraCaller): Reply {
    const dataset = this.findDataset(idOrKey, caller);
    return {
      status: 200,
      body: {
        ...dataset.project,
        components: [],
        issueTypes: this.issueTypesOf(dataset),
        versions: dataset.versions ?? [],
      },
    };
  }

  private projectSearch(url: URL, caller: JiraCaller): Reply {
    const q = url.searchParams;
    const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
    const maxResults = Math.min(50, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
    const keys = new Set(splitList(q.getAll('keys')).map((k) => k.toUpperCase()));
    const ids = new Set(splitList(q.getAll('id')));
    const query = (q.get('query') ?? '').toLowerCase();
    const matching = this.visibleDatasets(caller)
      .map((d) => d.project)
      .filter(
        (p) =>
          (keys.size === 0 || keys.has(p.key.toUpperCase())) &&
          (ids.size === 0 || ids.has(p.id)) &&
          (!query || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query)),
      )
      .sort((a, b) => a.name.localeCompare(b.name));
    const values = matching
      .slice(startAt, startAt + maxResults)
      .map(({ lead: _lead, description: _d, issueTypes: _t, versions: _v, components: _c, ...rest }) => rest);
    const isLast = startAt + values.length >= matching.length;
    const self = `${this.site}/rest/api/3/project/search?startAt=${startAt}&maxResults=${maxResults}`;
    return {
      status: 200,
      body: {
        self,
        ...(isLast ? {} : { nextPage: `${this.site}/rest/api/3/project/search?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
        maxResults,
        startAt,
        total: matching.length,
        isLast,
        values,
      },
    };
  }

  private prioritySearch(url: URL): Reply {
    const q = url.searchParams;
    const startAt = Math.max(0, Number(q.get('startAt') ?? 0) || 0);
    const maxResults = Math.min(50, Math.max(1, Number(q.get('maxResults') ?? 50) || 50));
    const ids = new Set(splitList(q.getAll('id')));
    const name = (q.get('priorityName') ?? '').toLowerCase();
    const matching = this.priorities.filter(
      (p) => (ids.size === 0 || ids.has(String(p['id']))) && (!name || String(p['name']).toLowerCase().includes(name)),
    );
    const values = matching.slice(startAt, startAt + maxResults);
    const isLast = startAt + values.length >= matching.length;
    return {
      status: 200,
      body: {
        self: `${this.site}/rest/api/3/priority/search?startAt=${startAt}&maxResults=${maxResults}`,
        ...(isLast ? {} : { nextPage: `${this.site}/rest/api/3/priority/search?startAt=${startAt + maxResults}&maxResults=${maxResults}` }),
        maxResults,
        startAt,
        total: matching.length,
        isLast,
        values,
      },
    };
  }

  /**
   * The caller's permissions in the global, project or issue context. A project or issue the caller
   * cannot browse is a 404, as the spec documents; in the global context a project permission is
   * held when it is held in any project.
   */
  private myPermissions(url: URL, caller: JiraCaller): Reply {
    const q = url.searchParams;
    const keys = splitList(q.getAll('permissions'));
    if (keys.length === 0) fail(400, "The 'permissions' query parameter is required.");
    const unknown = keys.filter((key) => !isJiraPermissionKey(key));
    if (unknown.length > 0) fail(400, `Invalid permission keys: ${unknown.join(', ')}.`);
    const projectKey = q.get('projectId') ?? q.get('projectKey');
    if (projectKey) this.findDataset(projectKey, caller);
    const issueKey = q.get('issueId') ?? q.get('issueKey');
    if (issueKey) this.requireIssue(issueKey, caller);
    const permissions: Record<string, JsonObject> = {};
    for (const key of keys.filter(isJiraPermissionKey)) {
      const spec = JIRA_PERMISSIONS[key];
      permissions[key] = {
        id: spec.id,
        key,
        name: spec.name,
        type: spec.type,
        description: spec.description,
        havePermission: caller.has(key) && (spec.type === 'GLOBAL' || this.datasets.length > 0),
      };
    }
    return { status: 200, body: { permissions } };
  }

  // ---- issue links -------------------------------------------------------------------------

  /** Link id → source ("from", outward) and destination issue ids; built from the data on first use. */
  private linkIndex: Map<string, { sourceId: string; destinationId: string; type: JsonObject }> | null = null;
  private nextLinkId = 0;

  private links(): Map<string, { sourceId: string; destinationId: string; type: JsonObject }> {
    if (this.linkIndex) return this.linkIndex;
    const index = new Map<string, { sourceId: string; destinationId: string; type: JsonObject }>();
    for (const stored of this.issuesById.values()) {
      for (const raw of Array.isArray(stored.json.fields['issuelinks']) ? stored.json.fields['issuelinks'] : []) {
        const link = asRecord(raw);
        const id = scalarText(link?.['id']);
        if (!link || id === undefined) continue;
        this.nextLinkId = Math.max(this.nextLinkId, Number(id) || 0);
        // The issue holding an `outwardIssue` entry is the link's source; one with `inwardIssue`, its destination.
        const outward = scalarText(asRecord(link['outwardIssue'])?.['id']);
        const inward = scalarText(asRecord(link['inwardIssue'])?.['id']);
        const type = asRecord(link['type']) ?? {};
        if (outward !== undefined) index.set(id, { sourceId: stored.json.id, destinationId: outward, type });
        else if (inward !== undefined && !index.has(id)) index.set(id, { sourceId: inward, destinationId: stored.json.id, type });
      }
    }
    this.linkIndex = index;
    return index;
  }

  private issueRef(stored: StoredIssue): JsonObject {
    const f = stored.json.fields;
    return {
      id: stored.json.id,
      key: stored.json.key,
      self: `${this.site}/rest/api/3/issue/${stored.json.id}`,
      fields: { summary: f['summary'], status: f['status'], priority: f['priority'], issuetype: f['issuetype'] },
    };
  }

  private issueLinksOf(stored: StoredIssue): JsonObject[] {
    const links = stored.json.fields['issuelinks'];
    if (Array.isArray(links)) return links as JsonObject[];
    const created: JsonObject[] = [];
    stored.json.fields['issuelinks'] = created;
    return created;
  }

  /**
   * `POST /issueLink`: the outward issue is the "from" side (it *blocks* the inward one), as the
   * REST documentation names it. Both issues show the link, get a "Link" changelog entry and a
   * new `updated`; one `avi:jira:created:issuelink` event is fired. A duplicate is answered 201
   * and changes nothing. Issues or a type the caller cannot see, or no Link Issues permission: 404.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-links/#api-rest-api-3-issuelink-post
   */
  private async linkIssues(request: Request, caller: JiraCaller): Promise<Reply> {
    const body = this.parseBody(LinkIssueBodySchema, await this.readJson(request));
    if (body.comment !== undefined) fail(400, 'A comment on an issue link is not supported by the Jira emulator.');
    const refOf = (ref: { id?: string | undefined; key?: string | undefined }, side: string) => {
      const idOrKey = ref.key ?? ref.id;
      if (idOrKey === undefined) fail(400, '', { [side]: `Specify the id or key of the ${side}.` });
      return this.requireIssue(idOrKey, caller);
    };
    const inward = refOf(body.inwardIssue, 'inwardIssue');
    const outward = refOf(body.outwardIssue, 'outwardIssue');
    if (!caller.has('LINK_ISSUES')) fail(404, `No Link Issue Permission for issue '${outward.json.key}'.`);
    const type = this.linkTypes.find(
      (t) => (body.type.id !== undefined && t['id'] === body.type.id) || (body.type.name !== undefined && t['name'] === body.type.name),
    );
    if (!type) fail(404, `No issue link type with name '${body.type.name ?? body.type.id ?? ''}' found.`);
    if (inward.json.id === outward.json.id) fail(400, 'You cannot link an issue to itself.');
    const links = this.links();
    for (const link of links.values()) {
      if (link.sourceId === outward.json.id && link.destinationId === inward.json.id && link.type['id'] === type['id']) {
        return { status: 201, points: 2 };
      }
    }
    this.nextLinkId += 1;
    const id = String(this.nextLinkId);
    const linkType = {
      id: String(type['id']),
      name: String(type['name']),
      inward: String(type['inward']),
      outward: String(type['outward']),
    };
    const self = `${this.site}/rest/api/3/issueLink/${id}`;
    const typeJson = { ...linkType, self: `${this.site}/rest/api/3/issueLinkType/${linkType.id}` };
    this.issueLinksOf(outward).push({ id, self, type: typeJson, outwardIssue: this.issueRef(inward) });
    this.issueLinksOf(inward).push({ id, self, type: typeJson, inwardIssue: this.issueRef(outward) });
    links.set(id, { sourceId: outward.json.id, destinationId: inward.json.id, type: typeJson });
    this.addHistory(outward, [linkItem(null, `This issue ${linkType.outward} ${inward.json.key}`, inward.json.key)], caller);
    this.addHistory(inward, [linkItem(null, `This issue ${linkType.inward} ${outward.json.key}`, outward.json.key)], caller);
    this.emitLink('avi:jira:created:issuelink', id, outward, inward, linkType, caller);
    return { status: 201, points: 2 };
  }

  /** The link and both its issues, when the caller can browse them (else 404, as a missing link). */
  private requireLink(linkId: string, caller: JiraCaller) {
    const link = this.links().get(linkId);
    const source = link && this.findIssue(link.sourceId, caller);
    const destination = link && this.findIssue(link.destinationId, caller);
    if (!link || !source || !destination) fail(404, `No issue link with id '${linkId}' exists.`);
    return { link, source, destination };
  }

  private getIssueLink(linkId: string, caller: JiraCaller): Reply {
    const { link, source, destination } = this.requireLink(linkId, caller);
    return {
      status: 200,
      body: {
        id: linkId,
        self: `${this.site}/rest/api/3/issueLink/${linkId}`,
        type: link.type,
        inwardIssue: this.issueRef(destination),
        outwardIssue: this.issueRef(source),
      },
    };
  }

  /** `DELETE /issueLink/{linkId}`: the reverse of `linkIssues`, with "Link" entries removing it. */
  private deleteIssueLink(linkId: string, caller: JiraCaller): Reply {
    const { link, source, destination } = this.requireLink(linkId, caller);
    if (!caller.has('LINK_ISSUES')) fail(404, `No issue link with id '${linkId}' exists.`);
    for (const stored of [source, destination]) {
      const links = this.issueLinksOf(stored);
      stored.json.fields['issuelinks'] = links.filter((entry) => scalarText(entry['id']) !== linkId);
    }
    this.links().delete(linkId);
    const linkType = {
      id: scalarText(link.type['id']) ?? '',
      name: scalarText(link.type['name']) ?? '',
      inward: scalarText(link.type['inward']) ?? '',
      outward: scalarText(link.type['outward']) ?? '',
    };
    this.addHistory(source, [linkItem(destination.json.key, `This issue ${linkType.outward} ${destination.json.key}`, null)], caller);
    this.addHistory(destination, [linkItem(source.json.key, `This issue ${linkType.inward} ${source.json.key}`, null)], caller);
    this.emitLink('avi:jira:deleted:issuelink', linkId, source, destination, linkType, caller);
    return { status: 204, points: 2 };
  }

  private emitLink(
    eventType: IssueLinkEventType,
    id: string,
    source: StoredIssue,
    destination: StoredIssue,
    issueLinkType: IssueLinkEvent['issueLinkType'],
    caller: JiraCaller,
  ): void {
    if (!this.onIssueLinkEvent) return;
    const event: IssueLinkEvent = {
      eventType,
      id,
      sourceIssueId: source.json.id,
      destinationIssueId: destination.json.id,
      sourceProjectId: this.projectOf(source).id,
      destinationProjectId: this.projectOf(destination).id,
      issueLinkType,
      atlassianId: caller.user.accountId,
    };
    this.onIssueLinkEvent(event, { byApp: caller.isApp });
  }

  /**
   * `GET /user/picker`: the site's users whose display name or e-mail matches `query` (a
   * case-insensitive prefix of any word, as Jira's picker does). Without the "Browse users and
   * groups" global permission only an exact name or e-mail matches; no query is a 400.
   * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-picker-get
   */
  private userPicker(url: URL, caller: JiraCaller): Reply {
    const query = (url.searchParams.get('query') ?? '').trim().toLowerCase();
    if (query === '') fail(400, 'The query parameter is required.');
    const maxResults = Math.min(Math.max(Number(url.searchParams.get('maxResults') ?? '50') || 50, 1), 1000);
    const words = (user: LocalAccount) => [...user.displayName.toLowerCase().split(/[\s()]+/u), (user.emailAddress ?? '').toLowerCase()];
    const exact = (user: LocalAccount) => user.displayName.toLowerCase() === query || (user.emailAddress ?? '').toLowerCase() === query;
    const browses = caller.has('USER_PICKER');
    const found = this.accounts.filter((user) => (browses ? words(user).some((w) => w.startsWith(query)) || exact(user) : exact(user)));
    const users = found.slice(0, maxResults).map((user) => {
      const json = userJson(this.site, user);
      const avatars = asRecord(json['avatarUrls']);
      return {
        accountId: user.accountId,
        accountType: 'atlassian',
        displayName: user.displayName,
        html: `${user.displayName} - ${user.emailAddress ?? ''}`,
        avatarUrl: typeof avatars?.['24x24'] === 'string' ? avatars['24x24'] : '',
      };
    });
    return {
      status: 200,
      body: { users, total: found.length, header: `Showing ${String(users.length)} of ${String(found.length)} matching users` },
    };
  }

  private myselfJson(caller: JiraCaller): JsonObject {
    return {
      ...userJson(this.site, caller.user),
      locale: 'en_US',
      groups: { size: 1, items: [] },
      applicationRoles: { size: 1, items: [] },
      expand: 'groups,applicationRoles',
    };
  }
}
