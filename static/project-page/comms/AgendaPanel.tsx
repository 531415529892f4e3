import { useMemo, useState } from 'react';
import type { ResponseOf } from '../../../contract';
import type { AgendaJson, TouchpointSeriesJson } from '../../../contract/comms';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';
import { AgendaEditor } from './AgendaEditor';
import { toAgendaLines } from './agenda-lines';
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

type AgendaAnswer = ResponseOf<'comms/agenda'>;

/** The agenda, as read: the PM's saved version of the next occurrence, or else the drafted one. */
export function AgendaView({ series, agenda }: { series: TouchpointSeriesJson; agenda: AgendaAnswer }) {
  const t = useCommsT();
  const { formatDay, intlLocale } = useI18n();
  const item = useAgendaItem();
  const issue = (i: AgendaJson['risksAndBlockers'][number]) => `${i.key} ${i.summary}`;
  return (
    <div className="cf-comms-agenda" data-testid={`comms-agenda-view-${series.id}`}>
      <h4>{t('comms.agenda.heading', { series: series.title })}</h4>
      <p>
        {agenda.next ? t('comms.agenda.next', { day: formatInZone(agenda.next.at, series.timeZone, intlLocale) }) : t('comms.agenda.ended')}
      </p>
      {agenda.saved ? (
        <>
          <p className="cf-hint">{t('comms.agenda.savedFor', { day: formatDay(agenda.saved.day) })}</p>
          <ol className="cf-comms-list" data-testid="comms-agenda-saved">
            {agenda.saved.lines.map((line) => (
              <li key={line.id}>{line.text}</li>
            ))}
          </ol>
        </>
      ) : (
        <>
          <Part heading={t('comms.agenda.openItems')} items={agenda.openActionItems.map(item)} testId="comms-agenda-open" />
          <Part heading={t('comms.agenda.overdueItems')} items={agenda.overdueActionItems.map(item)} testId="comms-agenda-overdue" />
          <Part heading={t('comms.agenda.risks')} items={agenda.risksAndBlockers.map(issue)} testId="comms-agenda-risks" />
          <Part heading={t('comms.agenda.waiting')} items={agenda.waitingOnClient.map(issue)} testId="comms-agenda-waiting" />
          <Part
            heading={t('comms.agenda.decisionsDue')}
            items={agenda.decisionsDue.map((d) => d.question)}
            testId="comms-agenda-decisions"
          />
        </>
      )}
    </div>
  );
}

/** An action item as one agenda line: its text, owner and due date. */
function useAgendaItem() {
  const t = useCommsT();
  const { formatDay } = useI18n();
  return (a: AgendaJson['openActionItems'][number]) =>
    [a.item.text, a.item.ownerName, a.item.due === null ? '' : t('comms.log.dueOn', { day: formatDay(a.item.due) })]
      .filter((p) => p !== '')
      .join(' · ');
}

/** Loads the agenda for a series' next touchpoint; an editor may rewrite it before the meeting. */
export function AgendaPanel({ series, canEdit = false }: { series: TouchpointSeriesJson; canEdit?: boolean }) {
  const t = useCommsT();
  const item = useAgendaItem();
  const payload = useMemo(() => ({ seriesId: series.id }), [series.id]);
  const agenda = useResolver('comms/agenda', payload);
  const [editing, setEditing] = useState(false);
  if (agenda.state.status === 'failed') return <ErrorState error={agenda.state.error} onRetry={agenda.retry} />;
  if (agenda.state.status === 'loading') return <LoadingState label={t('comms.loading')} lines={3} />;
  const data = agenda.state.data;
  const next = data.next;
  if (editing && next) {
    const initial =
      data.saved?.lines ??
      toAgendaLines(data, {
        openItems: t('comms.agenda.openItems'),
        overdueItems: t('comms.agenda.overdueItems'),
        risks: t('comms.agenda.risks'),
        waiting: t('comms.agenda.waiting'),
        decisionsDue: t('comms.agenda.decisionsDue'),
        item,
      });
    return (
      <AgendaEditor
        series={series}
        day={next.day}
        initial={initial}
        revision={data.saved?.revision ?? 0}
        onSaved={() => {
          setEditing(false);
          agenda.retry();
        }}
        onCancel={() => {
          setEditing(false);
        }}
      />
    );
  }
  return (
    <>
      <AgendaView series={series} agenda={data} />
      {canEdit && next && (
        <button
          type="button"
          className="cf-button"
          data-testid={`comms-agenda-edit-${series.id}`}
          onClick={() => {
            setEditing(true);
          }}
        >
          {t('comms.agenda.edit')}
        </button>
      )}
    </>
  );
}
