import { token } from '@atlaskit/tokens';
import { useId } from 'react';
import type { PayloadOf } from '../../../contract';
import { formatDueInZone, REPORT_SCHEDULE_MESSAGES } from '../../../contract/i18n/report-schedule-messages';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';

const PLAN: PayloadOf<'comms/get'> = {};
const STATUS: PayloadOf<'comms/status'> = {};

/**
 * When the next status report is due, from the communication plan's status-report series (in
 * each series' own zone), and what happens then: the daily job reminds the owner the day before
 * that the draft is ready for review — it never publishes or sends on its own (issue 11).
 */
export function ReportSchedule() {
  const t = useT(REPORT_SCHEDULE_MESSAGES);
  const { locale } = useI18n();
  const headingId = useId();
  const plan = useResolver('comms/get', PLAN);
  const status = useResolver('comms/status', STATUS);
  const retry = () => {
    plan.retry();
    status.retry();
  };
  let body;
  if (plan.state.status === 'loading' || status.state.status === 'loading') body = <LoadingState label={t('schedule.loading')} />;
  else if (plan.state.status === 'failed') body = <ErrorState error={plan.state.error} onRetry={retry} />;
  else if (status.state.status === 'failed') body = <ErrorState error={status.state.error} onRetry={retry} />;
  else {
    const { stakeholders, series, reminders } = plan.state.data.plan;
    const statuses = status.state.data.series;
    const reports = series.filter((s) => s.kind === 'status-report');
    body =
      reports.length === 0 ? (
        <p className="cf-hint" data-testid="schedule-none">
          {t('schedule.none')}
        </p>
      ) : (
        <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: token('space.100', '8px') }}>
          {reports.map((s) => {
            const next = statuses.find((x) => x.seriesId === s.id)?.upcoming[0];
            const owner = stakeholders.find((p) => p.id === s.ownerId);
            return (
              <li key={s.id} data-testid={`schedule-${s.id}`}>
                <p style={{ margin: 0 }}>
                  {next === undefined
                    ? t('schedule.ended', { series: s.title })
                    : t('schedule.next', { series: s.title, when: formatDueInZone(next.at, s.timeZone, locale) })}
                </p>
                <p className="cf-hint" style={{ margin: 0 }}>
                  {reminders.mode === 'none'
                    ? t('schedule.remindersOff')
                    : owner?.accountId == null
                      ? t('schedule.reminderNoOwner')
                      : t('schedule.reminderOn', { owner: owner.name })}
                </p>
              </li>
            );
          })}
        </ul>
      );
  }
  return (
    <section className="cf-reports-card" aria-labelledby={headingId} data-testid="reports-schedule">
      <h3 id={headingId}>{t('schedule.heading')}</h3>
      {body}
    </section>
  );
}
