import { AppError } from '../../application/app-error';
import type { BlockingLink, Issue, IssueHistory } from '../../domain/issue';
import { calendarDayOf } from '../../domain/issue-rules';
import { toStatusCategoryKey, type StatusCategoryKey } from '../../domain/status-category';
import { toBlockerSide, type IssueMappingContext } from './issue-mapping-context';
import { asArray, asFiniteNumber, asId, asRecord, asString, type JsonRecord } from './json-values';
import { isCalendarDay, toEpochMs } from './to-epoch-ms';

/** System fields the domain reads; custom fields come from discovery. No description or comments. */
export const ISSUE_SYSTEM_FIELDS = [
  'summary',
  'issuetype',
  'status',
  'resolution',
  'resolutiondate',
  'created',
  'updated',
  'duedate',
  'priority',
  'labels',
  'fixVersions',
  'parent',
  'assignee',
  'issuelinks',
  'timeoriginalestimate',
  'timeestimate',
  'timespent',
  'statuscategorychangedate',
] as const;

/**
 * An issue's status category changed after creation when `statuscategorychangedate` is later
 * than `created` by more than this: Jira stamps both at creation, not always in the same ms.
 */
export const CATEGORY_CHANGE_TOLERANCE_MS = 60_000;

export interface MappedIssue {
  issue: Issue;
  /** Whether the changelog must be read for this issue (see `needsHistory`). */
  needsHistory: boolean;
  /** Jira's `statuscategorychangedate`, or null when absent. */
  categoryChangedAt: number | null;
}

const EMPTY: readonly never[] = Object.freeze([]);

/**
 * The history of an issue whose changelog is not read. Such issues are never done (see
 * `needsHistory`), so nothing is completed, started or reopened, and one shared object serves
 * them all (memory for 100k issues).
 */
export const UNREAD_HISTORY: IssueHistory = Object.freeze({
  transitions: EMPTY,
  completedAt: null,
  completedAtEstimated: false,
  startedAt: null,
  reopenCount: 0,
  versionChanges: EMPTY,
  statusSince: null,
  complete: false,
});

/**
 * Whose changelog matters:
 * - issues in progress or done (category `indeterminate` or `done`);
 * - resolved ones (a resolution or resolution date, whatever the category);
 * - issues whose `statuscategorychangedate` is later than `created` (the category moved and may
 *   have come back to `new`: a reopened or pushed-back issue); an unknown date counts as moved;
 * - to-do issues in a fix version that were edited after creation (`updated` later than
 *   `created`): they may have been moved into the version after its baseline (scope creep);
 * - issues in a status that means waiting on the client (`waitingStatusNames`, trimmed and
 *   lower-cased), whatever its category: the changelog dates the wait (DESIGN §5.4).
 * What is left — to-do issues never moved, and untouched or outside any version — has no
 * category transitions and no version moves to find, so its changelog is not read. An issue
 * waiting by the label alone is not read for it: the wait is then "at least since the update".
 */
export function needsHistory(issue: Issue, statusCategoryChangedAt: number | null, waitingStatusNames: ReadonlySet<string>): boolean {
  const category = issue.status.category;
  if (category === 'indeterminate' || category === 'done') return true;
  if (waitingStatusNames.has(issue.status.name.trim().toLowerCase())) return true;
  if (issue.resolution !== null || issue.resolved !== null) return true;
  const changedAfterCreation = issue.created + CATEGORY_CHANGE_TOLERANCE_MS;
  if (statusCategoryChangedAt === null || statusCategoryChangedAt > changedAfterCreation) return true;
  return issue.fixVersions.length > 0 && issue.updated > changedAfterCreation;
}

/**
 * Estimated history from fields alone, for an issue whose changelog was not read but which is
 * done after all: completed at the resolution date, else at `updated` (flagged as estimated).
 */
