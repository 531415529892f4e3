import type { ClientVisibilityReason } from '../../contract/client-visibility';
import type { Issue } from './issue';
import type { ProjectSettings } from './settings';

/**
 * Small, hot rules on one normalized issue, shared by health, risk and the status report.
 * Calendar-day helpers are memoized: the derivation calls them for every issue of a 100k-issue
 * project, and `Intl` (behind date-fns-tz) is far too slow to call per issue.
 */

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The label that always makes an issue client-facing (risk weight), besides the configured client label. */
export const CLIENT_REPORTED_LABEL = 'client-reported';

/**
 * Done when the status category is `done` OR the issue has a resolution (DESIGN §4): the two
 * disagree on real sites (a resolved issue left in a `new` status, a team-managed `done`
 * status with no resolution) and either one means the work is finished.
 */
export function isDone(issue: Pick<Issue, 'status' | 'resolution'>): boolean {
  return issue.status.category === 'done' || issue.resolution !== null;
}

/**
 * Internal when it carries the project's internal label or is a subtask. Internal issues never
 * reach the client audience. The label match is case-insensitive.
 */
export function isInternal(issue: Pick<Issue, 'labels' | 'type'>, settings: Pick<ProjectSettings, 'internalLabel'>): boolean {
  return issue.type.subtask || hasLabel(issue, settings.internalLabel);
}

/**
 * Waiting on the client when its status name is one of the configured names (case-insensitive,
 * trimmed; the names are localized and arbitrary) or it has the configured label
 * (`waitingOnClientLabel`, default `waiting-on-client`, case-insensitive).
 * A done issue is never waiting on anyone.
 */
export function isWaitingOnClient(
  issue: Pick<Issue, 'status' | 'resolution' | 'labels'>,
  settings: Pick<ProjectSettings, 'waitingOnClientStatuses' | 'waitingOnClientLabel'>,
): boolean {
  if (isDone(issue)) return false;
  if (lowerSet(settings.waitingOnClientStatuses).has(issue.status.name.trim().toLowerCase())) return true;
  return hasLabel(issue, settings.waitingOnClientLabel);
}

/**
 * Whether the client audience may see an issue (DESIGN §5.1). Internal issues (internal label or
 * subtask) never. Of the others, by `settings.clientVisibility.mode`:
 * - `marked` (default): the issue carries the client label, or its parent does (the epic, for a
 *   story) — `parent` is the issue's parent when it is in the data. A parent that is itself
 *   internal passes nothing on: safe by default, its client label notwithstanding.
 * - `types`: the issue's type id is one of `issueTypeIds` (ids, not localized names).
 * - `all`: every issue that is not internal.
 * Label matches are case-insensitive.
 */
export function isClientVisible(
  issue: Pick<Issue, 'labels' | 'type'>,
  parent: Pick<Issue, 'labels' | 'type'> | null,
  settings: Pick<ProjectSettings, 'internalLabel' | 'clientLabel' | 'clientVisibility'>,
): boolean {
  return clientVisibilityOf(issue, parent, settings).shown;
}

/**
 * `isClientVisible` with its reason, for the PM (`ClientVisibilityReason`): a subtask is
 * `subtask` even when it also carries the internal label; `marked` wins over `epic-marked`.
 */
export function clientVisibilityOf(
  issue: Pick<Issue, 'labels' | 'type'>,
  parent: Pick<Issue, 'labels' | 'type'> | null,
  settings: Pick<ProjectSettings, 'internalLabel' | 'clientLabel' | 'clientVisibility'>,
): { shown: boolean; reason: ClientVisibilityReason } {
  if (issue.type.subtask) return { shown: false, reason: 'subtask' };
  if (hasLabel(issue, settings.internalLabel)) return { shown: false, reason: 'internal-label' };
  const { mode, issueTypeIds } = settings.clientVisibility;
  if (mode === 'all') return { shown: true, reason: 'all' };
  if (mode === 'types') {
    return issueTypeIds.includes(issue.type.id) ? { shown: true, reason: 'type-chosen' } : { shown: false, reason: 'type-not-chosen' };
  }
  if (hasLabel(issue, settings.clientLabel)) return { shown: true, reason: 'marked' };
  if (parent !== null && !isInternal(parent, settings) && hasLabel(parent, settings.clientLabel))
    return { shown: true, reason: 'epic-marked' };
  return { shown: false, reason: 'not-marked' };
}

/**
 * Client-facing when it has the configured client label or `client-reported`
 * (case-insensitive) and is not internal: the internal label or being a subtask wins.
 */
export function isClientFacing(
  issue: Pick<Issue, 'labels' | 'type'>,
  settings: Pick<ProjectSettings, 'internalLabel' | 'clientLabel'>,
): boolean {
  if (issue.labels.length === 0 || isInternal(issue, settings)) return false;
  return hasLabel(issue, settings.clientLabel) || hasLabel(issue, CLIENT_REPORTED_LABEL);
}

/** Whether the issue carries `label`, case-insensitive (settings trim their labels). */
function hasLabel(issue: Pick<Issue, 'labels'>, label: string): boolean {
  if (issue.labels.length === 0) return false;
  const wanted = label.trim().toLowerCase();
  for (const own of issue.labels) if (own.toLowerCase() === wanted) return true;
  return false;
}

const BUG_TYPE_NAMES = new Set(['bug', 'defect', '缺陷', '故障', '错误']);

