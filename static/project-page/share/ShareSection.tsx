import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { AppErrorJson, Language, PayloadOf } from '../../../contract';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import { SHARE_MESSAGES } from '../../../contract/i18n/share-messages';
import type { PublishedReportHead } from '../../../contract/reports';
import { SECTION_NAMES, type AccessLogEntryJson, type ShareLinkView, type ShareSettingsJson } from '../../../contract/share';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { useResolver } from '../../shared/use-resolver';
import { SettingsStyles } from '../settings/SettingsStyles';
import { initialShareForm, toCreatePayload, toShareFormField, type ShareFormField, type ShareFormValues } from './share-form';

const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const PAGE_SIZE = 20;
const NO_PAYLOAD = {};
const REPORTS_PAGE: PayloadOf<'report/list'> = { limit: 50 };

function useShareT() {
  return useT(SHARE_MESSAGES, REPORTS_MESSAGES, COMMON_MESSAGES);
}

type Paged<T> =
  | { status: 'loading' }
  | { status: 'failed'; error: AppErrorJson }
  | { status: 'ready'; items: T[]; cursor: string | null; canManage: boolean };

function useLinks() {
  const backend = useBackend();
  const [state, setState] = useState<Paged<ShareLinkView>>({ status: 'loading' });
  const load = useCallback(
    (cursor: string | null, keep: ShareLinkView[]) => {
      void backend.call('share/list', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }).then((answer) => {
        setState(
          answer.ok
            ? { status: 'ready', items: [...keep, ...answer.data.items], cursor: answer.data.cursor, canManage: answer.data.canManage }
            : { status: 'failed', error: answer.error },
        );
      });
    },
    [backend],
  );
  useEffect(() => {
    load(null, []);
  }, [load]);
  return {
    state,
    more: () => {
      if (state.status === 'ready' && state.cursor) load(state.cursor, state.items);
    },
    reload: () => {
      load(null, []);
    },
  };
}

/** The kill switch and the expiry cap; read-only without Administer Projects. */
function SharingSettings({ onSaved }: { onSaved: (settings: ShareSettingsJson) => void }) {
  const t = useShareT();
  const backend = useBackend();
  const { state, retry } = useResolver('share/settings-get', NO_PAYLOAD);
  const [maxDays, setMaxDays] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<'saved' | 'conflict' | 'invalid' | AppErrorJson | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const daysId = useId();
  useEffect(() => {
    if (state.status === 'ready') onSaved(state.data.settings);
  }, [state, onSaved]);

  if (state.status === 'loading') return <LoadingState label={t('share.settings.heading')} />;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const { settings, revision, canEdit } = state.data;
  const days = maxDays ?? String(settings.maxExpiryDays);

  const save = (next: ShareSettingsJson) => {
    setBusy(true);
    setOutcome(null);
    void backend.call('share/settings-save', { settings: next, revision }).then((answer) => {
      setBusy(false);
      if (answer.ok) {
        setOutcome('saved');
        setMaxDays(null);
        retry();
      } else setOutcome(answer.error.code === 'CONFLICT' ? 'conflict' : answer.error);
    });
  };
  const saveDays = () => {
    const value = /^\d{1,3}$/u.test(days.trim()) ? Number(days.trim()) : Number.NaN;
    if (!(value >= 1 && value <= 180)) {
      setOutcome('invalid');
      return;
    }
    save({ ...settings, maxExpiryDays: value });
  };

  return (
    <section aria-labelledby={headingId} className="cf-share-card" data-testid="share-settings">
      <h3 id={headingId}>{t('share.settings.heading')}</h3>
      <p data-testid="share-enabled" data-enabled={String(settings.enabled)}>
        <TokenLozenge appearance={settings.enabled ? 'success' : 'removed'}>
          {settings.enabled ? t('share.settings.on') : t('share.settings.off')}
        </TokenLozenge>{' '}
        {settings.enabled ? t('share.settings.enabled') : t('share.settings.disabled')}
      </p>
      {canEdit && (
        <>
          <div>
            <button
              type="button"
              className={settings.enabled ? 'cf-button cf-button-danger' : 'cf-button cf-button-primary'}
              disabled={busy}
              onClick={() => save({ ...settings, enabled: !settings.enabled })}
              data-testid="share-toggle"
            >
              {settings.enabled ? t('share.settings.switchOff') : t('share.settings.switchOn')}
            </button>
          </div>
          <div className="cf-field">
            <label className="cf-label" htmlFor={daysId}>
              {t('share.settings.maxDays')}
            </label>
            <div className="cf-input-row">
              <input
                id={daysId}
                className="cf-input cf-input-number"
                inputMode="numeric"
                value={days}
                aria-invalid={outcome === 'invalid'}
                aria-describedby={outcome === 'invalid' ? `${daysId}-error` : undefined}
                onChange={(event) => setMaxDays(event.target.value)}
                data-testid="share-max-days"
              />
              <button type="button" className="cf-button" disabled={busy} onClick={saveDays} data-testid="share-max-days-save">
                {t('share.settings.save')}
              </button>
            </div>
            {outcome === 'invalid' && (
              <p id={`${daysId}-error`} className="cf-error-text">
                {t('share.error.expiresInDays', { max: '180' })}
              </p>
            )}
          </div>
        </>
      )}
      {outcome === 'saved' && (
        <p role="status" className="cf-hint">
          {t('share.settings.saved')}
        </p>
      )}
      {outcome === 'conflict' && (
        <div role="alert" className="cf-message" data-appearance="warning">
          <p>{t('share.error.conflict')}</p>
          <button type="button" className="cf-button" onClick={retry}>
            {t('share.settings.reload')}
          </button>
        </div>
      )}
      {typeof outcome === 'object' && outcome !== null && <ErrorState error={outcome} onRetry={retry} />}
    </section>
  );
}

