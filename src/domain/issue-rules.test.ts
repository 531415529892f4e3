import { formatInTimeZone } from 'date-fns-tz';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  calendarDayOf,
  clientVisibilityOf,
  daysBetweenCalendarDays,
  dayNumberOf,
  isBug,
  isClientFacing,
  isClientVisible,
  isDone,
  isInternal,
  isWaitingOnClient,
} from './issue-rules';
import { DEFAULT_SETTINGS } from './settings';
import { anIssue, at, settingsWith } from './testing/builders';

describe('isDone: status category done OR a resolution', () => {
  it.each([
    { name: 'done category with resolution', category: 'done', resolution: 'Done', done: true },
    { name: 'done category, no resolution (team-managed)', category: 'done', resolution: null, done: true },
    { name: 'resolved but left in a new status', category: 'new', resolution: 'Fixed', done: true },
    { name: 'resolved, in progress category', category: 'indeterminate', resolution: "Won't Do", done: true },
    { name: 'open new', category: 'new', resolution: null, done: false },
    { name: 'open in progress', category: 'indeterminate', resolution: null, done: false },
    { name: 'No Category status', category: 'undefined', resolution: null, done: false },
  ] as const)('$name → $done', ({ category, resolution, done }) => {
    expect(isDone(anIssue({ status: { category }, resolution }))).toBe(done);
  });

  it('uses the category, not the (localized) status name', () => {
    expect(isDone(anIssue({ status: { name: '完成', category: 'done' } }))).toBe(true);
    expect(isDone(anIssue({ status: { name: 'Done', category: 'indeterminate' } }))).toBe(false);
  });
});

describe('isInternal', () => {
  it.each([
    { name: 'internal label', labels: ['internal'], subtask: false, internal: true },
    { name: 'internal label, other case', labels: ['Internal'], subtask: false, internal: true },
    { name: 'subtask', labels: [], subtask: true, internal: true },
    { name: 'plain story', labels: ['client'], subtask: false, internal: false },
    { name: 'label containing the word', labels: ['internal-review'], subtask: false, internal: false },
  ])('$name → $internal', ({ labels, subtask, internal }) => {
    expect(isInternal(anIssue({ labels, type: { subtask } }), DEFAULT_SETTINGS)).toBe(internal);
  });

  it('reads the configured label', () => {
    expect(isInternal(anIssue({ labels: ['team-only'] }), { internalLabel: 'team-only' })).toBe(true);
  });
});

describe('isWaitingOnClient', () => {
  it.each([
    { name: 'configured status', status: 'Waiting for customer', labels: [], category: 'indeterminate', waiting: true },
    { name: 'configured status, other case and spaces', status: ' waiting FOR client ', labels: [], category: 'new', waiting: true },
    { name: 'label', status: 'In Progress', labels: ['waiting-on-client'], category: 'indeterminate', waiting: true },
    { name: 'other status', status: 'In Review', labels: [], category: 'indeterminate', waiting: false },
    { name: 'done issue with the label', status: 'Done', labels: ['waiting-on-client'], category: 'done', waiting: false },
  ] as const)('$name → $waiting', ({ status, labels, category, waiting }) => {
    expect(isWaitingOnClient(anIssue({ status: { name: status, category }, labels }), DEFAULT_SETTINGS)).toBe(waiting);
  });

  it('matches a localized configured status', () => {
    const settings = { waitingOnClientStatuses: ['等待客户'], waitingOnClientLabel: 'waiting-on-client' };
    expect(isWaitingOnClient(anIssue({ status: { name: '等待客户', category: 'indeterminate' } }), settings)).toBe(true);
  });

  it('reads the configured label instead of waiting-on-client', () => {
    const settings = settingsWith({ waitingOnClientLabel: 'Awaiting-Customer' });
    expect(isWaitingOnClient(anIssue({ labels: ['awaiting-customer'] }), settings)).toBe(true);
    expect(isWaitingOnClient(anIssue({ labels: ['waiting-on-client'] }), settings)).toBe(false);
  });
});

