import { COMMON_MESSAGES } from '../../../contract/i18n/common-messages';
import { ENGAGEMENT_MESSAGES } from '../../../contract/i18n/engagement-messages';
import { ErrorState } from '../../shared/ErrorState';
import { useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';

const NO_PAYLOAD = {};

/**
 * The engagement's contacts (issue 13), read-only: the communication plan's stakeholders, client
 * side first, with role and address. They are edited in one place, the Communication section.
 */
export function ContactsPart() {
  const t = useT(ENGAGEMENT_MESSAGES, COMMON_MESSAGES);
  const { state, retry } = useResolver('comms/get', NO_PAYLOAD);
  return (
    <section className="cf-group" aria-labelledby="cf-engagement-contacts-heading" data-testid="engagement-contacts">
      <h3 id="cf-engagement-contacts-heading">{t('engagement.contacts.heading')}</h3>
      <p>{t('engagement.contacts.intro')}</p>
      {state.status === 'loading' ? (
        <LoadingState label={t('engagement.contacts.heading')} />
      ) : state.status === 'failed' ? (
        <ErrorState error={state.error} onRetry={retry} />
      ) : state.data.plan.stakeholders.length === 0 ? (
        <p>{t('engagement.contacts.none')}</p>
      ) : (
        <ul className="cf-comms-records">
          {[...state.data.plan.stakeholders]
            .sort((a, b) => (a.side === b.side ? 0 : a.side === 'client' ? -1 : 1))
            .map((s) => (
              <li key={s.id} className="cf-comms-record" data-testid={`engagement-contact-${s.id}`} data-side={s.side}>
                <strong>{s.name}</strong>
                <span className="cf-comms-meta">
                  {[s.side === 'client' ? t('engagement.contacts.client') : t('engagement.contacts.team'), s.role, s.email]
                    .filter((part) => part !== null && part !== '')
                    .join(' · ')}
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
