import { useEffect, useId, useState } from 'react';
import type { AppErrorJson } from '../../../contract';
import type { ShareSettingsJson } from '../../../contract/share';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { useResolver } from '../../shared/use-resolver';
import { useShareT } from './use-share-t';

const NO_PAYLOAD = {};

/** The kill switch and the expiry cap; read-only without Administer Projects. */
export function SharingSettings({ onSaved }: { onSaved: (settings: ShareSettingsJson) => void }) {
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
