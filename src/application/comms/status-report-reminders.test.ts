/**
 * The optional schedule of issue 11 — "publish and send every Friday 16:00 Europe/Berlin after my
 * review" — is a status-report series of the communication plan: the daily job reminds its
 * owner that the draft is ready for review, and never publishes or sends a report itself.
 */
import { describe, expect, it } from 'vitest';
import type { CommsPlanJson } from '../../../contract/comms';
import { formatDueInZone } from '../../../contract/i18n/report-schedule-messages';
import { aClientStakeholder, aPlan, aSeries, aStakeholder } from '../../../test/support/comms-builders';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import type { IssueWriter, NewIssue } from '../ports';
import { publishedReportKind } from '../records/record-kinds';
import { listAll } from '../storage';
import { saveCommsPlan } from './comms-plan';
import { sendTouchpointReminders } from './send-touchpoint-reminders';

const PROJECT = { id: '10000', key: 'ACME' };

class RecordingIssueWriter implements IssueWriter {
  readonly issues: (NewIssue & { key: string })[] = [];
  readonly notifications: { issueKey: string; subject: string; textBody: string; accountIds: readonly string[] }[] = [];
  createIssue(issue: NewIssue): Promise<{ key: string }> {
    const key = `ACME-${String(900 + this.issues.length)}`;
    this.issues.push({ ...issue, key });
    return Promise.resolve({ key });
  }
  findIssueByLabel(): Promise<string | null> {
    return Promise.resolve(null);
  }
  notify(issueKey: string, message: { subject: string; textBody: string; accountIds: readonly string[] }): Promise<void> {
    this.notifications.push({ issueKey, ...message });
    return Promise.resolve();
  }
}

// Weekly on Friday 16:00 Berlin from Friday 9 January 2026.
async function given(reminders: CommsPlanJson['reminders'], language: 'en' | 'zh-CN') {
  const records = new InMemoryRecordStore();
  const series = aSeries({
    id: 'report',
    title: 'Weekly status report',
    kind: 'status-report',
    cadence: { kind: 'weekly', weekday: 'friday' },
    localTime: '16:00',
    timeZone: 'Europe/Berlin',
    channel: 'email',
    startDate: '2026-01-09',
  });
  await saveCommsPlan(
    records,
    PROJECT.id,
    aPlan({ stakeholders: [aStakeholder({ language }), aClientStakeholder()], series: [series], reminders }),
    0,
  );
  const jira = new RecordingIssueWriter();
  const at = (iso: string) => sendTouchpointReminders({ records, issues: jira, clock: { now: () => new Date(iso) } }, PROJECT);
  return { records, jira, at };
}

describe('the status-report schedule', () => {
  it.each([
    [
      'en',
      'Status report due tomorrow: Weekly status report',
      '"Weekly status report" is due tomorrow, 2026-01-09 at 16:00 (Europe/Berlin). The draft is ready for your review: in Jira, open project ACME, Client Follow-up, Reports. Review it, then publish and send it — nothing is sent until you do.',
    ],
    [
      'zh-CN',
      '状态报告明天到期：Weekly status report',
      '“Weekly status report”明天到期：2026-01-09 16:00（Europe/Berlin）。草稿已可供您审阅：在 Jira 中打开项目 ACME 的“客户跟进”→“报告”。审阅后由您发布并发送——在此之前不会发送任何内容。',
    ],
  ] as const)(
    'reminds the owner the day before that the draft is ready for review (%s), and publishes nothing',
    async (lang, subject, body) => {
      const { records, jira, at } = await given({ mode: 'notify', trackingIssueKey: 'ACME-1' }, lang);
      // Thursday 8 January, whatever hour the daily job runs: Friday's report is due tomorrow.
      expect(await at('2026-01-08T05:00:00Z')).toEqual({ notified: 1, created: 0, skipped: 0, failed: 0 });
      expect(jira.notifications).toEqual([{ issueKey: 'ACME-1', subject, textBody: body, accountIds: ['local-pm'] }]);
      expect(await listAll(records.collection(publishedReportKind, PROJECT.id))).toEqual([]);
    },
  );

  it('keeps an issue for an unpublished report once it is overdue, saying where the draft is', async () => {
    const { jira, at } = await given({ mode: 'issue', trackingIssueKey: null }, 'en');
    // Sunday 11 January: Friday 9th's report not published, its one day of grace over.
    await at('2026-01-11T10:00:00Z');
    expect(jira.issues.map((i) => i.summary)).toEqual(['Publish the status report: Weekly status report (2026-01-09)']);
    expect(JSON.stringify(jira.issues[0]?.description)).toContain(
      'The draft is ready for your review in Client Follow-up, Reports (project ACME)',
    );
  });
});

describe('formatDueInZone', () => {
  it.each([
    // 16:00 in Berlin is 15:00 UTC in winter and 14:00 UTC in summer: the series' clock is shown either way.
    ['2026-01-09T15:00:00.000Z', 'en', 'Fri, Jan 9, 2026, 16:00 (Europe/Berlin)'],
    ['2026-07-10T14:00:00.000Z', 'en', 'Fri, Jul 10, 2026, 16:00 (Europe/Berlin)'],
    ['2026-01-09T15:00:00.000Z', 'zh-CN', '2026年1月9日周五 16:00（Europe/Berlin）'],
  ] as const)('%s in %s reads %s', (at, lang, expected) => {
    expect(formatDueInZone(at, 'Europe/Berlin', lang)).toBe(expected);
  });
});
