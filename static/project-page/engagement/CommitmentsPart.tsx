import { token } from '@atlaskit/tokens';
import type { EngagementJson } from '../../../contract/engagement';
import { COMMITMENT_MESSAGES } from '../../../contract/i18n/commitment-messages';
import { COMMITMENT_GROUPS, describeCommitments, type Commitment } from '../../../contract/i18n/commitment-sentences';
import { ErrorState } from '../../shared/ErrorState';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { LoadingState } from '../../shared/LoadingState';
import { useResolver } from '../../shared/use-resolver';

const NO_PAYLOAD = {};

const CSS = `
.cf-commitments-list { margin: 0 0 ${token('space.150', '12px')}; padding-inline-start: ${token('space.300', '24px')}; }
.cf-commitments-list li { overflow-wrap: anywhere; margin: ${token('space.050', '4px')} 0; }
.cf-commitments-group { font: ${token('font.heading.xsmall', 'normal 600 14px/16px sans-serif')}; margin: ${token('space.100', '8px')} 0 ${token('space.050', '4px')}; }
`;

/**
 * The commitments to the client, read-only (issue 13): what the status page's "What we committed
 * to" section shows — the enabled dimensions' green thresholds (`settings/get`), the engagement's
 * quality standards and support targets — in the user's language. The thresholds are edited in
 * Settings.
 */
export function CommitmentsPart({ engagement }: { engagement: EngagementJson }) {
  const t = useT(COMMITMENT_MESSAGES);
  const { locale } = useI18n();
  const settings = useResolver('settings/get', NO_PAYLOAD);
  return (
    <section className="cf-group" aria-labelledby="cf-commitments-heading" data-testid="engagement-commitments">
      <style>{CSS}</style>
      <h3 id="cf-commitments-heading">{t('commitments.heading')}</h3>
      <p>{t('commitments.intro')}</p>
      {settings.state.status === 'loading' ? (
        <LoadingState label={t('commitments.heading')} />
      ) : settings.state.status === 'failed' ? (
        <ErrorState error={settings.state.error} onRetry={settings.retry} />
      ) : (
        <CommitmentList commitments={describeCommitments(settings.state.data.settings, engagement, locale)} />
      )}
      <p className="cf-settings-intro" data-testid="engagement-commitments-note">
        {t('commitments.settingsNote')}
      </p>
    </section>
  );
}

function CommitmentList({ commitments }: { commitments: readonly Commitment[] }) {
  const t = useT(COMMITMENT_MESSAGES);
  if (commitments.length === 0) return <p>{t('commitments.none')}</p>;
  return (
    <>
      {COMMITMENT_GROUPS.map((group) => {
        const items = commitments.filter((c) => c.group === group);
        if (items.length === 0) return null;
        return (
          <div key={group} data-testid={`engagement-commitments-${group}`}>
            <h4 className="cf-commitments-group">{t(`commitments.group.${group}`)}</h4>
            <ul className="cf-commitments-list">
              {items.map((c) => (
                <li key={c.source} data-source={c.source}>
                  {c.text}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}
