import { describe, expect, it } from 'vitest';
import { aRunningSync, aSyncStatus } from '../testing/sync-builders';
import { toLoadingCaption } from './to-loading-caption';

describe('toLoadingCaption', () => {
  it('says the running read’s progress, with Jira’s approximate total when known', () => {
    expect(toLoadingCaption(aRunningSync(12, 40))).toEqual({ kind: 'progress', phase: 'issues', done: 12, total: 40 });
    expect(toLoadingCaption(aRunningSync(12, null))).toMatchObject({ kind: 'progress', done: 12, total: null });
  });

  it('names the snapshot being loaded by its age, else a first read, else that the status is being checked', () => {
    expect(toLoadingCaption(aSyncStatus({ state: 'idle', asOf: '2026-11-27T09:00:00Z' }))).toEqual({
      kind: 'snapshot',
      asOf: '2026-11-27T09:00:00Z',
    });
    expect(toLoadingCaption(aSyncStatus({ state: 'never', asOf: null, progress: null }))).toEqual({ kind: 'firstRead' });
    expect(toLoadingCaption(aSyncStatus({ state: 'running', asOf: null, progress: null }))).toEqual({ kind: 'firstRead' });
    expect(toLoadingCaption(null)).toEqual({ kind: 'checking' });
  });
});
