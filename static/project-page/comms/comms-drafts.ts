import {
  actionItemSchema,
  remindersSchema,
  stakeholderSchema,
  touchpointSchema,
  touchpointSeriesSchema,
  type ActionItemJson,
  type CadenceJson,
  type CommsPlanJson,
  type RemindersJson,
  type SeriesPhase,
  type StakeholderJson,
  type TouchpointJson,
  type TouchpointSeriesJson,
} from '../../../contract/comms';

/** The message key for a field problem, after the zod issue's path and code. */
export type CommsErrorKey =
  | 'comms.error.required'
  | 'comms.error.email'
  | 'comms.error.timeZone'
  | 'comms.error.time'
  | 'comms.error.day'
  | 'comms.error.endBeforeStart'
  | 'comms.error.number'
  | 'comms.error.accountId'
  | 'comms.error.issueKey'
  | 'comms.error.invalid';

/** Field problems by field name (the first path segment; nested ones joined with dots). */
export type FieldErrors = Readonly<Record<string, CommsErrorKey>>;

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

const FIELD_ERRORS: Readonly<Record<string, CommsErrorKey>> = {
  name: 'comms.error.required',
  title: 'comms.error.required',
  text: 'comms.error.required',
  email: 'comms.error.email',
  timeZone: 'comms.error.timeZone',
  localTime: 'comms.error.time',
  startDate: 'comms.error.day',
  date: 'comms.error.day',
  due: 'comms.error.day',
  endDate: 'comms.error.day',
  graceDays: 'comms.error.number',
  durationMinutes: 'comms.error.number',
  cadence: 'comms.error.number',
  accountId: 'comms.error.accountId',
  trackingIssueKey: 'comms.error.issueKey',
};

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

function toFieldErrors(issues: readonly Issue[], input: Record<string, unknown>): FieldErrors {
  const errors: Record<string, CommsErrorKey> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const field = path.join('.');
    const head = path[0] ?? '';
    if (errors[field] !== undefined) continue;
    if (head === 'endDate' && typeof input.endDate === 'string' && /^\d{4}-\d{2}-\d{2}$/u.test(input.endDate)) {
      errors[field] = 'comms.error.endBeforeStart';
    } else {
      errors[field] = FIELD_ERRORS[path[path.length - 1] ?? ''] ?? FIELD_ERRORS[head] ?? 'comms.error.invalid';
    }
  }
  return errors;
}

function validate<T>(
  schema: { safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } } },
  input: Record<string, unknown>,
): Validation<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error.issues, input) };
}

/** A new record id: a UUID (the contract allows letters, digits and -). */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** The stakeholder editor's fields, as typed. */
export interface StakeholderDraft {
  id: string;
  name: string;
  side: string;
  role: string;
  email: string;
  preferredChannel: string;
  language: string;
  timeZone: string;
  detailLevel: string;
  receivesReports: boolean;
  accountId: string | null;
}

export function newStakeholderDraft(timeZone: string): StakeholderDraft {
  return {
    id: newId(),
    name: '',
    side: 'client',
    role: '',
    email: '',
    preferredChannel: 'email',
    language: 'en',
    timeZone,
    detailLevel: 'executive',
    receivesReports: true,
    accountId: null,
  };
}

export function toStakeholderDraft(s: StakeholderJson): StakeholderDraft {
  return { ...s, email: s.email ?? '' };
}

export function parseStakeholder(draft: StakeholderDraft): Validation<StakeholderJson> {
  const email = draft.email.trim();
  return validate(stakeholderSchema, {
    ...draft,
    email: email === '' ? null : email,
    accountId: draft.side === 'internal' && draft.accountId !== null && draft.accountId.trim() !== '' ? draft.accountId.trim() : null,
  });
}

/** The series editor's fields, as typed: numbers stay text until saved. */
export interface SeriesDraft {
  id: string;
  title: string;
  kind: string;
  cadenceKind: CadenceJson['kind'];
  weekday: string;
  day: string;
  week: string;
  days: string;
  localTime: string;
  timeZone: string;
  durationMinutes: string;
  channel: string;
  audience: string[];
  ownerId: string;
  startDate: string;
  endDate: string;
  graceDays: string;
  /** `SERIES_PHASES`: when the series runs (issue 13). */
  activeIn: SeriesPhase;
}

