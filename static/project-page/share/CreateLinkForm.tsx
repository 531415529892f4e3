import { useEffect, useId, useRef, useState } from 'react';
import type { AppErrorJson, Language, PayloadOf } from '../../../contract';
import type { PublishedReportHead } from '../../../contract/reports';
import { SECTION_NAMES } from '../../../contract/share';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { useResolver } from '../../shared/use-resolver';
import { initialShareForm, toCreatePayload, toShareFormField, type ShareFormField, type ShareFormValues } from './share-form';
import { useShareT } from './use-share-t';

const LANGUAGES: readonly Language[] = ['en', 'zh-CN'];
const REPORTS_PAGE: PayloadOf<'report/list'> = { limit: 50 };

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
export function CreateLinkForm({ maxDays, enabled, onCreated }: { maxDays: number; enabled: boolean; onCreated: () => void }) {
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
  // Status reports only: the closing report is not shown on the status page.
  const published: PublishedReportHead[] =
    reports.state.status === 'ready' ? reports.state.data.items.filter((r) => r.kind !== 'closing') : [];
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
