import { describe, expect, it } from 'vitest';
import { anApprovedRequest, aChangeRequest } from '../../../test/support/change-builders';
import { deriveStatusReport } from '../../domain/derive-status-report';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { aMilestone, aProject, at } from '../../domain/testing/builders';
import { renderReportHtml } from './render-report-html';
import { renderReportMarkdown } from './render-report-markdown';

const NOW = at('2026-03-20T12:00:00Z');
const data = aProject({
  milestones: [aMilestone({ id: '10001', name: 'Release 1', releaseDate: '2026-05-01' })],
  changeRequests: [
    anApprovedRequest('2026-03-18T10:00:00.000Z', {
      id: 'sso',
      title: 'Single sign-on',
      linkedIssueKeys: ['ACME-7'],
      milestone: { id: '10001', name: 'Release 1', newTarget: '2026-06-01', originalTarget: '2026-05-01' },
    }),
    aChangeRequest({
      id: 'audit',
      title: 'Audit log',
      status: 'assessing',
      createdAt: '2026-03-19T09:00:00.000Z',
      updatedAt: '2026-03-19T09:00:00.000Z',
    }),
  ],
});
const report = (audience: 'internal' | 'client', lang: 'en' | 'zh-CN') =>
  deriveStatusReport({ data, settings: DEFAULT_SETTINGS, now: NOW, periodStart: null, audience, lang });

describe('the change-request section as rendered', () => {
  it('Markdown, internal, English: totals, then each request with its decision, impact, milestone move and issues', () => {
    const text = renderReportMarkdown(report('internal', 'en'));
    const section = text.slice(text.indexOf('## Change requests'), text.indexOf('## Decisions'));
    expect(section).toBe(
      [
        '## Change requests',
        '',
        '1 new · 1 approved (+5 days · +40 h · €12,000.00) · 0 rejected · 0 awaiting the client (No impact stated)',
        '',
        '- **Audit log**: Single sign-on with the client’s identity provider. — Assessing · +5 days · +40 h · €12,000.00 · Two more screens · Requested by Li Na · New',
        '- **Single sign-on**: Single sign-on with the client’s identity provider. — Approved by Li Na on Mar 18, 2026 · +5 days · +40 h · €12,000.00 · Two more screens · Requested by Li Na · Release 1: May 1, 2026 → Jun 1, 2026 · Issues: ACME-7',
        '',
        '',
      ].join('\n'),
    );
    // The milestone row shows the re-baselined target with the original.
    expect(text).toMatch(/Jun 1, 2026 \(was May 1, 2026\)/u);
  });

  it('Markdown, client, Chinese: only what was put to the client, without Jira keys or internal notes', () => {
    const text = renderReportMarkdown(report('client', 'zh-CN'));
    const section = text.slice(text.indexOf('## 变更请求'), text.indexOf('## 决定事项'));
    expect(section).toContain('**Single sign-on**');
    expect(section).toContain('Li Na 于 2026年3月18日 批准');
    expect(section).toContain('+5 天');
    expect(section).not.toContain('Audit log');
    expect(section).not.toContain('ACME-7');
    expect(text).not.toContain('platform team');
  });

  it('HTML, both audiences: a section with its heading, totals and escaped text', () => {
    const internal = renderReportHtml(report('internal', 'en'));
    expect(internal).toContain('<h2 id="change-requests">Change requests</h2>');
    expect(internal).toContain('<strong>Single sign-on</strong>');
    expect(internal).toContain('Issues: ACME-7');
    const client = renderReportHtml(report('client', 'en'));
    expect(client).toContain('<h2 id="change-requests">Change requests</h2>');
    expect(client).not.toContain('ACME-7');
    expect(client).not.toContain('Audit log');
  });
});
