import { APP_MESSAGES } from '../../contract/i18n/app-messages';
import { token } from '@atlaskit/tokens';
import { useT } from '../shared/i18n/I18nProvider';

/** The empty state of a section that has no content yet. */
export function ComingSoonSection({ label }: { label: string }) {
  const t = useT(APP_MESSAGES);
  return (
    <div data-testid="coming-soon" style={{ maxWidth: '32rem', margin: `${token('space.400', '32px')} auto`, textAlign: 'center' }}>
      <h2 style={{ margin: `0 0 ${token('space.100', '8px')}`, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}>
        {t('comingSoon.title', { section: label })}
      </h2>
      <p style={{ margin: 0, color: token('color.text.subtle', '#505258') }}>{t('comingSoon.body')}</p>
    </div>
  );
}
