import { resolverContract } from '../../contract/resolvers';
import { describe, expect, it } from 'vitest';
import { clientVisibilityHint } from '../../contract/i18n/render-status-report';
import { createBridgeBackendClient } from '../shared/backend-client';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { aClientStatusReport, aStatusReport } from '../testing/status-report-builder';
import { DraftReportPanel } from './DraftReportPanel';
import { reportPayloadOf } from './report-payload';

describe('DraftReportPanel', () => {
  it('opens on the internal report, with an accessible audience toggle', () => {
    const html = renderForTest(<DraftReportPanel internal={aStatusReport()} />);
    expect(html).toContain('role="group" aria-label="Report audience"');
    expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*data-testid="audience-internal"[^>]*>Internal</u);
    expect(html).toMatch(/<button[^>]*aria-pressed="false"[^>]*data-testid="audience-client"[^>]*>Client preview</u);
    expect(html).toContain('data-audience="internal"');
    expect(html).not.toContain('client-preview-banner');
  });

  it('in client preview, says so in a banner and loads the client version', () => {
    const html = renderForTest(<DraftReportPanel internal={aStatusReport()} initialAudience="client" />);
    expect(html).toMatch(/<button[^>]*aria-pressed="true"[^>]*data-testid="audience-client"/u);
    expect(textOfTestId(html, 'client-preview-banner')).toContain('This is what the client sees');
    expect(html).toMatch(/role="status" aria-label="Loading the draft status report"/u);
    expect(html).not.toContain('data-audience="internal"');
    expect(textOfTestId(html, 'client-visibility-counts')).toBe(
      'The client sees 9 of 14 issues: 2 are internal and 3 are not marked for the client.',
    );
    expect(html).not.toContain('client-visibility-hint');
  });

  it.each([
    ['types', 9, 2, 'The client sees 9 of 14 issues: 2 are internal and 3 are of issue types not chosen for the client.'],
    ['all', 12, 2, 'The client sees 12 of 14 issues; 2 are internal.'],
    ['marked', 12, 2, 'The client sees 12 of 14 issues; 2 are internal.'],
  ] as const)('accounts for every issue the client does not see (%s mode, %i shown)', (mode, shown, internal, sentence) => {
    const report = aStatusReport();
    report.clientVisibility = { ...report.clientVisibility, mode, shown, internal, total: 14 };
    const html = renderForTest(<DraftReportPanel internal={report} initialAudience="client" />);
    expect(textOfTestId(html, 'client-visibility-counts')).toBe(sentence);
  });

  it.each([
    [
      'en',
      'Nothing is shown to the client yet: add the label `client` to the epics or issues the client should see, or change the visibility in Settings.',
    ],
    ['zh-CN', '目前没有任何内容向客户显示：请为客户应看到的史诗或事务添加标签 `client`，或在设置中更改可见性。'],
  ] as const)('in client preview, tells the PM how to show work when the client sees nothing (%s)', (lang, hint) => {
    const internal = aStatusReport();
    internal.clientVisibility = {
      ...internal.clientVisibility,
      shown: 0,
      hint: clientVisibilityHint({ ...internal.clientVisibility, shown: 0 }, lang),
    };
    const html = renderForTest(<DraftReportPanel internal={internal} initialAudience="client" />);
    expect(textOfTestId(html, 'client-visibility-hint')).toBe(hint);
  });
});

describe('reportPayloadOf', () => {
  it('keeps one payload object per audience and language, so switching back does not refetch by accident', () => {
    expect(reportPayloadOf('client', 'en')).toBe(reportPayloadOf('client', 'en'));
    expect(reportPayloadOf('internal', 'en')).toEqual({ audience: 'internal', lang: 'en' });
    expect(reportPayloadOf('internal', 'zh-CN')).toEqual({ audience: 'internal', lang: 'zh-CN' });
  });

  it('client preview asks the backend for the client audience', async () => {
    const calls: unknown[] = [];
    const backend = createBridgeBackendClient(resolverContract, (functionKey, payload) => {
      calls.push({ functionKey, payload });
      return Promise.resolve({ ok: true, data: aClientStatusReport() });
    });
    const result = await backend.call('project/report', reportPayloadOf('client', 'zh-CN'));
    expect(calls).toEqual([{ functionKey: 'project/report', payload: { audience: 'client', lang: 'zh-CN' } }]);
    expect(result.ok && result.data.audience).toBe('client');
  });
});
