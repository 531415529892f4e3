import { describe, expect, it } from 'vitest';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { aDimension, aMeasure, anIssueRef, aStatusReport } from '../testing/status-report-builder';
import { aRunningSync, aSyncStatus, SYNC_NOW } from '../testing/sync-builders';
import { HealthSkeleton } from './HealthSkeleton';
import { NeedsAttention } from './NeedsAttention';

const open = (key: string, due: string | null) =>
  anIssueRef({ key, summary: `Summary ${key}`, due, status: { name: 'To Do', category: 'new' } });
const keysIn = (html: string) => [...html.matchAll(/data-issue-key="([^"]+)"/gu)].map((match) => match[1]);

function reportWithOverdue(count: number) {
  const report = aStatusReport({ generatedAt: '2025-03-14T09:30:00.000Z', issueRisks: [] });
  const issues = Array.from({ length: count }, (_, i) => open(`ACME-${String(100 + i)}`, `2025-02-${String(10 + i).padStart(2, '0')}`));
  report.dimensions.schedule = aDimension({
    measures: [
      aMeasure({
        id: 'overdueShare',
        whyCode: { code: 'overdueShare', params: { overdue: count, dated: 40, share: count / 40 } },
        evidence: issues.map((issue) => issue.key),
      }),
    ],
  });
  report.sections.nextUp = issues;
  report.sections.risks = { flagged: [], topRisks: [], blocked: [{ issue: open('ACME-7', null), blockedBy: ['ACME-9'] }] };
  report.sections.waitingOnClient = [{ ...open('ACME-8', null), wait: { days: 12, since: '2026-11-15', estimated: false } }];
  return report;
}

describe('NeedsAttention', () => {
  it('lists overdue (marked), blocked and waiting issues with their counts, the first five of each', () => {
    const html = renderForTest(<NeedsAttention report={reportWithOverdue(7)} />);
    expect(textOfTestId(html, 'attention-overdue')?.startsWith('Overdue (7)')).toBe(true);
    const overdue = /data-testid="attention-overdue-list"[^]*?<\/ul>/u.exec(html)?.[0] ?? '';
    expect(keysIn(overdue)).toEqual(['ACME-100', 'ACME-101', 'ACME-102', 'ACME-103', 'ACME-104']);
    expect(textOfTestId(overdue, 'overdue-mark')).toBe('overdue by 32 days');
    expect(html).toContain('Show all 7');
    expect(textOfTestId(html, 'attention-blocked')).toContain('Blocked (1)');
    expect(textOfTestId(html, 'attention-blocked')).toContain('Blocked by ACME-9');
    expect(textOfTestId(html, 'attention-waiting')).toContain('Waiting on the client longest (1)');
    expect(textOfTestId(html, 'attention-waiting')).toContain('Waiting 12 days');
  });

  it('says so when nothing needs attention, and speaks Chinese', () => {
    const report = aStatusReport({ issueRisks: [] });
    report.dimensions.schedule = aDimension({ measures: [] });
    report.sections = {
      ...report.sections,
      inProgress: [],
      nextUp: [],
      waitingOnClient: [],
      risks: { flagged: [], blocked: [], topRisks: [] },
    };
    expect(textOfTestId(renderForTest(<NeedsAttention report={report} />), 'attention-none')).toBe(
      'Nothing is overdue, blocked or waiting on the client.',
    );
    const zh = renderForTest(<NeedsAttention report={reportWithOverdue(2)} />, { locale: 'zh-CN' });
    expect(zh).toContain('需要关注');
    expect(zh).toContain('已逾期（2）');
    expect(zh).toContain('逾期 32 天');
  });
});

describe('HealthSkeleton', () => {
  it('says what a slow load is doing: the read’s progress, the snapshot’s age, a first read', () => {
    const caption = (status: Parameters<typeof aSyncStatus>[0] | null, locale = 'en-US') =>
      textOfTestId(
        renderForTest(<HealthSkeleton watch={{ status: status === null ? null : aSyncStatus(status) }} nowMs={SYNC_NOW} />, { locale }),
        'health-loading-caption',
      );
    expect(
      textOfTestId(renderForTest(<HealthSkeleton watch={{ status: aRunningSync(12, 40) }} nowMs={SYNC_NOW} />), 'health-loading-caption'),
    ).toBe('Reading issues: 12 of ~40. Health appears when the read ends.');
    expect(caption({ state: 'idle', asOf: '2026-11-27T09:00:00.000Z' })).toBe('Loading the snapshot read 12 minutes ago…');
    expect(caption({ state: 'never', asOf: null })).toBe(
      'Reading the project from Jira for the first time. Health appears when the read ends.',
    );
    expect(caption(null)).toBe('Checking how up to date the data is…');
    expect(caption({ state: 'idle', asOf: '2026-11-27T09:00:00.000Z' }, 'zh-CN')).toBe('正在加载12分钟前读取的快照…');
  });
});