/** The URL, shown once: it cannot be read again from the server. */
function CreatedLink({ url, onDone }: { url: string; onDone: () => void }) {
  const t = useShareT();
  const [copied, setCopied] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const urlId = useId();
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  // Where the clipboard is not allowed (some embedding frames), the URL is selected for Ctrl+C.
  const copy = () => {
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      () => inputRef.current?.select(),
    );
  };
  return (
    <div className="cf-message" data-appearance="success" data-testid="share-created">
      <h4 ref={headingRef} tabIndex={-1}>
        {t('share.created.heading')}
      </h4>
      <p>{t('share.created.once')}</p>
      <label className="cf-label" htmlFor={urlId}>
        {t('share.created.url')}
      </label>
      <input
        id={urlId}
        ref={inputRef}
        className="cf-input cf-share-url"
        readOnly
        value={url}
        onFocus={(event) => event.target.select()}
        data-testid="share-created-url"
      />
      <div className="cf-message-actions">
        <button type="button" className="cf-button cf-button-primary" onClick={copy} data-testid="share-copy">
          {copied ? t('share.created.copied') : t('share.created.copy')}
        </button>
        <button type="button" className="cf-button" onClick={onDone} data-testid="share-created-done">
          {t('share.created.dismiss')}
        </button>
      </div>
      <p role="status" className="cf-visually-hidden">
        {copied ? t('share.created.copied') : ''}
      </p>
    </div>
  );
}

function FieldError({ id, show, children }: { id: string; show: boolean; children: string }) {
  return show ? (
    <p id={id} className="cf-error-text">
      {children}
    </p>
  ) : null;
}

