import { describe, expect, it } from 'vitest';
import {
  MAX_CHECKLIST_KEYS,
  MAX_PENDING,
  MAX_SUBMISSIONS,
  acceptanceRecordSchema,
  type AcceptanceRecordJson,
  type AcceptanceSubmissionJson,
} from '../../contract/acceptance';
import type { QualityStandardJson } from '../../contract/engagement';
import {
  assessSubmission,
  decideSubmission,
  decisionsInPeriod,
  deriveAcceptanceSection,
  draftReleaseNotes,
  milestoneIssuesOf,
  toAcceptanceChecklist,
  withSubmission,
} from './acceptance';
import type { Issue } from './issue';
import { aDoneIssue, anIssue, at, settingsWith } from './testing/builders';

const DONE_AT = at('2026-11-10T10:00:00Z');
const bug = (key: string, priority: string, done = false) => {
  const fields = { key, type: { name: 'Bug' }, priority: { name: priority, rank: 0 }, fixVersions: ['100'] };
  return done ? aDoneIssue(DONE_AT, fields) : anIssue(fields);
};
const NO_HIGHEST: QualityStandardJson = { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] };
const AT_MOST_ONE: QualityStandardJson = { id: 'q2', kind: 'max-open-bugs', max: 1 };
const WRITTEN: QualityStandardJson = { id: 'q3', kind: 'text', text: 'Accessibility audit passed' };

describe('the checklist stored with a submission', () => {
  it.each<
    [string, Issue[], QualityStandardJson[], { total: number; done: number; open: string[]; met: (boolean | null)[]; ready: boolean }]
  >([
    ['an empty milestone is ready', [], [NO_HIGHEST], { total: 0, done: 0, open: [], met: [true], ready: true }],
    [
      'all done, no bug: ready; a written standard stays for the PM',
      [aDoneIssue(DONE_AT, { key: 'A-1' }), aDoneIssue(DONE_AT, { key: 'A-2' })],
      [NO_HIGHEST, WRITTEN],
      { total: 2, done: 2, open: [], met: [true, null], ready: true },
    ],
    [
      'an open issue makes it not ready',
      [aDoneIssue(DONE_AT, { key: 'A-1' }), anIssue({ key: 'A-2' })],
      [],
      { total: 2, done: 1, open: ['A-2'], met: [], ready: false },
    ],
    [
      'subtasks are not counted',
      [aDoneIssue(DONE_AT, { key: 'A-1' }), anIssue({ key: 'A-3', type: { subtask: true } })],
      [],
      { total: 1, done: 1, open: [], met: [], ready: true },
    ],
    [
      'an open Highest bug fails the standard, a done one does not',
      [bug('A-4', 'Highest'), bug('A-5', 'Highest', true), bug('A-6', 'Low')],
      [NO_HIGHEST, AT_MOST_ONE],
      { total: 3, done: 1, open: ['A-4', 'A-6'], met: [false, false], ready: false },
    ],
  ])('%s', (_name, issues, standards, expected) => {
    const checklist = toAcceptanceChecklist(issues, standards);
    expect(checklist.issuesTotal).toBe(expected.total);
    expect(checklist.issuesDone).toBe(expected.done);
    expect(checklist.openIssues).toEqual(expected.open);
    expect(checklist.standards.map((s) => s.met)).toEqual(expected.met);
    expect(checklist.standards.map((s) => s.standard)).toEqual(standards);
    expect(checklist.ready).toBe(expected.ready);
  });

  it('names at most the first keys, and counts them all', () => {
    const bugs = Array.from({ length: 30 }, (_, n) => bug(`B-${String(n + 1)}`, 'Highest'));
    const checklist = toAcceptanceChecklist(bugs, [NO_HIGHEST]);
    expect(checklist.openIssues).toHaveLength(MAX_CHECKLIST_KEYS);
    expect(checklist.standards[0]?.failing).toHaveLength(MAX_CHECKLIST_KEYS);
    expect(checklist.standards[0]?.failingCount).toBe(30);
  });

  it('takes the milestone issues by fix version', () => {
    const issues = [anIssue({ key: 'A-1', fixVersions: ['100'] }), anIssue({ key: 'A-2', fixVersions: ['200'] })];
    expect(milestoneIssuesOf(issues, '100').map((i) => i.key)).toEqual(['A-1']);
  });
});

