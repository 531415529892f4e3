import { COMMON_MESSAGES } from '../../contract/i18n/common-messages';
import { SYNC_MESSAGES } from '../../contract/i18n/sync-messages';
import { useId } from 'react';
import { isRetryable, type AppErrorJson, type SyncStatus } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { formatRelativeAge, toRelativeAge } from './relative-age';
import type { SyncWatchState } from './sync-watcher';

type T = ReturnType<typeof useSyncT>;
const useSyncT = () => useT(SYNC_MESSAGES, COMMON_MESSAGES);

/** "12 minutes ago" in the reader's language, or null when the instant is under a minute old (or unreadable). */
function useAgo(instant: string | null, nowMs: number): string | null {
  const { intlLocale } = useI18n();
  if (instant === null) return null;
  const age = toRelativeAge(instant, nowMs);
  return age === null ? null : formatRelativeAge(age, intlLocale);
}

/** "Updated 12 minutes ago", the exact time in its title; "Not read from Jira yet" before the first read. */
function Age({ asOf, nowMs }: { asOf: string | null; nowMs: number }) {
  const { formatInstant } = useI18n();
  const t = useSyncT();
  const ago = useAgo(asOf, nowMs);
  if (asOf === null) return <>{t('sync.never')}</>;
  return (
    <time dateTime={asOf} title={t('sync.readAt', { time: formatInstant(asOf) })} data-testid="freshness-updated">
      {ago === null ? t('sync.updatedJustNow') : t('sync.updated', { ago })}
    </time>
  );
}

/**
 * A read's progress as a bar: determinate (`aria-valuenow` of `aria-valuemax`) when Jira gave an
 * approximate total, indeterminate otherwise. The counts are also written out beside it.
 */
export function SyncProgress({ status, nowMs }: { status: SyncStatus; nowMs: number }) {
  const { formatCount } = useI18n();
  const t = useSyncT();
  const started = useAgo(status.startedAt, nowMs);
  const progress = status.progress;
  const total = progress?.total ?? null;
  // Counts mean something while issues are read; a later phase that reports the issues it has
  // already read (done = total) is a step, not a full bar.
  const determinate = progress !== null && total !== null && total > 0 && (progress.phase === 'issues' || progress.done < total);
  const phase = t(`sync.phase.${progress?.phase ?? 'issues'}`);
  const text = determinate
    ? t('sync.progressOf', { phase, done: formatCount(progress.done), total: formatCount(total) })
    : progress !== null && progress.phase === 'issues' && progress.done > 0
      ? t('sync.progressSoFar', { phase, done: formatCount(progress.done) })
      : t('sync.progressStep', { phase });
  const share = determinate ? Math.min(1, progress.done / total) : 0;
  return (
    <div className="cf-progress-block" data-testid="sync-progress">
      <p className="cf-progress-meta" data-testid="sync-progress-meta">
        {t(status.kind === 'incremental' ? 'sync.running.incremental' : 'sync.running.full')}
        {started !== null && <> · {t('sync.startedAgo', { ago: started })}</>}
      </p>
      <div
        role="progressbar"
        aria-label={t('sync.progressLabel')}
        aria-valuetext={text}
        {...(determinate ? { 'aria-valuemin': 0, 'aria-valuemax': total, 'aria-valuenow': Math.min(progress.done, total) } : {})}
        className="cf-progress"
        data-indeterminate={determinate ? 'false' : 'true'}
        data-testid="sync-progressbar"
      >
        <div className="cf-progress-value" style={determinate ? { width: `${String(Math.round(share * 1000) / 10)}%` } : {}} />
      </div>
      <p data-testid="sync-progress-text">{text}</p>
    </div>
  );
}

