import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isRetryable } from '../../contract';
import { ErrorState } from './ErrorState';
import { renderForTest, textOfTestId } from './render-for-test';

describe('ErrorState', () => {
  it.each(ERROR_CODES.filter(isRetryable))('explains %s in words and offers Retry, as an alert', (code) => {
    const html = renderForTest(<ErrorState error={{ code, message: 'server detail' }} onRetry={() => undefined} />);
    expect(html).toContain('role="alert"');
    expect(textOfTestId(html, 'error-message')).not.toBe('');
    expect(html).not.toContain('server detail');
    expect(textOfTestId(html, 'retry-button')).toBe('Retry');
  });

  it.each([
    ['FORBIDDEN', 'You don’t have access to this project', '你无权访问此项目'],
    ['NOT_FOUND', 'Not found', '未找到'],
  ] as const)('says %s plainly, without a Retry that could only fail again', (code, heading, zhHeading) => {
    const html = renderForTest(<ErrorState error={{ code, message: 'server detail' }} onRetry={() => undefined} />);
    expect(textOfTestId(html, 'error-heading')).toBe(heading);
    expect(textOfTestId(html, 'error-message')).not.toBe('');
    expect(html).not.toContain('data-testid="retry-button"');
    const zh = renderForTest(<ErrorState error={{ code, message: '' }} onRetry={() => undefined} />, { locale: 'zh-CN' });
    expect(textOfTestId(zh, 'error-heading')).toBe(zhHeading);
  });

  it('speaks Chinese for a Chinese locale', () => {
    const html = renderForTest(<ErrorState error={{ code: 'RATE_LIMITED', message: '' }} onRetry={() => undefined} />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'error-message')).toBe('当前请求过多，请等待几秒后重试。');
    expect(textOfTestId(html, 'retry-button')).toBe('重试');
  });
});