export function toEstimatedHistory(issue: Issue): IssueHistory {
  if (!isIssueDone(issue)) return UNREAD_HISTORY;
  return { ...UNREAD_HISTORY, completedAt: issue.resolved ?? issue.updated, completedAtEstimated: true };
}

/** Done in the domain's sense (DESIGN §4): category `done` or a resolution. */
export function isIssueDone(issue: Pick<Issue, 'status' | 'resolution'>): boolean {
  return issue.status.category === 'done' || issue.resolution !== null;
}

function badShape(what: string): AppError {
  return new AppError('JIRA_UNAVAILABLE', `Jira returned an unexpected issue shape: ${what}`);
}

function instant(value: unknown): number | null {
  return typeof value === 'string' ? toEpochMs(value) : null;
}

function calendarDay(value: unknown): string | null {
  return typeof value === 'string' && isCalendarDay(value) ? value : null;
}

/**
 * A start date as a calendar day: a date field's `YYYY-MM-DD` as is; a date-time field (a PM may
 * point the start-date override at one) becomes its day in the project's zone.
 */
function startDay(value: unknown, timeZone: string): string | null {
  if (typeof value !== 'string') return null;
  if (isCalendarDay(value)) return value;
  const ms = toEpochMs(value);
  return ms === null ? null : calendarDayOf(ms, timeZone);
}

/**
 * Maps one issue of a `/search/jql` page to the domain `Issue`. Hand-checked rather than
 * zod-parsed: it runs on every issue of every page and must stay far cheaper than the JSON
 * parse. Missing optional fields become null/empty; a missing id, key or `created` is an
 * unexpected shape (AppError `JIRA_UNAVAILABLE`), never a half-mapped issue.
 *
 * Realities handled: localized status names (only the category key is interpreted; "No
 * Category" is `undefined`), resolution and category kept as they are (the domain decides),
 * offsets without a colon, date-only fields kept as `YYYY-MM-DD`, `timetracking: {}`, Flagged
 * as `null` / `[{"value":"Impediment"}]` / Agile's boolean `flagged`, blocking links of any
 * type name in both directions and counted once, priority rank by the scheme's order (unknown
 * priorities rank last), unknown keys ignored.
 */
export function toIssue(raw: unknown, context: IssueMappingContext): MappedIssue {
  const json = asRecord(raw);
  const id = asId(json?.['id']);
  const key = asString(json?.['key']);
  const fields = asRecord(json?.['fields']);
  if (!json || id === undefined || key === undefined || !fields) throw badShape('an issue without id, key or fields');
  const created = instant(fields['created']);
  if (created === null) throw badShape(`${key} has no created date`);
  const updated = instant(fields['updated']) ?? created;
  const resolutionName = asString(asRecord(fields['resolution'])?.['name']) ?? null;

  const issue: Issue = {
    id,
    key,
    summary: asString(fields['summary']) ?? '',
    type: toType(fields['issuetype'], context),
    status: toStatus(fields['status'], context),
    resolution: resolutionName,
    created,
    updated,
    resolved: instant(fields['resolutiondate']),
    due: calendarDay(fields['duedate']),
    start: context.fields.startDate === null ? null : startDay(fields[context.fields.startDate], context.timeZone),
    priority: toPriority(fields['priority'], context),
    labels: toLabels(fields['labels']),
    components: toNames(fields['components']),
    fixVersions: toIds(fields['fixVersions']),
    parentKey: asString(asRecord(fields['parent'])?.['key']) ?? null,
    assignee: toUser(fields['assignee'], context),
    reporter: toUser(fields['reporter'], context),
    storyPoints: toStoryPoints(fields, context),
    timeOriginal: null,
    timeRemaining: null,
    timeSpent: null,
    flagged: toFlagged(fields, context),
    blockedBy: EMPTY,
    blocks: EMPTY,
    history: UNREAD_HISTORY,
  };
  setTimeTracking(issue, fields);
  setLinks(issue, fields['issuelinks'], context);
  const changedAt = instant(fields['statuscategorychangedate']);
  const mustRead = needsHistory(issue, changedAt, context.waitingStatusNames);
  if (!mustRead) issue.history = toEstimatedHistory(issue);
  return { issue, needsHistory: mustRead, categoryChangedAt: changedAt };
}

