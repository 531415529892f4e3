import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../../contract/settings';
import { aPlan } from '../../../test/support/comms-builders';
import { aFeedbackInput, aSurveyCsv } from '../../../test/support/feedback-builders';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { saveCommsPlan } from '../comms/comms-plan';
import type { IssueWriter, NewIssue } from '../ports';
import { saveProjectSettings } from '../project-settings';
import { feedbackKind } from '../records/record-kinds';
import { listAll } from '../storage';
import { addFeedback } from './add-feedback';
import { createIssueFromComplaint, saveComplaint } from './complaints';
import { importFeedback } from './import-feedback';
import { listFeedback } from './list-feedback';
import { getSatisfactionSummary, readSatisfactionInput } from './read-satisfaction';

const PROJECT = '10000';
const NOW = Date.parse('2026-11-27T09:00:00Z');
const DAY = 86_400_000;

async function given() {
  const records = new InMemoryRecordStore();
  await saveCommsPlan(records, PROJECT, aPlan(), 0);
  return records;
}
const stored = (records: InMemoryRecordStore) => listAll(records.collection(feedbackKind, PROJECT), { order: 'newest' });

describe('addFeedback', () => {
  it('stores the entry with its complaint when the rating is at most 2, due 5 days on', async () => {
    const records = await given();
    const { entry, created } = await addFeedback(records, PROJECT, aFeedbackInput({ rating: 2 }), NOW);
    expect(created).toBe(true);
    expect(entry).toMatchObject({
      id: 's1',
      rating: 2,
      nps: 9,
      source: 'pm',
      stakeholderId: 'client',
      createdAt: '2026-11-27T09:00:00.000Z',
    });
    expect(entry.complaint).toMatchObject({ status: 'open', due: '2026-12-02', ownerId: null, jiraIssueKey: null });
    expect(await stored(records)).toEqual([entry]);
  });

  it('given the same submission id twice, stores one entry and one complaint, and answers the stored one', async () => {
    const records = await given();
    const first = await addFeedback(records, PROJECT, aFeedbackInput({ rating: 1 }), NOW);
    const again = await addFeedback(records, PROJECT, aFeedbackInput({ rating: 1, comment: 'resent' }), NOW + 60_000);
    expect(again).toEqual({ entry: first.entry, created: false });
    expect(await stored(records)).toEqual([first.entry]);
  });

  it('opens no complaint above the threshold, and follows the project setting', async () => {
    const records = await given();
    expect((await addFeedback(records, PROJECT, aFeedbackInput({ rating: 3, submissionId: 'a' }), NOW)).entry.complaint).toBeNull();
    await saveProjectSettings(
      records,
      PROJECT,
      { ...DEFAULT_PROJECT_SETTINGS, thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, complaintRatingMax: 3, complaintDueDays: 1 } },
      0,
    );
    expect((await addFeedback(records, PROJECT, aFeedbackInput({ rating: 3, submissionId: 'b' }), NOW)).entry.complaint?.due).toBe(
      '2026-11-28',
    );
  });

  it('refuses a stakeholder who is not in the plan, beside its field, and stores nothing', async () => {
    const records = await given();
    await expect(addFeedback(records, PROJECT, aFeedbackInput({ stakeholderId: 'ghost' }), NOW)).rejects.toMatchObject({
      code: 'INVALID_PAYLOAD',
      fields: [{ path: 'stakeholderId' }],
    });
    expect(await stored(records)).toEqual([]);
  });
});

