/** The narrative in the exports: Markdown and HTML, the team's with its evidence linked, the client's as plain prose. */
import { describe, expect, it } from 'vitest';
import { draftNarrative, toReportNarrative } from '../../../contract/i18n/draft-narrative';
import { aClientStatusReport, aStatusReport } from '../../../test/support/status-report-builder';
import { renderReportHtml } from './render-report-html';
import { renderReportMarkdown } from './render-report-markdown';

const HOSTILE = '<img src=x onerror=alert(1)> [x](http://evil.example)';
const issueUrl = (key: string) => `https://acme.example/browse/${key}`;

function withDraftedNarrative(lang: 'en' | 'zh-CN' = 'en') {
  const report = aStatusReport({ lang });
  return { ...report, narrative: toReportNarrative(draftNarrative(report), null, lang) };
}

describe('the narrative in the exports', () => {
  it('Markdown: the team’s drafted sentences, a paragraph per topic, each followed by its issues linked to Jira', () => {
    const text = renderReportMarkdown(withDraftedNarrative(), { issueUrl });
    const section = text.slice(text.indexOf('## Narrative'), text.indexOf('## Health by dimension'));
    expect(section).toContain(
      '2 issues were completed in the period: “Checkout page loads slowly” and “Fix footer”. ([ACME-2](https://acme.example/browse/ACME-2), [ACME-3](https://acme.example/browse/ACME-3))',
    );
    expect(section.trim().split('\n\n')).toHaveLength(5);
  });

  it('Markdown and HTML: the client’s narrative as the PM wrote it, escaped, with no evidence and no link', () => {
    const client = { ...aClientStatusReport(), narrative: { source: 'pm' as const, text: `On course.\n\n${HOSTILE}`, sentences: [] } };
    const markdown = renderReportMarkdown(client);
    expect(markdown).toContain('## Narrative\n\nOn course.\n\n&lt;img src=x onerror=alert(1)> \\[x\\](http://evil.example)');
    const html = renderReportHtml(client);
    expect(html).toContain('data-narrative="pm"');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/href="http:\/\/evil/u);
  });

  it('HTML: the PM’s line breaks within a paragraph read as lines, escaped', () => {
    const client = { ...aClientStatusReport(), narrative: { source: 'pm' as const, text: `Done:\n- one\n- ${HOSTILE}`, sentences: [] } };
    const html = renderReportHtml(client);
    expect(html).toMatch(/Done:<br \/>- one<br \/>- &lt;img src=x onerror=alert\(1\)&gt;/u);
    expect(html).not.toContain('<img');
  });

  it('HTML: the team’s sentences with their issue keys linked; in Chinese the sentences join without spaces', () => {
    const html = renderReportHtml(withDraftedNarrative('zh-CN'), { issueUrl });
    expect(html).toMatch(/<section aria-labelledby="narrative" data-narrative="drafted">/u);
    expect(html).toContain('href="https://acme.example/browse/ACME-8"');
    expect(html).toContain('报告说明');
  });

  it('leaves the section out when there is no narrative', () => {
    expect(renderReportMarkdown(aStatusReport())).not.toContain('## Narrative');
    expect(renderReportHtml(aClientStatusReport())).not.toContain('data-narrative');
  });
});
