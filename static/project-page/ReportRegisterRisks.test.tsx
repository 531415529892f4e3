import { describe, expect, it } from 'vitest';
import { renderForTest } from '../shared/render-for-test';
import { aClientStatusReport, aStatusReport } from '../testing/status-report-builder';
import { ReportView } from './ReportView';

const risk = {
  title: 'Vendor API late',
  score: 20,
  level: 'high' as const,
  probability: 4,
  impact: 5,
  status: 'mitigating' as const,
  ownerName: 'Pat',
  mitigation: 'Mock the API',
  due: '2025-03-01',
  overdue: true,
  linkedIssueKeys: ['ACME-5'],
  jiraIssueKey: 'ACME-77',
  clientVisible: true,
};

describe('ReportView: register risks', () => {
  it('lists the team’s open register risks in the risks section with rating, mitigation and keys', () => {
    const base = aStatusReport();
    const html = renderForTest(<ReportView report={{ ...base, sections: { ...base.sections, registerRisks: [risk] } }} />);
    expect(html).toContain('Register risks');
    expect(html).toMatch(/data-testid="report-register-risk" data-overdue="true"/u);
    expect(html).toContain('score 20: probability 4 × impact 5');
    expect(html).toContain('mitigation: Mock the API');
    expect(html).toContain('mitigation overdue since Mar 1, 2025');
    expect(html).toContain('ACME-77');
  });

  it('shows the client its client wording only, in Chinese', () => {
    const base = aClientStatusReport({ lang: 'zh-CN' });
    const html = renderForTest(
      <ReportView
        report={{
          ...base,
          sections: { ...base.sections, registerRisks: [{ text: '支付供应商可能延期交付', level: 'high', status: 'open' }] },
        }}
      />,
      { locale: 'zh-CN' },
    );
    expect(html).toContain('登记的风险');
    expect(html).toContain('支付供应商可能延期交付');
    expect(html.replaceAll('<!-- -->', '')).toContain('— 高风险 · 未处理');
    expect(html).not.toContain('Mock the API');
  });
});
