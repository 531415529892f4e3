import { describe, expect, it } from 'vitest';
import type { SupportSectionJson } from '../../../contract/support-report';
import { aClientStatusReport, aStatusReport } from '../../../test/support/status-report-builder';
import { renderReportHtml } from './render-report-html';
import { renderReportMarkdown } from './render-report-markdown';

const HOSTILE = '<img src=x onerror=alert(1)>';
const support: SupportSectionJson = {
  responseHours: 8,
  resolutionHours: 40,
  total: 4,
  response: { met: 2, breached: 0, running: 1, overdue: 1 },
  resolution: { met: 1, breached: 1, running: 0, overdue: 2 },
  overdue: [
    { key: 'ACME-7', summary: `Export fails ${HOSTILE}`, created: '2026-03-16T08:00:00.000Z', response: 'overdue', resolution: 'overdue' },
    { key: 'ACME-9', summary: 'Slow search', created: '2026-03-17T08:00:00.000Z', response: 'met', resolution: 'overdue' },
  ],
  overdueTotal: 3,
};

describe('the support section in the rendered reports', () => {
  const internal = (lang: 'en' | 'zh-CN') => aStatusReport({ lang, sections: { ...aStatusReport().sections, support } });
  const client = (lang: 'en' | 'zh-CN') => aClientStatusReport({ lang, sections: { ...aClientStatusReport().sections, support } });

  it('Markdown: the counts per target, then the overdue issues, linked for the team only', () => {
    const team = renderReportMarkdown(internal('en'), { issueUrl: (key) => `https://acme.atlassian.net/browse/${key}`, timeZone: 'UTC' });
    expect(team).toContain('## Support: client-reported issues');
    expect(team).toContain('4 client-reported issues tracked against the support targets.');
    expect(team).toContain('- First response within 8 h: 2 met, 0 late, 1 within target, 1 overdue');
    expect(team).toContain('- Resolution within 40 h: 1 met, 1 late, 0 within target, 2 overdue');
    expect(team).toContain(
      '- **[ACME-7](https://acme.atlassian.net/browse/ACME-7)** Export fails &lt;img src=x onerror=alert(1)> — no response and not resolved past their targets',
    );
    expect(team).toContain('…and 1 more');
    const theirs = renderReportMarkdown(client('en'), { timeZone: 'UTC' });
    expect(theirs).toContain('- **ACME-9** Slow search — not resolved past its target');
    expect(theirs).not.toContain('](');
  });

  it('Markdown in Chinese', () => {
    const text = renderReportMarkdown(client('zh-CN'));
    expect(text).toContain('## 支持：客户报告的事务');
    expect(text).toContain('首次响应时限 8 小时：达标 2，超时完成 0，计时中 1，已逾期 1');
    expect(text).toContain('超过时限仍未解决');
  });

  it('HTML: a table of counts and the overdue list, text escaped', () => {
    const html = renderReportHtml(internal('en'), { issueUrl: (key) => `https://acme.atlassian.net/browse/${key}` });
    expect(html).toContain('<h2 id="support">Support: client-reported issues</h2>');
    expect(html).toMatch(/<th scope="row">First response within 8 h<\/th>\s*<td>2<\/td>\s*<td>0<\/td>\s*<td>1<\/td>\s*<td>1<\/td>/u);
    expect(html).toContain('<a class="key" href="https://acme.atlassian.net/browse/ACME-7">ACME-7</a>');
    expect(html).not.toContain(HOSTILE);
    const zh = renderReportHtml(client('zh-CN'));
    expect(zh).toContain('<h2 id="support">支持：客户报告的事务</h2>');
    expect(zh).toContain('<span class="key">ACME-7</span>');
  });

  it('no section without support data', () => {
    expect(renderReportMarkdown(aStatusReport())).not.toContain('Support: client');
    expect(renderReportHtml(aClientStatusReport())).not.toContain('id="support"');
  });
});