describe('listFeedback', () => {
  it('pages newest first and filters by source, rating range, stakeholder, period and complaint state', async () => {
    const records = await given();
    for (let i = 0; i < 7; i += 1) {
      await addFeedback(
        records,
        PROJECT,
        aFeedbackInput({
          submissionId: `f${String(i)}`,
          rating: (i % 5) + 1,
          source: i % 2 === 0 ? 'pm' : 'meeting',
          stakeholderId: i < 3 ? 'client' : null,
        }),
        NOW - (7 - i) * DAY,
      );
    }
    const ids = (page: { items: { id: string }[] }) => page.items.map((f) => f.id);
    const first = await listFeedback(records, PROJECT, { limit: 3 }, 'UTC');
    expect(ids(first)).toEqual(['f6', 'f5', 'f4']);
    const second = await listFeedback(records, PROJECT, { limit: 3, cursor: first.cursor ?? '' }, 'UTC');
    expect(ids(second)).toEqual(['f3', 'f2', 'f1']);
    expect(ids(await listFeedback(records, PROJECT, { source: 'meeting' }, 'UTC'))).toEqual(['f5', 'f3', 'f1']);
    expect(ids(await listFeedback(records, PROJECT, { ratingMin: 4 }, 'UTC'))).toEqual(['f4', 'f3']);
    expect(ids(await listFeedback(records, PROJECT, { stakeholderId: 'client', ratingMax: 2 }, 'UTC'))).toEqual(['f1', 'f0']);
    // f2 was given on 2026-11-22 and f4 on 2026-11-24 (UTC).
    expect(ids(await listFeedback(records, PROJECT, { from: '2026-11-22', to: '2026-11-24' }, 'UTC'))).toEqual(['f4', 'f3', 'f2']);
    expect(ids(await listFeedback(records, PROJECT, { complaint: 'unresolved' }, 'UTC'))).toEqual(['f6', 'f5', 'f1', 'f0']);
  });
});

describe('importFeedback', () => {
  it('given one bad row, refuses the file with the row and column, and writes nothing', async () => {
    const records = await given();
    const result = await importFeedback(
      records,
      PROJECT,
      aSurveyCsv([
        ['2026-11-01', 5, 9, 'ok'],
        ['2026-11-02', 7, '', 'bad'],
      ]),
      NOW,
    );
    expect(result).toEqual({ status: 'rejected', errors: [{ row: 3, field: 'rating', code: 'rating' }] });
    expect(await stored(records)).toEqual([]);
  });

  it('imports every row as survey feedback dated by the file, opens complaints, and a re-import stores nothing twice', async () => {
    const records = await given();
    const csv = aSurveyCsv([
      ['2026-11-01', 5, 10, 'Great, "really"'],
      ['2026-11-02', 1, 0, 'Late again'],
      ['2026-11-02', 1, 0, 'Late again'],
    ]);
    expect(await importFeedback(records, PROJECT, csv, NOW)).toEqual({ status: 'imported', created: 3, existing: 0, complaints: 2 });
    expect(await importFeedback(records, PROJECT, csv, NOW + DAY)).toEqual({ status: 'imported', created: 0, existing: 3, complaints: 0 });
    const all = await stored(records);
    expect(all.map((f) => [f.source, f.createdAt, f.rating, f.comment])).toEqual([
      ['survey', '2026-11-02T12:00:00.000Z', 1, 'Late again'],
      ['survey', '2026-11-02T12:00:00.000Z', 1, 'Late again'],
      ['survey', '2026-11-01T12:00:00.000Z', 5, 'Great, "really"'],
    ]);
    // Complaints from imported answers are due from the day of the import, not the answer.
    expect(all[0]?.complaint?.due).toBe('2026-12-02');
  });
});

