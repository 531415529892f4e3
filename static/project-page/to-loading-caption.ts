import type { SyncStatus } from '../../contract';

/**
 * What the page says while health loads, instead of a bare skeleton: the running read's progress
 * ("Reading issues: 12 of ~40"), that the project is read for the first time, the age of the
 * snapshot being loaded, or that the status is still being checked.
 */
export type LoadingCaption =
  | { kind: 'progress'; phase: NonNullable<SyncStatus['progress']>['phase']; done: number; total: number | null }
  | { kind: 'firstRead' }
  | { kind: 'snapshot'; asOf: string }
  | { kind: 'checking' };

export function toLoadingCaption(status: SyncStatus | null): LoadingCaption {
  if (status === null) return { kind: 'checking' };
  if (status.state === 'running' && status.progress !== null) {
    const { phase, done, total } = status.progress;
    return { kind: 'progress', phase, done, total };
  }
  if (status.asOf !== null) return { kind: 'snapshot', asOf: status.asOf };
  return { kind: 'firstRead' };
}
