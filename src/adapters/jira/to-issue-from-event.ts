import { z } from 'zod';
import type { BlockingLink, CategoryTransition, Issue, IssueHistory, VersionChange } from '../../domain/issue';
import type { IssueMappingContext } from './issue-mapping-context';
import { asRecord, asString, type JsonRecord } from './json-values';
import { isCalendarDay, toEpochMs } from './to-epoch-ms';
import { ISSUE_SYSTEM_FIELDS, isIssueDone, toIssue } from './to-issue';

/**
 * Jira issue events (Forge product events `avi:jira:created|updated|deleted:issue`) mapped to
 * what the cache needs: which issue of which project, when, what changed — and, when the event
 * carries enough, the domain `Issue` itself, so most events cost no Jira read.
 *
 * What Forge documents: the payload has `issue` (`id`, `key`, `fields` with summary, issuetype,
 * creator, created, project, reporter, assignee, updated, status — each optional), `atlassianId`,
 * `associatedUsers` and, for updates, `changelog` (`id`, `items` of field, fieldtype, fieldId,
 * from, fromString, to, toString). The manifest asks for more fields with
 * `payload.include.fields`, which `@forge/manifest` accepts but the docs do not describe, so
 * nothing here assumes the extra fields arrive: every field is checked.
 * @see https://developer.atlassian.com/platform/forge/events-reference/jira/#issue-events
 */

export type IssueEventKind = 'created' | 'updated' | 'deleted';

/** One changelog item of an update event. */
export interface IssueEventChange {
  /** `fieldId` when Jira sends it (Cloud does), else the display name `field`. */
  fieldId: string;
  /** The display name (`Fix Version`, `Link`, a custom field's name). */
  field: string;
  from: string | null;
  fromText: string | null;
  to: string | null;
  toText: string | null;
}

export interface IssueEventFacts {
  kind: IssueEventKind;
  projectId: string;
  projectKey: string;
  issueId: string;
  issueKey: string;
  /**
   * When the change happened (epoch ms): the issue's `updated` (`created` for a creation);
   * the time the event was received for a deletion, or when the event carries neither.
   */
  at: number;
  /** Who caused the event, when Jira says. */
  atlassianId: string | null;
  /** Field ids the changelog names, in order, each once (empty for creations and deletions). */
  changedFields: readonly string[];
  /** The changelog items, for `mergeEventIntoIssue`. */
  changes: readonly IssueEventChange[];
  /**
   * The domain issue built from the event's fields alone: set only for creations and updates
   * whose event carries every field the domain reads (see `missingFields`). Its history is
   * what the fields say; for an update of a cached issue, `mergeEventIntoIssue` keeps the
   * cached history instead.
   */
  fields?: Issue;
  /** With `fields`: whether its changelog must be read for its history (as `toIssue` says). */
  needsHistory: boolean;
  /** Jira field ids the domain reads that the event lacks (empty for deletions). */
  missingFields: readonly string[];
  /**
   * The event alone does not give the issue: a creation or update without `fields`. For an
   * update of a cached issue, try `mergeEventIntoIssue` first; it says when a read is needed.
   */
  needsRead: boolean;
  /** The event's issue fields as they arrived, for `mergeEventIntoIssue`. */
  issueFields: JsonRecord;
}

const EVENT_KINDS: Readonly<Record<string, IssueEventKind>> = {
  'avi:jira:created:issue': 'created',
  'avi:jira:updated:issue': 'updated',
  'avi:jira:deleted:issue': 'deleted',
};

/**
 * A changelog item. Its `toString` key is read as an own property only, before zod sees it:
 * on an item without one, `item.toString` is `Object.prototype.toString`.
 */
const changeItemJson = z.preprocess(
  (value) => {
    const json = asRecord(value);
    if (!json) return value;
    // Own keys only: `toString` becomes `toText`, never the inherited method.
    const own = Object.entries(json).filter(([key]) => key !== 'toString');
    return { ...Object.fromEntries(own), toText: Object.getOwnPropertyDescriptor(json, 'toString')?.value as unknown };
  },
  z
    .looseObject({
      field: z.string().optional(),
      fieldId: z.string().optional(),
      from: z.string().nullish(),
      fromString: z.string().nullish(),
      to: z.string().nullish(),
      toText: z.string().nullish(),
    })
    .transform((item): IssueEventChange => ({
      fieldId: item.fieldId ?? item.field ?? '',
      field: item.field ?? item.fieldId ?? '',
      from: item.from ?? null,
      fromText: item.fromString ?? null,
      to: item.to ?? null,
      toText: item.toText ?? null,
    })),
);

