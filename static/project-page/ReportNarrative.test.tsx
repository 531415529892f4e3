import { describe, expect, it } from 'vitest';
import { renderForTest } from '../shared/render-for-test';
import { aClientStatusReport, aStatusReport } from '../testing/status-report-builder';
import { ReportView } from './ReportView';

const drafted = {
  source: 'drafted' as const,
  text: 'Two issues were completed.\n\nNothing is waiting on the client.',
  sentences: [
    { topic: 'changed' as const, text: 'Two issues were completed.', evidence: [{ kind: 'issue' as const, id: 'ACME-2' }] },
    { topic: 'needs' as const, text: 'Nothing is waiting on the client.', evidence: [] },
  ],
};

describe('the narrative in a report view', () => {
  it('shows the team the drafted sentences, a paragraph per topic, each with its evidence linked to Jira', () => {
    const html = renderForTest(<ReportView report={{ ...aStatusReport(), narrative: drafted }} />);
    expect(html).toContain('data-source="drafted"');
    expect(html.match(/data-topic="/gu)).toHaveLength(2);
    expect(html).toMatch(/data-testid="narrative-evidence">.*\[<a href="[^"]*\/browse\/ACME-2"[^>]*>ACME-2<\/a>\]<\/span>/u);
  });

  it('shows the client the PM’s text as paragraphs, with no evidence', () => {
    const report = { ...aClientStatusReport(), narrative: { source: 'pm' as const, text: 'On course.\n\nThank you.', sentences: [] } };
    const html = renderForTest(<ReportView report={report} />);
    expect(html).toContain('data-source="pm"');
    expect(html).toMatch(/white-space:pre-line">On course\.<\/p><p [^>]*>Thank you\.<\/p><\/section>/u);
    expect(html).not.toContain('narrative-evidence');
  });

  it('keeps the PM’s single line breaks within a paragraph (list lines), shown as lines', () => {
    const text = 'Done this week:\n- one\n- two\n\nNext: launch.';
    const html = renderForTest(<ReportView report={{ ...aClientStatusReport(), narrative: { source: 'pm', text, sentences: [] } }} />);
    expect(html).toMatch(/white-space:pre-line">Done this week:\n- one\n- two<\/p><p [^>]*>Next: launch\.<\/p>/u);
  });

  it('shows nothing for a report without a narrative or with an empty one', () => {
    expect(renderForTest(<ReportView report={aStatusReport()} />)).not.toContain('report-narrative');
    const empty = { ...aClientStatusReport(), narrative: { source: 'pm' as const, text: '  ', sentences: [] } };
    expect(renderForTest(<ReportView report={empty} />)).not.toContain('report-narrative');
  });
});
