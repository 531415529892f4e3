import { HISTORY_MESSAGES } from '../../contract/i18n/history-messages';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useEffect, useId } from 'react';
import type { ProjectHistory } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { useT } from '../shared/i18n/I18nProvider';
import { LoadingState } from '../shared/LoadingState';
import type { RemoteState } from '../shared/use-resolver';

/** The charting library and the charts come in their own chunk, fetched when history is shown. */
const loadCharts = () => import('./charts/HistoryCharts');
const HistoryCharts = lazy(loadCharts);

/**
 * Trends: the KPI history and the burn-ups, from `project/history`. The charts' chunk loads
 * while the history is fetched; either way one loading state stands for both.
 */
export function HistorySection({ history, onRetry }: { history: RemoteState<ProjectHistory>; onRetry: () => void }) {
  const t = useT(HISTORY_MESSAGES);
  const headingId = useId();
  useEffect(() => {
    // Start fetching the chunk now, alongside the history, rather than once the history is in.
    void loadCharts();
  }, []);
  const loading = <LoadingState label={t('history.loading')} lines={5} />;
  return (
    <section
      aria-labelledby={headingId}
      data-testid="history"
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 1fr)',
        gap: token('space.300', '24px'),
        marginTop: token('space.400', '32px'),
      }}
    >
      <h2 id={headingId} style={{ margin: 0, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}>
        {t('history.heading')}
      </h2>
      {history.status === 'loading' && loading}
      {history.status === 'failed' && <ErrorState error={history.error} onRetry={onRetry} />}
      {history.status === 'ready' && (
        <Suspense fallback={loading}>
          <HistoryCharts history={history.data} />
        </Suspense>
      )}
    </section>
  );
}
