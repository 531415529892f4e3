import { token } from '@atlaskit/tokens';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppErrorJson } from '../../../contract';
import {
  CHANGE_STATUSES,
  CHANGE_TRANSITIONS,
  type ChangeListJson,
  type ChangeRequestJson,
  type ChangeStatus,
} from '../../../contract/changes';
import { CHANGE_MESSAGES } from '../../../contract/i18n/change-messages';
import { formatCost } from '../../../contract/i18n/change-sentences';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { useResolver } from '../../shared/use-resolver';
import { CommsStyles } from '../comms/CommsStyles';
import { CHANGE_STATUS_APPEARANCE } from '../ReportChanges';
import { SettingsStyles } from '../settings/SettingsStyles';
import {
  newChangeForm,
  toChangeDraft,
  toChangeFieldErrors,
  toChangeForm,
  type ChangeErrorKey,
  type ChangeFieldErrors,
  type ChangeFieldName,
  type ChangeForm,
} from './change-drafts';

const PAGE_SIZE = 25;
type ChangesT = ReturnType<typeof useChangesT>;
function useChangesT() {
  return useT(CHANGE_MESSAGES, COMMON_MESSAGES);
}

const CSS = `
.cf-changes-table-wrap { overflow-x: auto; margin: 0 0 ${token('space.200', '16px')}; }
.cf-changes-table th, .cf-changes-table td { min-width: 4.5em; }
.cf-changes-table { border-collapse: collapse; width: 100%; min-width: 36rem; font: ${token('font.body', 'normal 400 14px/20px sans-serif')}; }
.cf-changes-table caption { text-align: start; font-weight: ${token('font.weight.bold', '653')}; padding-bottom: ${token('space.100', '8px')}; }
.cf-changes-table th, .cf-changes-table td { padding: ${token('space.075', '6px')} ${token('space.100', '8px')}; text-align: start; vertical-align: top; border-bottom: 1px solid ${token('color.border', '#0B120E24')}; }
.cf-changes-table th[scope="col"] { color: ${token('color.text.subtle', '#505258')}; font-weight: ${token('font.weight.bold', '653')}; }
.cf-changes-table td.cf-num, .cf-changes-table th.cf-num { text-align: end; white-space: nowrap; }
.cf-changes-filter { display: flex; flex-wrap: wrap; align-items: center; gap: ${token('space.100', '8px')}; margin: 0 0 ${token('space.200', '16px')}; }
.cf-changes-filter .cf-select { width: auto; }
.cf-changes-table.cf-changes-totals { min-width: 0; }
.cf-changes-title { font-weight: ${token('font.weight.bold', '653')}; overflow-wrap: anywhere; }
`;

