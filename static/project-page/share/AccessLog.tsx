import { useCallback, useEffect, useId, useState } from 'react';
import type { AccessLogEntryJson } from '../../../contract/share';
import { useBackend } from '../../shared/BackendProvider';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { PAGE_SIZE, useShareT, type Paged } from './use-share-t';

/** Who opened the links and what they did: the PM's view of the access log. */
export function AccessLog({ labels, refresh }: { labels: ReadonlyMap<string, string>; refresh: number }) {
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
                    <td data-label={t('share.log.what')}>
                      {entry.count === undefined
                        ? t(`share.log.kind.${entry.kind}`)
                        : t('share.log.times', { what: t(`share.log.kind.${entry.kind}`), count: String(entry.count) })}
                    </td>
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
