import { useMemo } from 'react';
import type { AgendaJson, TouchpointSeriesJson } from '../../../contract/comms';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';
import { formatInZone } from './comms-drafts';
import { useCommsT } from './use-comms-messages';

function Part({ heading, items, testId }: { heading: string; items: readonly string[]; testId: string }) {
  const t = useCommsT();
  return (
    <>
      <h5 className="cf-comms-subheading">{heading}</h5>
      {items.length === 0 ? (
        <p className="cf-hint">{t('comms.agenda.empty')}</p>
      ) : (
        <ul className="cf-comms-list" data-testid={testId}>
          {items.map((item, n) => (
            <li key={n}>{item}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The drafted agenda, as read: what the next touchpoint should cover. */
export function AgendaView({ series, agenda }: { series: TouchpointSeriesJson; agenda: AgendaJson }) {
  const t = useCommsT();
  const { formatDay, intlLocale } = useI18n();
  const item = (a: AgendaJson['openActionItems'][number]) =>
    [a.item.text, a.item.ownerName, a.item.due === null ? '' : t('comms.log.dueOn', { day: formatDay(a.item.due) })]
      .filter((p) => p !== '')
      .join(' · ');
  const issue = (i: AgendaJson['risksAndBlockers'][number]) => `${i.key} ${i.summary}`;
  return (
    <div className="cf-comms-agenda" data-testid={`comms-agenda-view-${series.id}`}>
      <h4>{t('comms.agenda.heading', { series: series.title })}</h4>
      <p>
        {agenda.next ? t('comms.agenda.next', { day: formatInZone(agenda.next.at, series.timeZone, intlLocale) }) : t('comms.agenda.ended')}
      </p>
      <Part heading={t('comms.agenda.openItems')} items={agenda.openActionItems.map(item)} testId="comms-agenda-open" />
      <Part heading={t('comms.agenda.overdueItems')} items={agenda.overdueActionItems.map(item)} testId="comms-agenda-overdue" />
      <Part heading={t('comms.agenda.risks')} items={agenda.risksAndBlockers.map(issue)} testId="comms-agenda-risks" />
      <Part heading={t('comms.agenda.waiting')} items={agenda.waitingOnClient.map(issue)} testId="comms-agenda-waiting" />
      <Part heading={t('comms.agenda.decisionsDue')} items={agenda.decisionsDue.map((d) => d.question)} testId="comms-agenda-decisions" />
    </div>
  );
}

/** Loads the agenda for a series' next touchpoint. */
export function AgendaPanel({ series }: { series: TouchpointSeriesJson }) {
  const t = useCommsT();
  const payload = useMemo(() => ({ seriesId: series.id }), [series.id]);
  const agenda = useResolver('comms/agenda', payload);
  if (agenda.state.status === 'failed') return <ErrorState error={agenda.state.error} onRetry={agenda.retry} />;
  if (agenda.state.status === 'loading') return <LoadingState label={t('comms.loading')} lines={3} />;
  return <AgendaView series={series} agenda={agenda.state.data} />;
}
