/**
 * The status page's "What we committed to" section (issue 13) over an in-memory store: shown only
 * when the link selects it, in HTML and JSON, in both languages; the sentences follow the stored
 * settings (enabled dimensions only) and the engagement (quality standards, support targets); no
 * internal data (budget, scope, client labels, issue types, amber bounds) reaches it; report links
 * show it too; a PM's standard text is escaped.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract';
import { EMPTY_ENGAGEMENT, type EngagementJson } from '../../contract/engagement';
import type { ProjectSettingsJson } from '../../contract/settings';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { engagementKind, settingsKind } from '../../src/application/records/record-kinds';
import { serveSharedPage } from '../../src/application/share/serve-shared-page';
import type { SharedPageContent } from '../../src/application/share/shared-page-content';
import type { RecordStore } from '../../src/application/storage';
import { aMilestone, anIssue, aProject, settingsWith } from '../../src/domain/testing/builders';
import { aLink, ALL_SECTIONS, aView, givenSnapshot } from '../support/shared-page-builders';

const NOW = new Date('2026-03-10T12:00:00Z');

const ENGAGEMENT: EngagementJson = {
  ...EMPTY_ENGAGEMENT,
  clientName: 'Zq1Client',
  scope: 'Zq2Scope internal statement',
  budget: { hours: 1234, money: { amount: 98765, currency: 'EUR' } },
  qualityStandards: [
    { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] },
    { id: 'q2', kind: 'text', text: 'Accessibility <b>audit</b> & "review" passed' },
  ],
  support: { responseHours: 8, resolutionHours: 72, clientLabel: 'zq3-label', clientIssueTypeIds: ['10987'] },
  phase: 'support',
};

const SETTINGS: ProjectSettingsJson = {
  ...DEFAULT_PROJECT_SETTINGS,
  disabledDimensions: ['cost', 'communication'],
  thresholds: { ...DEFAULT_PROJECT_SETTINGS.thresholds, slipGreenDays: 3, slipAmberDays: 9, overdueGreen: 0.1, overdueAmber: 0.3 },
};

async function givenProject(engagement: EngagementJson | null = ENGAGEMENT): Promise<RecordStore> {
  const records = new InMemoryRecordStore();
  await givenSnapshot(
    records,
    aProject({
      issues: [anIssue({ key: 'ACME-2', labels: ['client'], fixVersions: ['100'] })],
      milestones: [aMilestone({ id: '100', name: 'Beta' })],
    }),
    settingsWith({}),
    NOW.getTime(),
  );
  await records.document(settingsKind, '1').save(SETTINGS, 0);
  if (engagement !== null) await records.document(engagementKind, '1').save(engagement, 0);
  return records;
}
const serve = (records: RecordStore, link = aLink(), request = aView()) => serveSharedPage({ records, now: NOW }, link, request);
const json = async (records: RecordStore, link = aLink(), query: Record<string, string> = {}) =>
  JSON.parse((await serve(records, link, aView({ ...query, format: 'json' }))).response.body) as SharedPageContent;

const INTERNAL = /Zq1Client|Zq2Scope|1234|98765|zq3-label|10987|30%|ACME-2/u;

describe('the commitments section', () => {
  it('lists the enabled targets, the standards and the support targets, in JSON and HTML, and nothing internal', async () => {
    const records = await givenProject();
    const content = await json(records);
    expect(content.commitments).toEqual({
      groups: [
        {
          group: 'kpi',
          items: [
            'Milestones delivered no more than 3 days after their target',
            'Fewer than 10% of issues with a due date overdue',
            'Work added to a milestone after its scope was agreed kept to at most 10% of that scope',
            'No open top-priority bug',
            'Fewer than 5% of completed issues reopened within 30 days',
            'An average satisfaction of at least 4 out of 5',
            'A follow-up within 5 days on any rating of 2 or below',
          ],
        },
        { group: 'quality', items: ['No open bug at priority Highest at acceptance', 'Accessibility <b>audit</b> & "review" passed'] },
        {
          group: 'support',
          items: ['First response to issues you report within 8 hours', 'Issues you report resolved within 72 hours'],
        },
      ],
    });
    const html = (await serve(records)).response.body;
    expect(html).toContain('<h2 id="commitments">What we committed to</h2>');
    expect(html).toContain('<li>Milestones delivered no more than 3 days after their target</li>');
    expect(html).toContain('<li>Accessibility &lt;b&gt;audit&lt;/b&gt; &amp; &quot;review&quot; passed</li>');
    expect(html).not.toContain('<b>audit</b>');
    const section = /<section aria-labelledby="commitments">[\s\S]*?<\/section>/u.exec(html)?.[0] ?? '';
    expect(section).not.toBe('');
    expect(section).not.toMatch(INTERNAL);
    expect(section).not.toMatch(/Effort|communication plan/u);
    expect(JSON.stringify(content.commitments)).not.toMatch(INTERNAL);
  });

  it('speaks Simplified Chinese with ?lang=zh-CN', async () => {
    const records = await givenProject();
    const content = await json(records, aLink(), { lang: 'zh-CN' });
    expect(content.commitments?.groups[0]?.items.slice(0, 2)).toEqual([
      '里程碑最迟在目标日期后 3 天内交付',
      '有到期日的事务中逾期的少于 10%',
    ]);
    expect(content.commitments?.groups[2]?.items).toEqual(['您报告的事务在 8 小时内首次响应', '您报告的事务在 72 小时内解决']);
    const html = (await serve(records, aLink({ lang: 'zh-CN' }))).response.body;
    expect(html).toContain('<h2 id="commitments">我们的承诺</h2>');
    expect(html).toContain('<h3>质量标准</h3>');
  });

  it('is absent when the link does not select it, in HTML and JSON', async () => {
    const records = await givenProject();
    const link = aLink({ sections: ALL_SECTIONS.filter((s) => s !== 'commitments') });
    expect('commitments' in (await json(records, link))).toBe(false);
    const html = (await serve(records, link)).response.body;
    expect(html).not.toContain('id="commitments"');
    expect(html).not.toContain('Milestones delivered');
  });

  it('shows the targets alone before an engagement is recorded', async () => {
    const records = await givenProject(null);
    const content = await json(records, aLink({ sections: ['commitments'] }));
    expect(content.commitments?.groups.map((g) => g.group)).toEqual(['kpi']);
  });
});
