import { describe, expect, it } from 'vitest';
import type { SupportSectionJson } from '../../../contract/support-report';
import { aClientStatusReport, aStatusReport } from '../../../test/support/status-report-builder';
import { renderForTest, textOfTestId } from '../../shared/render-for-test';
import { ReportView } from '../ReportView';
import { SupportPanel } from './SupportPanel';

const OVERDUE = {
  key: 'ACME-7',
  summary: 'Export fails',
  created: '2026-03-16T08:00:00.000Z',
  response: 'overdue',
  resolution: 'overdue',
} as const;
const support: SupportSectionJson = {
  responseHours: 8,
  resolutionHours: 40,
  total: 3,
  response: { met: 1, breached: 0, running: 1, overdue: 1 },
  resolution: { met: 0, breached: 1, running: 0, overdue: 2 },
  overdue: [OVERDUE],
  overdueTotal: 2,
};

describe('SupportPanel', () => {
  it('shows nothing outside the support phase', () => {
    expect(renderForTest(<SupportPanel report={aStatusReport()} />)).not.toContain('support-panel');
  });

  it('counts per target and links the overdue issues into Jira', () => {
    const html = renderForTest(<SupportPanel report={aStatusReport({ sections: { ...aStatusReport().sections, support } })} />);
    expect(textOfTestId(html, 'support-total')).toBe('3 client-reported issues tracked against the support targets.');
    expect(html).toMatch(
      /data-testid="support-target-response"><th scope="row">First response within 8 h<\/th><td>1<\/td><td>0<\/td><td>1<\/td><td>1<\/td>/u,
    );
    expect(html).toMatch(/<a [^>]*href="[^"]*ACME-7[^"]*"[^>]*>ACME-7<\/a>/u);
    expect(textOfTestId(html, 'support-more')).toBe('…and 1 more');
  });

  it('lists the first five overdue issues and counts the rest; the report lists all it holds', () => {
    const seven = Array.from({ length: 7 }, (_, i) => ({ ...OVERDUE, key: `ACME-${String(10 + i)}` }));
    const many = { ...support, overdue: seven, overdueTotal: 9 };
    const html = renderForTest(<SupportPanel report={aStatusReport({ sections: { ...aStatusReport().sections, support: many } })} />);
    expect(html.match(/data-testid="support-overdue-issue"/gu)).toHaveLength(5);
    expect(textOfTestId(html, 'support-more')).toBe('…and 4 more');
    const report = renderForTest(<ReportView report={aStatusReport({ sections: { ...aStatusReport().sections, support: many } })} />);
    expect(report.match(/data-testid="support-overdue-issue"/gu)).toHaveLength(7);
  });

  it('in Chinese', () => {
    const html = renderForTest(
      <SupportPanel report={aStatusReport({ lang: 'zh-CN', sections: { ...aStatusReport().sections, support } })} />,
      { locale: 'zh-CN' },
    );
    expect(html).toContain('支持：客户报告的事务');
    expect(html).toContain('首次响应时限 8 小时');
  });
});

describe('the report’s support section', () => {
  it('the client’s report shows it with plain keys', () => {
    const html = renderForTest(<ReportView report={aClientStatusReport({ sections: { ...aClientStatusReport().sections, support } })} />);
    expect(html).toContain('data-testid="report-support"');
    expect(html).toContain('ACME-7');
    expect(html).not.toMatch(/<a [^>]*>ACME-7<\/a>/u);
  });
});
