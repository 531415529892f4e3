import { useEffect, useId, useMemo, useState } from 'react';
import type { AppErrorJson, Language, PayloadOf } from '../../../contract';
import type { DeliveryJson, MailSettingsView } from '../../../contract/delivery';
import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import type { PublishedReportHead } from '../../../contract/reports';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { createFieldKit } from '../../shared/form-fields';
import { useT } from '../../shared/i18n/I18nProvider';
import { useResolver } from '../../shared/use-resolver';

function useDeliveryT() {
  return useT(REPORTS_MESSAGES, COMMON_MESSAGES);
}

const { TextInput } = createFieldKit<'reports.mail.invalid'>({ inputPrefix: 'cf-mail', testPrefix: 'mail', useErrorText: useDeliveryT });
const SETTINGS: PayloadOf<'mail/settings-get'> = {};
const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The project's mail provider: its state for everyone, the sender and token form for a project admin. */
export function MailSettingsPanel() {
  const { state, retry } = useResolver('mail/settings-get', SETTINGS);
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  if (state.status === 'loading') return null;
  return <MailSettingsForm initial={state.data} />;
}

function MailSettingsForm({ initial }: { initial: MailSettingsView }) {
  const t = useDeliveryT();
  const backend = useBackend();
  const [view, setView] = useState<MailSettingsView>(initial);
  const [name, setName] = useState(initial.from?.name ?? '');
  const [address, setAddress] = useState(initial.from?.address ?? '');
  const [apiKey, setApiKey] = useState('');
  const [invalid, setInvalid] = useState<readonly string[]>([]);
  const [outcome, setOutcome] = useState<'saved' | AppErrorJson | null>(null);
  const headingId = useId();

  const save = () => {
    setOutcome(null);
    void backend
      .call('mail/settings-save', { from: { name, address }, ...(apiKey.trim() === '' ? {} : { apiKey: apiKey.trim() }) })
      .then((answer) => {
        if (answer.ok) {
          setView(answer.data);
          setApiKey('');
          setInvalid([]);
          setOutcome('saved');
        } else {
          setInvalid((answer.error.fields ?? []).map((f) => f.path));
          setOutcome(answer.error);
        }
      });
  };
  const bad = (path: string) => (invalid.some((p) => p.startsWith(path)) ? ('reports.mail.invalid' as const) : undefined);
  return (
    <details className="cf-reports-card" data-testid="mail-settings">
      <summary id={headingId}>
        {t('reports.mail.heading')}:{' '}
        {view.from && view.keyStored
          ? t('reports.mail.ready', { name: view.from.name, address: view.from.address })
          : t('reports.mail.notSet')}
      </summary>
      <p className="cf-hint">{t('reports.mail.intro')}</p>
      {view.canEdit && (
        <form
          className="cf-reports-mail-form"
          aria-labelledby={headingId}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <TextInput id="name" label={t('reports.mail.name')} value={name} onChange={setName} error={bad('from.name')} />
          <TextInput
            id="address"
            type="email"
            label={t('reports.mail.address')}
            value={address}
            onChange={setAddress}
            error={bad('from.address')}
          />
          <div className="cf-field">
            <label className="cf-label" htmlFor="cf-mail-key">
              {t('reports.mail.key')}
            </label>
            <input
              id="cf-mail-key"
              className="cf-input"
              type="password"
              autoComplete="off"
              value={apiKey}
              aria-invalid={bad('apiKey') ? true : undefined}
              data-testid="mail-key"
              onChange={(event) => {
                setApiKey(event.target.value);
              }}
            />
            {view.keyStored && <p className="cf-hint">{t('reports.mail.keyStored')}</p>}
          </div>
          <div className="cf-actions">
            <button type="submit" className="cf-button cf-button-primary" data-testid="mail-save">
              {t('reports.mail.save')}
            </button>
          </div>
          {outcome === 'saved' && (
            <p role="status" className="cf-hint" data-testid="mail-saved">
              {t('reports.mail.saved')}
            </p>
          )}
          {outcome !== null && outcome !== 'saved' && (
            <p role="alert" className="cf-error-text">
              {t(`error.${outcome.code}`)}
            </p>
          )}
        </form>
      )}
    </details>
  );
}

const RECIPIENTS: PayloadOf<'report/recipients'> = {};

/**
 * Who the send reaches, listed in the confirmation before anything goes: name, address, side and
 * language; a recipient this report already reached (or may have) is marked, as a send skips them.
 */