describe('release notes drafted from the done, client-visible issues', () => {
  const settings = settingsWith({ clientVisibility: { mode: 'marked', issueTypeIds: [] } });
  const epic = anIssue({ key: 'A-1', labels: ['client'], type: { name: 'Epic', hierarchyLevel: 1 } });
  const issues = [
    aDoneIssue(DONE_AT, { key: 'A-10', summary: 'Single sign-on', labels: ['client'] }),
    aDoneIssue(DONE_AT, { key: 'A-2', summary: 'Export  to\nCSV', parentKey: 'A-1' }),
    aDoneIssue(DONE_AT, { key: 'A-3', summary: 'Refactor the DAO', labels: ['client', 'internal'] }),
    aDoneIssue(DONE_AT, { key: 'A-4', summary: 'Not marked' }),
    anIssue({ key: 'A-5', summary: 'Still open', labels: ['client'] }),
    aDoneIssue(DONE_AT, { key: 'A-6', summary: 'Hidden by the PM', labels: ['client'] }),
  ];
  const all = new Map([epic, ...issues].map((i) => [i.key, i]));

  it('in key order, in the client wording where written, without internal, unmarked, open or hidden issues', () => {
    const notes = draftReleaseNotes(issues, all, settings, {
      wording: new Map([['A-10', 'Sign in with your company account']]),
      hidden: new Set(['A-6']),
    });
    expect(notes).toBe('- Export to CSV (A-2)\n- Sign in with your company account (A-10)');
  });

  it('is empty when nothing the client sees is done', () => {
    expect(draftReleaseNotes([issues[3] as Issue], all, settings, { wording: new Map(), hidden: new Set() })).toBe('');
  });

  it('stops at whole lines within the length limit', () => {
    const many = Array.from({ length: 200 }, (_, n) =>
      aDoneIssue(DONE_AT, { key: `C-${String(n + 1)}`, summary: 'x'.repeat(40), labels: ['client'] }),
    );
    const notes = draftReleaseNotes(many, new Map(), settings, { wording: new Map(), hidden: new Set() });
    expect(notes.length).toBeLessThanOrEqual(4000);
    expect(notes.split('\n').every((line) => /^- x{40} \(C-\d+\)$/u.test(line))).toBe(true);
  });
});

let nextId = 0;
function aSubmission(overrides: Partial<AcceptanceSubmissionJson> = {}): AcceptanceSubmissionJson {
  nextId += 1;
  return {
    id: `s${String(nextId)}`,
    milestone: { id: '100', name: 'Beta' },
    submittedAt: '2026-11-10T10:00:00.000Z',
    submittedBy: 'pm-1',
    checklist: { issuesTotal: 2, issuesDone: 2, openIssues: [], standards: [], ready: true },
    override: false,
    releaseNotes: '- Export (A-2)',
    state: 'submitted',
    decision: null,
    ...overrides,
  };
}
const decided = (state: 'accepted' | 'rejected', milestoneId: string, at = '2026-11-12T10:00:00.000Z', notes = '') =>
  aSubmission({
    milestone: { id: milestoneId, name: `M${milestoneId}` },
    state,
    releaseNotes: notes,
    decision: { by: 'Ana (client via status page)', at, comment: 'ok', fixItems: [] },
  });
const record = (...submissions: AcceptanceSubmissionJson[]): AcceptanceRecordJson => ({ submissions });

describe('whether a milestone may be submitted', () => {
  const ready = aSubmission().checklist;
  const notReady = { ...ready, ready: false };
  it.each<[string, AcceptanceRecordJson, boolean, boolean, string | null]>([
    ['a first submission', record(), true, false, null],
    ['a checklist not met', record(), false, false, 'not-ready'],
    ['a checklist not met, overridden', record(), false, true, null],
    ['while it awaits the client', record(aSubmission()), true, false, 'awaiting'],
    ['after a rejection', record(decided('rejected', '100')), true, false, null],
    ['after an acceptance', record(decided('accepted', '100')), true, false, 'accepted'],
    ['another milestone awaiting', record(aSubmission({ milestone: { id: '200', name: 'M200' } })), true, false, null],
    [
      'too many awaiting',
      record(...Array.from({ length: MAX_PENDING }, (_, n) => aSubmission({ milestone: { id: String(300 + n), name: 'x' } }))),
      true,
      false,
      'too-many-pending',
    ],
  ])('%s', (_name, existing, isReady, override, refusal) => {
    expect(assessSubmission(existing, '100', isReady ? ready : notReady, override)).toBe(refusal);
  });
});

