import { describe, expect, it } from 'vitest';
import { aStatusReport, anIssueRef } from '../../../test/support/status-report-builder';
import { escapeMarkdown, renderReportMarkdown } from './render-report-markdown';

describe('renderReportMarkdown', () => {
  it('renders every section with headings', () => {
    const text = renderReportMarkdown(aStatusReport());
    expect(text.startsWith('# Status report: Acme Customer Portal (ACME)\n')).toBe(true);
    for (const heading of [
      '## Overall health',
      '## Health by dimension',
      '## Completed',
      '## In progress',
      '## Next up',
      '## Milestones',
      '## Risks',
      '### Flagged',
      '### Blocked',
      '### Top risks',
      '## Waiting on client',
      '## Issue risks',
      '## Data quality',
    ]) {
      expect(text).toContain(`\n${heading}\n`);
    }
    expect(text).toContain('| Schedule | Amber, sustained | Milestone slip: +4 days (Amber) |');
    expect(text).toContain('| Release 2 | Amber | 2026-12-11 (first target 2026-12-04) | 2026-12-15 | +4 | 12/20 issues · 30/55 points |');
    expect(text).toContain('- **ACME-6** Go-live checklist (In Progress · due 2026-12-04 · Ana Souza) — blocked by ACME-9');
  });

  it('uses Chinese headings for zh-CN', () => {
    const text = renderReportMarkdown(aStatusReport({ lang: 'zh-CN' }));
    for (const heading of ['# 项目状态报告', '## 整体健康度', '## 里程碑', '## 等待客户', '## 数据质量']) expect(text).toContain(heading);
  });

  it('escapes Jira text so it cannot add links, HTML or table cells', () => {
    const report = aStatusReport();
    report.sections.inProgress = [anIssueRef({ summary: '[click](http://evil) <b>x</b> a|b\nnext' })];
    const text = renderReportMarkdown(report);
    expect(text).toContain('\\[click\\](http://evil) \\<b\\>x\\</b\\> a\\|b next');
    expect(escapeMarkdown('*bold* _it_ `code`')).toBe('\\*bold\\* \\_it\\_ \\`code\\`');
  });

  it('omits data quality for the client and says "None." for empty lists', () => {
    const report = aStatusReport({ audience: 'client', dataQuality: [] });
    report.sections.waitingOnClient = [];
    const text = renderReportMarkdown(report);
    expect(text).not.toContain('Data quality');
    expect(text).toContain('## Waiting on client\n\nNone.');
  });
});
