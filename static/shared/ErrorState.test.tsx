import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract';
import { ErrorState } from './ErrorState';
import { renderForTest, textOfTestId } from './render-for-test';

describe('ErrorState', () => {
  it.each(ERROR_CODES)('explains %s in words and offers Retry, as an alert', (code) => {
    const html = renderForTest(<ErrorState error={{ code, message: 'server detail' }} onRetry={() => undefined} />);
    expect(html).toContain('role="alert"');
    expect(textOfTestId(html, 'error-message')).not.toBe('');
    expect(html).not.toContain('server detail');
    expect(textOfTestId(html, 'retry-button')).toBe('Retry');
  });

  it('speaks Chinese for a Chinese locale', () => {
    const html = renderForTest(<ErrorState error={{ code: 'RATE_LIMITED', message: '' }} onRetry={() => undefined} />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'error-message')).toBe('当前请求过多，请等待几秒后重试。');
    expect(textOfTestId(html, 'retry-button')).toBe('重试');
  });
});
