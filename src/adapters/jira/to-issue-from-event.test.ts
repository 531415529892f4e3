import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Issue } from '../../domain/issue';
import { demoContext } from './jira-fixtures.test-support';
import { toIssue } from './to-issue';
import { mergeEventIntoIssue, toIssueFromEvent, type IssueEventFacts, type MergeEventResult } from './to-issue-from-event';

const SITE = 'https://acme-agency.atlassian.net';
const RECEIVED_AT = Date.parse('2026-11-27T10:00:00Z');
const context = demoContext();

/**
 * Events the emulator fired for edits of ACME-388 (a to-do story in M2) by the team member and
 * its transitions to In Progress and Done by the PM, each with the fields the manifest's
 * `payload.include.fields` adds, and the issue as `/search/jql` returned it (the reader's
 * fields) before and after each change.
 */
const recorded = z
  .looseObject({
    issueKey: z.string(),
    searchBefore: z.record(z.string(), z.unknown()),
    updatedDueAndLabels: z.record(z.string(), z.unknown()),
    updatedDueAndLabelsDocumented: z.record(z.string(), z.unknown()),
    searchAfterDueAndLabels: z.record(z.string(), z.unknown()),
    updatedFixVersion: z.record(z.string(), z.unknown()),
    searchAfterFixVersion: z.record(z.string(), z.unknown()),
    updatedStoryPointsAndFlag: z.record(z.string(), z.unknown()),
    searchAfterStoryPointsAndFlag: z.looseObject({ id: z.string(), key: z.string(), fields: z.record(z.string(), z.unknown()) }),
    transitionedToInProgress: z.record(z.string(), z.unknown()),
    searchAfterInProgress: z.record(z.string(), z.unknown()),
    transitionedToDone: z.record(z.string(), z.unknown()),
    searchAfterDone: z.record(z.string(), z.unknown()),
    created: z.record(z.string(), z.unknown()),
    deleted: z.record(z.string(), z.unknown()),
  })
  .parse(JSON.parse(readFileSync(new URL('./fixtures/emulator-issue-events.json', import.meta.url), 'utf8')));

const status = (id: string, name: string, key: string) => ({
  self: `${SITE}/rest/api/3/status/${id}`,
  id,
  name,
  statusCategory: { id: { new: 2, indeterminate: 4, done: 3 }[key], key, name },
});
const TO_DO = status('10000', 'To Do', 'new');
const IN_PROGRESS = status('3', 'In Progress', 'indeterminate');
const DONE = status('10003', 'Done', 'done');
const STORY = { self: `${SITE}/rest/api/3/issuetype/10001`, id: '10001', name: 'Story', subtask: false, avatarId: 10315 };

/** The shape of the Forge docs' example payloads: documented fields only, users as `{ accountId }`. */
function docsEvent(eventType: string, fields: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  return {
    eventType,
    issue: {
      id: '10073',
      key: 'SP-10',
      fields: {
        summary: 'A descriptive title',
        issuetype: STORY,
        creator: { accountId: '4ad9aa0c52dc1b420a791d12' },
        created: '2021-01-20T15:58:12.797+1100',
        project: {
          self: `${SITE}/rest/api/2/project/10000`,
          id: '10000',
          key: 'SP',
          name: 'Sample Project',
          projectTypeKey: 'software',
          simplified: false,
        },
        reporter: { accountId: '4ad9aa0c52dc1b420a791d12' },
        assignee: null,
        updated: '2021-01-20T15:58:12.797+1100',
        status: TO_DO,
        ...fields,
      },
    },
    atlassianId: '4ad9aa0c52dc1b420a791d12',
    associatedUsers: [{ accountId: '4ad9aa0c52dc1b420a791d12' }],
    ...extra,
  };
}

function facts(event: unknown): IssueEventFacts {
  const result = toIssueFromEvent(event, context, RECEIVED_AT);
  if (!result) throw new Error('the event was not readable');
  return result;
}

