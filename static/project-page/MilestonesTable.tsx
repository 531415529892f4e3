import { OVERVIEW_MESSAGES } from '../../contract/i18n/overview-messages';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { formatForecastDetail } from '../../contract/i18n/forecast-sentences';
import { token } from '@atlaskit/tokens';
import type { ClientMilestoneJson, MilestoneReportJson } from '../../contract';
import { CLIENT_SENTENCES } from '../../contract/i18n/client-sentences';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { RagLozenge } from '../shared/RagLozenge';
import { TokenLozenge } from '../shared/TokenLozenge';
import { reportMetaStyle } from './ReportIssueList';
import { toProgressPercent, toSlip } from './to-report-view';
import { OverdueMark, useReportDay } from './Overdue';
import { daysPast } from './to-needs-attention';

function DayCell({ day, empty }: { day: string | null; empty: string }) {
  const { formatDay } = useI18n();
  return day === null ? <>{empty}</> : <time dateTime={day}>{formatDay(day)}</time>;
}

function SlipText({ milestone }: { milestone: Pick<MilestoneReportJson, 'slipDays'> }) {
  const { formatSlipDays } = useI18n();
  const t = useT(REPORT_MESSAGES, OVERVIEW_MESSAGES);
  const slip = toSlip(milestone);
  switch (slip.kind) {
    case 'unknown':
      return <>{t('report.noSlip')}</>;
    case 'onTime':
      return <>{t('report.onTime')}</>;
    case 'days':
      return <>{formatSlipDays(slip.days)}</>;
  }
}

/** The client's progress: a percentage only, never how many issues the milestone holds. */
function ClientProgress({ percentDone }: ClientMilestoneJson['progress']) {
  const { locale } = useI18n();
  return (
    <>
      {CLIENT_SENTENCES[locale].progress(percentDone)}
      {percentDone !== null && <ProgressBar value={percentDone} max={100} />}
    </>
  );
}

function ProgressBar({ value, max }: { value: number; max: number }) {
  return (
    <progress
      value={value}
      max={max}
      aria-hidden="true"
      style={{
        display: 'block',
        width: '100%',
        maxWidth: '8rem',
        height: '0.375rem',
        accentColor: token('color.background.brand.bold', '#1868DB'),
      }}
    />
  );
}

/**
 * Milestones as a table: target (and the original target when it moved), forecast, slip,
 * progress by issues and points (the client's: a percentage), and the RAG as a word.
 */
export function MilestonesTable({
  milestones,
  testId = 'report-milestones',
}: {
  milestones: readonly MilestoneReportJson[] | readonly ClientMilestoneJson[];
  testId?: string;
}) {
  const { formatCount, formatDay, locale } = useI18n();
  const t = useT(REPORT_MESSAGES, OVERVIEW_MESSAGES);
  const today = useReportDay();
  return (
    // Seven columns scroll sideways on a phone; a scrolling area must be reachable by keyboard (WCAG 2.1.1). A
    // group, not a region: the section around it is the landmark, under the same name.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="cf-table-scroll" role="group" aria-label={t('report.milestones')} tabIndex={0}>
      <table className="cf-table cf-table-stack" data-testid={testId}>
        <caption className="cf-visually-hidden">{t('report.milestones')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('report.col.milestone')}</th>
            <th scope="col">{t('report.col.target')}</th>
            <th scope="col">{t('report.col.forecast')}</th>
            <th scope="col">{t('report.col.slip')}</th>
            <th scope="col">{t('report.col.progress')}</th>
            <th scope="col">{t('report.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {milestones.map((milestone: MilestoneReportJson | ClientMilestoneJson) => {
            const targetPassed = milestone.released || today === null ? null : daysPast(milestone.releaseDate, today);
            return (
              <tr key={milestone.id} data-testid="report-milestone">
                <th scope="row" style={{ fontWeight: token('font.weight.medium', '500') }}>
                  {milestone.name} {milestone.released && <TokenLozenge appearance="success">{t('report.released')}</TokenLozenge>}
                </th>
                <td data-label={t('report.col.target')}>
                  <div>
                    <DayCell day={milestone.releaseDate} empty={t('milestone.noReleaseDate')} />
                    {targetPassed !== null && (
                      <span style={{ display: 'block' }}>
                        <OverdueMark days={targetPassed} kind="target" />
                      </span>
                    )}
                    {milestone.originalReleaseDate !== null && milestone.originalReleaseDate !== milestone.releaseDate && (
                      <span style={{ ...reportMetaStyle, display: 'block' }}>
                        {t('report.wasTarget', { date: formatDay(milestone.originalReleaseDate) })}
                      </span>
                    )}
                  </div>
                </td>
                <td data-label={t('report.col.forecast')}>
                  <div>
                    <DayCell day={milestone.forecastDate} empty={milestone.released ? '—' : t('report.noForecast')} />
                    {'forecast' in milestone && milestone.forecast != null && (
                      <details data-testid="report-milestone-forecast" style={{ ...reportMetaStyle, display: 'block' }}>
                        <summary style={{ cursor: 'pointer' }}>{t('report.forecastHow')}</summary>
                        <span style={{ display: 'block', maxWidth: '24rem' }}>{formatForecastDetail(milestone.forecast, locale)}</span>
                      </details>
                    )}
                  </div>
                </td>
                <td data-testid="report-milestone-slip" data-label={t('report.col.slip')}>
                  <div>
                    <SlipText milestone={milestone} />
                  </div>
                </td>
                <td data-label={t('report.col.progress')}>
                  <div>
                    {'percentDone' in milestone.progress ? (
                      <ClientProgress percentDone={milestone.progress.percentDone} />
                    ) : (
                      <>
                        {t('report.progressIssues', {
                          done: formatCount(milestone.progress.issuesDone),
                          total: formatCount(milestone.progress.issuesTotal),
                        })}
                        {toProgressPercent(milestone.progress) !== null && (
                          <ProgressBar value={milestone.progress.issuesDone} max={milestone.progress.issuesTotal} />
                        )}
                        {milestone.progress.pointsTotal > 0 && (
                          <span style={{ ...reportMetaStyle, display: 'block' }}>
                            {t('report.progressPoints', {
                              done: formatCount(milestone.progress.pointsDone),
                              total: formatCount(milestone.progress.pointsTotal),
                            })}
                          </span>
                        )}
                      </>
                    )}
                  </div>
                </td>
                <td data-label={t('report.col.status')}>
                  <div>
                    <RagLozenge rag={milestone.rag} />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
