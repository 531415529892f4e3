/**
 * The risk register in the status report (issue 10, DESIGN §5.2 "open register risks"): derived
 * for both audiences and rendered as JSON, Markdown and HTML, in English and Chinese.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clientStatusReportSchema } from '../../../contract/client-report';
import { statusReportSchema } from '../../../contract/report';
import { deriveStatusReport } from '../../domain/derive-status-report';
import type { RegisterRiskEntry } from '../../domain/risk-register';
import { anIssue, aProject, at, settingsWith } from '../../domain/testing/builders';
import { renderReportHtml } from './render-report-html';
import { renderReportMarkdown } from './render-report-markdown';

const NOW = at('2026-03-10T12:00:00Z');
const entry = (over: Partial<RegisterRiskEntry>): RegisterRiskEntry => ({
  id: 'r',
  title: 'Title',
  clientWording: '',
  clientVisible: false,
  probability: 3,
  impact: 3,
  status: 'open',
  ownerName: '',
  mitigation: '',
  due: null,
  linkedIssueKeys: [],
  jiraIssueKey: null,
  ...over,
});
const data = aProject({
  issues: [anIssue({ key: 'ACME-50', labels: ['internal'] })],
  registerRisks: [
    entry({
      id: 'vendor',
      title: 'Vendor API late (they ignore our mails)',
      probability: 4,
      impact: 5,
      status: 'mitigating',
      ownerName: 'Pat',
      mitigation: 'Mock the API',
      due: '2026-03-01',
      linkedIssueKeys: ['ACME-50'],
      jiraIssueKey: 'ACME-77',
      clientVisible: true,
      clientWording: 'The payment provider may deliver late; see ACME-50',
    }),
    entry({ id: 'staff', title: 'Key developer may leave', probability: 2, impact: 4, mitigation: 'Pair on payments' }),
    entry({ id: 'old', title: 'Closed one', status: 'closed', clientVisible: true, clientWording: 'Closed wording' }),
  ],
});
const base = { data, settings: settingsWith({}), now: NOW, periodStart: null, override: null, previousDimensions: null };

describe('the report lists open register risks beside the derived ones', () => {
  it.each(['en', 'zh-CN'] as const)('gives the team every open register risk with its rating and notes (%s)', (lang) => {
    const report = deriveStatusReport({ ...base, audience: 'internal', lang });
    expect(statusReportSchema.parse(report)).toEqual(report);
    expect(report.sections.registerRisks).toEqual([
      {
        id: 'vendor',
        title: 'Vendor API late (they ignore our mails)',
        score: 20,
        level: 'high',
        probability: 4,
        impact: 5,
        status: 'mitigating',
        ownerName: 'Pat',
        mitigation: 'Mock the API',
        due: '2026-03-01',
        overdue: true,
        linkedIssueKeys: ['ACME-50'],
        jiraIssueKey: 'ACME-77',
        clientVisible: true,
      },
      expect.objectContaining({ title: 'Key developer may leave', score: 8, level: 'medium', overdue: false }),
    ]);
  });

  it.each(['en', 'zh-CN'] as const)(
    'gives the client only client-visible open risks, in client wording, hidden keys masked (%s)',
    (lang) => {
      const report = deriveStatusReport({ ...base, audience: 'client', lang });
      expect(clientStatusReportSchema.parse(report)).toEqual(report);
      expect(report.sections.registerRisks).toEqual([
        {
          id: 'vendor',
          text:
            lang === 'en'
              ? 'The payment provider may deliver late; see an internal task'
              : 'The payment provider may deliver late; see 一项内部任务',
          level: 'high',
          status: 'mitigating',
        },
      ]);
      const json = JSON.stringify(report);
      for (const secret of [
        'Vendor API',
        'ignore our mails',
        'Mock the API',
        'Pat',
        'ACME-77',
        'ACME-50',
        'Key developer',
        'Closed wording',
      ])
        expect(json).not.toContain(secret);
    },
  );

  it('renders them in Markdown and HTML for the team, the overdue mitigation in bold (English)', () => {
    const report = deriveStatusReport({ ...base, audience: 'internal', lang: 'en' });
    const markdown = renderReportMarkdown(report, { timeZone: 'UTC' });
    expect(markdown).toContain('### Register risks');
    expect(markdown).toContain(
      '- **Vendor API late (they ignore our mails)** — High risk · score 20: probability 4 × impact 5 · being mitigated · owner Pat · mitigation: Mock the API · mitigation overdue since Mar 1, 2026 · linked ACME-50 · tracked in ACME-77 · shared with the client\n',
    );
    expect(markdown).toContain(
      '- Key developer may leave — Medium risk · score 8: probability 2 × impact 4 · open · mitigation: Pair on payments\n',
    );
    const html = renderReportHtml(report, { timeZone: 'UTC' });
    expect(html).toContain('<h3>Register risks</h3>');
    expect(html).toMatch(/<strong>Vendor API late \(they ignore our mails\)<\/strong>/u);
  });

  it('renders the client wording in Chinese without the team’s notes', () => {
    const report = deriveStatusReport({ ...base, audience: 'client', lang: 'zh-CN' });
    const markdown = renderReportMarkdown(report, { timeZone: 'Asia/Shanghai' });
    expect(markdown).toContain('### 登记的风险');
    expect(markdown).toContain('- The payment provider may deliver late; see 一项内部任务 — 高风险 · 缓解中');
    const html = renderReportHtml(report, { timeZone: 'Asia/Shanghai' });
    expect(html).toContain('<h3>登记的风险</h3>');
    expect(html).toContain('高风险 · 缓解中');
    for (const text of [markdown, html]) expect(text).not.toMatch(/Mock the API|Vendor API|ACME-77/u);
  });

  it('says so when there is no open register risk', () => {
    const report = deriveStatusReport({ ...base, data: aProject(), audience: 'internal', lang: 'en' });
    expect(report.sections.registerRisks).toEqual([]);
    expect(renderReportMarkdown(report)).toMatch(/### Register risks\n\nNothing to report\./u);
  });
});

describe('property: no register risk note reaches the client', () => {
  const statusArb = fc.constantFrom<RegisterRiskEntry['status'][]>('open', 'mitigating', 'occurred', 'closed');
  const riskArb = fc.record({
    n: fc.nat({ max: 1_000_000 }),
    probability: fc.integer({ min: 1, max: 5 }),
    impact: fc.integer({ min: 1, max: 5 }),
    status: statusArb,
    clientVisible: fc.boolean(),
    due: fc.option(fc.constantFrom('2026-01-01', '2026-03-10', '2026-12-31'), { nil: null }),
  });

  it('shows exactly the open client-visible risks, in their wording, and none of the team’s fields, in every output and language', () => {
    fc.assert(
      fc.property(fc.array(riskArb, { maxLength: 8 }), (specs) => {
        const entries = specs.map((s, i) =>
          entry({
            ...s,
            id: `r${String(i)}`,
            title: `SECRET-TITLE-${String(i)}`,
            mitigation: `SECRET-MITIGATION-${String(i)}`,
            ownerName: `SECRET-OWNER-${String(i)}`,
            linkedIssueKeys: ['ACME-50'],
            jiraIssueKey: 'ACME-77',
            clientWording: s.clientVisible ? `Shared wording ${String(i)}` : `UNSHARED-WORDING-${String(i)}`,
          }),
        );
        const shown = entries.filter((e) => e.clientVisible && (e.status === 'open' || e.status === 'mitigating'));
        for (const lang of ['en', 'zh-CN'] as const) {
          const report = deriveStatusReport({ ...base, data: { ...data, registerRisks: entries }, audience: 'client', lang });
          expect(report.sections.registerRisks?.map((r) => r.text).sort()).toEqual(shown.map((e) => e.clientWording).sort());
          for (const output of [JSON.stringify(report), renderReportMarkdown(report), renderReportHtml(report)]) {
            expect(output).not.toMatch(/SECRET-|UNSHARED-WORDING|ACME-77|ACME-50/u);
            for (const e of shown) expect(output).toContain(e.clientWording);
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});
