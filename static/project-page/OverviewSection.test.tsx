import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { OverviewSection } from './OverviewSection';

describe('OverviewSection', () => {
  it('shows a health skeleton, then the counts and the report loading, each announced', () => {
    const html = renderForTest(<OverviewSection />);
    expect(html).toMatch(/<h2[^>]*>Health<\/h2>/u);
    expect(html).toMatch(/role="status" aria-label="Loading project health"/u);
    expect(html).toMatch(/role="status" aria-label="Loading project overview"/u);
    expect(html).toMatch(/role="status" aria-label="Loading the draft status report"/u);
    expect(html.indexOf('Loading project health')).toBeLessThan(html.indexOf('Loading project overview'));
  });

  it('opens with the freshness bar on top, checking the snapshot’s age, with Refresh', () => {
    const html = renderForTest(<OverviewSection />);
    expect(html.indexOf('data-testid="freshness"')).toBeLessThan(html.indexOf('data-testid="health"'));
    expect(textOfTestId(html, 'freshness-age')).toBe('Checking how up to date the data is');
    expect(textOfTestId(html, 'refresh-button')).toBe('Refresh');
  });

  it('has a Trends section, loading, between the counts and the draft report', () => {
    const html = renderForTest(<OverviewSection />);
    expect(html).toMatch(/<h2[^>]*>Trends<\/h2>/u);
    expect(html).toMatch(/role="status" aria-label="Loading trends"/u);
    expect(html.indexOf('data-testid="overview-counts"')).toBeLessThan(html.indexOf('data-testid="history"'));
    expect(html.indexOf('data-testid="history"')).toBeLessThan(html.indexOf('Loading the draft status report'));
  });

  it('in Chinese', () => {
    const html = renderForTest(<OverviewSection />, { locale: 'zh-CN' });
    expect(textOfTestId(html, 'freshness-age')).toBe('正在检查数据是否为最新');
    expect(textOfTestId(html, 'refresh-button')).toBe('刷新');
    expect(html).toMatch(/<h2[^>]*>趋势<\/h2>/u);
  });
});