function merged(result: MergeEventResult): Issue {
  if (result.kind !== 'merged') throw new Error(`expected a merge, got ${JSON.stringify(result)}`);
  return result.issue;
}

/** Every field but the history, which a search result cannot know. */
function withoutHistory(issue: Issue): Omit<Issue, 'history'> {
  const { history: _history, ...rest } = issue;
  return rest;
}

const SYSTEM_MISSING_FROM_DOCS = [
  'resolution',
  'resolutiondate',
  'duedate',
  'priority',
  'labels',
  'fixVersions',
  'issuelinks',
  'timeoriginalestimate',
  'timeestimate',
  'timespent',
  'statuscategorychangedate',
];
const CUSTOM = ['customfield_10016', 'customfield_10026', 'customfield_10021', 'customfield_10015'];

describe('toIssueFromEvent on the documented payloads', () => {
  it('reads a creation: which issue of which project, when and by whom; the fields are not enough', () => {
    const result = facts(docsEvent('avi:jira:created:issue'));
    expect(result).toMatchObject({
      kind: 'created',
      projectId: '10000',
      projectKey: 'SP',
      issueId: '10073',
      issueKey: 'SP-10',
      at: Date.parse('2021-01-20T04:58:12.797Z'),
      atlassianId: '4ad9aa0c52dc1b420a791d12',
      changedFields: [],
      needsRead: true,
    });
    expect(result.fields).toBeUndefined();
    // The documented issue type has no `hierarchyLevel`: it cannot stand for a read either.
    expect([...result.missingFields].sort()).toEqual([...SYSTEM_MISSING_FROM_DOCS, 'issuetype', ...CUSTOM].sort());
  });

  it('reads an update with its changelog, items without `toString` included', () => {
    const result = facts(
      docsEvent(
        'avi:jira:updated:issue',
        { summary: 'A more descriptive title', updated: '2021-01-21T09:00:00.000+1100' },
        {
          changelog: {
            id: '10077',
            items: [
              {
                field: 'summary',
                fieldtype: 'jira',
                fieldId: 'summary',
                from: null,
                fromString: 'A descriptive title',
                to: null,
                toString: 'A more descriptive title',
              },
              { field: 'description', fieldtype: 'jira', fieldId: 'description', from: null, fromString: 'old' },
            ],
          },
        },
      ),
    );
    expect(result).toMatchObject({ kind: 'updated', at: Date.parse('2021-01-20T22:00:00Z'), changedFields: ['summary', 'description'] });
    expect(result.changes[1]).toEqual({
      fieldId: 'description',
      field: 'description',
      from: null,
      fromText: 'old',
      to: null,
      toText: null,
    });
  });

  it('reads a deletion: the issue and its project, dated when received', () => {
    expect(facts(docsEvent('avi:jira:deleted:issue'))).toMatchObject({
      kind: 'deleted',
      projectId: '10000',
      projectKey: 'SP',
      issueId: '10073',
      issueKey: 'SP-10',
      at: RECEIVED_AT,
      needsRead: false,
      missingFields: [],
    });
  });

  it.each([
    ['not an object', 'avi:jira:updated:issue'],
    ['another event type', docsEvent('avi:jira:viewed:issue')],
    ['an issue without a project', { eventType: 'avi:jira:updated:issue', issue: { id: '1', key: 'SP-1', fields: {} } }],
    ['an issue without a key', { eventType: 'avi:jira:updated:issue', issue: { id: '1', fields: { project: { id: 1, key: 'SP' } } } }],
  ])('returns null for %s', (_what, event) => {
    expect(toIssueFromEvent(event, context, RECEIVED_AT)).toBeNull();
  });

  it('takes numeric ids as Jira sometimes sends them', () => {
    const event = docsEvent('avi:jira:deleted:issue');
    const result = facts({ ...event, issue: { ...event.issue, id: 10073, fields: { project: { id: 10000, key: 'SP' } } } });
    expect([result.issueId, result.projectId]).toEqual(['10073', '10000']);
  });
});