/**
 * An issue's status with its category. The issue's own embedded `statusCategory.key` wins:
 * recordings made over time can give one status id different categories on different issues,
 * and each issue is what it says it is. `/status` (by id, then by name) only fills in when the
 * issue carries no category. Nothing depends on the order issues are mapped in: the shared
 * objects are keyed by id and checked by name and category.
 */
function toStatus(value: unknown, context: IssueMappingContext): Issue['status'] {
  const json = asRecord(value);
  const id = asId(json?.['id']) ?? '';
  const name = asString(json?.['name']) ?? '';
  const embedded = asString(asRecord(json?.['statusCategory'])?.['key']);
  const category: StatusCategoryKey =
    embedded !== undefined
      ? toStatusCategoryKey(embedded)
      : (context.statusCategoryById.get(id) ?? context.statusCategoryByName.get(name.toLowerCase()) ?? 'undefined');
  // Keyed by id, then matched on name and category: no key string built per issue on the hot path.
  const variants = context.cache.statuses.get(id);
  if (variants !== undefined) {
    for (const cached of variants) if (cached.name === name && cached.category === category) return cached;
  }
  const status = { name, category };
  if (variants === undefined) context.cache.statuses.set(id, [status]);
  else variants.push(status);
  return status;
}

function toType(value: unknown, context: IssueMappingContext): Issue['type'] {
  const json = asRecord(value);
  const id = asId(json?.['id']) ?? '';
  const name = asString(json?.['name']) ?? '';
  const subtask = json?.['subtask'] === true;
  const hierarchyLevel = asFiniteNumber(json?.['hierarchyLevel']) ?? (subtask ? -1 : 0);
  const cached = context.cache.types.get(id);
  if (cached?.name === name && cached.subtask === subtask && cached.hierarchyLevel === hierarchyLevel) return cached;
  const type = { id, name, subtask, hierarchyLevel };
  context.cache.types.set(id, type);
  return type;
}

function toPriority(value: unknown, context: IssueMappingContext): Issue['priority'] {
  const json = asRecord(value);
  const name = asString(json?.['name']);
  if (!json || name === undefined) return null;
  const id = asId(json['id']) ?? '';
  const cached = context.cache.priorities.get(id);
  if (cached?.name === name) return cached;
  // Unknown priorities (not in the project's scheme) rank after every known one.
  const rank = context.priorityRankById.get(id) ?? context.priorityRankByName.get(name) ?? context.priorityCount;
  const priority = { name, rank };
  context.cache.priorities.set(id, priority);
  return priority;
}

function toUser(value: unknown, context: IssueMappingContext): Issue['assignee'] {
  const json = asRecord(value);
  const accountId = asString(json?.['accountId']);
  if (!json || accountId === undefined) return null;
  const displayName = asString(json['displayName']) ?? '';
  const cached = context.cache.users.get(accountId);
  if (cached?.displayName === displayName) return cached;
  const user = { accountId, displayName };
  context.cache.users.set(accountId, user);
  return user;
}

function toLabels(value: unknown): readonly string[] {
  const array = asArray(value);
  if (!array || array.length === 0) return EMPTY;
  const labels: string[] = [];
  for (const label of array) if (typeof label === 'string') labels.push(label);
  return labels;
}

function toNames(value: unknown): readonly string[] {
  const array = asArray(value);
  if (!array || array.length === 0) return EMPTY;
  const names: string[] = [];
  for (const item of array) {
    const name = asString(asRecord(item)?.['name']);
    if (name !== undefined) names.push(name);
  }
  return names;
}