describe('satisfaction', () => {
  it('reads the ratings of the 90-day window and counts overdue unresolved complaints, however old', async () => {
    const records = await given();
    await addFeedback(records, PROJECT, aFeedbackInput({ submissionId: 'old', rating: 1 }), NOW - 200 * DAY);
    await addFeedback(records, PROJECT, aFeedbackInput({ submissionId: 'in', rating: 5 }), NOW - 89 * DAY);
    await addFeedback(records, PROJECT, aFeedbackInput({ submissionId: 'new', rating: 2 }), NOW - DAY);
    const input = await readSatisfactionInput(records, PROJECT, NOW);
    expect(input.ratings.map((r) => r.rating).sort()).toEqual([2, 5]);
    // "old" opened a complaint due 195 days ago; "new" is due in 4 days.
    expect(input.overdueComplaints).toBe(1);
    await saveComplaint(
      records,
      PROJECT,
      { feedbackId: 'old', ownerId: 'pm', due: '2026-06-01', status: 'resolved', resolutionNote: 'Refunded' },
      NOW,
    );
    expect((await readSatisfactionInput(records, PROJECT, NOW)).overdueComplaints).toBe(0);
  });

  it('summarises CSAT, NPS, complaints and a twelve-month trend', async () => {
    const records = await given();
    await addFeedback(records, PROJECT, aFeedbackInput({ submissionId: 'a', rating: 5, nps: 10 }), NOW - 40 * DAY);
    await addFeedback(records, PROJECT, aFeedbackInput({ submissionId: 'b', rating: 2, nps: 3 }), NOW);
    await addFeedback(records, PROJECT, aFeedbackInput({ submissionId: 'c', rating: 3, nps: null }), NOW - 150 * DAY);
    const summary = await getSatisfactionSummary(records, PROJECT, NOW);
    expect(summary).toMatchObject({
      windowDays: 90,
      responses: 2,
      csat: 3.5,
      npsResponses: 2,
      nps: 0,
      unresolvedComplaints: 1,
      overdueComplaints: 0,
      complaintRatingMax: 2,
    });
    expect(summary.trend).toHaveLength(12);
    expect(summary.trend.filter((m) => m.responses > 0).map((m) => [m.month, m.csat])).toEqual([
      ['2026-06', 3],
      ['2026-10', 5],
      ['2026-11', 2],
    ]);
  });
});

describe('complaints', () => {
  it('refuses resolving without a note and an owner outside the team, beside the fields', async () => {
    const records = await given();
    await addFeedback(records, PROJECT, aFeedbackInput({ rating: 1 }), NOW);
    await expect(
      saveComplaint(
        records,
        PROJECT,
        { feedbackId: 's1', ownerId: 'client', due: '2026-12-01', status: 'resolved', resolutionNote: '' },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_PAYLOAD', fields: [{ path: 'resolutionNote' }, { path: 'ownerId' }] });
    await expect(
      saveComplaint(records, PROJECT, { feedbackId: 'nope', ownerId: null, due: '2026-12-01', status: 'open', resolutionNote: '' }, NOW),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('creates one Jira issue from a complaint, assigned to its owner, and keeps its key', async () => {
    const records = await given();
    await addFeedback(records, PROJECT, aFeedbackInput({ rating: 1, comment: 'Missed the date\nagain' }), NOW);
    await saveComplaint(
      records,
      PROJECT,
      { feedbackId: 's1', ownerId: 'pm', due: '2026-12-01', status: 'in-progress', resolutionNote: '' },
      NOW,
    );
    const created: NewIssue[] = [];
    const issues: IssueWriter = {
      findIssueByLabel: () => Promise.resolve(null),
      createIssue: (issue) => {
        created.push(issue);
        return Promise.resolve({ key: `ACME-${String(100 + created.length)}` });
      },
      notify: () => Promise.resolve(),
    };
    const request = { feedbackId: 's1', link: 'https://x.example/#feedback', lang: 'en' as const };
    let t = NOW;
    const deps = {
      records,
      issues,
      clock: { now: () => new Date(t) },
      sleep: (ms: number) => {
        t += ms;
        return new Promise<void>((resolve) => setTimeout(resolve, 1));
      },
    };
    // A double click: both answer the one issue.
    const [first, second] = await Promise.all([
      createIssueFromComplaint(deps, { id: PROJECT, key: 'ACME' }, request),
      createIssueFromComplaint(deps, { id: PROJECT, key: 'ACME' }, request),
    ]);
    expect(first.issueKey).toBe('ACME-101');
    expect(second.issueKey).toBe('ACME-101');
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      summary: 'Client complaint (1/5): Missed the date',
      assigneeAccountId: 'local-pm',
      dueDate: '2026-12-01',
    });
    expect(JSON.stringify(created[0]?.description)).toContain('https://x.example/#feedback');
    expect((await records.collection(feedbackKind, PROJECT).get('s1'))?.complaint).toMatchObject({
      jiraIssueKey: 'ACME-101',
      status: 'in-progress',
    });
  });
});