describe('toIssueFromEvent on the emulator events', () => {
  it('an update with the included fields still lacks the custom fields: a read is needed', () => {
    const result = facts(recorded.updatedDueAndLabels);
    expect(result).toMatchObject({ kind: 'updated', issueKey: recorded.issueKey, projectKey: 'ACME', needsRead: true });
    expect(result.missingFields).toEqual(CUSTOM);
    expect(result.changedFields).toEqual(['duedate', 'labels']);
  });

  it('an event with every field the domain reads gives the issue exactly as a search result would', () => {
    const after = recorded.searchAfterStoryPointsAndFlag;
    const event = structuredClone(recorded.updatedStoryPointsAndFlag) as { issue: { fields: Record<string, unknown> } };
    for (const id of CUSTOM) event.issue.fields[id] = after.fields[id] ?? null;
    const result = facts(event);
    expect(result.needsRead).toBe(false);
    expect(result.missingFields).toEqual([]);
    expect(result.fields).toEqual(toIssue(after, context).issue);
    expect(result.fields).toMatchObject({ storyPoints: 8, flagged: true, due: '2026-12-18', fixVersions: ['10103'] });
  });

  it('a creation carries the included fields, not the custom ones; a deletion its project', () => {
    expect(facts(recorded.created)).toMatchObject({ kind: 'created', projectKey: 'ACME', needsRead: true, missingFields: CUSTOM });
    expect(facts(recorded.deleted)).toMatchObject({ kind: 'deleted', projectId: '10000', projectKey: 'ACME', needsRead: false });
  });
});

describe('mergeEventIntoIssue on the emulator events', () => {
  const before = toIssue(recorded.searchBefore, context).issue;

  it('applies each update as a read of the issue after it would show it', () => {
    const first = merged(mergeEventIntoIssue(before, facts(recorded.updatedDueAndLabels), context));
    expect(withoutHistory(first)).toEqual(withoutHistory(toIssue(recorded.searchAfterDueAndLabels, context).issue));
    const second = merged(mergeEventIntoIssue(first, facts(recorded.updatedFixVersion), context));
    expect(withoutHistory(second)).toEqual(withoutHistory(toIssue(recorded.searchAfterFixVersion, context).issue));
    const third = merged(mergeEventIntoIssue(second, facts(recorded.updatedStoryPointsAndFlag), context));
    expect(withoutHistory(third)).toEqual(withoutHistory(toIssue(recorded.searchAfterStoryPointsAndFlag, context).issue));
    expect(third).toMatchObject({
      due: '2026-12-18',
      labels: ['client', 'at-risk'],
      fixVersions: ['10103'],
      storyPoints: 8,
      flagged: true,
    });
  });

  it('follows the transitions to In Progress and Done as a read would, adding them to the history', () => {
    const edited = [recorded.updatedDueAndLabels, recorded.updatedFixVersion, recorded.updatedStoryPointsAndFlag].reduce(
      (issue, event) => merged(mergeEventIntoIssue(issue, facts(event), context)),
      before,
    );
    const start = facts(recorded.transitionedToInProgress);
    const started = merged(mergeEventIntoIssue(edited, start, context));
    expect(withoutHistory(started)).toEqual(withoutHistory(toIssue(recorded.searchAfterInProgress, context).issue));
    const finish = facts(recorded.transitionedToDone);
    const done = merged(mergeEventIntoIssue(started, finish, context));
    expect(withoutHistory(done)).toEqual(withoutHistory(toIssue(recorded.searchAfterDone, context).issue));
    expect(done).toMatchObject({ status: { name: 'Done', category: 'done' }, resolution: 'Done', resolved: finish.at });
    expect(done.history).toMatchObject({
      transitions: [
        ...before.history.transitions,
        { at: start.at, from: 'new', to: 'indeterminate' },
        { at: finish.at, from: 'indeterminate', to: 'done' },
      ],
      startedAt: start.at,
      completedAt: finish.at,
      completedAtEstimated: false,
      reopenCount: 0,
    });
  });

  it('records the fix-version move in the history at the time of the event', () => {
    const moved = merged(mergeEventIntoIssue(before, facts(recorded.updatedFixVersion), context));
    const at = Date.parse('2026-11-27T09:02:00Z');
    expect(moved.history.versionChanges.slice(-2)).toEqual([
      { at, versionId: '10101', change: 'removed' },
      { at, versionId: '10103', change: 'added' },
    ]);
    expect(moved.history.transitions).toEqual(before.history.transitions);
  });

  it('gets the same issue from the documented fields and the changelog alone', () => {
    const fromChangelog = merged(mergeEventIntoIssue(before, facts(recorded.updatedDueAndLabelsDocumented), context));
    const fromFields = merged(mergeEventIntoIssue(before, facts(recorded.updatedDueAndLabels), context));
    expect(fromChangelog).toEqual(fromFields);
  });

  it('says stale for a duplicate or late delivery', () => {
    const once = merged(mergeEventIntoIssue(before, facts(recorded.updatedFixVersion), context));
    expect(mergeEventIntoIssue(once, facts(recorded.updatedFixVersion), context)).toEqual({ kind: 'stale' });
    expect(mergeEventIntoIssue(once, facts(recorded.updatedDueAndLabels), context)).toEqual({ kind: 'stale' });
  });

  it('leaves creations and deletions to the caller', () => {
    expect(mergeEventIntoIssue(before, facts(recorded.created), context)).toEqual({ kind: 'needsRead', fields: [] });
    expect(mergeEventIntoIssue(before, facts(recorded.deleted), context)).toEqual({ kind: 'needsRead', fields: [] });
  });
});

