import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { PayloadOf, ResponseOf } from '../../../contract';
import type { CommsView, StakeholderJson, TouchpointSeriesJson } from '../../../contract/comms';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';
import { SettingsStyles } from '../settings/SettingsStyles';
import { AgendaPanel } from './AgendaPanel';
import { CommsStyles } from './CommsStyles';
import {
  browserTimeZone,
  formatInZone,
  newSeriesDraft,
  newStakeholderDraft,
  todayIn,
  toRemindersDraft,
  toSeriesDraft,
  toStakeholderDraft,
  type PlanChange,
} from './comms-drafts';
import { RemindersEditor, SeriesEditor, StakeholderEditor } from './PlanEditors';
import { reapplyPlanChange, savePlanChange } from './plan-save';
import { TouchpointForm, TouchpointList, type TouchpointsView } from './TouchpointLog';
import { useCommsT } from './use-comms-messages';

const PAYLOAD: PayloadOf<'comms/get'> = {};
export type StatusView = ResponseOf<'comms/status'>;

/** Which editor is open: one at a time, so a save applies one change. */
type Editing =
  | { kind: 'stakeholder'; id: string | null }
  | { kind: 'series'; id: string | null }
  | { kind: 'touchpoint' }
  | { kind: 'reminders' }
  | null;

/**
 * The touchpoints due or overdue now: at the top of the section, and at the top of the Overview
 * (`heading="h2"`, `quietWhenNone`: there it shows only when something is due).
 */
