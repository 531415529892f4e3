import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { OVERVIEW_MESSAGES } from '../../contract/i18n/overview-messages';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { PayloadOf } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { useResolver } from '../shared/use-resolver';
import { DraftReportPanel } from './DraftReportPanel';
import { HealthSkeleton } from './HealthSkeleton';
import { HealthView } from './HealthView';
import { OverviewView } from './OverviewView';
import { reportPayloadOf } from './report-payload';

/** The resolver authorizes the project from the Forge context, so no key is sent. */
const OVERVIEW_PAYLOAD: PayloadOf<'project/overview'> = {};

const HEALTH_HEADING_ID = 'cf-health-heading';
const h2Style: CSSProperties = {
  margin: `0 0 ${token('space.150', '12px')}`,
  font: token('font.heading.medium', 'normal 653 20px/24px sans-serif'),
};

/**
 * Overview: health (from the internal draft report), the issue counts and milestones, then
 * the draft report itself. The two resolvers load and fail independently; when both fail
 * (Jira down) one message with one Retry stands for both.
 */
export function OverviewSection() {
  const { locale } = useI18n();
  const t = useT(HEALTH_MESSAGES, OVERVIEW_MESSAGES, REPORT_MESSAGES);
  const overview = useResolver('project/overview', OVERVIEW_PAYLOAD);
  const report = useResolver('project/report', reportPayloadOf('internal', locale));

  if (overview.state.status === 'failed' && report.state.status === 'failed') {
    return (
      <ErrorState
        error={report.state.error}
        onRetry={() => {
          overview.retry();
          report.retry();
        }}
      />
    );
  }

  return (
    <>
      <section aria-labelledby={HEALTH_HEADING_ID} data-testid="health" style={{ marginBottom: token('space.400', '32px') }}>
        <h2 id={HEALTH_HEADING_ID} style={h2Style}>
          {t('health.heading')}
        </h2>
        {report.state.status === 'loading' && <HealthSkeleton />}
        {report.state.status === 'failed' && <ErrorState error={report.state.error} onRetry={report.retry} />}
        {report.state.status === 'ready' && <HealthView report={report.state.data} />}
      </section>

      <section data-testid="overview-counts">
        {overview.state.status === 'loading' && <LoadingState label={t('overview.loading')} lines={4} />}
        {overview.state.status === 'failed' && <ErrorState error={overview.state.error} onRetry={overview.retry} />}
        {overview.state.status === 'ready' && <OverviewView overview={overview.state.data} />}
      </section>

      {report.state.status === 'loading' && (
        <div style={{ marginTop: token('space.400', '32px') }}>
          <LoadingState label={t('report.loading')} lines={6} />
        </div>
      )}
      {report.state.status === 'ready' && <DraftReportPanel internal={report.state.data} />}
    </>
  );
}