export function newSeriesDraft(timeZone: string, today: string): SeriesDraft {
  return {
    id: newId(),
    title: '',
    kind: 'meeting',
    cadenceKind: 'weekly',
    weekday: 'monday',
    day: '1',
    week: 'first',
    days: '7',
    localTime: '09:30',
    timeZone,
    durationMinutes: '30',
    channel: 'video-call',
    audience: [],
    ownerId: '',
    startDate: today,
    endDate: '',
    graceDays: '1',
    activeIn: 'all',
  };
}

export function toSeriesDraft(s: TouchpointSeriesJson): SeriesDraft {
  const c = s.cadence;
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    cadenceKind: c.kind,
    weekday: c.kind === 'weekly' || c.kind === 'biweekly' || c.kind === 'monthly-weekday' ? c.weekday : 'monday',
    day: c.kind === 'monthly-day' ? String(c.day) : '1',
    week: c.kind === 'monthly-weekday' ? c.week : 'first',
    days: c.kind === 'every-n-days' ? String(c.days) : '7',
    localTime: s.localTime,
    timeZone: s.timeZone,
    durationMinutes: String(s.durationMinutes),
    channel: s.channel,
    audience: [...s.audience],
    ownerId: s.ownerId ?? '',
    startDate: s.startDate,
    endDate: s.endDate ?? '',
    graceDays: String(s.graceDays),
    activeIn: s.activeIn ?? 'all',
  };
}

/** A whole number as typed, or the text itself (so the schema refuses it). */
function toInt(text: string): number | string {
  return /^\s*\d{1,6}\s*$/u.test(text) ? Number(text) : text;
}

function toCadence(d: SeriesDraft): Record<string, unknown> {
  switch (d.cadenceKind) {
    case 'weekly':
    case 'biweekly':
      return { kind: d.cadenceKind, weekday: d.weekday };
    case 'monthly-day':
      return { kind: d.cadenceKind, day: toInt(d.day) };
    case 'monthly-weekday':
      return { kind: d.cadenceKind, week: d.week, weekday: d.weekday };
    case 'every-n-days':
      return { kind: d.cadenceKind, days: toInt(d.days) };
  }
}

export function parseSeries(d: SeriesDraft): Validation<TouchpointSeriesJson> {
  return validate(touchpointSeriesSchema, {
    id: d.id,
    title: d.title,
    kind: d.kind,
    cadence: toCadence(d),
    localTime: d.localTime.trim(),
    timeZone: d.timeZone.trim(),
    durationMinutes: toInt(d.durationMinutes),
    channel: d.channel,
    audience: d.audience,
    ownerId: d.ownerId === '' ? null : d.ownerId,
    startDate: d.startDate.trim(),
    endDate: d.endDate.trim() === '' ? null : d.endDate.trim(),
    graceDays: toInt(d.graceDays),
    // Every phase is the default: left out, so a plan that never used phases stays as it was.
    ...(d.activeIn === 'all' ? {} : { activeIn: d.activeIn }),
  });
}

/** The plan with one record put in place of the one with its id, or added at the end. */
function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  const at = items.findIndex((i) => i.id === item.id);
  return at === -1 ? [...items, item] : items.map((i) => (i.id === item.id ? item : i));
}

export type PlanChange =
  | { kind: 'stakeholder'; value: StakeholderJson }
  | { kind: 'series'; value: TouchpointSeriesJson }
  | { kind: 'removeStakeholder'; id: string }
  | { kind: 'removeSeries'; id: string }
  | { kind: 'reminders'; value: RemindersJson };

/**
 * One edit applied to a plan: used on save and again, after a conflict, on the newer plan
 * ("reload and re-apply"). Removing a stakeholder also takes it out of audiences and owners.
 */
export function applyPlanChange(plan: CommsPlanJson, change: PlanChange): CommsPlanJson {
  switch (change.kind) {
    case 'stakeholder':
      return { ...plan, stakeholders: upsert(plan.stakeholders, change.value) };
    case 'series':
      return { ...plan, series: upsert(plan.series, change.value) };
    case 'reminders':
      return { ...plan, reminders: change.value };
    case 'removeSeries':
      return { ...plan, series: plan.series.filter((s) => s.id !== change.id) };
    case 'removeStakeholder':
      return {
        ...plan,
        stakeholders: plan.stakeholders.filter((s) => s.id !== change.id),
        series: plan.series.map((s) => ({
          ...s,
          audience: s.audience.filter((id) => id !== change.id),
          ownerId: s.ownerId === change.id ? null : s.ownerId,
        })),
      };
  }
}

/** The reminder setting's fields, as typed. */
export interface RemindersDraft {
  mode: string;
  trackingIssueKey: string;
}