describe('isClientVisible (DESIGN 5.1)', () => {
  const marked = settingsWith();
  const types = settingsWith({ clientVisibility: { mode: 'types', issueTypeIds: ['10001', '10004'] } });
  const all = settingsWith({ clientVisibility: { mode: 'all', issueTypeIds: [] } });
  const epic = (labels: string[]) => anIssue({ labels, type: { id: '10000', name: 'Epic', hierarchyLevel: 1 } });
  const story = (labels: string[] = []) => anIssue({ labels, type: { id: '10001' } });
  const bug = (labels: string[] = []) => anIssue({ labels, type: { id: '10004', name: 'Bug' } });
  const subtask = anIssue({ labels: ['client'], type: { id: '10003', name: 'Sub-task', subtask: true, hierarchyLevel: -1 } });

  it.each([
    { mode: 'marked', case: 'the client label', issue: story(['client']), parent: null, visible: true, reason: 'marked' },
    { mode: 'marked', case: 'the client label in another case', issue: story(['Client']), parent: null, visible: true, reason: 'marked' },
    { mode: 'marked', case: 'no label', issue: story(), parent: null, visible: false, reason: 'not-marked' },
    { mode: 'marked', case: 'another label', issue: story(['client-reported']), parent: null, visible: false, reason: 'not-marked' },
    { mode: 'marked', case: 'under a marked epic', issue: story(), parent: epic(['CLIENT']), visible: true, reason: 'epic-marked' },
    { mode: 'marked', case: 'under an unmarked epic', issue: story(), parent: epic([]), visible: false, reason: 'not-marked' },
    {
      mode: 'marked',
      case: 'under a marked but internal epic',
      issue: story(),
      parent: epic(['client', 'internal']),
      visible: false,
      reason: 'not-marked',
    },
    {
      mode: 'marked',
      case: 'marked but internal',
      issue: story(['client', 'internal']),
      parent: null,
      visible: false,
      reason: 'internal-label',
    },
    {
      mode: 'marked',
      case: 'a marked subtask of a marked story',
      issue: subtask,
      parent: story(['client']),
      visible: false,
      reason: 'subtask',
    },
    { mode: 'types', case: 'a chosen type', issue: story(), parent: null, visible: true, reason: 'type-chosen' },
    { mode: 'types', case: 'another chosen type', issue: bug(), parent: null, visible: true, reason: 'type-chosen' },
    {
      mode: 'types',
      case: 'a type not chosen, even marked',
      issue: epic(['client']),
      parent: null,
      visible: false,
      reason: 'type-not-chosen',
    },
    { mode: 'types', case: 'a chosen type, internal', issue: bug(['internal']), parent: null, visible: false, reason: 'internal-label' },
    { mode: 'all', case: 'anything not internal', issue: story(), parent: null, visible: true, reason: 'all' },
    { mode: 'all', case: 'an internal issue', issue: story(['internal']), parent: null, visible: false, reason: 'internal-label' },
    { mode: 'all', case: 'a subtask', issue: subtask, parent: story(), visible: false, reason: 'subtask' },
  ] as const)('$mode: $case → $visible ($reason)', ({ mode, issue, parent, visible, reason }) => {
    const settings = { marked, types, all }[mode];
    expect(isClientVisible(issue, parent, settings)).toBe(visible);
    expect(clientVisibilityOf(issue, parent, settings)).toEqual({ shown: visible, reason });
  });

  it('reads the configured client and internal labels', () => {
    const settings = settingsWith({ clientLabel: 'customer', internalLabel: 'team-only' });
    expect(isClientVisible(story(['customer']), null, settings)).toBe(true);
    expect(isClientVisible(story(['client']), null, settings)).toBe(false);
    expect(isClientVisible(story(['customer', 'team-only']), null, settings)).toBe(false);
  });
});

describe('isClientFacing', () => {
  it.each([
    { name: 'client label', labels: ['client'], subtask: false, facing: true },
    { name: 'client-reported label', labels: ['Client-Reported'], subtask: false, facing: true },
    { name: 'no labels', labels: [], subtask: false, facing: false },
    { name: 'client label but internal', labels: ['client', 'internal'], subtask: false, facing: false },
    { name: 'client label on a subtask', labels: ['client'], subtask: true, facing: false },
  ])('$name → $facing', ({ labels, subtask, facing }) => {
    expect(isClientFacing(anIssue({ labels, type: { subtask } }), DEFAULT_SETTINGS)).toBe(facing);
  });

  it('client-reported counts even when not among the configured labels', () => {
    expect(isClientFacing(anIssue({ labels: ['client-reported'] }), { internalLabel: 'internal', clientLabel: 'vip' })).toBe(true);
  });
});

describe('isBug', () => {
  it.each([
    ['Bug', true],
    ['bug', true],
    [' BUG ', true],
    ['缺陷', true],
    ['故障', true],
    ['Defect', true],
    ['Story', false],
    ['Bugfix task', false],
  ])('%s → %s', (name, bug) => {
    expect(isBug(anIssue({ type: { name } }))).toBe(bug);
  });
});

