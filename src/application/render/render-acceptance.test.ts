import { describe, expect, it } from 'vitest';
import type { AcceptanceSubmissionJson } from '../../../contract/acceptance';
import { deriveStatusReport } from '../../domain/derive-status-report';
import { aProject, at, settingsWith } from '../../domain/testing/builders';
import { renderReportHtml } from './render-report-html';
import { renderReportMarkdown } from './render-report-markdown';

const NOW = at('2026-11-27T09:00:00Z');
const HOSTILE = '<img src=x onerror=alert(1)>';

function decided(id: string, state: 'accepted' | 'rejected', at: string, fixItems: string[] = [], comment = ''): AcceptanceSubmissionJson {
  return {
    id,
    milestone: { id: id.replace(/\D/gu, '') || '1', name: `Milestone ${id}` },
    submittedAt: '2026-11-01T09:00:00.000Z',
    submittedBy: 'pm',
    checklist: { issuesTotal: 1, issuesDone: 1, openIssues: [], standards: [], ready: true },
    override: false,
    releaseNotes: '',
    state,
    decision: {
      by: 'Ana Souza (client via status page)',
      at,
      comment,
      fixItems: fixItems.map((text, n) => ({ id: `fix-${String(n + 1)}`, text, jiraIssueKey: null })),
    },
  };
}

const acceptances = [
  decided('s1', 'accepted', '2026-11-25T10:00:00.000Z'),
  decided('s2', 'rejected', '2026-11-26T10:00:00.000Z', ['CSV has no header', HOSTILE], HOSTILE),
  // Before the period (a week back by default): not in this report.
  decided('s3', 'accepted', '2026-10-01T10:00:00.000Z'),
  { ...decided('s4', 'accepted', '2026-11-26T11:00:00.000Z'), state: 'submitted' as const, decision: null },
];

function report(audience: 'internal' | 'client', lang: 'en' | 'zh-CN') {
  return deriveStatusReport({ data: aProject({ acceptances }), settings: settingsWith({}), now: NOW, periodStart: null, audience, lang });
}

describe('the report’s client acceptance section', () => {
  it.each([
    ['internal', 'en'],
    ['client', 'en'],
    ['internal', 'zh-CN'],
    ['client', 'zh-CN'],
  ] as const)('%s, %s: the period’s decisions, oldest first, escaped in Markdown and HTML', (audience, lang) => {
    const derived = report(audience, lang);
    expect(derived.sections.acceptance?.map((d) => [d.milestone, d.state])).toEqual([
      ['Milestone s1', 'accepted'],
      ['Milestone s2', 'rejected'],
    ]);
    const md = renderReportMarkdown(derived, { timeZone: 'UTC' });
    const html = renderReportHtml(derived, { timeZone: 'UTC' });
    const heading = lang === 'en' ? 'Client acceptance' : '客户验收';
    expect(md).toContain(`\n## ${heading}\n`);
    expect(md).toContain(
      lang === 'en'
        ? 'Milestone s2: Rejected by Ana Souza (client via status page)'
        : 'Milestone s2：已拒绝，Ana Souza (client via status page)',
    );
    expect(md).toContain('CSV has no header');
    expect(md).not.toContain(HOSTILE);
    expect(html).toContain(`<h2 id="acceptance">${heading}</h2>`);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toContain('Milestone s3');
  });

  it('is absent when no decision falls in the period', () => {
    const derived = deriveStatusReport({
      data: aProject({ acceptances: [acceptances[2] as AcceptanceSubmissionJson] }),
      settings: settingsWith({}),
      now: NOW,
      periodStart: null,
      audience: 'client',
      lang: 'en',
    });
    expect(derived.sections.acceptance).toBeUndefined();
    expect(renderReportMarkdown(derived)).not.toContain('Client acceptance');
  });
});