/** Days and hours as the table writes them: signed, in the user's language. */
function useFigures() {
  const t = useChangesT();
  const { intlLocale, locale } = useI18n();
  const signed = new Intl.NumberFormat(intlLocale, { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
  return {
    days: (n: number) => t('changes.impact.days', { days: signed.format(n) }),
    hours: (n: number) => t('changes.impact.hours', { hours: signed.format(n) }),
    costs: (costs: readonly { amount: number; currency: string }[]) =>
      costs.length === 0 ? '—' : costs.map((c) => formatCost(c, locale)).join(', '),
  };
}

function TotalsTable({ totals }: { totals: ChangeListJson['totals'] }) {
  const t = useChangesT();
  const { formatCount } = useI18n();
  const f = useFigures();
  return (
    // A group the keyboard can scroll when the table is wider than a phone (the section is the landmark).
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
    <div className="cf-changes-table-wrap" role="group" aria-label={t('changes.totals.heading')} tabIndex={0}>
      <table className="cf-changes-table cf-changes-totals" data-testid="changes-totals">
        <caption>{t('changes.totals.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('changes.col.status')}</th>
            <th scope="col" className="cf-num">
              {t('changes.totals.count')}
            </th>
            <th scope="col" className="cf-num">
              {t('changes.col.schedule')}
            </th>
            <th scope="col" className="cf-num">
              {t('changes.col.effort')}
            </th>
            <th scope="col" className="cf-num">
              {t('changes.col.cost')}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.byStatus.map(({ status, totals: s }) => (
            <tr key={status} data-testid={`changes-total-${status}`} data-count={s.count}>
              <th scope="row">{t(`changes.status.${status}`)}</th>
              <td className="cf-num">{formatCount(s.count)}</td>
              <td className="cf-num">{f.days(s.scheduleDays)}</td>
              <td className="cf-num">{f.hours(s.effortHours)}</td>
              <td className="cf-num">{f.costs(s.costs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!totals.complete && <p className="cf-hint">{t('changes.totals.partial', { count: formatCount(totals.counted) })}</p>}
    </div>
  );
}

function Field({ id, label, error, children }: { id: string; label: string; error: ChangeErrorKey | undefined; children: ReactNode }) {
  const t = useChangesT();
  return (
    <div className="cf-field">
      <label className="cf-label" htmlFor={`cf-changes-${id}`}>
        {label}
      </label>
      {children}
      {error !== undefined && (
        <p id={`cf-changes-${id}-error`} className="cf-error-text" data-testid={`changes-error-${id}`}>
          {t(error)}
        </p>
      )}
    </div>
  );
}

function inputProps(id: string, error: ChangeErrorKey | undefined) {
  return {
    id: `cf-changes-${id}`,
    'data-testid': `changes-${id}`,
    'aria-invalid': error !== undefined,
    ...(error === undefined ? {} : { 'aria-describedby': `cf-changes-${id}-error` }),
  };
}

/** A request's problem the server or the network answered, in words (the field errors go beside their fields). */
function errorText(t: ChangesT, error: AppErrorJson): string {
  return error.code === 'CONFLICT' ? t('changes.conflict') : t(`error.${error.code}`);
}

function ChangeFormView({
  initial,
  revision,
  milestones,
  onSaved,
  onCancel,
}: {
  initial: ChangeForm;
  revision: number;
  milestones: ChangeListJson['milestones'];
  onSaved: (message: string, conflict: boolean) => void;
  onCancel: () => void;
}) {
  const t = useChangesT();
  const backend = useBackend();
  const { formatDay } = useI18n();
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<ChangeFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (name: ChangeFieldName) => (value: string) => {
    setForm((old) => ({ ...old, [name]: value }));
  };
  const submit = async () => {
    const checked = toChangeDraft(form);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    setSaving(true);
    const answer = await backend.call('changes/save', { request: checked.draft, revision });
    setSaving(false);
    if (answer.ok) {
      onSaved(t('changes.saved'), false);
      return;
    }
    if (answer.error.code === 'CONFLICT') {
      onSaved(t('changes.conflict'), true);
      return;
    }
    const fieldErrors = toChangeFieldErrors((answer.error.fields ?? []).map((f) => f.path));
    if (answer.error.fields?.some((f) => f.path === 'request')) setFailure(t('changes.error.decided'));
    else if (Object.keys(fieldErrors).length > 0) setErrors(fieldErrors);
    else setFailure(errorText(t, answer.error));
  };
  const text = (name: ChangeFieldName, label: string, extra: { type?: string; inputMode?: 'numeric' | 'decimal' } = {}) => (
    <Field id={name} label={label} error={errors[name]}>
      <input
        {...inputProps(name, errors[name])}
        className="cf-input"
        type={extra.type ?? 'text'}
        {...(extra.inputMode ? { inputMode: extra.inputMode } : {})}
        autoComplete="off"
        value={form[name]}
        onChange={(e) => set(name)(e.target.value)}
      />
    </Field>
  );
  const area = (name: ChangeFieldName, label: string) => (
    <Field id={name} label={label} error={errors[name]}>
      <textarea
        {...inputProps(name, errors[name])}
        className="cf-input cf-textarea"
        value={form[name]}
        onChange={(e) => set(name)(e.target.value)}
      />
    </Field>
  );
  return (
    <form
      className="cf-comms-editor"
      data-testid="changes-form"
      noValidate
      aria-labelledby="cf-changes-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="cf-changes-form-heading">{revision === 0 ? t('changes.form.heading.new') : t('changes.form.heading.edit')}</h3>
      <div className="cf-comms-grid">
        {text('title', t('changes.field.title'))}
        {text('requester', t('changes.field.requester'))}
      </div>
      {area('description', t('changes.field.description'))}
      {area('internalNote', t('changes.field.internalNote'))}
      <div className="cf-comms-grid">
        {text('scheduleDays', t('changes.field.scheduleDays'), { inputMode: 'numeric' })}
        {text('effortHours', t('changes.field.effortHours'), { inputMode: 'decimal' })}
        {text('costAmount', t('changes.field.costAmount'), { inputMode: 'decimal' })}
        {text('currency', t('changes.field.currency'))}
      </div>
      {area('scopeNote', t('changes.field.scopeNote'))}
      {text('linkedIssues', t('changes.field.linkedIssues'))}
      <div className="cf-comms-grid">
        <Field id="milestoneId" label={t('changes.field.milestone')} error={errors.milestoneId}>
          <select
            {...inputProps('milestoneId', errors.milestoneId)}
            className="cf-select"
            value={form.milestoneId}
            onChange={(e) => set('milestoneId')(e.target.value)}
          >
            <option value="">{t('changes.field.noMilestone')}</option>
            {milestones.map((m) => (
              <option key={m.id} value={m.id}>
                {m.releaseDate === null ? m.name : `${m.name} (${t('changes.milestone.target', { date: formatDay(m.releaseDate) })})`}
              </option>
            ))}
          </select>
        </Field>
        {form.milestoneId !== '' && text('newTarget', t('changes.field.newTarget'), { type: 'date' })}
      </div>
      {failure !== null && (
        <p className="cf-error-text" role="alert" data-testid="changes-form-failure">
          {failure}
        </p>
      )}
      <div className="cf-comms-row-actions">
        <button type="submit" className="cf-button cf-button-primary" disabled={saving} data-testid="changes-save">
          {saving ? t('changes.saving') : t('changes.save')}
        </button>
        <button type="button" className="cf-button cf-button-subtle" onClick={onCancel}>
          {t('changes.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The client's decision as the PM records it: who decided, and why (mandatory to reject). */
function DecideForm({
  request,
  to,
  onDone,
  onCancel,
}: {
  request: ChangeRequestJson;
  to: 'approved' | 'rejected';
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const t = useChangesT();
  const backend = useBackend();
  const [decider, setDecider] = useState(request.requester);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ decider?: ChangeErrorKey; reason?: ChangeErrorKey }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const firstField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    firstField.current?.focus();
  }, []);
  const submit = async () => {
    const local: { decider?: ChangeErrorKey; reason?: ChangeErrorKey } = {};
    if (decider.trim() === '') local.decider = 'changes.error.decider';
    if (to === 'rejected' && reason.trim() === '') local.reason = 'changes.error.reason';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setFailure(null);
    const answer = await backend.call('changes/transition', { id: request.id, revision: request.revision, to, decider, reason });
    if (answer.ok) {
      onDone(t('changes.saved'));
      return;
    }
    const paths = (answer.error.fields ?? []).map((f) => f.path);
    if (paths.includes('decider')) setErrors({ decider: 'changes.error.decider' });
    else if (paths.includes('reason')) setErrors({ reason: 'changes.error.reason' });
    else if (paths.includes('to')) setFailure(t('changes.error.transition'));
    else if (answer.error.code === 'CONFLICT') onDone(t('changes.conflict'));
    else setFailure(errorText(t, answer.error));
  };
  return (
    <form
      className="cf-comms-editor"
      data-testid="changes-decide"
      noValidate
      aria-labelledby="cf-changes-decide-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="cf-changes-decide-heading">{t('changes.decide.heading', { title: request.title })}</h3>
      <Field id="decider" label={t('changes.field.decider')} error={errors.decider}>
        <input
          {...inputProps('decider', errors.decider)}
          ref={firstField}
          className="cf-input"
          autoComplete="off"
          value={decider}
          onChange={(e) => setDecider(e.target.value)}
        />
      </Field>
      <Field id="reason" label={t('changes.field.reason')} error={errors.reason}>
        <textarea
          {...inputProps('reason', errors.reason)}
          className="cf-input cf-textarea"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {failure !== null && (
        <p className="cf-error-text" role="alert">
          {failure}
        </p>
      )}
      <div className="cf-comms-row-actions">
        <button
          type="submit"
          className={`cf-button ${to === 'rejected' ? 'cf-button-danger' : 'cf-button-primary'}`}
          data-testid="changes-decide-confirm"
        >
          {t(`changes.action.${to}`)}
        </button>
        <button type="button" className="cf-button cf-button-subtle" onClick={onCancel}>
          {t('changes.cancel')}
        </button>
      </div>
    </form>
  );
}

type Editing =
  | { kind: 'new'; id: string }
  | { kind: 'edit'; request: ChangeRequestJson }
  | { kind: 'decide'; request: ChangeRequestJson; to: 'approved' | 'rejected' }
  | null;

function RequestRow({
  request,
  canEdit,
  onEdit,
  onMove,
}: {
  request: ChangeRequestJson;
  canEdit: boolean;
  onEdit: () => void;
  onMove: (to: ChangeStatus) => void;
}) {
  const t = useChangesT();
  const f = useFigures();
  const decided = request.status === 'approved' || request.status === 'rejected' || request.status === 'implemented';
  return (
    <tr data-testid={`changes-row-${request.id}`} data-status={request.status}>
      <td>
        <span className="cf-changes-title">{request.title}</span>
        <br />
        <span className="cf-comms-meta">
          {t('changes.requestedBy', { name: request.requester })}
          {request.decision !== null && request.decision.reason !== '' && ` · ${request.decision.reason}`}
        </span>
      </td>
      <td>
        <TokenLozenge appearance={CHANGE_STATUS_APPEARANCE[request.status]}>{t(`changes.status.${request.status}`)}</TokenLozenge>
      </td>
      <td className="cf-num">{f.days(request.impact.scheduleDays)}</td>
      <td className="cf-num">{f.hours(request.impact.effortHours)}</td>
      <td className="cf-num">{f.costs(request.impact.cost === null ? [] : [request.impact.cost])}</td>
      <td>
        {canEdit && (
          <span className="cf-comms-row-actions">
            {!decided && (
              <button
                type="button"
                className="cf-button cf-button-subtle"
                aria-label={`${t('changes.edit')} ${request.title}`}
                data-testid={`changes-edit-${request.id}`}
                onClick={onEdit}
              >
                {t('changes.edit')}
              </button>
            )}
            {CHANGE_TRANSITIONS[request.status].map((to) => (
              <button
                key={to}
                type="button"
                className="cf-button"
                aria-label={`${t(`changes.action.${to}`)}: ${request.title}`}
                data-testid={`changes-move-${request.id}-${to}`}
                onClick={() => onMove(to)}
              >
                {t(`changes.action.${to}`)}
              </button>
            ))}
          </span>
        )}
      </td>
    </tr>
  );
}

/** The project page's Changes section: totals by status, the requests page by page, the form and the decisions. */
export function ChangesSection() {
  const t = useChangesT();
  const backend = useBackend();
  const [status, setStatus] = useState<ChangeStatus | ''>('');
  const payload = useMemo(() => ({ limit: PAGE_SIZE, ...(status === '' ? {} : { status }) }), [status]);
  const list = useResolver('changes/list', payload);
  // Pages after the first, kept for the first page they follow: a reload starts over.
  const [more, setMore] = useState<{ after: ChangeListJson; items: ChangeRequestJson[]; cursor: string | null } | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<{ text: string; n: number } | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const afterWrite = (text: string) => {
    setEditing(null);
    setNotice((old) => ({ text, n: (old?.n ?? 0) + 1 }));
    list.retry();
  };
  const first = list.state.status === 'ready' ? list.state.data : null;
  const extra = first !== null && more?.after === first ? more : null;
  const loadMore = async () => {
    const cursor = extra ? extra.cursor : (first?.cursor ?? null);
    if (first === null || cursor === null) return;
    setLoadingMore(true);
    const answer = await backend.call('changes/list', { ...payload, cursor });
    setLoadingMore(false);
    if (answer.ok) setMore({ after: first, items: [...(extra?.items ?? []), ...answer.data.items], cursor: answer.data.cursor });
    else setMoveError(errorText(t, answer.error));
  };
  const move = async (request: ChangeRequestJson, to: ChangeStatus) => {
    setMoveError(null);
    if (to === 'approved' || to === 'rejected') {
      setEditing({ kind: 'decide', request, to });
      return;
    }
    const answer = await backend.call('changes/transition', { id: request.id, revision: request.revision, to });
    if (answer.ok) afterWrite(t('changes.saved'));
    else if (answer.error.code === 'CONFLICT') afterWrite(t('changes.conflict'));
    else setMoveError(answer.error.fields?.some((f) => f.path === 'to') ? t('changes.error.transition') : errorText(t, answer.error));
  };
  const data =
    first === null ? null : { ...first, items: [...first.items, ...(extra?.items ?? [])], cursor: extra ? extra.cursor : first.cursor };
  return (
    <section className="cf-settings cf-comms" aria-labelledby="cf-changes-heading" data-testid="changes">
      <SettingsStyles />
      <CommsStyles />
      <style>{CSS}</style>
      <h2 id="cf-changes-heading">{t('changes.heading')}</h2>
      <p className="cf-settings-intro">{t('changes.intro')}</p>
      <p role="status" className="cf-comms-notice" tabIndex={-1} ref={noticeRef} data-testid="changes-notice">
        {notice?.text}
      </p>
      {list.state.status === 'failed' ? (
        <ErrorState error={list.state.error} onRetry={list.retry} />
      ) : data === null ? (
        <LoadingState label={t('changes.loading')} lines={6} />
      ) : (
        <div data-testid="changes-board" data-can-edit={String(data.canEdit)}>
          {!data.canEdit && (
            <p className="cf-message" data-testid="changes-read-only">
              {t('changes.readOnly')}
            </p>
          )}
          <TotalsTable totals={data.totals} />
          <div className="cf-changes-filter">
            <label className="cf-label" htmlFor="cf-changes-filter">
              {t('changes.filter')}
            </label>
            <select
              id="cf-changes-filter"
              className="cf-select"
              data-testid="changes-filter"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value === '' ? '' : (CHANGE_STATUSES.find((s) => s === e.target.value) ?? ''));
              }}
            >
              <option value="">{t('changes.filter.all')}</option>
              {CHANGE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`changes.status.${s}`)}
                </option>
              ))}
            </select>
            {data.canEdit && editing === null && (
              <button
                type="button"
                className="cf-button cf-button-primary"
                data-testid="changes-add"
                onClick={() => setEditing({ kind: 'new', id: globalThis.crypto.randomUUID() })}
              >
                {t('changes.add')}
              </button>
            )}
          </div>
          {editing?.kind === 'new' && (
            <ChangeFormView
              initial={newChangeForm(editing.id)}
              revision={0}
              milestones={data.milestones}
              onSaved={afterWrite}
              onCancel={() => setEditing(null)}
            />
          )}
          {editing?.kind === 'edit' && (
            <ChangeFormView
              initial={toChangeForm(editing.request)}
              revision={editing.request.revision}
              milestones={data.milestones}
              onSaved={afterWrite}
              onCancel={() => setEditing(null)}
            />
          )}
          {editing?.kind === 'decide' && (
            <DecideForm request={editing.request} to={editing.to} onDone={afterWrite} onCancel={() => setEditing(null)} />
          )}
          {moveError !== null && (
            <p className="cf-error-text" role="alert" data-testid="changes-move-error">
              {moveError}
            </p>
          )}
          {data.items.length === 0 ? (
            <p className="cf-hint" data-testid="changes-empty">
              {t('changes.empty')}
            </p>
          ) : (
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            <div className="cf-changes-table-wrap" role="group" aria-label={t('changes.heading')} tabIndex={0}>
              <table className="cf-changes-table" data-testid="changes-table">
                <caption>{t('changes.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('changes.col.title')}</th>
                    <th scope="col">{t('changes.col.status')}</th>
                    <th scope="col" className="cf-num">
                      {t('changes.col.schedule')}
                    </th>
                    <th scope="col" className="cf-num">
                      {t('changes.col.effort')}
                    </th>
                    <th scope="col" className="cf-num">
                      {t('changes.col.cost')}
                    </th>
                    <th scope="col">{t('changes.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((request) => (
                    <RequestRow
                      key={request.id}
                      request={request}
                      canEdit={data.canEdit}
                      onEdit={() => setEditing({ kind: 'edit', request })}
                      onMove={(to) => void move(request, to)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.cursor !== null && (
            <button type="button" className="cf-button" disabled={loadingMore} data-testid="changes-more" onClick={() => void loadMore()}>
              {t('changes.more')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