describe('the bounded history', () => {
  it('keeps at most MAX_SUBMISSIONS, dropping the oldest decided ones, never an awaiting one or a milestone’s latest', () => {
    const old = Array.from({ length: MAX_SUBMISSIONS }, (_, n) =>
      decided('rejected', '100', `2026-10-${String((n % 28) + 1).padStart(2, '0')}T00:00:00.000Z`),
    );
    const pending = aSubmission({ milestone: { id: '200', name: 'Gamma' } });
    const next = withSubmission(record(pending, ...old), aSubmission({ milestone: { id: '300', name: 'Delta' } }));
    expect(next.submissions).toHaveLength(MAX_SUBMISSIONS);
    expect(next.submissions.map((s) => s.milestone.id).slice(0, 2)).toEqual(['300', '200']);
    expect(next.submissions[2]).toBe(old[0]);
    expect(acceptanceRecordSchema.safeParse(next).success).toBe(true);
  });

  it('drops decided submissions while the document is larger than its byte budget', () => {
    const big = Array.from({ length: 10 }, () => decided('rejected', '100', '2026-11-01T00:00:00.000Z', '界'.repeat(4000)));
    const next = withSubmission(record(...big), aSubmission(), 60_000);
    expect(new TextEncoder().encode(JSON.stringify(next)).length).toBeLessThanOrEqual(60_000);
    expect(next.submissions[0]?.state).toBe('submitted');
    expect(next.submissions.length).toBeGreaterThan(1);
  });
});

describe('the client’s decision', () => {
  const decision = {
    by: 'Ana (client via status page)',
    at: '2026-11-12T10:00:00.000Z',
    comment: 'Fix the export',
    fixItems: [{ id: 'fix-1', text: 'CSV has no header', jiraIssueKey: null }],
  };
  it('records an acceptance (no fix items) and a rejection with its fix items', () => {
    const pending = aSubmission();
    const accepted = decideSubmission(record(pending), pending.id, { accepted: true, ...decision });
    expect(accepted).toMatchObject({ ok: true, submission: { state: 'accepted', decision: { ...decision, fixItems: [] } } });
    const rejected = decideSubmission(record(pending), pending.id, { accepted: false, ...decision });
    expect(rejected).toMatchObject({ ok: true, submission: { state: 'rejected', decision } });
  });

  it.each<[string, AcceptanceRecordJson, string, string]>([
    ['an unknown submission', record(aSubmission({ id: 'x' })), 'y', 'not-found'],
    ['a decided one is never decided again', record(decided('accepted', '100')), '', 'decided'],
  ])('refuses %s', (_name, existing, id, refusal) => {
    const target = id === '' ? (existing.submissions[0]?.id ?? '') : id;
    expect(decideSubmission(existing, target, { accepted: false, ...decision })).toEqual({ ok: false, refusal });
  });

  it('lists the decisions of a period, oldest first, for the report', () => {
    const r = record(
      decided('accepted', '100', '2026-11-12T10:00:00.000Z'),
      decided('rejected', '200', '2026-11-05T10:00:00.000Z'),
      decided('rejected', '300', '2026-10-01T10:00:00.000Z'),
      aSubmission({ milestone: { id: '400', name: 'M400' } }),
    );
    expect(decisionsInPeriod(r, '2026-11-01T00:00:00.000Z', '2026-11-30T00:00:00.000Z').map((s) => s.milestone.id)).toEqual(['200', '100']);
    expect(deriveAcceptanceSection(r.submissions, { start: at('2026-11-01T00:00:00Z'), end: at('2026-11-30T00:00:00Z') })).toEqual([
      {
        milestone: 'M200',
        state: 'rejected',
        by: 'Ana (client via status page)',
        at: '2026-11-05T10:00:00.000Z',
        comment: 'ok',
        fixItems: [],
      },
      {
        milestone: 'M100',
        state: 'accepted',
        by: 'Ana (client via status page)',
        at: '2026-11-12T10:00:00.000Z',
        comment: 'ok',
        fixItems: [],
      },
    ]);
  });
});
