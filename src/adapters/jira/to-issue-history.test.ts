import { describe, expect, it } from 'vitest';
import type { Issue } from '../../domain/issue';
import { demoChangelogs, demoContext, demoIssueJson } from './jira-fixtures.test-support';
import { toIssue } from './to-issue';
import { toChangeEntry, toIssueHistory, type ChangeEntry } from './to-issue-history';

const context = demoContext();

function demoHistory(key: string) {
  const { issue } = toIssue(demoIssueJson(key), context);
  const log = demoChangelogs.issueChangeLogs.find((l) => l.issueId === issue.id);
  const entries = (log?.changeHistories ?? []).map(toChangeEntry).filter((e): e is ChangeEntry => e !== null);
  return { issue, ...toIssueHistory(issue, entries, context) };
}

const ms = (iso: string) => Date.parse(iso);

describe('toIssueHistory on recorded demo changelogs', () => {
  it('counts a reopen and completes at the last entry into done (ACME-21)', () => {
    const { history } = demoHistory('ACME-21');
    expect(history).toEqual({
      transitions: [
        { at: ms('2026-02-17T14:26:18.315Z'), from: 'new', to: 'indeterminate' },
        { at: ms('2026-03-05T16:55:12.301Z'), from: 'indeterminate', to: 'done' },
        { at: ms('2026-03-10T16:52:55.731Z'), from: 'done', to: 'indeterminate' },
        { at: ms('2026-03-29T15:52:37.060Z'), from: 'indeterminate', to: 'done' },
      ],
      completedAt: ms('2026-03-29T15:52:37.060Z'),
      completedAtEstimated: false,
      startedAt: ms('2026-02-17T14:26:18.315Z'),
      reopenCount: 1,
      versionChanges: [],
      statusSince: ms('2026-03-29T15:52:37.060Z'),
      complete: true,
    });
  });

  it('maps localized statuses by id (HZ-2, +0800 timestamps)', () => {
    const { history } = demoHistory('HZ-2');
    expect(history.transitions.map((t) => t.to)).toEqual(['indeterminate', 'done', 'indeterminate', 'done']);
    expect(history.reopenCount).toBe(1);
    expect(history.completedAt).toBe(Date.parse('2026-06-06T00:53:08.305+08:00'));
  });

  it('reads a fix-version move as removed + added (ACME-54)', () => {
    const at = ms('2026-04-12T09:00:00.000Z');
    expect(demoHistory('ACME-54').history.versionChanges).toEqual([
      { at, versionId: '10100', change: 'removed' },
      { at, versionId: '10101', change: 'added' },
    ]);
  });

  it('completes a resolved to-do issue when the resolution was set (ACME-371)', () => {
    const { history } = demoHistory('ACME-371');
    expect(history).toMatchObject({ transitions: [], completedAt: ms('2026-06-08T19:07:41.778Z'), completedAtEstimated: false });
  });

  it('completes a done issue without resolution at its entry into done (ACME-372)', () => {
    expect(demoHistory('ACME-372').history).toMatchObject({ completedAt: ms('2026-05-22T10:51:01.239Z'), completedAtEstimated: false });
  });

  it('leaves an open issue uncompleted (ACME-338)', () => {
    expect(demoHistory('ACME-338').history).toMatchObject({ completedAt: null, completedAtEstimated: false, reopenCount: 0 });
  });
});