/** A bug when its issue type name is Bug (or Defect, 缺陷, 故障, 错误), case-insensitive and trimmed. */
export function isBug(issue: Pick<Issue, 'type'>): boolean {
  return BUG_TYPE_NAMES.has(issue.type.name.trim().toLowerCase());
}

const lowerSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function lowerSet(values: readonly string[]): ReadonlySet<string> {
  let set = lowerSets.get(values);
  if (set === undefined) {
    set = new Set(values.map((v) => v.trim().toLowerCase()));
    lowerSets.set(values, set);
  }
  return set;
}

// ---------------------------------------------------------------------------------------------
// Calendar days

/** Offsets (ms) at the start of UTC days and hours, per zone. Bounded so a long-lived process cannot grow them forever. */
const dayOffsetMemo = new Map<string, Map<number, number>>();
const hourOffsetMemo = new Map<string, Map<number, number>>();
const OFFSET_MEMO_MAX = 200_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's exact UTC offset (ms) at instant `ms`, from `Intl` (slow: memoize callers). */
function exactOffset(zone: string, ms: number): number {
  let format = formatters.get(zone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RangeError(`Unknown time zone: ${zone}`);
    }
    formatters.set(zone, format);
  }
  const wall = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
  for (const part of format.formatToParts(ms)) {
    if (part.type in wall) wall[part.type as keyof typeof wall] = Number(part.value);
  }
  const whole = Math.floor(ms / 1000) * 1000;
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - whole;
}

function memoFor(memos: Map<string, Map<number, number>>, zone: string): Map<number, number> {
  let memo = memos.get(zone);
  if (memo === undefined) {
    memo = new Map();
    memos.set(zone, memo);
  }
  return memo;
}

function offsetAtBucket(zone: string, memo: Map<number, number>, bucket: number, size: number): number {
  let offset = memo.get(bucket);
  if (offset === undefined) {
    offset = exactOffset(zone, bucket * size);
    if (memo.size >= OFFSET_MEMO_MAX) memo.clear();
    memo.set(bucket, offset);
  }
  return offset;
}

/**
 * The zone's UTC offset (ms) at instant `ms`, DST-correct. Memoized per UTC day: when the
 * offsets at both ends of the day agree the offset is constant inside it (zones change at
 * most once a day). On a change day it narrows to the hour the same way, and inside the hour
 * of the change (which in half-hour zones need not start on the hour) computes it exactly.
 * @throws RangeError for an unknown IANA zone.
 */
export function zoneOffsetAt(ms: number, timeZone: string): number {
  const days = memoFor(dayOffsetMemo, timeZone);
  const day = Math.floor(ms / MS_PER_DAY);
  const dayStart = offsetAtBucket(timeZone, days, day, MS_PER_DAY);
  if (dayStart === offsetAtBucket(timeZone, days, day + 1, MS_PER_DAY)) return dayStart;
  const hours = memoFor(hourOffsetMemo, timeZone);
  const hour = Math.floor(ms / MS_PER_HOUR);
  const hourStart = offsetAtBucket(timeZone, hours, hour, MS_PER_HOUR);
  if (hourStart === offsetAtBucket(timeZone, hours, hour + 1, MS_PER_HOUR)) return hourStart;
  return exactOffset(timeZone, ms);
}

/**
 * The calendar day of instant `ms` in `timeZone`, as a day number (days since 1970-01-01).
 * Day numbers make day arithmetic exact across DST changes, where 24 h is not a day.
 */
export function dayNumberOf(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffsetAt(ms, timeZone)) / MS_PER_DAY);
}

const dayNumbers = new Map<string, number>();
const dayStrings = new Map<number, string>();
const DAY_MEMO_MAX = 100_000;

/**
 * The day number of a calendar day `YYYY-MM-DD` (zone-free: a calendar day is already local).
 * @throws RangeError when `day` is not `YYYY-MM-DD`.
 */
export function dayNumberOfCalendarDay(day: string): number {
  let n = dayNumbers.get(day);
  if (n === undefined) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
    if (match === null) throw new RangeError(`Not a calendar day: ${day}`);
    n = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
    if (dayNumbers.size >= DAY_MEMO_MAX) dayNumbers.clear();
    dayNumbers.set(day, n);
  }
  return n;
}

/** The calendar day `YYYY-MM-DD` of a day number. */
export function calendarDayOfNumber(dayNumber: number): string {
  let day = dayStrings.get(dayNumber);
  if (day === undefined) {
    day = new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
    if (dayStrings.size >= DAY_MEMO_MAX) dayStrings.clear();
    dayStrings.set(dayNumber, day);
  }
  return day;
}

/**
 * The calendar day `YYYY-MM-DD` that instant `ms` falls on in `timeZone` — the same answer as
 * date-fns-tz `formatInTimeZone(ms, zone, 'yyyy-MM-dd')`, memoized. Jira date-only fields (due,
 * release dates) are days in the project's zone, so every "is it past due" compares these.
 */
export function calendarDayOf(ms: number, timeZone: string): string {
  return calendarDayOfNumber(dayNumberOf(ms, timeZone));
}

/**
 * Whole calendar days from day `a` to day `b` (`YYYY-MM-DD`): positive when `b` is later,
 * 0 for the same day. Exact across DST changes (a day is a day, not 24 h).
 */
export function daysBetweenCalendarDays(a: string, b: string): number {
  return dayNumberOfCalendarDay(b) - dayNumberOfCalendarDay(a);
}

/** Adds `days` (may be negative) to calendar day `day`. */
export function addCalendarDays(day: string, days: number): string {
  return calendarDayOfNumber(dayNumberOfCalendarDay(day) + days);
}
