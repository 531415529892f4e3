import { describe, expect, it } from 'vitest';
import { deriveDataQuality, type DataQualityNote } from './derive-data-quality';
import { formatDataQualityNote } from '../../contract/i18n/data-quality-sentences';
import { aDoneIssue, anIssue, aProject, at, settingsWith } from './testing/builders';

const UTC = settingsWith();
const blocker = (key: string) => ({ key, statusName: 'To Do', category: 'new' as const, since: null });

describe('deriveDataQuality', () => {
  it.each<{ case: string; issue: Parameters<typeof anIssue>[0]; notes: DataQualityNote[] }>([
    {
      case: 'resolved but in a new-category status',
      issue: { key: 'ACME-1', resolution: 'Fixed', status: { name: 'Backlog', category: 'new' } },
      notes: [{ code: 'resolvedNotDone', issueKey: 'ACME-1', statusName: 'Backlog', resolution: 'Fixed' }],
    },
    {
      case: 'done-category status without a resolution',
      issue: { key: 'ACME-1', status: { name: 'Closed', category: 'done' } },
      notes: [{ code: 'doneWithoutResolution', issueKey: 'ACME-1', statusName: 'Closed' }],
    },
    {
      case: 'done with a resolution is fine',
      issue: { key: 'ACME-1', status: { name: 'Closed', category: 'done' }, resolution: 'Done' },
      notes: [],
    },
    {
      case: 'a No Category status',
      issue: { key: 'ACME-1', status: { name: 'Triage', category: 'undefined' } },
      notes: [{ code: 'noStatusCategory', issueKey: 'ACME-1', statusName: 'Triage' }],
    },
    {
      case: 'due the day before it was created',
      issue: { key: 'ACME-1', created: at('2026-01-05T09:00:00Z'), due: '2026-01-04' },
      notes: [{ code: 'dueBeforeCreated', issueKey: 'ACME-1', due: '2026-01-04', created: '2026-01-05' }],
    },
    {
      case: 'due the day it was created is fine',
      issue: { key: 'ACME-1', created: at('2026-01-05T09:00:00Z'), due: '2026-01-05' },
      notes: [],
    },
    {
      case: 'an open issue blocked from another project',
      issue: { key: 'ACME-1', blockedBy: [blocker('ACME-2'), blocker('OPS-9'), blocker('OPS-10')] },
      notes: [
        { code: 'blockerOutsideProject', issueKey: 'ACME-1', blockerKey: 'OPS-9' },
        { code: 'blockerOutsideProject', issueKey: 'ACME-1', blockerKey: 'OPS-10' },
      ],
    },
    {
      case: 'a done issue blocked from another project is not noted',
      issue: { key: 'ACME-1', status: { name: 'Done', category: 'done' }, resolution: 'Done', blockedBy: [blocker('OPS-9')] },
      notes: [],
    },
  ])('$case', ({ issue, notes }) => {
    expect(deriveDataQuality(aProject({ issues: [anIssue(issue)] }), UTC)).toEqual(notes);
  });

  it('compares due with the creation day in the project zone', () => {
    // 2026-01-04T20:00Z is already 2026-01-05 in Shanghai: due 2026-01-04 is before it there, not in UTC.
    const issue = anIssue({ key: 'ACME-1', created: at('2026-01-04T20:00:00Z'), due: '2026-01-04' });
    expect(deriveDataQuality(aProject({ issues: [issue] }), UTC)).toEqual([]);
    expect(deriveDataQuality(aProject({ issues: [issue] }), settingsWith({ timeZone: 'Asia/Shanghai' }))).toEqual([
      { code: 'dueBeforeCreated', issueKey: 'ACME-1', due: '2026-01-04', created: '2026-01-05' },
    ]);
  });

  it.each([
    { case: 'both have points', sub: 2, parent: 5, noted: true },
    { case: 'parent has none', sub: 2, parent: null, noted: false },
    { case: 'subtask has zero', sub: 0, parent: 5, noted: false },
  ])('subtask points double counted: $case', ({ sub, parent, noted }) => {
    const issues = [
      anIssue({ key: 'ACME-3', type: { name: 'Sub-task', subtask: true, hierarchyLevel: -1 }, parentKey: 'ACME-2', storyPoints: sub }),
      anIssue({ key: 'ACME-2', storyPoints: parent }),
    ];
    expect(deriveDataQuality(aProject({ issues }), UTC)).toEqual(
      noted ? [{ code: 'subtaskPointsDoubleCounted', issueKey: 'ACME-3', parentKey: 'ACME-2' }] : [],
    );
  });

  it('counts done issues with an estimated completion date in one note', () => {
    const issues = [
      aDoneIssue(at('2026-02-01T00:00:00Z'), { history: { completedAtEstimated: true, complete: false } }),
      aDoneIssue(at('2026-02-02T00:00:00Z'), { history: { completedAtEstimated: true, complete: false } }),
      aDoneIssue(at('2026-02-03T00:00:00Z')),
    ];
    expect(deriveDataQuality(aProject({ issues }), UTC)).toEqual([{ code: 'completionEstimated', issueKey: null, count: 2 }]);
  });

  it('lists codes in a fixed order, keys in natural order, and sums the rest beyond the limit', () => {
    const closed = (key: string) => anIssue({ key, status: { name: 'Closed', category: 'done' } });
    const issues = [
      closed('ACME-10'),
      anIssue({ key: 'ACME-50', resolution: 'Fixed' }),
      closed('ACME-2'),
      closed('ACME-9'),
      closed('ACME-100'),
    ];
    const notes = deriveDataQuality(aProject({ issues }), UTC, { maxNotesPerCode: 3 });
    expect(notes.map((n) => [n.code, n.issueKey])).toEqual([
      ['resolvedNotDone', 'ACME-50'],
      ['doneWithoutResolution', 'ACME-2'],
      ['doneWithoutResolution', 'ACME-9'],
      ['doneWithoutResolution', 'ACME-10'],
      ['more', null],
    ]);
    expect(notes[4]).toEqual({ code: 'more', issueKey: null, of: 'doneWithoutResolution', count: 1, issueKeys: ['ACME-100'] });
  });

  it('stops at 20 per code by default, and the "more" note names every remaining issue', () => {
    const issues = Array.from({ length: 1000 }, (_, i) => anIssue({ key: `ACME-${i + 1}`, status: { name: 'Closed', category: 'done' } }));
    const notes = deriveDataQuality(aProject({ issues: [...issues].reverse() }), UTC);
    expect(notes).toHaveLength(21);
    expect(notes.slice(0, 20).map((n) => n.issueKey)).toEqual(Array.from({ length: 20 }, (_, i) => `ACME-${i + 1}`));
    const more = notes[20];
    expect(more).toMatchObject({ code: 'more', of: 'doneWithoutResolution', count: 980 });
    expect(more?.code === 'more' ? more.issueKeys : []).toEqual(Array.from({ length: 980 }, (_, i) => `ACME-${i + 21}`));
  });

  it('merges the notes on implausible values: issue notes by code and key, milestone notes last', () => {
    const notes = deriveDataQuality(
      aProject({ issues: [anIssue({ key: 'ACME-1', resolution: 'Fixed', history: { completedAtEstimated: true } })] }),
      UTC,
      {
        implausible: [
          { code: 'implausibleMilestoneDate', issueKey: null, milestone: 'R1', field: 'releaseDate', value: '9999-12-31' },
          { code: 'implausibleEstimate', issueKey: 'ACME-9', field: 'storyPoints', value: '1e+308' },
          { code: 'implausibleDate', issueKey: 'ACME-3', field: 'due', value: '1900-01-01' },
          { code: 'implausibleEstimate', issueKey: 'ACME-2', field: 'timeSpent', value: 'NaN' },
        ],
      },
    );
    expect(notes.map((n) => [n.code, n.issueKey])).toEqual([
      ['resolvedNotDone', 'ACME-1'],
      ['implausibleEstimate', 'ACME-2'],
      ['implausibleEstimate', 'ACME-9'],
      ['implausibleDate', 'ACME-3'],
      ['completionEstimated', null],
      ['implausibleMilestoneDate', null],
    ]);
  });
});