/** A new link: what it shows, in which language, for whom, for how long, with an optional passcode. */
function CreateLinkForm({ maxDays, enabled, onCreated }: { maxDays: number; enabled: boolean; onCreated: () => void }) {
  const t = useShareT();
  const { locale, formatInstant } = useI18n();
  const backend = useBackend();
  const reports = useResolver('report/list', REPORTS_PAGE);
  const [values, setValues] = useState<ShareFormValues>(() => initialShareForm(locale));
  const [errors, setErrors] = useState<ReadonlySet<ShareFormField>>(new Set());
  const [failure, setFailure] = useState<AppErrorJson | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const id = useId();
  const published: PublishedReportHead[] = reports.state.status === 'ready' ? reports.state.data.items : [];
  const set = (patch: Partial<ShareFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const invalid = (field: ShareFormField) => errors.has(field);
  const describe = (field: ShareFormField, hint?: string) =>
    [invalid(field) ? `${id}-${field}-error` : '', hint ?? ''].filter((v) => v !== '').join(' ') || undefined;

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    setFailure(null);
    const checked = toCreatePayload(values, maxDays);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors(new Set());
    setBusy(true);
    void backend.call('share/create', checked.payload).then((answer) => {
      setBusy(false);
      if (answer.ok) {
        setCreated(answer.data.url);
        setValues(initialShareForm(locale));
        onCreated();
        return;
      }
      const fields = new Set((answer.error.fields ?? []).map((f) => toShareFormField(f.path)).filter((f) => f !== undefined));
      if (answer.error.code === 'INVALID_PAYLOAD' && fields.size > 0) setErrors(fields);
      else setFailure(answer.error);
    });
  };

  if (created !== null) return <CreatedLink url={created} onDone={() => setCreated(null)} />;
  return (
    <form className="cf-share-card cf-share-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`} data-testid="share-form">
      <h3 id={`${id}-heading`}>{t('share.create.heading')}</h3>
      {!enabled && (
        <p className="cf-message" data-appearance="warning" data-testid="share-switched-off">
          {t('share.error.switchedOff')}
        </p>
      )}
      <fieldset className="cf-settings-fieldset cf-field">
        <legend className="cf-legend">{t('share.create.scope')}</legend>
        <div className="cf-choices">
          <label className="cf-choice">
            <input type="radio" name={`${id}-scope`} checked={values.scope === 'live'} onChange={() => set({ scope: 'live' })} />
            <span>{t('share.create.scope.live')}</span>
          </label>
          <label className="cf-choice">
            <input
              type="radio"
              name={`${id}-scope`}
              checked={values.scope === 'report'}
              disabled={published.length === 0}
              onChange={() => set({ scope: 'report', reportId: values.reportId || (published[0]?.id ?? '') })}
              data-testid="share-scope-report"
            />
            <span>
              {t('share.create.scope.report')}
              {published.length === 0 && reports.state.status === 'ready' && (
                <span className="cf-hint"> {t('share.create.report.none')}</span>
              )}
            </span>
          </label>
        </div>
      </fieldset>
      {values.scope === 'report' && (
        <div className="cf-field">
          <label className="cf-label" htmlFor={`${id}-report`}>
            {t('share.create.report')}
          </label>
          <select
            id={`${id}-report`}
            className="cf-select"
            value={values.reportId}
            aria-invalid={invalid('reportId')}
            aria-describedby={describe('reportId')}
            onChange={(event) => set({ reportId: event.target.value })}
            data-testid="share-report"
          >
            {published.map((head) => (
              <option key={head.id} value={head.id}>
                {t('share.create.report.option', { version: String(head.version), date: formatInstant(head.publishedAt) })}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-reportId-error`} show={invalid('reportId')}>
            {t('share.error.reportId')}
          </FieldError>
        </div>
      )}
      <div className="cf-field">
        <label className="cf-label" htmlFor={`${id}-lang`}>
          {t('share.create.lang')}
        </label>
        <select
          id={`${id}-lang`}
          className="cf-select"
          value={values.lang}
          onChange={(event) => set({ lang: event.target.value === 'zh-CN' ? 'zh-CN' : 'en' })}
          data-testid="share-lang"
        >
          {LANGUAGES.map((lang) => (
            <option key={lang} value={lang}>
              {t(`reports.lang.${lang}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="cf-settings-fieldset cf-field" aria-describedby={describe('sections')}>
        <legend className="cf-legend">{t('share.create.sections')}</legend>
        <div className="cf-choices cf-share-sections">
          {SECTION_NAMES.map((section) => (
            <label key={section} className="cf-choice">
              <input
                type="checkbox"
                checked={values.sections.includes(section)}
                onChange={(event) =>
                  set({
                    sections: event.target.checked ? [...values.sections, section] : values.sections.filter((s) => s !== section),
                  })
                }
                data-testid={`share-section-${section}`}
              />
              <span>{t(`share.section.${section}`)}</span>
            </label>
          ))}
        </div>
        <FieldError id={`${id}-sections-error`} show={invalid('sections')}>
          {t('share.error.sections')}
        </FieldError>
      </fieldset>
      <div className="cf-field">
        <label className="cf-label" htmlFor={`${id}-label`}>
          {t('share.create.label')}
        </label>
        <input
          id={`${id}-label`}
          className="cf-input"
          value={values.label}
          maxLength={200}
          aria-invalid={invalid('label')}
          aria-describedby={describe('label')}
          onChange={(event) => set({ label: event.target.value })}
          data-testid="share-label"
        />
        <FieldError id={`${id}-label-error`} show={invalid('label')}>
          {t('share.error.label')}
        </FieldError>
      </div>
      <div className="cf-field">
        <label className="cf-label" htmlFor={`${id}-days`}>
          {t('share.create.expires')}
        </label>
        <input
          id={`${id}-days`}
          className="cf-input cf-input-number"
          inputMode="numeric"
          value={values.expiresInDays}
          aria-invalid={invalid('expiresInDays')}
          aria-describedby={describe('expiresInDays', `${id}-days-hint`)}
          onChange={(event) => set({ expiresInDays: event.target.value })}
          data-testid="share-days"
        />
        <p id={`${id}-days-hint`} className="cf-hint">
          {t('share.create.expiresHint', { max: String(maxDays) })}
        </p>
        <FieldError id={`${id}-expiresInDays-error`} show={invalid('expiresInDays')}>
          {t('share.error.expiresInDays', { max: String(maxDays) })}
        </FieldError>
      </div>
      <div className="cf-field">
        <label className="cf-label" htmlFor={`${id}-passcode`}>
          {t('share.create.passcode')}
        </label>
        <input
          id={`${id}-passcode`}
          className="cf-input"
          type="password"
          autoComplete="new-password"
          value={values.passcode}
          aria-invalid={invalid('passcode')}
          aria-describedby={describe('passcode', `${id}-passcode-hint`)}
          onChange={(event) => set({ passcode: event.target.value })}
          data-testid="share-passcode"
        />
        <p id={`${id}-passcode-hint`} className="cf-hint">
          {t('share.create.passcodeHint')}
        </p>
        <FieldError id={`${id}-passcode-error`} show={invalid('passcode')}>
          {t('share.error.passcode')}
        </FieldError>
      </div>
      {failure && <ErrorState error={failure} onRetry={() => setFailure(null)} />}
      <div>
        <button type="submit" className="cf-button cf-button-primary" disabled={busy || !enabled} data-testid="share-create">
          {busy ? t('share.create.creating') : t('share.create.submit')}
        </button>
      </div>
    </form>
  );
}

const STATUS_APPEARANCE = { active: 'success', expired: 'default', revoked: 'removed' } as const;

function LinkRow({ link, canManage, onRevoked }: { link: ShareLinkView; canManage: boolean; onRevoked: () => void }) {
  const t = useShareT();
  const { formatInstant } = useI18n();
  const backend = useBackend();
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<AppErrorJson | null>(null);
  const confirmId = useId();
  const revoke = () => {
    void backend.call('share/revoke', { id: link.id }).then((answer) => {
      setConfirming(false);
      if (answer.ok) onRevoked();
      else setFailure(answer.error);
    });
  };
  const when =
    link.status === 'revoked' && link.revokedAt !== null
      ? t('share.list.revokedAt', { date: formatInstant(link.revokedAt) })
      : t(link.status === 'expired' ? 'share.list.expired' : 'share.list.expires', { date: formatInstant(link.expiresAt) });
  return (
    <tr data-testid={`share-row-${link.id}`} data-status={link.status}>
      <th scope="row" data-label={t('share.create.label')}>
        {link.label}
      </th>
      <td data-label={t('share.create.scope')}>
        {link.scope.kind === 'live' ? t('share.list.scope.live') : t('share.list.scope.report', { id: link.scope.reportId })} ·{' '}
        {t(`reports.lang.${link.lang}`)}
        {link.hasPasscode && <> · {t('share.list.passcode')}</>}
      </td>
      <td data-label={t('share.list.status')}>
        <TokenLozenge appearance={STATUS_APPEARANCE[link.status]} testId="share-status">
          {t(`share.status.${link.status}`)}
        </TokenLozenge>{' '}
        <span className="cf-hint">{when}</span>
      </td>
      <td data-label={t('share.list.revoke')}>
        {canManage && link.status === 'active' && !confirming && (
          <button type="button" className="cf-button" onClick={() => setConfirming(true)} data-testid="share-revoke">
            {t('share.list.revoke')}
          </button>
        )}
        {confirming && (
          <div role="group" aria-labelledby={confirmId} className="cf-share-confirm">
            <p id={confirmId}>{t('share.list.revokeConfirm', { label: link.label })}</p>
            <div className="cf-message-actions">
              <button type="button" className="cf-button cf-button-danger" onClick={revoke} data-testid="share-revoke-confirm">
                {t('share.list.revokeYes')}
              </button>
              <button type="button" className="cf-button" onClick={() => setConfirming(false)}>
                {t('share.list.cancel')}
              </button>
            </div>
          </div>
        )}
        {failure && <ErrorState error={failure} onRetry={revoke} />}
      </td>
    </tr>
  );
}

function LinkList({ links, onChanged }: { links: ReturnType<typeof useLinks>; onChanged: () => void }) {
  const t = useShareT();
  const headingId = useId();
  const { state } = links;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('share.list.heading')}</h3>
      {state.status === 'loading' && <LoadingState label={t('share.loading')} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={links.reload} />}
      {state.status === 'ready' &&
        (state.items.length === 0 ? (
          <p className="cf-hint" data-testid="share-empty">
            {t('share.list.none')}
          </p>
        ) : (
          <div className="cf-table-scroll">
            <table className="cf-table cf-table-stack" data-testid="share-list">
              <thead>
                <tr>
                  <th scope="col">{t('share.create.label')}</th>
                  <th scope="col">{t('share.create.scope')}</th>
                  <th scope="col">{t('share.list.status')}</th>
                  <th scope="col">
                    <span className="cf-visually-hidden">{t('share.list.revoke')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((link) => (
                  <LinkRow key={link.id} link={link} canManage={state.canManage} onRevoked={onChanged} />
                ))}
              </tbody>
            </table>
            {state.cursor !== null && (
              <button type="button" className="cf-button" onClick={links.more}>
                {t('share.list.more')}
              </button>
            )}
          </div>
        ))}
    </section>
  );
}

/** Who opened the links and what they did: the PM's view of the access log. */
function AccessLog({ labels, refresh }: { labels: ReadonlyMap<string, string>; refresh: number }) {
  const t = useShareT();
  const { formatInstant } = useI18n();
  const backend = useBackend();
  const [state, setState] = useState<Paged<AccessLogEntryJson>>({ status: 'loading' });
  const headingId = useId();
  const load = useCallback(
    (cursor: string | null, keep: AccessLogEntryJson[]) => {
      void backend.call('share/access-log', { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) }).then((answer) => {
        setState(
          answer.ok
            ? { status: 'ready', items: [...keep, ...answer.data.items], cursor: answer.data.cursor, canManage: true }
            : { status: 'failed', error: answer.error },
        );
      });
    },
    [backend],
  );
  useEffect(() => {
    load(null, []);
  }, [load, refresh]);
  return (
    <section aria-labelledby={headingId} data-testid="share-log">
      <h3 id={headingId}>{t('share.log.heading')}</h3>
      <div>
        <button type="button" className="cf-button" onClick={() => load(null, [])} data-testid="share-log-refresh">
          {t('share.log.refresh')}
        </button>
      </div>
      {state.status === 'loading' && <LoadingState label={t('share.log.heading')} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={() => load(null, [])} />}
      {state.status === 'ready' &&
        (state.items.length === 0 ? (
          <p className="cf-hint">{t('share.log.none')}</p>
        ) : (
          <div className="cf-table-scroll">
            <table className="cf-table cf-table-stack">
              <thead>
                <tr>
                  <th scope="col">{t('share.log.when')}</th>
                  <th scope="col">{t('share.log.link')}</th>
                  <th scope="col">{t('share.log.what')}</th>
                  <th scope="col">{t('share.log.result')}</th>
                  <th scope="col">{t('share.log.agent')}</th>
                </tr>
              </thead>
              <tbody>
                {state.items.map((entry) => (
                  <tr key={entry.id} data-testid="share-log-row">
                    <th scope="row" data-label={t('share.log.when')}>
                      {formatInstant(entry.at)}
                    </th>
                    <td data-label={t('share.log.link')}>{labels.get(entry.linkId) ?? entry.linkId}</td>
                    <td data-label={t('share.log.what')}>{t(`share.log.kind.${entry.kind}`)}</td>
                    <td data-label={t('share.log.result')}>{t(`share.log.outcome.${entry.outcome}`)}</td>
                    <td data-label={t('share.log.agent')}>
                      {t('share.log.agentText', {
                        browser: t(`share.browser.${entry.agent.browser}`),
                        os: t(`share.os.${entry.agent.os}`),
                      })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {state.cursor !== null && (
              <button type="button" className="cf-button" onClick={() => load(state.cursor, state.items)}>
                {t('share.log.more')}
              </button>
            )}
          </div>
        ))}
    </section>
  );
}

/**
 * The Share section (issue 12): links for the client status page. Project admins create, copy
 * (once), revoke, switch sharing and read the access log; everyone who may browse the project
 * sees the list and the switch, read-only (no token is ever shown after creation).
 */
export function ShareSection() {
  const t = useShareT();
  const links = useLinks();
  const [settings, setSettings] = useState<ShareSettingsJson | null>(null);
  const [refresh, setRefresh] = useState(0);
  const canManage = links.state.status === 'ready' && links.state.canManage;
  const labels = useMemo(
    () => new Map(links.state.status === 'ready' ? links.state.items.map((l) => [l.id, l.label] as const) : []),
    [links.state],
  );
  const changed = () => {
    links.reload();
    setRefresh((n) => n + 1);
  };
  return (
    <div className="cf-settings cf-share" data-testid="share-section">
      <SettingsStyles />
      <ShareStyles />
      <h2>{t('share.heading')}</h2>
      <p className="cf-settings-intro">{t('share.intro')}</p>
      {links.state.status === 'ready' && !canManage && (
        <p className="cf-hint" data-testid="share-read-only">
          {t('share.readOnly')}
        </p>
      )}
      <SharingSettings onSaved={setSettings} />
      {canManage && settings && <CreateLinkForm maxDays={settings.maxExpiryDays} enabled={settings.enabled} onCreated={changed} />}
      <LinkList links={links} onChanged={changed} />
      {canManage && <AccessLog labels={labels} refresh={refresh} />}
    </div>
  );
}

function ShareStyles() {
  return (
    <style>{`
.cf-share { display: grid; gap: ${token('space.200', '16px')}; max-width: 60rem; }
.cf-share > h2, .cf-share > p { margin: 0; }
.cf-share h3 { margin: 0 0 ${token('space.100', '8px')}; font: ${token('font.heading.small', 'normal 653 16px/20px sans-serif')}; }
.cf-share-card { display: grid; gap: ${token('space.150', '12px')}; padding: ${token('space.200', '16px')}; border: 1px solid ${token('color.border', '#0B120E24')}; border-radius: ${token('radius.medium', '6px')}; min-width: 0; }
.cf-share-card > * { margin: 0; }
.cf-share-sections { grid-template-columns: repeat(auto-fill, minmax(12rem, 1fr)); }
.cf-share-url { max-width: 100%; font-family: ${token('font.family.code', 'monospace')}; }
.cf-share section { display: grid; gap: ${token('space.100', '8px')}; min-width: 0; }
.cf-share section > h3 { margin: 0; }
.cf-share-confirm { display: grid; gap: ${token('space.100', '8px')}; }
.cf-share-confirm p { margin: 0; }
.cf-share .cf-table { width: 100%; border-collapse: collapse; }
.cf-share .cf-table th, .cf-share .cf-table td { padding: ${token('space.100', '8px')}; text-align: start; vertical-align: top; border-bottom: 1px solid ${token('color.border', '#0B120E24')}; overflow-wrap: anywhere; }
`}</style>
  );
}
