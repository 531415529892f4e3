import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { SUMMARY_MESSAGES } from '../../contract/i18n/summary-messages';
import { SYNC_MESSAGES } from '../../contract/i18n/sync-messages';
import { token } from '@atlaskit/tokens';
import { DIMENSION_KEYS } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { formatRelativeAge, toRelativeAge } from './relative-age';
import type { SyncWatchState } from './sync-watcher';
import { toLoadingCaption } from './to-loading-caption';

/** The caption in the reader's language: what the slow load is doing. */
function useCaptionText(watch: Pick<SyncWatchState, 'status'>, nowMs: number): string {
  const { formatCount, intlLocale } = useI18n();
  const t = useT(SUMMARY_MESSAGES, SYNC_MESSAGES);
  const caption = toLoadingCaption(watch.status);
  switch (caption.kind) {
    case 'progress': {
      const phase = t(`sync.phase.${caption.phase}`);
      const progress =
        caption.total !== null && caption.total > 0
          ? t('sync.progressOf', { phase, done: formatCount(caption.done), total: formatCount(caption.total) })
          : caption.done > 0
            ? t('sync.progressSoFar', { phase, done: formatCount(caption.done) })
            : phase;
      return t('loading.reading', { progress });
    }
    case 'firstRead':
      return t('loading.firstRead');
    case 'snapshot': {
      const age = toRelativeAge(caption.asOf, nowMs);
      const ago = age === null ? null : formatRelativeAge(age, intlLocale);
      return ago === null ? t('loading.snapshotJustNow') : t('loading.snapshot', { ago });
    }
    case 'checking':
      return t('loading.checking');
  }
}

/**
 * Six tile-shaped placeholders while health loads, under a line saying what the load is doing
 * (the read's progress, or the age of the snapshot being loaded), announced politely.
 */
export function HealthSkeleton({ watch, nowMs }: { watch: Pick<SyncWatchState, 'status'>; nowMs: number }) {
  const t = useT(HEALTH_MESSAGES);
  const caption = useCaptionText(watch, nowMs);
  return (
    <div role="status" aria-label={t('health.loading')} aria-busy="true" data-testid="health-loading">
      <p data-testid="health-loading-caption" style={{ margin: `0 0 ${token('space.150', '12px')}` }}>
        {caption}
      </p>
      <div
        aria-hidden="true"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: token('space.200', '16px') }}
      >
        {DIMENSION_KEYS.map((key) => (
          <div key={key} className="cf-skeleton" style={{ height: '9rem' }} />
        ))}
      </div>
    </div>
  );
}
