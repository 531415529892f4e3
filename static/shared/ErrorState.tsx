import { COMMON_MESSAGES } from '../../contract/i18n/common-messages';
import { token } from '@atlaskit/tokens';
import { isRetryable, type AppErrorJson } from '../../contract/errors';
import { useT } from './i18n/I18nProvider';

/**
 * What went wrong, in the user's language, and the way out. The text comes from the
 * error code; the server's message is for logs only and never shown. No Retry where trying
 * again cannot help (no permission, nothing there): the message says what to do instead.
 */
export function ErrorState({ error, onRetry }: { error: AppErrorJson; onRetry: () => void }) {
  const t = useT(COMMON_MESSAGES);
  return (
    <div
      role="alert"
      style={{
        display: 'grid',
        gap: token('space.100', '8px'),
        justifyItems: 'start',
        padding: token('space.200', '16px'),
        borderRadius: token('radius.small', '3px'),
        background: token('color.background.danger', '#FFECEB'),
        color: token('color.text', '#292A2E'),
      }}
    >
      <strong data-testid="error-heading" style={{ font: token('font.heading.xsmall', 'normal 653 14px/20px sans-serif') }}>
        {error.code === 'FORBIDDEN' || error.code === 'NOT_FOUND' ? t(`error.heading.${error.code}`) : t('error.heading')}
      </strong>
      <p data-testid="error-message" data-error-code={error.code} style={{ margin: 0 }}>
        {t(`error.${error.code}`)}
      </p>
      {isRetryable(error.code) && (
        <button type="button" className="cf-button" data-testid="retry-button" onClick={onRetry}>
          {t('error.retry')}
        </button>
      )}
    </div>
  );
}