describe('mergeEventIntoIssue, rule by rule', () => {
  const CREATED = '2026-11-01T09:00:00.000+0000';
  /** A cached to-do story, as a read maps it. */
  const cached = toIssue(
    {
      id: '10073',
      key: 'SP-10',
      fields: {
        summary: 'A descriptive title',
        issuetype: { ...STORY, hierarchyLevel: 0 },
        status: TO_DO,
        resolution: null,
        resolutiondate: null,
        created: CREATED,
        updated: CREATED,
        statuscategorychangedate: CREATED,
        duedate: null,
        priority: { id: '3', name: 'Medium' },
        labels: [],
        fixVersions: [],
        assignee: { accountId: 'u-1', displayName: 'Uma One' },
        reporter: { accountId: 'u-1', displayName: 'Uma One' },
        issuelinks: [],
        timeoriginalestimate: null,
        timeestimate: null,
        timespent: null,
        customfield_10016: null,
      },
    },
    context,
  ).issue;

  let minute = 0;
  /** An update a minute after the previous one, in the documented shape, with these items. */
  function update(items: Record<string, unknown>[], fields: Record<string, unknown> = {}): IssueEventFacts {
    minute += 1;
    const updated = new Date(Date.parse('2026-11-02T09:00:00Z') + minute * 60_000).toISOString().replace('Z', '+0000');
    const event = docsEvent('avi:jira:updated:issue', { created: CREATED, updated, assignee: { accountId: 'u-1' }, ...fields });
    return facts({ ...event, changelog: { id: String(minute), items } });
  }
  const item = (fieldId: string, from: string | null, fromString: string | null, to: string | null, toString: string | null) => ({
    field: fieldId,
    fieldtype: 'jira',
    fieldId,
    from,
    fromString,
    to,
    toString,
  });

  it('dates the entry into a new status, also within one category, and keeps it on other edits', () => {
    const start = update([item('status', '10000', 'To Do', '3', 'In Progress')], { status: IN_PROGRESS });
    const started = merged(mergeEventIntoIssue(cached, start, context));
    expect(started.history.statusSince).toBe(start.at);
    const wait = update([item('status', '3', 'In Progress', '10002', 'Waiting for customer')], {
      status: status('10002', 'Waiting for customer', 'indeterminate'),
    });
    const waiting = merged(mergeEventIntoIssue(started, wait, context));
    expect(waiting.history.statusSince).toBe(wait.at);
    expect(waiting.history.transitions).toHaveLength(1);
    const edit = update([item('summary', null, 'Old', null, 'New')], { status: status('10002', 'Waiting for customer', 'indeterminate') });
    expect(merged(mergeEventIntoIssue(waiting, edit, context)).history.statusSince).toBe(wait.at);
  });

  it('follows the status category through start, completion and reopening', () => {
    const start = update([item('status', '10000', 'To Do', '3', 'In Progress')], { status: IN_PROGRESS });
    const started = merged(mergeEventIntoIssue(cached, start, context));
    expect(started.status).toEqual({ name: 'In Progress', category: 'indeterminate' });
    expect(started.history).toMatchObject({
      transitions: [{ at: start.at, from: 'new', to: 'indeterminate' }],
      startedAt: start.at,
      completedAt: null,
      reopenCount: 0,
    });

    const finish = update([item('status', '3', 'In Progress', '10003', 'Done'), item('resolution', null, null, '10000', 'Done')], {
      status: DONE,
    });
    const done = merged(mergeEventIntoIssue(started, finish, context));
    expect(done).toMatchObject({ resolution: 'Done', resolved: finish.at, status: { category: 'done' } });
    expect(done.history).toMatchObject({ completedAt: finish.at, completedAtEstimated: false, startedAt: start.at });

    const reopen = update([item('status', '10003', 'Done', '3', 'In Progress'), item('resolution', '10000', 'Done', null, null)], {
      status: IN_PROGRESS,
    });
    const reopened = merged(mergeEventIntoIssue(done, reopen, context));
    expect(reopened).toMatchObject({ resolution: null, resolved: null });
    expect(reopened.history).toMatchObject({ completedAt: null, reopenCount: 1, startedAt: start.at });
    expect(reopened.history.transitions.map((t) => [t.from, t.to])).toEqual([
      ['new', 'indeterminate'],
      ['indeterminate', 'done'],
      ['done', 'indeterminate'],
    ]);
  });

  it('takes the category from /status when the event carries no status', () => {
    const event = update([item('status', '10000', 'To Do', '10002', 'Waiting for customer')]);
    const { status: _status, ...withoutStatus } = event.issueFields;
    const result = merged(mergeEventIntoIssue(cached, { ...event, issueFields: withoutStatus }, context));
    expect(result.status).toEqual({ name: 'Waiting for customer', category: 'indeterminate' });
  });

  it('applies priority, assignee, due date, estimates and a parent from the changelog', () => {
    const event = update([
      item('priority', '3', 'Medium', '1', 'Highest'),
      item('assignee', 'u-1', 'Uma One', 'u-2', 'Tom Two'),
      { ...item('duedate', null, null, '2026-12-01', '2026-12-01 00:00:00.0') },
      item('timeoriginalestimate', null, null, '7200', '7200'),
      { field: 'IssueParentAssociation', fieldtype: 'jira', from: null, fromString: null, to: '10020', toString: 'SP-1' },
    ]);
    // The documented assignee is `{ accountId }`: the changelog's display name stands in.
    const result = merged(
      mergeEventIntoIssue(cached, { ...event, issueFields: { ...event.issueFields, assignee: { accountId: 'u-2' } } }, context),
    );
    expect(result).toMatchObject({
      priority: { name: 'Highest', rank: 0 },
      assignee: { accountId: 'u-2', displayName: 'Tom Two' },
      due: '2026-12-01',
      timeOriginal: 7200,
      parentKey: 'SP-1',
    });
  });

  it('keeps the cached user and issue type when the event names the same ones without detail', () => {
    const result = merged(mergeEventIntoIssue(cached, update([]), context));
    expect(result.assignee).toEqual({ accountId: 'u-1', displayName: 'Uma One' });
    expect(result.type).toBe(cached.type);
    expect(result.updated).toBeGreaterThan(cached.updated);
  });

  it('asks for a read when the event cannot say', () => {
    const newUser = update([], { assignee: { accountId: 'u-9' } });
    expect(mergeEventIntoIssue(cached, newUser, context)).toEqual({ kind: 'needsRead', fields: ['assignee'] });
    const newType = update([item('issuetype', '10001', 'Story', '10004', 'Bug')], {
      issuetype: { id: '10004', name: 'Bug', subtask: false },
    });
    expect(mergeEventIntoIssue(cached, newType, context)).toEqual({ kind: 'needsRead', fields: ['issuetype'] });
    const parent = update([{ field: 'Parent', fieldtype: 'jira', from: null, fromString: null, to: '10020', toString: 'Some epic' }]);
    expect(mergeEventIntoIssue(cached, parent, context)).toEqual({ kind: 'needsRead', fields: ['parent'] });
    const moved = update([]);
    expect(mergeEventIntoIssue(cached, { ...moved, issueKey: 'NEW-1' }, context)).toEqual({
      kind: 'needsRead',
      fields: ['key', 'project'],
    });
  });

  it('adds and removes blocking links by their texts, a blocker taking its status from the cache', () => {
    const link = update([
      { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'SP-5', toString: 'This issue is blocked by SP-5' },
    ]);
    expect(mergeEventIntoIssue(cached, link, context)).toEqual({ kind: 'needsRead', fields: ['issuelinks'] });
    const statusOf = (key: string) => (key === 'SP-5' ? { name: 'In Progress', category: 'indeterminate' as const } : undefined);
    const blocked = merged(mergeEventIntoIssue(cached, link, context, { statusOf }));
    expect(blocked.blockedBy).toEqual([{ key: 'SP-5', statusName: 'In Progress', category: 'indeterminate', since: link.at }]);

    const others = update([
      { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'SP-7', toString: 'This issue blocks SP-7' },
      { field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'SP-8', toString: 'This issue relates to SP-8' },
    ]);
    const both = merged(mergeEventIntoIssue(blocked, others, context, { statusOf }));
    expect(both.blocks).toEqual(['SP-7']);

    const unlink = update([
      { field: 'Link', fieldtype: 'jira', from: 'SP-5', fromString: 'This issue is blocked by SP-5', to: null, toString: null },
    ]);
    expect(merged(mergeEventIntoIssue(both, unlink, context)).blockedBy).toEqual([]);
  });

  it('picks story points among two candidate fields only when it can tell which wins', () => {
    const custom = (fieldId: string, to: string | null) => ({
      field: 'Story points',
      fieldtype: 'custom',
      fieldId,
      from: null,
      fromString: null,
      to: null,
      toString: to,
    });
    // The preferred field decides as soon as it has a value.
    const preferred = merged(mergeEventIntoIssue(cached, update([custom('customfield_10016', '5')]), context));
    expect(preferred.storyPoints).toBe(5);
    // With no points before, every candidate was empty: the second one's value is the points.
    expect(merged(mergeEventIntoIssue(cached, update([custom('customfield_10026', '3')]), context)).storyPoints).toBe(3);
    // With points before, the preferred field may hold them: the second one alone cannot say.
    expect(mergeEventIntoIssue(preferred, update([custom('customfield_10026', '3')]), context)).toEqual({
      kind: 'needsRead',
      fields: ['customfield_10016', 'customfield_10026'],
    });
  });
});
