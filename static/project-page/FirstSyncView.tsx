import { SYNC_MESSAGES } from '../../contract/i18n/sync-messages';
import { useId } from 'react';
import { useT } from '../shared/i18n/I18nProvider';
import { SyncProblems, SyncProgress } from './FreshnessBar';
import type { SyncWatchState } from './sync-watcher';

/**
 * In place of the Overview while a large project's first read from Jira runs (`NOT_READY`):
 * what is happening, its progress, and — if the read stopped — what failed with a retry.
 * Not an error: the page reloads its data by itself when the read ends.
 */
export function FirstSyncView({
  watch,
  nowMs,
  onRefresh,
  onRetryStatus,
}: {
  watch: SyncWatchState;
  nowMs: number;
  onRefresh: () => void;
  onRetryStatus: () => void;
}) {
  const t = useT(SYNC_MESSAGES);
  const headingId = useId();
  const status = watch.status;
  const stopped = status?.state === 'failed' || watch.refreshError !== null;
  const waiting = t(status?.state === 'idle' ? 'sync.first.loading' : 'sync.first.waiting');
  return (
    <section aria-labelledby={headingId} aria-busy={!stopped} className="cf-first-sync" data-testid="first-sync">
      <h2 id={headingId}>{t('sync.first.heading')}</h2>
      <p>{t('sync.first.body')}</p>
      {status?.state === 'running' ? (
        <SyncProgress status={status} nowMs={nowMs} />
      ) : (
        !stopped && (
          <div className="cf-progress-block" data-testid="sync-progress">
            <div
              role="progressbar"
              aria-label={t('sync.progressLabel')}
              aria-valuetext={waiting}
              className="cf-progress"
              data-indeterminate="true"
              data-testid="sync-progressbar"
            >
              <div className="cf-progress-value" />
            </div>
            <p data-testid="sync-progress-text">{waiting}</p>
          </div>
        )
      )}
      <SyncProblems watch={watch} nowMs={nowMs} onRefresh={onRefresh} onRetryStatus={onRetryStatus} />
    </section>
  );
}
