import { describe, expect, it } from 'vitest';
import { renderForTest } from '../shared/render-for-test';
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
});
