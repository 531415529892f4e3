import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { token } from '@atlaskit/tokens';
import { DIMENSION_KEYS } from '../../contract';
import { useT } from '../shared/i18n/I18nProvider';

/** Six tile-shaped placeholders while health loads; only the label is announced. */
export function HealthSkeleton() {
  const t = useT(HEALTH_MESSAGES);
  return (
    <div role="status" aria-label={t('health.loading')} aria-busy="true" data-testid="health-loading">
      <span className="cf-visually-hidden">{t('health.loading')}</span>
      <div
        aria-hidden="true"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))', gap: token('space.200', '16px') }}
      >
        {DIMENSION_KEYS.map((key) => (
          <div key={key} className="cf-skeleton" style={{ height: '9rem' }} />
        ))}
      </div>
    </div>
  );
}
