import { useState, type KeyboardEvent } from 'react';
import type { AppErrorJson } from '../../../contract';
import { useBackend } from '../../shared/BackendProvider';
import { useCommsT } from './use-comms-messages';

type Found =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'found'; users: { accountId: string; displayName: string }[] }
  | { kind: 'failed'; error: AppErrorJson };

/**
 * Finds an internal stakeholder's Jira account with Jira's user picker (as the PM: Jira shows
 * only the users the PM may see); picking one fills the account id field.
 */
export function AccountPicker({ onPick }: { onPick: (user: { accountId: string; displayName: string }) => void }) {
  const t = useCommsT();
  const backend = useBackend();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'idle' });
  const search = () => {
    if (query.trim() === '') return;
    setFound({ kind: 'searching' });
    void backend.call('comms/user-search', { query: query.trim() }).then((answer) => {
      setFound(answer.ok ? { kind: 'found', users: answer.data.users } : { kind: 'failed', error: answer.error });
    });
  };
  // Enter searches instead of submitting the stakeholder form around the picker.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    search();
  };
  return (
    <div className="cf-field" data-testid="comms-account-picker">
      <label className="cf-label" htmlFor="cf-comms-account-search">
        {t('comms.accountPicker.search')}
      </label>
      <div className="cf-actions">
        <input
          id="cf-comms-account-search"
          className="cf-input"
          type="search"
          autoComplete="off"
          value={query}
          data-testid="comms-account-search"
          onChange={(event) => {
            setQuery(event.target.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="cf-button" data-testid="comms-account-find" disabled={found.kind === 'searching'} onClick={search}>
          {t('comms.accountPicker.find')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {found.kind === 'found' && found.users.length === 0 && <p className="cf-hint">{t('comms.accountPicker.none')}</p>}
        {found.kind === 'failed' && (
          <p className="cf-error-text">{t('comms.accountPicker.failed', { reason: t(`error.${found.error.code}`) })}</p>
        )}
      </div>
      {found.kind === 'found' && found.users.length > 0 && (
        <ul className="cf-comms-list" data-testid="comms-account-results">
          {found.users.map((user) => (
            <li key={user.accountId}>
              <button
                type="button"
                className="cf-button cf-button-subtle"
                data-testid={`comms-account-pick-${user.accountId}`}
                onClick={() => {
                  onPick(user);
                  setFound({ kind: 'idle' });
                }}
              >
                {t('comms.accountPicker.pick', { name: user.displayName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
