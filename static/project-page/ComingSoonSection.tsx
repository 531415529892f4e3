import { token } from '@atlaskit/tokens';
import { useI18n } from '../shared/i18n/I18nProvider';

/** The empty state of a section that has no content yet. */
export function ComingSoonSection({ label }: { label: string }) {
  const { t } = useI18n();
  return (
    <div data-testid="coming-soon" style={{ maxWidth: '32rem', margin: `${token('space.400', '32px')} auto`, textAlign: 'center' }}>
      <h2 style={{ margin: `0 0 ${token('space.100', '8px')}`, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}>
        {t('comingSoon.title', { section: label })}
      </h2>
      <p style={{ margin: 0, color: token('color.text.subtle', '#505258') }}>{t('comingSoon.body')}</p>
    </div>
  );
}