describe('toIssueHistory on hand-written changelogs', () => {
  const base = toIssue(demoIssueJson('ACME-372'), context).issue;
  const issue = (patch: Partial<Issue>): Issue => ({ ...base, ...patch });
  const statusItem = (from: string | null, fromString: string | null, to: string | null, toString: string | null) => ({
    field: 'status',
    fieldtype: 'jira',
    fieldId: 'status',
    from,
    fromString,
    to,
    toString,
  });
  const entry = (created: string, items: unknown[]) => toChangeEntry({ id: '1', created, items, author: { accountId: 'x' } });
  const entries = (...list: (ChangeEntry | null)[]) => list.filter((e): e is ChangeEntry => e !== null);

  it('estimates completion from the resolution date, else updated, when the changelog is silent', () => {
    const resolved = ms('2026-05-20T00:00:00Z');
    expect(toIssueHistory(issue({ resolved }), [], context).history).toMatchObject({ completedAt: resolved, completedAtEstimated: true });
    expect(toIssueHistory(issue({ resolved: null }), [], context).history).toMatchObject({
      completedAt: base.updated,
      completedAtEstimated: true,
      complete: true,
    });
  });

  it('sorts entries, ignores same-category moves, and falls back to status names for unknown ids', () => {
    const { history } = toIssueHistory(
      issue({}),
      entries(
        entry('2026-05-03T00:00:00.000+0000', [statusItem('3', 'In Progress', '10001', 'In Review')]),
        entry('2026-05-04T00:00:00.000+0000', [statusItem('10001', 'In Review', '99999', 'Done')]),
        entry('2026-05-02T00:00:00.000+0200', [statusItem('10000', 'To Do', '3', 'In Progress')]),
      ),
      context,
    );
    expect(history.transitions).toEqual([
      { at: ms('2026-05-01T22:00:00Z'), from: 'new', to: 'indeterminate' },
      { at: ms('2026-05-04T00:00:00Z'), from: 'indeterminate', to: 'done' },
    ]);
  });

  it('maps statuses it cannot place to "No Category"', () => {
    const { history } = toIssueHistory(
      issue({ status: { name: 'Vanished', category: 'undefined' }, resolution: null }),
      entries(entry('2026-05-03T00:00:00.000+0000', [statusItem('1', 'Gone', '2', 'Vanished')])),
      context,
    );
    expect(history.transitions).toEqual([]);
  });

  it("the last status change leads into the issue's own category, whatever /status says of that id now", () => {
    // /status lists 10001 (In Review) as indeterminate; this issue was recorded when it was a done status.
    const done = issue({ status: { name: 'In Review', category: 'done' }, resolution: null });
    const log = entries(
      entry('2026-05-02T00:00:00.000+0000', [statusItem('10000', 'To Do', '3', 'In Progress')]),
      entry('2026-05-05T00:00:00.000+0000', [statusItem('3', 'In Progress', '10001', 'In Review')]),
    );
    expect(toIssueHistory(done, log, context).history).toMatchObject({
      transitions: [
        { at: ms('2026-05-02T00:00:00Z'), from: 'new', to: 'indeterminate' },
        { at: ms('2026-05-05T00:00:00Z'), from: 'indeterminate', to: 'done' },
      ],
      completedAt: ms('2026-05-05T00:00:00Z'),
      completedAtEstimated: false,
    });
    // An issue in the same status recorded while it was in progress: no entry into done.
    const open = issue({ status: { name: 'In Review', category: 'indeterminate' }, resolution: null });
    expect(toIssueHistory(open, log, context).history).toMatchObject({
      transitions: [{ at: ms('2026-05-02T00:00:00Z'), from: 'new', to: 'indeterminate' }],
      completedAt: null,
    });
  });

  it('statusSince: the last status change, even within one category; the creation without any', () => {
    const waiting = issue({ status: { name: 'Waiting for customer', category: 'indeterminate' }, resolution: null });
    const log = entries(
      entry('2026-05-02T00:00:00.000+0000', [statusItem('10000', 'To Do', '3', 'In Progress')]),
      entry('2026-05-09T00:00:00.000+0000', [statusItem('3', 'In Progress', '10002', 'Waiting for customer')]),
    );
    expect(toIssueHistory(waiting, log, context).history.statusSince).toBe(ms('2026-05-09T00:00:00Z'));
    expect(toIssueHistory(waiting, [], context).history.statusSince).toBe(waiting.created);
  });

  it('dates blockers from Link entries, forgetting removed links', () => {
    const link = (from: string | null, to: string | null) => ({
      field: 'Link',
      fieldtype: 'jira',
      fieldId: 'issuelinks',
      from,
      fromString: from && `This issue is blocked by ${from}`,
      to,
      toString: to && `This issue is blocked by ${to}`,
    });
    const { linkedAt } = toIssueHistory(
      issue({}),
      entries(
        entry('2026-05-01T00:00:00.000+0000', [link(null, 'ACME-1')]),
        entry('2026-05-02T00:00:00.000+0000', [link(null, 'ACME-2')]),
        entry('2026-05-03T00:00:00.000+0000', [link('ACME-2', null)]),
      ),
      context,
    );
    expect([...linkedAt]).toEqual([['ACME-1', ms('2026-05-01T00:00:00Z')]]);
  });

  it('drops items the history does not use and rejects entries without a date', () => {
    expect(entry('2026-05-01T00:00:00.000+0000', [{ field: 'summary', fieldId: 'summary', from: null, to: null }])).toBeNull();
    expect(() => toChangeEntry({ items: [statusItem('1', 'a', '2', 'b')] })).toThrow(expect.objectContaining({ code: 'JIRA_UNAVAILABLE' }));
  });
});
