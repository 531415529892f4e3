import { useState, type SyntheticEvent } from 'react';
import { ACTION_ITEM_STATUSES, SIDES, type CommsPlanJson, type TouchpointJson } from '../../../contract/comms';
import type { AppErrorJson, ResponseOf } from '../../../contract';
import { useBackend } from '../../shared/BackendProvider';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { JiraLink } from '../../shared/JiraLink';
import { SelectInput, TextArea, TextInput } from './CommsFields';
import {
  newActionItemDraft,
  newTouchpointDraft,
  parseTouchpoint,
  toTouchpointDraft,
  type ActionItemDraft,
  type TouchpointDraft,
} from './comms-drafts';
import { reapplyTouchpointEdit } from './reapply-touchpoint-edit';
import { SaveBar, type SaveState } from './SaveBar';
import { useCommsT } from './use-comms-messages';

export type TouchpointsView = ResponseOf<'comms/touchpoints'>;

/** The form to log a touchpoint: its day, series, people, and minutes split into parts. */
export function TouchpointForm({
  plan,
  today,
  editing,
  onLogged,
  onCancel,
}: {
  plan: CommsPlanJson;
  today: string;
  /** A logged touchpoint to edit, at the revision it was read: a stale save offers reload and re-apply. */
  editing?: { touchpoint: TouchpointJson; revision: number };
  onLogged: () => void;
  onCancel: () => void;
}) {
  const t = useCommsT();
  const { formatDay } = useI18n();
  const backend = useBackend();
  const [draft, setDraft] = useState<TouchpointDraft>(() =>
    editing ? toTouchpointDraft(editing.touchpoint) : newTouchpointDraft(today, plan.series[0]?.id ?? ''),
  );
  const [tried, setTried] = useState(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  // Two forms may be open at once (a new one, an edit): their fields need their own ids.
  const p = editing ? 'edit-' : '';
  const checked = parseTouchpoint(draft);
  const errors = tried && !checked.ok ? checked.errors : {};
  const set =
    <K extends keyof TouchpointDraft>(key: K) =>
    (value: TouchpointDraft[K]) => {
      setDraft((d) => ({ ...d, [key]: value }));
    };
  const setItem = (n: number, patch: Partial<ActionItemDraft>) => {
    setDraft((d) => ({ ...d, actionItems: d.actionItems.map((item, at) => (at === n ? { ...item, ...patch } : item)) }));
  };
  const save = async (touchpoint: TouchpointJson, revision: number) => {
    setState({ kind: 'saving' });
    const answer = await backend.call('comms/log-touchpoint', { touchpoint, revision });
    if (answer.ok) onLogged();
    else setState(answer.error.code === 'CONFLICT' ? { kind: 'conflict' } : { kind: 'failed', error: answer.error });
  };
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    setTried(true);
    if (!checked.ok) return;
    void save(checked.value, editing?.revision ?? 0);
  };
  /** Reads the touchpoint as saved meanwhile and applies this edit on it. */
  const reapply = () => {
    if (!checked.ok) return;
    const mine = checked.value;
    setState({ kind: 'saving' });
    void backend.call('comms/touchpoint', { touchpointId: mine.id }).then((latest) => {
      if (!latest.ok) {
        setState({ kind: 'failed', error: latest.error });
        return;
      }
      const merged = reapplyTouchpointEdit(editing?.touchpoint ?? latest.data.touchpoint, mine, latest.data.touchpoint);
      setDraft(toTouchpointDraft(merged));
      void save(merged, latest.data.revision);
    });
  };
  const heading = editing ? t('comms.log.editHeading', { day: formatDay(editing.touchpoint.date) }) : t('comms.log.add');
  return (
    <form className="cf-comms-editor" noValidate onSubmit={submit} data-testid={`comms-${p}touchpoint-form`} aria-label={heading}>
      <div className="cf-comms-grid">
        <TextInput
          id={`${p}touchpoint-date`}
          type="date"
          label={t('comms.field.date')}
          value={draft.date}
          onChange={set('date')}
          error={errors.date}
        />
        <SelectInput
          id={`${p}touchpoint-series`}
          label={t('comms.field.series')}
          value={draft.seriesId}
          options={[...plan.series.map((s) => ({ value: s.id, label: s.title })), { value: '', label: t('comms.field.adHoc') }]}
          onChange={set('seriesId')}
        />
      </div>
      <TextArea id={`${p}touchpoint-attendees`} label={t('comms.field.attendees')} value={draft.attendees} onChange={set('attendees')} />
      <TextArea id={`${p}touchpoint-decisions`} label={t('comms.field.decisions')} value={draft.decisions} onChange={set('decisions')} />
      {draft.actionItems.map((item, n) => {
        const err = (field: string) => errors[`actionItems.${String(n)}.${field}`];
        const label = String(n + 1);
        return (
          <fieldset key={item.id} className="cf-comms-fieldset cf-comms-action" data-testid={`comms-${p}action-${label}`}>
            <legend className="cf-legend">{t('comms.log.actionHeading', { n: label })}</legend>
            <div className="cf-comms-grid">
              <TextInput
                id={`${p}action-${label}-text`}
                label={t('comms.field.actionText')}
                value={item.text}
                onChange={(v) => setItem(n, { text: v })}
                error={err('text')}
              />
              <SelectInput
                id={`${p}action-${label}-side`}
                label={t('comms.field.ownerSide')}
                value={item.ownerSide}
                options={SIDES.map((s) => ({ value: s, label: t(`comms.side.option.${s}`) }))}
                onChange={(v) => setItem(n, { ownerSide: v })}
              />
              <TextInput
                id={`${p}action-${label}-owner`}
                label={t('comms.field.ownerName')}
                value={item.ownerName}
                onChange={(v) => setItem(n, { ownerName: v })}
                error={err('ownerName')}
              />
              <TextInput
                id={`${p}action-${label}-due`}
                type="date"
                label={t('comms.field.due')}
                value={item.due}
                onChange={(v) => setItem(n, { due: v })}
                error={err('due')}
              />
              <SelectInput
                id={`${p}action-${label}-status`}
                label={t('comms.field.status')}
                value={item.status}
                options={ACTION_ITEM_STATUSES.map((s) => ({ value: s, label: t(`comms.status.${s}`) }))}
                onChange={(v) => setItem(n, { status: v })}
              />
            </div>
            <button
              type="button"
              className="cf-button cf-button-subtle"
              onClick={() => {
                setDraft((d) => ({ ...d, actionItems: d.actionItems.filter((_, at) => at !== n) }));
              }}
            >
              {t('comms.log.removeAction', { n: label })}
            </button>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className="cf-button"
          data-testid={`comms-${p}add-action`}
          onClick={() => {
            setDraft((d) => ({ ...d, actionItems: [...d.actionItems, newActionItemDraft()] }));
          }}
        >
          {t('comms.log.addAction')}
        </button>
      </div>
      <TextArea
        id={`${p}touchpoint-questions`}
        label={t('comms.field.openQuestions')}
        value={draft.openQuestions}
        onChange={set('openQuestions')}
      />
      <SaveBar id={`${p}touchpoint`} state={state} onCancel={onCancel} onReapply={reapply} conflictMessage="comms.conflict.touchpoint" />
    </form>
  );
}

function List({ heading, items, testId }: { heading: string; items: readonly string[]; testId: string }) {
  if (items.length === 0) return null;
  return (
    <>
      <h5 className="cf-comms-subheading">{heading}</h5>
      <ul className="cf-comms-list" data-testid={testId}>
        {items.map((item, n) => (
          <li key={n}>{item}</li>
        ))}
      </ul>
    </>
  );
}

/** The logged touchpoints, newest first; an action item becomes a Jira issue in one step. */
export function TouchpointList({ view, plan, onChanged }: { view: TouchpointsView; plan: CommsPlanJson; onChanged: () => void }) {
  const t = useCommsT();
  const { formatDay } = useI18n();
  const backend = useBackend();
  const [creating, setCreating] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ touchpoint: TouchpointJson; revision: number } | null>(null);
  const [editFailure, setEditFailure] = useState<{ id: string; error: AppErrorJson } | null>(null);
  /** Opens the editor on the touchpoint as stored now, with its revision. */
  const edit = (touchpointId: string) => {
    setEditFailure(null);
    void backend.call('comms/touchpoint', { touchpointId }).then((answer) => {
      if (answer.ok) setEditing({ touchpoint: answer.data.touchpoint, revision: answer.data.revision });
      else setEditFailure({ id: touchpointId, error: answer.error });
    });
  };
  const [failure, setFailure] = useState<{ id: string; error: AppErrorJson } | null>(null);
  const seriesTitle = (tp: TouchpointJson) => plan.series.find((s) => s.id === tp.seriesId)?.title ?? t('comms.field.adHoc');
  /** An item's status changes by saving its touchpoint again (the log replaces it by id). */
  const setStatus = (tp: TouchpointJson, itemId: string, status: string) => {
    const next = ACTION_ITEM_STATUSES.find((s) => s === status);
    if (!next) return;
    setFailure(null);
    void changeItemStatus(tp.id, itemId, next).then((error) => {
      if (error === null) onChanged();
      else setFailure({ id: itemId, error });
    });
  };
  /** On the touchpoint as stored now, at its revision; once more if someone saved in between. */
  const changeItemStatus = async (touchpointId: string, itemId: string, status: TouchpointJson['actionItems'][number]['status']) => {
    for (let attempt = 1; ; attempt += 1) {
      const latest = await backend.call('comms/touchpoint', { touchpointId });
      if (!latest.ok) return latest.error;
      const touchpoint = {
        ...latest.data.touchpoint,
        actionItems: latest.data.touchpoint.actionItems.map((item) => (item.id === itemId ? { ...item, status } : item)),
      };
      const answer = await backend.call('comms/log-touchpoint', { touchpoint, revision: latest.data.revision });
      if (answer.ok) return null;
      if (answer.error.code !== 'CONFLICT' || attempt >= 2) return answer.error;
    }
  };
  const createIssue = (tp: TouchpointJson, itemId: string) => {
    setCreating(itemId);
    setFailure(null);
    void backend.call('comms/action-item-issue', { touchpointId: tp.id, actionItemId: itemId }).then((answer) => {
      setCreating(null);
      if (answer.ok) onChanged();
      else setFailure({ id: itemId, error: answer.error });
    });
  };
  if (view.touchpoints.length === 0) return <p className="cf-hint">{t('comms.log.none')}</p>;
  return (
    <ol className="cf-comms-records" data-testid="comms-touchpoints">
      {view.touchpoints.map((tp) => (
        <li key={tp.id} className="cf-comms-record" data-testid={`comms-touchpoint-${tp.id}`}>
          <h4>
            {formatDay(tp.date)} · {seriesTitle(tp)}
          </h4>
          {tp.publishedReport !== undefined && (
            <p className="cf-hint" data-testid={`comms-touchpoint-report-${tp.id}`}>
              {t('comms.log.publishedReport', { version: String(tp.publishedReport.version) })}
            </p>
          )}
          {view.canEdit && editing?.touchpoint.id !== tp.id && (
            <button
              type="button"
              className="cf-button cf-button-subtle"
              data-testid={`comms-touchpoint-edit-${tp.id}`}
              onClick={() => {
                edit(tp.id);
              }}
            >
              {t('comms.log.edit')}
            </button>
          )}
          {editFailure?.id === tp.id && (
            <p className="cf-error-text" role="alert">
              {t(`error.${editFailure.error.code}`)}
            </p>
          )}
          {editing?.touchpoint.id === tp.id && (
            <TouchpointForm
              plan={plan}
              today={tp.date}
              editing={editing}
              onCancel={() => {
                setEditing(null);
              }}
              onLogged={() => {
                setEditing(null);
                onChanged();
              }}
            />
          )}
          <List heading={t('comms.log.agenda')} items={tp.agenda ?? []} testId={`comms-logged-agenda-${tp.id}`} />
          <List heading={t('comms.log.attendees')} items={tp.attendees} testId={`comms-attendees-${tp.id}`} />
          <List heading={t('comms.log.decisions')} items={tp.decisions} testId={`comms-decisions-${tp.id}`} />
          {tp.actionItems.length > 0 && (
            <>
              <h5 className="cf-comms-subheading">{t('comms.log.actionItems')}</h5>
              <ul className="cf-comms-list">
                {tp.actionItems.map((item) => {
                  const status = item.jiraIssueKey ? view.issueStatuses[item.jiraIssueKey] : undefined;
                  return (
                    <li key={item.id} data-testid={`comms-item-${item.id}`}>
                      <span>{item.text}</span>
                      <span className="cf-comms-meta">
                        {' — '}
                        {item.ownerName !== '' &&
                          t('comms.log.owner', { name: item.ownerName, side: t(`comms.side.option.${item.ownerSide}`) })}
                        {item.due !== null && ` · ${t('comms.log.dueOn', { day: formatDay(item.due) })}`}
                        {!view.canEdit && ` · ${t(`comms.status.${item.status}`)}`}
                      </span>{' '}
                      {view.canEdit && (
                        <select
                          className="cf-select cf-comms-inline-select"
                          aria-label={`${t('comms.field.status')}: ${item.text}`}
                          value={item.status}
                          data-testid={`comms-item-status-${item.id}`}
                          onChange={(event) => {
                            setStatus(tp, item.id, event.target.value);
                          }}
                        >
                          {ACTION_ITEM_STATUSES.map((s) => (
                            <option key={s} value={s}>
                              {t(`comms.status.${s}`)}
                            </option>
                          ))}
                        </select>
                      )}{' '}
                      {item.jiraIssueKey !== null ? (
                        <JiraLink issueKeys={[item.jiraIssueKey]} testId={`comms-item-issue-${item.id}`}>
                          {t('comms.log.issueCreated', { key: item.jiraIssueKey })}
                          {status ? ` (${status.name})` : ''}
                        </JiraLink>
                      ) : (
                        view.canEdit && (
                          <button
                            type="button"
                            className="cf-button"
                            disabled={creating !== null}
                            data-testid={`comms-item-create-${item.id}`}
                            onClick={() => {
                              createIssue(tp, item.id);
                            }}
                          >
                            {t('comms.log.createIssue')}
                          </button>
                        )
                      )}
                      {failure?.id === item.id && (
                        <p className="cf-error-text" role="alert">
                          {t(`error.${failure.error.code}`)}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          <List heading={t('comms.log.openQuestions')} items={tp.openQuestions} testId={`comms-questions-${tp.id}`} />
        </li>
      ))}
    </ol>
  );
}