function toIds(value: unknown): readonly string[] {
  const array = asArray(value);
  if (!array || array.length === 0) return EMPTY;
  const ids: string[] = [];
  for (const item of array) {
    const id = asId(asRecord(item)?.['id']);
    if (id !== undefined) ids.push(id);
  }
  return ids;
}

function toStoryPoints(fields: JsonRecord, context: IssueMappingContext): number | null {
  for (const id of context.fields.storyPoints) {
    const value = asFiniteNumber(fields[id]);
    if (value !== undefined) return value;
  }
  return null;
}

/** Flagged is a checkbox field: `null` or `[{"value":"Impediment"}]`; Agile's API sends a boolean. */
function toFlagged(fields: JsonRecord, context: IssueMappingContext): boolean {
  if (fields['flagged'] === true) return true;
  if (context.fields.flagged === null) return false;
  const value = fields[context.fields.flagged];
  if (Array.isArray(value)) return value.length > 0;
  return value === true;
}

/** Seconds from the numeric fields; `timetracking` (`{}` when unset) only if they are absent. */
function setTimeTracking(issue: Issue, fields: JsonRecord): void {
  issue.timeOriginal = asFiniteNumber(fields['timeoriginalestimate']) ?? null;
  issue.timeRemaining = asFiniteNumber(fields['timeestimate']) ?? null;
  issue.timeSpent = asFiniteNumber(fields['timespent']) ?? null;
  const tracking = asRecord(fields['timetracking']);
  if (!tracking) return;
  issue.timeOriginal ??= asFiniteNumber(tracking['originalEstimateSeconds']) ?? null;
  issue.timeRemaining ??= asFiniteNumber(tracking['remainingEstimateSeconds']) ?? null;
  issue.timeSpent ??= asFiniteNumber(tracking['timeSpentSeconds']) ?? null;
}

/**
 * Blocking links. A link is stored on both issues (as `outwardIssue` on one, `inwardIssue` on
 * the other), so each issue only records its own side and each linked key once. Blockers
 * already done by category are dropped here; the reader drops blockers it knows are resolved.
 */
function setLinks(issue: Issue, value: unknown, context: IssueMappingContext): void {
  const links = asArray(value);
  if (!links || links.length === 0) return;
  let blockedBy: BlockingLink[] | undefined;
  let blocks: string[] | undefined;
  for (const item of links) {
    const link = asRecord(item);
    if (!link) continue;
    const side = blockerSideOf(asRecord(link['type']), context);
    if (side === null) continue;
    const inward = asRecord(link['inwardIssue']);
    const outward = asRecord(link['outwardIssue']);
    const blocker = side === 'inward' ? inward : outward;
    const blocked = side === 'inward' ? outward : inward;
    if (blocker) {
      const key = asString(blocker['key']);
      if (key === undefined || key === issue.key || blockedBy?.some((b) => b.key === key)) continue;
      const status = toStatus(asRecord(blocker['fields'])?.['status'], context);
      if (status.category === 'done') continue;
      (blockedBy ??= []).push({ key, statusName: status.name, category: status.category, since: null });
    } else if (blocked) {
      const key = asString(blocked['key']);
      if (key === undefined || key === issue.key || blocks?.includes(key)) continue;
      (blocks ??= []).push(key);
    }
  }
  if (blockedBy) issue.blockedBy = blockedBy;
  if (blocks) issue.blocks = blocks;
}

function blockerSideOf(type: JsonRecord | undefined, context: IssueMappingContext): 'inward' | 'outward' | null {
  if (!type) return null;
  const id = asId(type['id']);
  if (id !== undefined) {
    const known = context.blockerSideByLinkTypeId.get(id);
    if (known !== undefined) return known;
  }
  const side = toBlockerSide(
    { name: asString(type['name']), inward: asString(type['inward']), outward: asString(type['outward']) },
    context.blockingLinkTypeNames,
  );
  if (id !== undefined) context.blockerSideByLinkTypeId.set(id, side);
  return side;
}