/** One problem: what failed (by error code, from the catalogue) and a way out. */
function Problem({
  title,
  error,
  extra,
  onRetry,
  testId,
  t,
}: {
  title: string;
  error: AppErrorJson | null;
  extra?: string | null;
  onRetry: () => void;
  testId: string;
  t: T;
}) {
  return (
    <div role="alert" className="cf-sync-problem" data-testid={testId}>
      <strong>{title}</strong>
      {error !== null && (
        <p data-testid="sync-error-message" data-error-code={error.code}>
          {t(`error.${error.code}`)}
        </p>
      )}
      {extra !== undefined && extra !== null && <p>{extra}</p>}
      {(error === null || isRetryable(error.code)) && (
        <button type="button" className="cf-button" data-testid={`${testId}-retry`} onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * What went wrong with the read from Jira, if anything: the last sync failed, Refresh could not
 * start, or the status itself could not be read (only worth a message when no status is shown).
 */
export function SyncProblems({
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
  const t = useSyncT();
  const status = watch.status;
  const kept = useAgo(status?.asOf ?? null, nowMs);
  if (watch.refreshError !== null) {
    return <Problem title={t('sync.refreshFailed')} error={watch.refreshError} onRetry={onRefresh} testId="sync-refresh-failed" t={t} />;
  }
  if (status?.state === 'failed' && !watch.refreshing) {
    const extra = status.asOf === null ? null : t('sync.failedKept', { ago: kept ?? t('sync.justNow') });
    return <Problem title={t('sync.failed')} error={status.error} extra={extra} onRetry={onRefresh} testId="sync-failed" t={t} />;
  }
  if (status === null && watch.statusError !== null) {
    return <Problem title={t('sync.statusFailed')} error={watch.statusError} onRetry={onRetryStatus} testId="sync-status-failed" t={t} />;
  }
  return null;
}

export interface FreshnessBarProps {
  watch: SyncWatchState;
  nowMs: number;
  onRefresh: () => void;
  onRetryStatus: () => void;
}

/**
 * The Overview's top bar: how old the snapshot is (its exact time in the title), how many
 * changes Jira reported since, Refresh, and while a read runs its progress. Refresh stays
 * focusable while it cannot be used (`aria-disabled`), so a keyboard user keeps their place.
 */
export function FreshnessBar({ watch, nowMs, onRefresh, onRetryStatus }: FreshnessBarProps) {
  const { formatCount } = useI18n();
  const t = useSyncT();
  const hintId = useId();
  const status = watch.status;
  const running = status?.state === 'running';
  const busy = running || watch.refreshing;
  const pending = status?.pendingChanges ?? 0;
  return (
    <section aria-label={t('sync.region')} className="cf-freshness" data-testid="freshness" data-sync-state={status?.state ?? 'unknown'}>
      <div className="cf-freshness-row">
        <p className="cf-freshness-age" data-testid="freshness-age">
          {status === null ? (
            watch.statusError === null && t('sync.checking')
          ) : (
            <>
              <Age asOf={status.asOf} nowMs={nowMs} />
              {pending > 0 && status.asOf !== null && (
                <span className="cf-freshness-pending" data-testid="freshness-pending">
                  {' · '}
                  {t(pending === 1 ? 'sync.pendingOne' : 'sync.pendingOther', { count: formatCount(pending) })}
                </span>
              )}
            </>
          )}
        </p>
        <span id={hintId} className="cf-visually-hidden">
          {t('sync.refreshHint')}
        </span>
        <button
          type="button"
          className="cf-button"
          data-testid="refresh-button"
          aria-describedby={hintId}
          aria-disabled={busy}
          onClick={() => {
            if (!busy) onRefresh();
          }}
        >
          {busy ? t('sync.refreshing') : t('sync.refresh')}
        </button>
      </div>
      {running && <SyncProgress status={status} nowMs={nowMs} />}
      <SyncProblems watch={watch} nowMs={nowMs} onRefresh={onRefresh} onRetryStatus={onRetryStatus} />
      <p role="status" className="cf-visually-hidden" data-testid="sync-announcement">
        {watch.completed > 0 && !busy ? t('sync.done') : ''}
      </p>
    </section>
  );
}
