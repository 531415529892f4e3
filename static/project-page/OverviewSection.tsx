import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { OVERVIEW_MESSAGES } from '../../contract/i18n/overview-messages';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { SUMMARY_MESSAGES } from '../../contract/i18n/summary-messages';
import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, type CSSProperties } from 'react';
import type { PayloadOf, ResolverKey } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { useResolver, type RemoteState } from '../shared/use-resolver';
import { DraftReportPanel } from './DraftReportPanel';
import { FirstSyncView } from './FirstSyncView';
import { FreshnessBar } from './FreshnessBar';
import { HealthSkeleton } from './HealthSkeleton';
import { HealthView } from './HealthView';
import { OverviewDue } from './comms/OverviewDue';
import { HistorySection } from './HistorySection';
import { MilestonesTable } from './MilestonesTable';
import { NeedsAttention } from './NeedsAttention';
import { ReportDayContext } from './Overdue';
import { reportDay } from './to-needs-attention';
import { OverviewView } from './OverviewView';
import { reportPayloadOf } from './report-payload';
import { SyncStyles } from './SyncStyles';
import { SupportPanel } from './support/SupportPanel';
import { useNow, useSyncWatch } from './use-sync-watch';

/** The resolver authorizes the project from the Forge context, so no key is sent. */
const OVERVIEW_PAYLOAD: PayloadOf<'project/overview'> = {};
/** The trend chart's window: about a quarter. */
export const HISTORY_DAYS = 90;
const HISTORY_PAYLOAD: PayloadOf<'project/history'> = { days: HISTORY_DAYS };

const HEALTH_HEADING_ID = 'cf-health-heading';
const MILESTONES_HEADING_ID = 'cf-overview-milestones-heading';
const h2Style: CSSProperties = {
  margin: `0 0 ${token('space.150', '12px')}`,
  font: token('font.heading.medium', 'normal 653 20px/24px sans-serif'),
};

/**
 * A resolver read again each time `version` changes (a sync ended), keeping what it showed
 * until the new answer arrives: `useResolver` calls again for a new payload object and only
 * replaces its state with the answer.
 */
function useResolverAt<K extends ResolverKey>(key: K, payload: PayloadOf<K>, version: number) {
  // `version` is the point: a new object per sync, so the hook calls again.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const fresh = useMemo(() => ({ ...payload }), [payload, version]);
  return useResolver(key, fresh);
}

const isNotReady = (state: RemoteState<unknown>) => state.status === 'failed' && state.error.code === 'NOT_READY';

/**
 * Overview: how fresh the project's snapshot is (with Refresh and a running read's progress),
 * health (from the internal draft report), the issue counts and milestones, the trends, then
 * the draft report itself. The resolvers load and fail independently; when the report and the
 * counts both fail (Jira down) one message with one Retry stands for both. While a large
 * project's first read runs (`NOT_READY`) its progress stands in for the whole section, and
 * the data loads by itself when the read ends.
 */
export function OverviewSection() {
  const { locale } = useI18n();
  const t = useT(HEALTH_MESSAGES, OVERVIEW_MESSAGES, REPORT_MESSAGES, SUMMARY_MESSAGES);
  const sync = useSyncWatch();
  const nowMs = useNow();
  const version = sync.completed;
  const overview = useResolverAt('project/overview', OVERVIEW_PAYLOAD, version);
  const report = useResolverAt('project/report', reportPayloadOf('internal', locale), version);
  const history = useResolverAt('project/history', HISTORY_PAYLOAD, version);

  const notReady = isNotReady(overview.state) || isNotReady(report.state);
  const { awaitFirstSync } = sync;
  useEffect(() => {
    // Once per answer: a reload that is still not ready waits again (the watcher backs off).
    if (notReady) awaitFirstSync();
  }, [notReady, overview.state, report.state, awaitFirstSync]);
  // A small project's first read runs within the report's call: the status read before it says
  // "never". Once the report is in, read the status again so the bar says how fresh it is.
  const reportReady = report.state.status === 'ready';
  const statusSaysNever = sync.status !== null && sync.status.asOf === null;
  const { retryStatus } = sync;
  useEffect(() => {
    if (reportReady && statusSaysNever) retryStatus();
  }, [reportReady, statusSaysNever, retryStatus]);

  if (notReady) {
    return (
      <>
        <SyncStyles />
        <FirstSyncView watch={sync} nowMs={nowMs} onRefresh={sync.refresh} onRetryStatus={sync.retryStatus} />
      </>
    );
  }

  const freshness = <FreshnessBar watch={sync} nowMs={nowMs} onRefresh={sync.refresh} onRetryStatus={sync.retryStatus} />;

  if (overview.state.status === 'failed' && report.state.status === 'failed') {
    return (
      <>
        <SyncStyles />
        {freshness}
        <ErrorState
          error={report.state.error}
          onRetry={() => {
            overview.retry();
            report.retry();
            history.retry();
          }}
        />
      </>
    );
  }

  return (
    <>
      <SyncStyles />
      {freshness}
      <OverviewDue />
      <section aria-labelledby={HEALTH_HEADING_ID} data-testid="health" style={{ marginBottom: token('space.400', '32px') }}>
        <h2 id={HEALTH_HEADING_ID} style={h2Style}>
          {t('health.heading')}
        </h2>
        {report.state.status === 'loading' && <HealthSkeleton watch={sync} nowMs={nowMs} />}
        {report.state.status === 'failed' && <ErrorState error={report.state.error} onRetry={report.retry} />}
        {report.state.status === 'ready' && report.state.data.audience === 'internal' && <HealthView report={report.state.data} />}
      </section>

      {report.state.status === 'ready' && report.state.data.audience === 'internal' && <NeedsAttention report={report.state.data} />}
      {report.state.status === 'ready' && report.state.data.audience === 'internal' && <SupportPanel report={report.state.data} />}

      {report.state.status === 'ready' && (
        <section
          aria-labelledby={MILESTONES_HEADING_ID}
          data-testid="overview-milestones-section"
          style={{ marginBottom: token('space.400', '32px') }}
        >
          <h2 id={MILESTONES_HEADING_ID} style={h2Style}>
            {t('summary.milestones')}
          </h2>
          {report.state.data.sections.milestones.length === 0 ? (
            <p data-testid="milestone-list-empty" style={{ margin: 0 }}>
              {t('overview.noMilestones')}
            </p>
          ) : (
            <ReportDayContext.Provider value={reportDay(report.state.data)}>
              <MilestonesTable milestones={report.state.data.sections.milestones} testId="overview-milestones" />
            </ReportDayContext.Provider>
          )}
        </section>
      )}

      <section data-testid="overview-counts">
        {overview.state.status === 'loading' && <LoadingState label={t('overview.loading')} lines={4} />}
        {overview.state.status === 'failed' && <ErrorState error={overview.state.error} onRetry={overview.retry} />}
        {overview.state.status === 'ready' && (
          <OverviewView overview={overview.state.data} showMilestones={report.state.status !== 'ready'} />
        )}
      </section>

      {/* Trends come from the same snapshot as the report: until it is read, they are loading too (not "no milestones"). */}
      <HistorySection history={report.state.status === 'loading' ? { status: 'loading' } : history.state} onRetry={history.retry} />

      {report.state.status === 'loading' && (
        <div style={{ marginTop: token('space.400', '32px') }}>
          <LoadingState label={t('report.loading')} lines={6} />
        </div>
      )}
      {report.state.status === 'ready' && report.state.data.audience === 'internal' && (
        <DraftReportPanel internal={report.state.data} dataVersion={version} />
      )}
    </>
  );
}