describe('calendarDayOf', () => {
  it.each([
    { iso: '2026-03-10T23:30:00Z', zone: 'UTC', day: '2026-03-10' },
    // 17:00Z is already 01:00 the next day in Shanghai (+08:00).
    { iso: '2026-03-10T17:00:00Z', zone: 'Asia/Shanghai', day: '2026-03-11' },
    { iso: '2026-03-10T15:59:59.999Z', zone: 'Asia/Shanghai', day: '2026-03-10' },
    { iso: '2026-03-10T03:30:00Z', zone: 'America/Los_Angeles', day: '2026-03-09' },
    { iso: '2026-03-10T18:29:59Z', zone: 'Asia/Kolkata', day: '2026-03-10' },
    { iso: '2026-03-10T18:30:00Z', zone: 'Asia/Kolkata', day: '2026-03-11' },
    // New York spring forward 2026-03-08 07:00Z (02:00 EST → 03:00 EDT).
    { iso: '2026-03-08T04:59:59Z', zone: 'America/New_York', day: '2026-03-07' },
    { iso: '2026-03-08T05:00:00Z', zone: 'America/New_York', day: '2026-03-08' },
    { iso: '2026-03-09T03:59:59Z', zone: 'America/New_York', day: '2026-03-08' },
    { iso: '2026-03-09T04:00:00Z', zone: 'America/New_York', day: '2026-03-09' },
    // Fall back 2026-11-01 06:00Z (02:00 EDT → 01:00 EST).
    { iso: '2026-11-01T03:59:59Z', zone: 'America/New_York', day: '2026-10-31' },
    { iso: '2026-11-01T04:00:00Z', zone: 'America/New_York', day: '2026-11-01' },
    { iso: '2026-11-02T04:59:59Z', zone: 'America/New_York', day: '2026-11-01' },
    { iso: '2026-11-02T05:00:00Z', zone: 'America/New_York', day: '2026-11-02' },
    // Lord Howe moves by 30 minutes at 02:00 local (a half-hour DST change).
    { iso: '2026-04-04T14:59:00Z', zone: 'Australia/Lord_Howe', day: '2026-04-05' },
    { iso: '2026-04-04T12:59:00Z', zone: 'Australia/Lord_Howe', day: '2026-04-04' },
    { iso: '2026-04-04T13:00:00Z', zone: 'Australia/Lord_Howe', day: '2026-04-05' },
  ])('$iso is $day in $zone', ({ iso, zone, day }) => {
    expect(calendarDayOf(at(iso), zone)).toBe(day);
  });

  it('agrees with formatInTimeZone on every 17 minutes of the DST change weeks', () => {
    for (const zone of ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Shanghai', 'America/St_Johns']) {
      for (const start of ['2026-03-06T00:00:00Z', '2026-10-23T00:00:00Z', '2026-03-27T00:00:00Z', '2026-04-02T00:00:00Z']) {
        for (let ms = at(start); ms < at(start) + 4 * 86_400_000; ms += 17 * 60_000) {
          expect(calendarDayOf(ms, zone), `${new Date(ms).toISOString()} ${zone}`).toBe(formatInTimeZone(ms, zone, 'yyyy-MM-dd'));
        }
      }
    }
  });

  it('rejects an unknown zone', () => {
    expect(() => calendarDayOf(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    { a: '2026-03-10', b: '2026-03-10', days: 0 },
    { a: '2026-03-10', b: '2026-03-13', days: 3 },
    { a: '2026-03-13', b: '2026-03-10', days: -3 },
    // Across the US spring-forward and fall-back weeks: still whole days.
    { a: '2026-03-07', b: '2026-03-09', days: 2 },
    { a: '2026-10-31', b: '2026-11-02', days: 2 },
    { a: '2024-02-28', b: '2024-03-01', days: 2 },
    { a: '2025-12-31', b: '2026-01-01', days: 1 },
  ])('$a → $b is $days days', ({ a, b, days }) => {
    expect(daysBetweenCalendarDays(a, b)).toBe(days);
    expect(addCalendarDays(a, days)).toBe(b);
  });

  it('day numbers of instants 23 h apart across spring forward are one day apart', () => {
    const zone = 'America/New_York';
    // 2026-03-07 12:00 EST and 2026-03-08 12:00 EDT are 23 h apart.
    expect(dayNumberOf(at('2026-03-08T16:00:00Z'), zone) - dayNumberOf(at('2026-03-07T17:00:00Z'), zone)).toBe(1);
  });

  it('rejects a malformed day', () => {
    expect(() => daysBetweenCalendarDays('2026-3-1', '2026-03-01')).toThrow(RangeError);
  });
});
