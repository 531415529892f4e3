import { useEffect, useMemo, useRef, useState } from 'react';
import type { PayloadOf } from '../../../contract';
import type { SatisfactionSummaryJson } from '../../../contract/feedback';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';
import { browserTimeZone, todayIn } from '../comms/comms-drafts';
import { SettingsStyles } from '../settings/SettingsStyles';
import { ComplaintList } from './ComplaintList';
import { CsatTrendChart } from './CsatTrendChart';
import { FeedbackForm, ImportPanel } from './FeedbackForms';
import { FeedbackList } from './FeedbackList';
import { FeedbackStyles } from './FeedbackStyles';
import { formatRating } from './to-csat-bars';
import { useFeedbackT } from './use-feedback-messages';

const PAYLOAD: PayloadOf<'feedback/summary'> = {};

/** CSAT, NPS and complaints as figures above the chart. */
function Figures({ summary }: { summary: SatisfactionSummaryJson }) {
  const t = useFeedbackT();
  const { intlLocale, formatCount } = useI18n();
  const none = t('feedback.summary.none');
  return (
    <dl className="cf-feedback-figures" data-testid="feedback-figures">
      <div className="cf-feedback-figure" data-testid="feedback-csat">
        <dt>{t('feedback.summary.csat', { days: formatCount(summary.windowDays) })}</dt>
        <dd>
          <strong>
            {summary.csat === null ? none : t('feedback.summary.csatValue', { value: formatRating(summary.csat, intlLocale) })}
          </strong>
        </dd>
      </div>
      <div className="cf-feedback-figure" data-testid="feedback-responses">
        <dt>{t('feedback.summary.responses')}</dt>
        <dd>
          <strong>{formatCount(summary.responses)}</strong>
        </dd>
      </div>
      <div className="cf-feedback-figure" data-testid="feedback-nps-figure">
        <dt>{t('feedback.summary.nps')}</dt>
        <dd>
          <strong>
            {summary.nps === null
              ? none
              : new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(summary.nps)}
          </strong>{' '}
          <span>{t('feedback.summary.npsCount', { count: formatCount(summary.npsResponses) })}</span>
        </dd>
      </div>
      <div className="cf-feedback-figure" data-testid="feedback-open-complaints">
        <dt>{t('feedback.summary.complaints')}</dt>
        <dd>
          <strong>{formatCount(summary.unresolvedComplaints)}</strong>{' '}
          {summary.overdueComplaints > 0 && (
            <span className="cf-feedback-overdue">{t('feedback.summary.overdue', { count: formatCount(summary.overdueComplaints) })}</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** The project page's Feedback section: satisfaction, the CSAT trend, complaint follow-ups, entry, import and the list. */
export function FeedbackSection() {
  const t = useFeedbackT();
  const summary = useResolver('feedback/summary', PAYLOAD);
  const plan = useResolver('comms/get', PAYLOAD);
  const [generation, setGeneration] = useState(0);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const today = useMemo(() => todayIn(browserTimeZone(), new Date()), []);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const stakeholders = plan.state.status === 'ready' ? plan.state.data.plan.stakeholders : [];
  const changed = () => {
    summary.retry();
    setGeneration((g) => g + 1);
  };
  const canEdit = plan.state.status === 'ready' && plan.state.data.canEdit;
  return (
    <section className="cf-settings cf-feedback" aria-labelledby="cf-feedback-heading" data-testid="feedback">
      <SettingsStyles />
      <FeedbackStyles />
      <h2 id="cf-feedback-heading">{t('feedback.heading')}</h2>
      <p className="cf-settings-intro">{t('feedback.intro')}</p>
      {plan.state.status === 'failed' ? (
        <ErrorState error={plan.state.error} onRetry={plan.retry} />
      ) : plan.state.status === 'loading' ? (
        <LoadingState label={t('feedback.loading')} lines={6} />
      ) : (
        <div data-testid="feedback-board" data-can-edit={String(canEdit)}>
          {!canEdit && (
            <p className="cf-message" data-testid="feedback-read-only">
              {t('feedback.readOnly')}
            </p>
          )}
          <p role="status" className="cf-feedback-notice" tabIndex={-1} ref={noticeRef} data-testid="feedback-notice">
            {notice?.text}
          </p>
          <section className="cf-group" aria-labelledby="cf-fb-summary">
            <h3 id="cf-fb-summary">{t('feedback.summary.heading')}</h3>
            {summary.state.status === 'failed' ? (
              <ErrorState error={summary.state.error} onRetry={summary.retry} />
            ) : summary.state.status === 'loading' ? (
              <LoadingState label={t('feedback.loading')} lines={3} />
            ) : (
              <>
                <Figures summary={summary.state.data} />
                <CsatTrendChart trend={summary.state.data.trend} />
              </>
            )}
          </section>
          {canEdit &&
            (editing ? (
              <FeedbackForm
                stakeholders={stakeholders}
                onCancel={() => {
                  setEditing(false);
                }}
                onSaved={(complaint) => {
                  setEditing(false);
                  setNotice((old) => ({
                    text: t(complaint ? 'feedback.form.savedComplaint' : 'feedback.form.saved'),
                    n: (old?.n ?? 0) + 1,
                  }));
                  changed();
                }}
              />
            ) : (
              <button
                type="button"
                className="cf-button cf-button-primary"
                data-testid="feedback-add"
                onClick={() => {
                  setEditing(true);
                }}
              >
                {t('feedback.form.open')}
              </button>
            ))}
          <ComplaintList stakeholders={stakeholders} today={today} generation={generation} onChanged={summary.retry} />
          {canEdit && <ImportPanel onImported={changed} />}
          <FeedbackList stakeholders={stakeholders} generation={generation} />
        </div>
      )}
    </section>
  );
}