function SendRecipients({ deliveries, onCount }: { deliveries: readonly DeliveryJson[]; onCount: (count: number) => void }) {
  const t = useDeliveryT();
  const { state, retry } = useResolver('report/recipients', RECIPIENTS);
  const count = state.status === 'ready' ? state.data.recipients.length : null;
  useEffect(() => {
    if (count !== null) onCount(count);
  }, [count, onCount]);
  if (state.status === 'loading') return <p className="cf-hint">{t('reports.send.recipientsLoading')}</p>;
  if (state.status === 'failed') return <ErrorState error={state.error} onRetry={retry} />;
  const { recipients } = state.data;
  if (recipients.length === 0)
    return (
      <p className="cf-hint" data-testid="send-recipients-none">
        {t('reports.send.none')}
      </p>
    );
  const done = new Set(deliveries.filter((d) => d.state === 'sent' || d.state === 'unknown').map((d) => d.email.toLowerCase()));
  return (
    <>
      <p className="cf-label">{t('reports.send.recipients', { count: String(recipients.length) })}</p>
      <ul className="cf-reports-deliveries" data-testid="send-recipients">
        {recipients.map((r) => (
          <li key={r.email} data-testid={`send-recipient-${r.email}`}>
            <strong>{r.name}</strong> &lt;{r.email}&gt; · {t(`reports.send.audience.${r.audience}`, { lang: LANGUAGE_NAMES[r.lang] })}
            {done.has(r.email.toLowerCase()) && <span className="cf-hint"> · {t('reports.send.alreadySent')}</span>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Sending a published report to the stakeholders, and what became of each recipient. */
export function DeliveryPanel({ head, canSend }: { head: PublishedReportHead; canSend: boolean }) {
  const t = useDeliveryT();
  const backend = useBackend();
  const payload = useMemo<PayloadOf<'report/deliveries'>>(() => ({ id: head.id }), [head.id]);
  const { state } = useResolver('report/deliveries', payload);
  const [sentNow, setSentNow] = useState<readonly DeliveryJson[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<AppErrorJson | null>(null);
  const [attempted, setAttempted] = useState(false);
  const [recipientCount, setRecipientCount] = useState<number | null>(null);
  const headingId = useId();
  const deliveries = sentNow ?? (state.status === 'ready' ? state.data.deliveries : null);

  const send = () => {
    setBusy(true);
    setFailure(null);
    void backend.call('report/send', { id: head.id }).then((answer) => {
      setBusy(false);
      setConfirming(false);
      if (answer.ok) {
        setSentNow(answer.data.deliveries);
        setAttempted(true);
      } else {
        setFailure(answer.error);
      }
    });
  };
  const unreached = (deliveries ?? []).some((d) => d.state === 'failed' || d.state === 'rejected');
  return (
    <section className="cf-reports-delivery" aria-labelledby={headingId} data-testid="delivery">
      <h4 id={headingId}>{t('reports.send.heading')}</h4>
      {deliveries !== null && deliveries.length > 0 && (
        <ul className="cf-reports-deliveries" data-testid="deliveries">
          {deliveries.map((d) => (
            <li key={`${d.email}-${d.audience}-${d.lang}`} data-state={d.state} data-testid={`delivery-${d.email}`}>
              <strong>{d.name}</strong> &lt;{d.email}&gt; · {t(`reports.send.audience.${d.audience}`, { lang: LANGUAGE_NAMES[d.lang] })} ·{' '}
              <span>{t(`reports.send.state.${d.state}`)}</span>
              {d.state === 'rejected' && d.reason !== null && <span className="cf-hint"> — {d.reason}</span>}
            </li>
          ))}
        </ul>
      )}
      {deliveries !== null && deliveries.length === 0 && attempted && <p className="cf-hint">{t('reports.send.none')}</p>}
      {failure !== null && (
        <p role="alert" className="cf-error-text" data-testid="delivery-failure">
          {failure.message}
        </p>
      )}
      {canSend &&
        (confirming ? (
          <div
            role="dialog"
            aria-modal="false"
            aria-label={t('reports.send.heading')}
            className="cf-reports-confirm"
            data-testid="send-confirm"
          >
            <p>{t('reports.send.confirm', { version: String(head.version) })}</p>
            <SendRecipients deliveries={deliveries ?? []} onCount={setRecipientCount} />
            <div className="cf-actions">
              <button
                type="button"
                className="cf-button cf-button-primary"
                disabled={busy || recipientCount === 0}
                onClick={send}
                data-testid="send-go"
              >
                {t('reports.send.go')}
              </button>
              <button type="button" className="cf-button cf-button-subtle" disabled={busy} onClick={() => setConfirming(false)}>
                {t('reports.publish.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="cf-button" onClick={() => setConfirming(true)} data-testid="send">
            {unreached ? t('reports.send.retry') : t('reports.send.button')}
          </button>
        ))}
    </section>
  );
}