export function toRemindersDraft(r: RemindersJson): RemindersDraft {
  return { mode: r.mode, trackingIssueKey: r.trackingIssueKey ?? '' };
}

export function parseReminders(d: RemindersDraft): Validation<RemindersJson> {
  const key = d.trackingIssueKey.trim().toUpperCase();
  // Only notifications go out on a tracking issue: another mode keeps none.
  return validate(remindersSchema, { mode: d.mode, trackingIssueKey: d.mode === 'notify' && key !== '' ? key : null });
}

/** One action item row of the log form, as typed. */
export interface ActionItemDraft {
  id: string;
  text: string;
  ownerSide: string;
  ownerName: string;
  due: string;
  status: string;
  /** Kept from the logged item when it is edited (not typed in the form). */
  ownerAccountId?: string | null;
  jiraIssueKey?: string | null;
}

export interface TouchpointDraft {
  id: string;
  date: string;
  seriesId: string;
  attendees: string;
  decisions: string;
  openQuestions: string;
  actionItems: ActionItemDraft[];
  /** The agenda it was logged with, kept through an edit. */
  agenda?: string[];
}

export function newActionItemDraft(): ActionItemDraft {
  return { id: newId(), text: '', ownerSide: 'internal', ownerName: '', due: '', status: 'open' };
}

export function newTouchpointDraft(today: string, seriesId: string): TouchpointDraft {
  return { id: newId(), date: today, seriesId, attendees: '', decisions: '', openQuestions: '', actionItems: [] };
}

/** A logged touchpoint in the form, to edit it. */
export function toTouchpointDraft(tp: TouchpointJson): TouchpointDraft {
  return {
    id: tp.id,
    date: tp.date,
    seriesId: tp.seriesId ?? '',
    attendees: tp.attendees.join('\n'),
    decisions: tp.decisions.join('\n'),
    openQuestions: tp.openQuestions.join('\n'),
    actionItems: tp.actionItems.map((i) => ({
      id: i.id,
      text: i.text,
      ownerSide: i.ownerSide,
      ownerName: i.ownerName,
      due: i.due ?? '',
      status: i.status,
      ownerAccountId: i.ownerAccountId,
      jiraIssueKey: i.jiraIssueKey,
    })),
    ...(tp.agenda ? { agenda: tp.agenda } : {}),
  };
}

/** The non-blank lines of a text area, trimmed. */
export function toLines(text: string): string[] {
  return text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function parseActionItem(d: ActionItemDraft): Validation<ActionItemJson> {
  return validate(actionItemSchema, {
    id: d.id,
    text: d.text,
    ownerSide: d.ownerSide,
    ownerName: d.ownerName,
    ownerAccountId: d.ownerAccountId ?? null,
    due: d.due.trim() === '' ? null : d.due.trim(),
    status: d.status,
    jiraIssueKey: d.jiraIssueKey ?? null,
  });
}

/** The touchpoint to log, or its problems keyed `date`, `actionItems.<n>.<field>`, … */
export function parseTouchpoint(d: TouchpointDraft): Validation<TouchpointJson> {
  const errors: Record<string, CommsErrorKey> = {};
  const items: ActionItemJson[] = [];
  d.actionItems.forEach((item, n) => {
    const parsed = parseActionItem(item);
    if (parsed.ok) items.push(parsed.value);
    else for (const [field, key] of Object.entries(parsed.errors)) errors[`actionItems.${String(n)}.${field}`] = key;
  });
  const touchpoint = validate(touchpointSchema, {
    id: d.id,
    seriesId: d.seriesId === '' ? null : d.seriesId,
    date: d.date.trim(),
    attendees: toLines(d.attendees),
    decisions: toLines(d.decisions),
    actionItems: items,
    openQuestions: toLines(d.openQuestions),
    ...(d.agenda ? { agenda: d.agenda } : {}),
  });
  if (!touchpoint.ok) Object.assign(errors, touchpoint.errors);
  if (Object.keys(errors).length > 0 || !touchpoint.ok) return { ok: false, errors };
  return touchpoint;
}

/** Today in a zone, `YYYY-MM-DD`. */
export function todayIn(timeZone: string, now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** An instant as a date and time in a zone, in the reader's locale. */
export function formatInZone(iso: string, timeZone: string, intlLocale: string): string {
  try {
    return new Intl.DateTimeFormat(intlLocale, { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return iso;
  }
}

/** The browser's zone: the PM's own, for the series preview. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
