import { useCallback, useEffect, useId, useState } from 'react';
import type { AppErrorJson } from '../../../contract';
import type { ShareLinkView } from '../../../contract/share';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { TokenLozenge } from '../../shared/TokenLozenge';
import { PAGE_SIZE, useShareT, type Paged } from './use-share-t';

export function useLinks() {
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
        {link.scope.kind === 'live'
          ? t('share.list.scope.live')
          : t('share.list.scope.report', { id: link.reportVersion === undefined ? link.scope.reportId : String(link.reportVersion) })}{' '}
        · {t(`reports.lang.${link.lang}`)}
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

export function LinkList({ links, onChanged }: { links: ReturnType<typeof useLinks>; onChanged: () => void }) {
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
