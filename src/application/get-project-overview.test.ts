import { describe, expect, it } from 'vitest';
import { InMemoryIssueSource } from '../adapters/memory/in-memory-issue-source';
import { InMemoryRecordStore } from '../adapters/memory/in-memory-record-store';
import { listTrackedProjects } from './tracked-projects';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { AppError } from './app-error';
import { getProjectOverview } from './get-project-overview';
import type { StatusCategoryKey } from '../domain/status-category';

const issue = (key: string, statusCategory: StatusCategoryKey) => ({ key, statusCategory });

const source = new InMemoryIssueSource([
  {
    project: { id: '10000', key: 'ACME', name: 'Acme portal' },
    milestones: [
      { id: '1', name: 'Beta', released: false, archived: false, releaseDate: '2026-11-26', startDate: null },
      { id: '2', name: 'Alpha', released: true, archived: false, releaseDate: '2026-10-01', startDate: null },
      { id: '3', name: 'GA', released: false, archived: false, releaseDate: '2026-12-15', startDate: null },
    ],
    issues: [
      issue('ACME-1', 'new'),
      issue('ACME-2', 'indeterminate'),
      issue('ACME-3', 'done'),
      issue('ACME-4', 'done'),
      issue('ACME-5', 'undefined'),
    ],
  },
]);

const silent = { warn: () => undefined };

describe('getProjectOverview', () => {
  it('given a project, counts its issues by category, lists open milestones and tracks the project', async () => {
    const records = new InMemoryRecordStore();
    // In Shanghai it is already the 27th, so Beta (due the 26th) is overdue there, though not yet in UTC.
    const now = new Date('2026-11-26T17:00:00Z');
    const overview = await getProjectOverview(
      { issues: source, records, clock: { now: () => now }, settings: { ...DEFAULT_SETTINGS, timeZone: 'Asia/Shanghai' }, log: silent },
      'ACME',
    );

    expect(overview.counts).toEqual({ new: 1, indeterminate: 1, done: 2, undefined: 1 });
    expect(overview.total).toBe(5);
    expect(overview.milestones).toEqual([
      { id: '1', name: 'Beta', releaseDate: '2026-11-26', overdue: true },
      { id: '3', name: 'GA', releaseDate: '2026-12-15', overdue: false },
    ]);
    expect(await listTrackedProjects(records)).toEqual([{ id: '10000', key: 'ACME', firstSeenAt: now.toISOString() }]);
  });

  it('given an unknown project, fails NOT_FOUND and stores nothing', async () => {
    const records = new InMemoryRecordStore();
    const result = getProjectOverview(
      { issues: source, records, clock: { now: () => new Date() }, settings: DEFAULT_SETTINGS, log: silent },
      'NOPE',
    );
    await expect(result).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(result).rejects.toBeInstanceOf(AppError);
    expect(await listTrackedProjects(records)).toEqual([]);
  });
});

describe('getProjectOverview when storage fails', () => {
  it('given tracking the project fails, answers the overview anyway and logs the failure', async () => {
    const records = new InMemoryRecordStore();
    records.collection = () => {
      throw new AppError('STORAGE_UNAVAILABLE', 'down');
    };
    const warnings: string[] = [];
    const overview = await getProjectOverview(
      {
        issues: source,
        records,
        clock: { now: () => new Date('2026-11-26T17:00:00Z') },
        settings: DEFAULT_SETTINGS,
        log: { warn: (_message, fields) => warnings.push(String(fields?.['code'])) },
      },
      'ACME',
    );
    expect(overview.total).toBe(5);
    expect(warnings).toEqual(['STORAGE_UNAVAILABLE']);
  });
});