const idJson = z.union([z.string(), z.number()]).transform(String);

/** The event as far as this module reads it; unknown keys pass. */
const issueEventJson = z.looseObject({
  eventType: z.string(),
  atlassianId: z.string().optional(),
  issue: z.looseObject({
    id: idJson,
    key: z.string(),
    fields: z.record(z.string(), z.unknown()).default({}),
  }),
  changelog: z.looseObject({ items: z.array(changeItemJson).default([]) }).nullish(),
});

const projectJson = z.looseObject({ id: idJson, key: z.string() });

/** Fields that may be absent when empty (Jira leaves `parent` out of an issue without one). */
const OPTIONAL_FIELDS: ReadonlySet<string> = new Set(['parent']);

/** Jira field ids the domain reads: the reader's system fields and the discovered custom ones. */
function domainFieldIds(context: IssueMappingContext): string[] {
  const ids: string[] = [...ISSUE_SYSTEM_FIELDS];
  for (const id of [...context.fields.storyPoints, context.fields.flagged, context.fields.startDate]) {
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

/**
 * A value that names its object but lacks what the domain reads from it: Forge's documented
 * event users are `{ accountId }` (no display name) and its issue types may come without
 * `hierarchyLevel`, which a search result carries. Such a value cannot stand for a read.
 */
function isThin(fieldId: string, value: unknown): boolean {
  const json = asRecord(value);
  if (!json) return false;
  if (fieldId === 'assignee' || fieldId === 'reporter') return typeof json['displayName'] !== 'string';
  if (fieldId === 'issuetype') return typeof json['hierarchyLevel'] !== 'number';
  return false;
}

function pick(fields: JsonRecord, ids: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const id of ids) if (id in fields) picked[id] = fields[id];
  return picked;
}

function instant(value: unknown): number | null {
  return typeof value === 'string' ? toEpochMs(value) : null;
}

/**
 * Reads one Jira issue event. Returns null for anything that is not a readable issue event of
 * the three kinds (no issue id, key or project): there is nothing to do with it, and retrying
 * would not make it readable.
 *
 * `receivedAt` dates a deletion (the event carries no deletion time) and any event without
 * `updated`/`created`. An event with every field of `ISSUE_SYSTEM_FIELDS` and the discovered
 * custom fields (story points, flagged, start date) gets `fields`, mapped by `toIssue` exactly
 * as a search result would be; otherwise `missingFields` names what is absent and `needsRead`
 * is set.
 */
export function toIssueFromEvent(event: unknown, context: IssueMappingContext, receivedAt: number): IssueEventFacts | null {
  const parsed = issueEventJson.safeParse(event);
  if (!parsed.success) return null;
  const kind = EVENT_KINDS[parsed.data.eventType];
  const { issue } = parsed.data;
  const project = projectJson.safeParse(issue.fields['project']);
  if (kind === undefined || !project.success) return null;

  const fields = issue.fields;
  const updated = instant(fields['updated']);
  const created = instant(fields['created']);
  const at = kind === 'deleted' ? receivedAt : ((kind === 'created' ? (created ?? updated) : (updated ?? created)) ?? receivedAt);
  const changes = kind === 'updated' ? (parsed.data.changelog?.items ?? []) : [];
  const changedFields = [...new Set(changes.map((c) => c.fieldId).filter((id) => id !== ''))];

  const facts: IssueEventFacts = {
    kind,
    projectId: project.data.id,
    projectKey: project.data.key,
    issueId: issue.id,
    issueKey: issue.key,
    at,
    atlassianId: parsed.data.atlassianId ?? null,
    changedFields,
    changes,
    needsHistory: false,
    missingFields: [],
    needsRead: false,
    issueFields: fields,
  };
  if (kind === 'deleted') return facts;

  const missing = domainFieldIds(context).filter((id) => (!(id in fields) && !OPTIONAL_FIELDS.has(id)) || isThin(id, fields[id]));
  if (missing.length > 0 || created === null) {
    facts.missingFields = created === null && !missing.includes('created') ? [...missing, 'created'] : missing;
    facts.needsRead = true;
    return facts;
  }
  // Only what a read asks for: the event's other fields (creator, reporter...) are not mapped.
  const mapped = toIssue({ id: issue.id, key: issue.key, fields: pick(fields, domainFieldIds(context)) }, context);
  facts.fields = mapped.issue;
  facts.needsHistory = mapped.needsHistory;
  return facts;
}

// ---- merging an update into a cached issue --------------------------------------------------

export interface MergeEventOptions {
  /**
   * The current status of another issue (from the cache), for a blocking link added by the
   * event: the changelog names the linked issue but not its status. Without it (or when it
   * returns undefined) an added blocker makes the merge ask for a read.
   */
  statusOf?: (issueKey: string) => Issue['status'] | undefined;
}

export type MergeEventResult =
  /** The cached issue with the event applied. */
  | { kind: 'merged'; issue: Issue }
  /**
   * The event is not newer than the cached issue (`updated`): a duplicate or late delivery, the
   * cache already holds this state or a later one. Nothing to do.
   */
  | { kind: 'stale' }
  /** The event does not say enough about these fields: read the issue from Jira. */
  | { kind: 'needsRead'; fields: readonly string[] };

type LinkDirection = 'blockedBy' | 'blocks';

/** Which Jira source fields feed each domain field (for the ones the event may carry). */
function sourcesOf(context: IssueMappingContext): readonly (readonly [keyof Issue, readonly string[]])[] {
  const custom = (id: string | null): string[] => (id === null ? [] : [id]);
  return [
    ['summary', ['summary']],
    ['type', ['issuetype']],
    ['status', ['status']],
    ['resolution', ['resolution']],
    ['resolved', ['resolutiondate']],
    ['created', ['created']],
    ['updated', ['updated']],
    ['due', ['duedate']],
    ['start', custom(context.fields.startDate)],
    ['priority', ['priority']],
    ['labels', ['labels']],
    ['components', ['components']],
    ['fixVersions', ['fixVersions']],
    ['parentKey', ['parent']],
    ['assignee', ['assignee']],
    ['reporter', ['reporter']],
    ['timeOriginal', ['timeoriginalestimate']],
    ['timeRemaining', ['timeestimate']],
    ['timeSpent', ['timespent']],
    ['flagged', custom(context.fields.flagged)],
  ];
}

/** A changelog item's fields as the search result would carry them, or undefined when it cannot say. */
function rawValueOf(change: IssueEventChange, context: IssueMappingContext): { field: string; value: unknown } | undefined {
  const id = change.fieldId;
  const text = change.toText;
  const cleared = change.to === null && (text === null || text === '');
  if (context.fields.storyPoints.includes(id)) {
    if (cleared) return { field: id, value: null };
    const points = Number(text ?? change.to);
    return Number.isFinite(points) ? { field: id, value: points } : undefined;
  }
  if (id === context.fields.flagged) return { field: id, value: cleared ? null : [{ value: text ?? change.to }] };
  if (id === context.fields.startDate) return calendarDayChange(id, change);
  switch (id) {
    case 'summary':
      return text === null ? undefined : { field: id, value: text };
    case 'status':
      // No embedded category: `toIssue` then takes it from /status by id, then by name.
      return change.to === null ? undefined : { field: id, value: { id: change.to, name: text ?? '' } };
    case 'resolution':
      return { field: id, value: cleared ? null : { id: change.to, name: text ?? '' } };
    case 'duedate':
      return calendarDayChange(id, change);
    case 'priority':
      return cleared ? { field: id, value: null } : { field: id, value: { id: change.to, name: text ?? '' } };
    case 'labels':
      return { field: id, value: (text ?? '').split(' ').filter((label) => label !== '') };
    case 'assignee':
    case 'reporter':
      return cleared ? { field: id, value: null } : { field: id, value: { accountId: change.to, displayName: text ?? '' } };
    case 'timeoriginalestimate':
    case 'timeestimate':
    case 'timespent': {
      if (cleared) return { field: id, value: null };
      const seconds = Number(change.to ?? text);
      return Number.isFinite(seconds) ? { field: id, value: seconds } : undefined;
    }
    default:
      return undefined;
  }
}

function calendarDayChange(field: string, change: IssueEventChange): { field: string; value: unknown } | undefined {
  if (change.to === null && (change.toText === null || change.toText === '')) return { field, value: null };
  // `to` is `2026-07-01`; `toString` may be `2026-07-01 00:00:00.0`.
  const day = [change.to, change.toText?.slice(0, 10) ?? null].find((v) => v !== null && isCalendarDay(v));
  return day === undefined ? undefined : { field, value: day };
}

/** Which part of the domain a changelog item touches; null for fields the domain never reads. */
function changeKind(
  change: IssueEventChange,
  context: IssueMappingContext,
): 'value' | 'fixVersion' | 'component' | 'link' | 'parent' | 'issuetype' | 'resolutiondate' | null {
  const { fieldId: id, field } = change;
  if (id === 'fixVersions' || field === 'Fix Version') return 'fixVersion';
  if (id === 'components' || field === 'Component') return 'component';
  if (id === 'issuelinks' || field === 'Link') return 'link';
  if (id === 'parent' || field === 'IssueParentAssociation' || field === 'Parent') return 'parent';
  if (id === 'issuetype') return 'issuetype';
  if (id === 'resolutiondate') return 'resolutiondate';
  if (
    [
      'summary',
      'status',
      'resolution',
      'duedate',
      'priority',
      'labels',
      'assignee',
      'reporter',
      'timeoriginalestimate',
      'timeestimate',
      'timespent',
    ].includes(id)
  )
    return 'value';
  if (context.fields.storyPoints.includes(id) || id === context.fields.flagged || id === context.fields.startDate) return 'value';
  return null;
}

/** The Jira field behind each kind of change whose items name it by display name. */
const JIRA_FIELD_OF: Readonly<Partial<Record<NonNullable<ReturnType<typeof changeKind>>, string>>> = {
  fixVersion: 'fixVersions',
  component: 'components',
  link: 'issuelinks',
  parent: 'parent',
  issuetype: 'issuetype',
  resolutiondate: 'resolutiondate',
};

const ISSUE_KEY = /^[A-Z][A-Z0-9_]*-\d+$/iu;

/** "This issue is blocked by ACME-5" / "This issue blocks ACME-7": the link's own texts. */
function linkDirection(text: string | null): LinkDirection | null {
  const lower = text?.toLowerCase() ?? '';
  if (lower.includes('is blocked by')) return 'blockedBy';
  if (/\bblocks\b/u.test(lower)) return 'blocks';
  return null;
}

/**
 * Applies an update event to the cached issue, so that an update costs no Jira read:
 * - field values: the event's own fields win (mapped by `toIssue`, as a read would map them);
 *   fields the event lacks are taken from the changelog items (`to`/`toString`): summary,
 *   status (category from `/status` when the event has no status), resolution, due date,
 *   priority, labels, assignee, time tracking, story points, flagged, start date; fix versions
 *   are added and removed item by item; `updated` is the event's. Only fields a read asks for
 *   (`ISSUE_SYSTEM_FIELDS` and the discovered custom fields) are applied, so a merged issue
 *   holds what a read would;
 * - history: a change of status category is appended as a transition at the event time
 *   (`startedAt` on the first entry into in progress, `reopenCount` on leaving done); fix-version
 *   items become version changes; completion follows `toIssueHistory`'s rule (last entry into
 *   done, else the last resolution set, cleared when the issue is no longer done);
 * - blocking links: added and removed from "Link" items by their texts ("is blocked by" /
 *   "blocks"), an added blocker taking its status from `options.statusOf`.
 * It asks for a read (`needsRead`) when the event cannot say: an issue type change without the
 * event's `issuetype`, a parent change without a key, an added blocker whose status is unknown,
 * a link whose direction its text does not tell while settings name blocking link types, or a
 * value it cannot parse. Creations and deletions are not merges: they ask for a read.
 */
export function mergeEventIntoIssue(
  cached: Issue,
  facts: IssueEventFacts,
  context: IssueMappingContext,
  options: MergeEventOptions = {},
): MergeEventResult {
  if (facts.kind !== 'updated' || facts.issueId !== cached.id) return { kind: 'needsRead', fields: [] };
  // A new key: the issue moved, maybe to another project.
  if (facts.issueKey !== cached.key) return { kind: 'needsRead', fields: ['key', 'project'] };
  if (facts.at <= cached.updated) return { kind: 'stale' };

  // Only the fields a read asks for count (the domain keeps nothing else, so a merge must not
  // either); thin values (see `isThin`) are left out: the cached value or the changelog's stands in.
  const reads = new Set(domainFieldIds(context));
  const readable = pick(facts.issueFields, [...reads]);
  const event: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(readable)) if (!isThin(id, value)) event[id] = value;
  const thin = Object.keys(readable).filter((id) => !(id in event));
  const raw: Record<string, unknown> = {};
  const unreadable: string[] = [];
  let fixVersions = [...cached.fixVersions];
  let components = [...cached.components];
  let blockedBy: BlockingLink[] = [...cached.blockedBy];
  let blocks: string[] = [...cached.blocks];
  let parentKey = cached.parentKey;
  let resolutionSetHere = false;
  const versionChanges: VersionChange[] = [];

  for (const change of facts.changes) {
    const kind = changeKind(change, context);
    // Fields a read does not ask for stay as the cache has them (a read would not see them).
    if (kind !== null && !reads.has(JIRA_FIELD_OF[kind] ?? change.fieldId)) continue;
    switch (kind) {
      case null:
      case 'resolutiondate':
        break;
      case 'value': {
        if (change.fieldId === 'resolution' && (change.to !== null || (change.toText ?? '') !== '')) resolutionSetHere = true;
        if (change.fieldId in event) break;
        const value = rawValueOf(change, context);
        if (value === undefined) unreadable.push(change.fieldId);
        else raw[value.field] = value.value;
        break;
      }
      case 'issuetype':
        if (!('issuetype' in event)) unreadable.push('issuetype');
        break;
      case 'parent':
        if ('parent' in event) break;
        if (change.to === null && (change.toText ?? '') === '') parentKey = null;
        else if (change.toText !== null && ISSUE_KEY.test(change.toText)) parentKey = change.toText;
        else unreadable.push('parent');
        break;
      case 'fixVersion':
        if (change.from !== null) {
          versionChanges.push({ at: facts.at, versionId: change.from, change: 'removed' });
          fixVersions = fixVersions.filter((id) => id !== change.from);
        }
        if (change.to !== null) {
          versionChanges.push({ at: facts.at, versionId: change.to, change: 'added' });
          if (!fixVersions.includes(change.to)) fixVersions.push(change.to);
        }
        break;
      case 'component':
        if ('components' in event) break;
        if (change.fromText !== null) components = components.filter((name) => name !== change.fromText);
        if (change.toText !== null && !components.includes(change.toText)) components.push(change.toText);
        break;
      case 'link': {
        if ('issuelinks' in event) break;
        const removed = change.from;
        if (removed !== null) {
          blockedBy = blockedBy.filter((b) => b.key !== removed);
          blocks = blocks.filter((key) => key !== removed);
        }
        const added = change.to;
        if (added === null) break;
        const direction = linkDirection(change.toText);
        if (direction === null) {
          // A non-blocking type ("relates to") unless settings name types whose texts we cannot see.
          if (context.blockingLinkTypeNames.size > 0) unreadable.push('issuelinks');
        } else if (direction === 'blocks') {
          if (!blocks.includes(added)) blocks.push(added);
        } else if (!blockedBy.some((b) => b.key === added)) {
          const status = options.statusOf?.(added);
          if (status === undefined) unreadable.push('issuelinks');
          else if (status.category !== 'done')
            blockedBy.push({ key: added, statusName: status.name, category: status.category, since: facts.at });
        }
        break;
      }
    }
  }
  // A thin value naming another object than the cached one, with no changelog item to name it.
  for (const id of thin) {
    const value = asRecord(facts.issueFields[id]);
    const cachedId = id === 'issuetype' ? cached.type.id : id === 'assignee' ? cached.assignee?.accountId : cached.reporter?.accountId;
    const eventId = id === 'issuetype' ? asString(value?.['id']) : asString(value?.['accountId']);
    if (eventId !== cachedId && !(id in raw)) unreadable.push(id);
  }
  // The event's fields over the changelog's values, mapped as a search result would be.
  const overlay: Record<string, unknown> = { ...raw, ...event };
  const present = new Set(Object.keys(overlay));
  const storyPoints = mergedStoryPoints(cached, overlay, context);
  if (storyPoints === 'unknown') unreadable.push(...context.fields.storyPoints);
  if (unreadable.length > 0) return { kind: 'needsRead', fields: [...new Set(unreadable)] };

  if (instant(overlay['created']) === null) overlay['created'] = new Date(cached.created).toISOString();
  const partial = toIssue({ id: cached.id, key: cached.key, fields: overlay }, context).issue;

  const next: Issue = { ...cached, fixVersions, components, parentKey, blockedBy, blocks, updated: facts.at };
  const target = next as unknown as Record<keyof Issue, unknown>;
  const source = partial as unknown as Record<keyof Issue, unknown>;
  for (const [domainField, jiraFields] of sourcesOf(context)) {
    if (jiraFields.length > 0 && jiraFields.every((id) => present.has(id))) target[domainField] = source[domainField];
  }
  if (storyPoints !== 'unchanged' && storyPoints !== 'unknown') next.storyPoints = storyPoints;
  if (present.has('issuelinks')) {
    // The event lists every link: keep when each still-linked blocker was linked.
    const since = new Map(cached.blockedBy.map((b) => [b.key, b.since]));
    next.blockedBy = partial.blockedBy.map((b) => ({ ...b, since: since.get(b.key) ?? null }));
    next.blocks = partial.blocks;
  }
  if (!present.has('resolutiondate') && 'resolution' in raw) {
    // Jira stamps the resolution date when the resolution is set.
    next.resolved = raw['resolution'] === null ? null : facts.at;
  }
  next.history = toMergedHistory(cached, next, facts.at, versionChanges, resolutionSetHere);
  return { kind: 'merged', issue: next };
}