export function DueList({
  status,
  plan,
  heading: Heading = 'h3',
  quietWhenNone = false,
}: {
  status: StatusView;
  plan: CommsView['plan'];
  heading?: 'h2' | 'h3';
  quietWhenNone?: boolean;
}) {
  const t = useCommsT();
  const { formatDay, formatCount } = useI18n();
  const headingId = useId();
  // A series that does not run in the engagement's phase (its support cadence, or the delivery one) is never due.
  const due = status.series.filter((s) => s.active !== false && (s.state === 'due' || s.state === 'overdue'));
  if (quietWhenNone && due.length === 0) return null;
  return (
    <section className="cf-comms-due" aria-labelledby={headingId} data-testid="comms-due">
      <Heading id={headingId}>{t('comms.due.heading')}</Heading>
      {due.length === 0 ? (
        <p className="cf-hint">{t('comms.due.none')}</p>
      ) : (
        <ul className="cf-comms-list">
          {due.map((s) => {
            const series = plan.series.find((p) => p.id === s.seriesId)?.title ?? s.seriesId;
            const day = formatDay(s.outstanding?.day ?? s.upcoming[0]?.day ?? '');
            return (
              <li key={s.seriesId} data-testid={`comms-due-${s.seriesId}`} data-state={s.state}>
                {s.state === 'overdue'
                  ? t('comms.due.overdue', { series, day, days: formatCount(s.daysLate) })
                  : t('comms.due.due', { series, day })}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function StakeholderSummary({ s }: { s: StakeholderJson }) {
  const t = useCommsT();
  const parts = [t(`comms.side.option.${s.side}`), s.role, s.email ?? '', t(`comms.channel.${s.preferredChannel}`), s.timeZone].filter(
    (p) => p !== '',
  );
  return (
    <>
      <strong>{s.name}</strong>
      <span className="cf-comms-meta">{parts.join(' · ')}</span>
    </>
  );
}

/** The series' next dates in its own zone and in the PM's. */
function NextDates({ series, status }: { series: TouchpointSeriesJson; status: StatusView | null }) {
  const t = useCommsT();
  const { intlLocale } = useI18n();
  const mine = browserTimeZone();
  const upcoming = status?.series.find((s) => s.seriesId === series.id)?.upcoming;
  if (!upcoming) return <p className="cf-hint">{t('comms.series.nextAfterSave')}</p>;
  return (
    <div className="cf-comms-next" data-testid={`comms-next-${series.id}`}>
      <table>
        <caption>{t('comms.series.next')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('comms.series.inZone', { zone: series.timeZone })}</th>
            <th scope="col">{t('comms.series.inYourZone', { zone: mine })}</th>
          </tr>
        </thead>
        <tbody>
          {upcoming.map((o) => (
            <tr key={o.at}>
              <td>{formatInZone(o.at, series.timeZone, intlLocale)}</td>
              <td>{formatInZone(o.at, mine, intlLocale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Builds the .ics file from `comms/calendar` and hands it to the browser as a download. */
function CalendarButton({ seriesId }: { seriesId: string }) {
  const t = useCommsT();
  const backend = useBackend();
  const [failed, setFailed] = useState(false);
  const download = () => {
    setFailed(false);
    void backend.call('comms/calendar', { seriesId }).then((answer) => {
      if (!answer.ok) {
        setFailed(true);
        return;
      }
      const url = URL.createObjectURL(new Blob([answer.data.text], { type: 'text/calendar;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = answer.data.filename;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 10_000);
    });
  };
  return (
    <>
      <button type="button" className="cf-button" data-testid={`comms-calendar-${seriesId}`} onClick={download}>
        {t('comms.series.calendar')}
      </button>
      {failed && (
        <p className="cf-error-text" role="alert">
          {t('comms.series.calendarFailed')}
        </p>
      )}
    </>
  );
}

export interface CommsBoardProps {
  view: CommsView;
  status: StatusView | null;
  touchpoints: TouchpointsView | null;
  onPlanSaved: (view: CommsView) => void;
  onTouchpointsChanged: () => void;
  /** The PM's zone and today there (injected so tests are stable). */
  timeZone: string;
  today: string;
}

/** The section's content once the plan is read: due list, stakeholders, series, agenda, log. */
export function CommsBoard({ view, status, touchpoints, onPlanSaved, onTouchpointsChanged, timeZone, today }: CommsBoardProps) {
  const t = useCommsT();
  const backend = useBackend();
  const [editing, setEditing] = useState<Editing>(null);
  const [agendaFor, setAgendaFor] = useState<string | null>(null);
  // What the last save did; focus moves to it when the editor closes, so the keyboard is not lost.
  const [notice, setNoticeState] = useState<{ text: string; n: number } | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const setNotice = (text: string) => {
    setNoticeState((old) => ({ text, n: (old?.n ?? 0) + 1 }));
  };
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const { plan, canEdit } = view;
  const done = () => {
    setEditing(null);
  };
  const save = async (change: PlanChange) => {
    const outcome = await savePlanChange(backend, view, change);
    if (outcome.kind === 'saved') {
      onPlanSaved(outcome.view);
      setNotice(t('comms.saved'));
    }
    return outcome;
  };
  const reapply = async (change: PlanChange) => {
    const outcome = await reapplyPlanChange(backend, change);
    if (outcome.kind === 'saved') {
      onPlanSaved(outcome.view);
      setNotice(t('comms.saved'));
    }
    return outcome;
  };
  const remove = (change: PlanChange) => {
    void save(change);
  };
  const editingStakeholder = editing?.kind === 'stakeholder' ? editing : null;
  const editingSeries = editing?.kind === 'series' ? editing : null;
  return (
    <div data-testid="comms-board" data-revision={view.revision} data-can-edit={String(canEdit)}>
      {!canEdit && (
        <p className="cf-message" data-testid="comms-read-only">
          {t('comms.readOnly')}
        </p>
      )}
      <p role="status" className="cf-comms-notice" tabIndex={-1} ref={noticeRef} data-testid="comms-notice">
        {notice?.text}
      </p>
      {status && <DueList status={status} plan={plan} />}

      <section className="cf-group" aria-labelledby="cf-comms-stakeholders">
        <h3 id="cf-comms-stakeholders">{t('comms.stakeholders.heading')}</h3>
        {plan.stakeholders.length === 0 ? (
          <p className="cf-hint">{t('comms.stakeholders.none')}</p>
        ) : (
          <ul className="cf-comms-records" data-testid="comms-stakeholders">
            {plan.stakeholders.map((s) =>
              editingStakeholder?.id === s.id ? (
                <li key={s.id}>
                  <StakeholderEditor initial={toStakeholderDraft(s)} save={save} reapply={reapply} onDone={done} />
                </li>
              ) : (
                <li key={s.id} className="cf-comms-record" data-testid={`comms-stakeholder-${s.id}`}>
                  <StakeholderSummary s={s} />
                  {canEdit && (
                    <span className="cf-comms-row-actions">
                      <button
                        type="button"
                        className="cf-button cf-button-subtle"
                        aria-label={`${t('comms.edit')} ${s.name}`}
                        data-testid={`comms-edit-stakeholder-${s.id}`}
                        onClick={() => setEditing({ kind: 'stakeholder', id: s.id })}
                      >
                        {t('comms.edit')}
                      </button>
                      <button
                        type="button"
                        className="cf-button cf-button-subtle"
                        aria-label={`${t('comms.remove')} ${s.name}`}
                        onClick={() => remove({ kind: 'removeStakeholder', id: s.id })}
                      >
                        {t('comms.remove')}
                      </button>
                    </span>
                  )}
                </li>
              ),
            )}
          </ul>
        )}
        {canEdit &&
          (editingStakeholder?.id === null ? (
            <StakeholderEditor initial={newStakeholderDraft(timeZone)} save={save} reapply={reapply} onDone={done} />
          ) : (
            <button
              type="button"
              className="cf-button"
              data-testid="comms-add-stakeholder"
              onClick={() => setEditing({ kind: 'stakeholder', id: null })}
            >
              {t('comms.stakeholders.add')}
            </button>
          ))}
      </section>

      <section className="cf-group" aria-labelledby="cf-comms-series">
        <h3 id="cf-comms-series">{t('comms.series.heading')}</h3>
        {plan.series.length === 0 ? (
          <p className="cf-hint">{t('comms.series.none')}</p>
        ) : (
          <ul className="cf-comms-records" data-testid="comms-series">
            {plan.series.map((s) =>
              editingSeries?.id === s.id ? (
                <li key={s.id}>
                  <SeriesEditor initial={toSeriesDraft(s)} stakeholders={plan.stakeholders} save={save} reapply={reapply} onDone={done} />
                </li>
              ) : (
                <li key={s.id} className="cf-comms-record" data-testid={`comms-series-${s.id}`}>
                  <strong>{s.title}</strong>
                  <span className="cf-comms-meta">
                    {[
                      t(`comms.kind.${s.kind}`),
                      t(`comms.cadence.${s.cadence.kind}`),
                      `${s.localTime} ${s.timeZone}`,
                      t(`comms.channel.${s.channel}`),
                      ...(s.activeIn === undefined || s.activeIn === 'all' ? [] : [t(`comms.activeIn.${s.activeIn}`)]),
                    ].join(' · ')}
                  </span>
                  <NextDates series={s} status={status} />
                  <span className="cf-comms-row-actions">
                    <button
                      type="button"
                      className="cf-button"
                      aria-expanded={agendaFor === s.id}
                      data-testid={`comms-agenda-${s.id}`}
                      onClick={() => setAgendaFor(agendaFor === s.id ? null : s.id)}
                    >
                      {t('comms.series.agenda')}
                    </button>
                    <CalendarButton seriesId={s.id} />
                    {canEdit && (
                      <>
                        <button
                          type="button"
                          className="cf-button cf-button-subtle"
                          aria-label={`${t('comms.edit')} ${s.title}`}
                          data-testid={`comms-edit-series-${s.id}`}
                          onClick={() => setEditing({ kind: 'series', id: s.id })}
                        >
                          {t('comms.edit')}
                        </button>
                        <button
                          type="button"
                          className="cf-button cf-button-subtle"
                          aria-label={`${t('comms.remove')} ${s.title}`}
                          onClick={() => remove({ kind: 'removeSeries', id: s.id })}
                        >
                          {t('comms.remove')}
                        </button>
                      </>
                    )}
                  </span>
                  {agendaFor === s.id && <AgendaPanel series={s} canEdit={canEdit} />}
                </li>
              ),
            )}
          </ul>
        )}
        {canEdit &&
          (editingSeries?.id === null ? (
            <SeriesEditor
              initial={newSeriesDraft(timeZone, today)}
              stakeholders={plan.stakeholders}
              save={save}
              reapply={reapply}
              onDone={done}
            />
          ) : (
            <button
              type="button"
              className="cf-button"
              data-testid="comms-add-series"
              onClick={() => setEditing({ kind: 'series', id: null })}
            >
              {t('comms.series.add')}
            </button>
          ))}
      </section>

      <section className="cf-group" aria-labelledby="cf-comms-reminders" data-testid="comms-reminders">
        <h3 id="cf-comms-reminders">{t('comms.reminders.heading')}</h3>
        <p className="cf-hint">{t('comms.reminders.intro')}</p>
        {editing?.kind === 'reminders' && canEdit ? (
          <RemindersEditor initial={toRemindersDraft(plan.reminders)} save={save} reapply={reapply} onDone={done} />
        ) : (
          <>
            <p data-testid="comms-reminders-current" data-mode={plan.reminders.mode}>
              {t(`comms.reminders.mode.${plan.reminders.mode}`)}
              {plan.reminders.mode === 'notify' &&
                plan.reminders.trackingIssueKey !== null &&
                ` · ${t('comms.reminders.tracking', { key: plan.reminders.trackingIssueKey })}`}
            </p>
            {canEdit && (
              <button
                type="button"
                className="cf-button"
                data-testid="comms-edit-reminders"
                onClick={() => setEditing({ kind: 'reminders' })}
              >
                {t('comms.reminders.edit')}
              </button>
            )}
          </>
        )}
      </section>

      <section className="cf-group" aria-labelledby="cf-comms-log">
        <h3 id="cf-comms-log">{t('comms.log.heading')}</h3>
        {canEdit &&
          (editing?.kind === 'touchpoint' ? (
            <TouchpointForm
              plan={plan}
              today={today}
              onCancel={done}
              onLogged={() => {
                setEditing(null);
                setNotice(t('comms.log.logged'));
                onTouchpointsChanged();
              }}
            />
          ) : (
            <button
              type="button"
              className="cf-button"
              data-testid="comms-log-touchpoint"
              onClick={() => setEditing({ kind: 'touchpoint' })}
            >
              {t('comms.log.add')}
            </button>
          ))}
        {touchpoints && <TouchpointList view={touchpoints} plan={plan} onChanged={onTouchpointsChanged} />}
      </section>
    </div>
  );
}

/** The project page's Communication section: reads the plan, its status and the log. */
export function CommunicationSection() {
  const t = useCommsT();
  const got = useResolver('comms/get', PAYLOAD);
  const status = useResolver('comms/status', PAYLOAD);
  const touchpoints = useResolver('comms/touchpoints', PAYLOAD);
  const [saved, setSaved] = useState<CommsView | null>(null);
  const timeZone = useMemo(() => browserTimeZone(), []);
  const today = useMemo(() => todayIn(timeZone, new Date()), [timeZone]);
  const view = saved ?? (got.state.status === 'ready' ? got.state.data : null);
  return (
    <section className="cf-settings cf-comms" aria-labelledby="cf-comms-heading" data-testid="communication">
      <SettingsStyles />
      <CommsStyles />
      <h2 id="cf-comms-heading">{t('comms.heading')}</h2>
      <p className="cf-settings-intro">{t('comms.intro')}</p>
      {got.state.status === 'failed' ? (
        <ErrorState error={got.state.error} onRetry={got.retry} />
      ) : view === null ? (
        <LoadingState label={t('comms.loading')} lines={6} />
      ) : (
        <CommsBoard
          view={view}
          status={status.state.status === 'ready' ? status.state.data : null}
          touchpoints={touchpoints.state.status === 'ready' ? touchpoints.state.data : null}
          timeZone={timeZone}
          today={today}
          onPlanSaved={(next) => {
            setSaved(next);
            status.retry();
          }}
          onTouchpointsChanged={() => {
            touchpoints.retry();
            status.retry();
          }}
        />
      )}
    </section>
  );
}
