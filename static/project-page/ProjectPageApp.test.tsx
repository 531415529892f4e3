import { describe, expect, it } from 'vitest';
import { createMemoryAppHistory } from '../shared/app-history';
import { renderForTest } from '../shared/render-for-test';
import { ProjectPageApp } from './ProjectPageApp';
import { SECTIONS } from './sections';

describe('ProjectPageApp', () => {
  it('opens Overview at the root, loading, with an accessible tab list', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/')} />);
    expect(html).toContain('role="tablist" aria-label="Client follow-up sections"');
    expect(html.match(/role="tab"/gu)).toHaveLength(SECTIONS.length);
    expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*tabindex="0"[^>]*data-testid="tab-overview"/u);
    expect(html).toContain('role="tabpanel"');
    expect(html).toContain('aria-labelledby="cf-tab-overview"');
    expect(html).toMatch(/role="status" aria-label="Loading project overview"/u);
  });

  it('opens the Share section at /share, loading the links', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/share')} />);
    expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*data-testid="tab-share"/u);
    expect(html).toContain('data-testid="share-section"');
    expect(html).toMatch(/role="status" aria-label="Loading share links"/u);
    expect(html).not.toContain('data-testid="coming-soon"');
  });

  it('opens the Risks section at /risks, loading the register', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/risks')} />);
    expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*data-testid="tab-risks"/u);
    expect(html).toContain('data-testid="risks"');
    expect(html).toContain('aria-label="Loading the risk register"');
    expect(html).not.toContain('data-testid="coming-soon"');
  });

  it('opens the Settings section at /settings, loading the settings', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/settings')} />);
    expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*data-testid="tab-settings"/u);
    expect(html).toContain('data-testid="settings"');
    expect(html).toMatch(/role="status" aria-label="Loading project settings"/u);
    expect(html).not.toContain('data-testid="coming-soon"');
  });

  it('opens the Feedback section at /feedback, loading it', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/feedback')} />);
    expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*data-testid="tab-feedback"/u);
    expect(html).toContain('data-testid="feedback"');
    expect(html).toMatch(/role="status" aria-label="Loading feedback"/u);
    expect(html).not.toContain('data-testid="coming-soon"');
  });

  it('opens the Communication section at /communication, loading the plan', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/communication')} />);
    expect(html).toMatch(/<button[^>]*aria-selected="true"[^>]*data-testid="tab-communication"/u);
    expect(html).toContain('data-testid="communication"');
    expect(html).toMatch(/role="status" aria-label="Loading the communication plan"/u);
    expect(html).not.toContain('data-testid="coming-soon"');
  });

  it('labels the tabs in Chinese for a Chinese locale', () => {
    const html = renderForTest(<ProjectPageApp history={createMemoryAppHistory('/share')} />, { locale: 'zh_CN' });
    expect(html).toContain('aria-label="客户跟进栏目"');
    expect(html).toContain('aria-label="正在加载分享链接"');
  });
});