describe('formatDataQualityNote', () => {
  const notes: DataQualityNote[] = [
    { code: 'resolvedNotDone', issueKey: 'ACME-1', statusName: '待办', resolution: '已修复' },
    { code: 'doneWithoutResolution', issueKey: 'ACME-1', statusName: '关闭' },
    { code: 'noStatusCategory', issueKey: 'ACME-1', statusName: '分拣' },
    { code: 'dueBeforeCreated', issueKey: 'ACME-1', due: '2026-01-04', created: '2026-01-05' },
    { code: 'blockerOutsideProject', issueKey: 'ACME-1', blockerKey: 'OPS-9' },
    { code: 'subtaskPointsDoubleCounted', issueKey: 'ACME-3', parentKey: 'ACME-2' },
    { code: 'completionEstimated', issueKey: null, count: 2 },
    { code: 'more', issueKey: null, of: 'doneWithoutResolution', count: 4, issueKeys: ['ACME-7', 'ACME-8', 'ACME-9', 'ACME-10'] },
  ];

  it.each(notes)('$code names its issue in English', (note) => {
    const message = formatDataQualityNote(note, 'en');
    expect(message).toMatch(/[.]$/u);
    if (note.issueKey !== null) expect(message).toContain(note.issueKey);
  });

  it.each(notes)('$code has no English words left in Chinese', (note) => {
    const message = formatDataQualityNote(note, 'zh-CN');
    if (note.issueKey !== null) expect(message).toContain(note.issueKey);
    expect(message.replace(/[A-Z]+-\d+/gu, '')).not.toMatch(/[A-Za-z]{2,}/u);
  });
});