/**
 * Story points are the first non-null of several candidate fields (a site may have both "Story
 * point estimate" and "Story Points"). Walking the candidates in order: a value the event gives
 * decides when it is not null; a candidate it does not give was null if the cached points are
 * null (all candidates were), and is unknown otherwise.
 */
function mergedStoryPoints(cached: Issue, overlay: JsonRecord, context: IssueMappingContext): number | null | 'unchanged' | 'unknown' {
  const candidates = context.fields.storyPoints;
  if (!candidates.some((id) => id in overlay)) return 'unchanged';
  for (const id of candidates) {
    if (id in overlay) {
      const value = overlay[id];
      if (typeof value === 'number' && Number.isFinite(value)) return value;
    } else if (cached.storyPoints !== null) {
      return 'unknown';
    }
  }
  return null;
}

/** The cached history with this event's category transition, version changes, completion and status entry. */
function toMergedHistory(
  cached: Issue,
  next: Issue,
  at: number,
  versionChanges: readonly VersionChange[],
  resolutionSetHere: boolean,
): IssueHistory {
  const before = cached.history;
  const from = cached.status.category;
  const to = next.status.category;
  const transitions: CategoryTransition[] = from === to ? [...before.transitions] : [...before.transitions, { at, from, to }];
  const startedAt = before.startedAt ?? (from !== to && to === 'indeterminate' ? at : null);
  const reopenCount = before.reopenCount + (from === 'done' && to !== 'done' ? 1 : 0);
  let completedAt: number | null = null;
  let completedAtEstimated = false;
  if (isIssueDone(next)) {
    if (to === 'done' && from !== 'done') completedAt = at;
    else if (to !== 'done' && resolutionSetHere) completedAt = at;
    else if (isIssueDone(cached) && (to === 'done') === (from === 'done')) {
      completedAt = before.completedAt;
      completedAtEstimated = before.completedAtEstimated;
    } else {
      // Done before by category and now only by resolution: the last resolution set is older
      // than this event and not in the cache; the resolution date stands in (estimated).
      completedAt = next.resolved ?? before.completedAt ?? at;
      completedAtEstimated = next.resolved === null;
    }
  }
  return {
    transitions,
    completedAt,
    completedAtEstimated,
    startedAt,
    reopenCount,
    versionChanges: versionChanges.length > 0 ? [...before.versionChanges, ...versionChanges] : before.versionChanges,
    // A new status name is a status change at the event; the same name keeps the cached entry.
    statusSince: cached.status.name === next.status.name ? before.statusSince : at,
    complete: before.complete,
  };
}
