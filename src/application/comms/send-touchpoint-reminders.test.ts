import { describe, expect, it } from 'vitest';
import type { CommsPlanJson } from '../../../contract/comms';
import { EMPTY_ENGAGEMENT } from '../../../contract/engagement';
import { aClientStakeholder, aPlan, aSeries, aStakeholder, aTouchpoint } from '../../../test/support/comms-builders';
import { engagementKind } from '../records/record-kinds';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { AppError } from '../app-error';
import type { IssueWriter, NewIssue } from '../ports';
import { saveCommsPlan } from './comms-plan';
import { sendTouchpointReminders } from './send-touchpoint-reminders';
import { logTouchpoint } from './touchpoint-log';

const PROJECT = { id: '10000', key: 'ACME' };

/** A Jira stand-in that keeps what it was asked to create and send; it can fail the next calls. */
class RecordingIssueWriter implements IssueWriter {
  readonly issues: (NewIssue & { key: string })[] = [];
  readonly notifications: { issueKey: string; subject: string; textBody: string; accountIds: readonly string[] }[] = [];
  failures = 0;

  createIssue(issue: NewIssue): Promise<{ key: string }> {
    if (this.failures > 0) return this.fail();
    const key = `ACME-${String(900 + this.issues.length)}`;
    this.issues.push({ ...issue, key });
    return Promise.resolve({ key });
  }

  findIssueByLabel(): Promise<string | null> {
    return Promise.resolve(null);
  }

  notify(issueKey: string, message: { subject: string; textBody: string; accountIds: readonly string[] }): Promise<void> {
    if (this.failures > 0) return this.fail();
    this.notifications.push({ issueKey, ...message });
    return Promise.resolve();
  }

  private fail(): Promise<never> {
    this.failures -= 1;
    return Promise.reject(new AppError('JIRA_UNAVAILABLE', 'down'));
  }
}

// Weekly on Monday 09:00 Paris from 5 January 2026, owned by an internal stakeholder.
async function given(reminders: CommsPlanJson['reminders'], ownerLanguage: 'en' | 'zh-CN' = 'en') {
  const records = new InMemoryRecordStore();
  await saveCommsPlan(
    records,
    PROJECT.id,
    aPlan({ stakeholders: [aStakeholder({ language: ownerLanguage }), aClientStakeholder()], reminders }),
    0,
  );
  const jira = new RecordingIssueWriter();
  const at = (iso: string) => sendTouchpointReminders({ records, issues: jira, clock: { now: () => new Date(iso) } }, PROJECT);
  return { records, jira, at };
}

describe('sendTouchpointReminders', () => {
  it('given the setting none, sends nothing', async () => {
    const { jira, at } = await given({ mode: 'none', trackingIssueKey: null });
    expect(await at('2026-01-18T10:00:00Z')).toEqual({ notified: 0, created: 0, skipped: 0, failed: 0 });
    expect(jira.notifications).toEqual([]);
  });

  it('notifies the owner on the tracking issue the day before, once, whatever the number of runs', async () => {
    const { jira, at } = await given({ mode: 'notify', trackingIssueKey: 'ACME-1' });
    // Sunday 4 January: the first Monday is tomorrow.
    expect(await at('2026-01-04T10:00:00Z')).toEqual({ notified: 1, created: 0, skipped: 0, failed: 0 });
    expect(await at('2026-01-04T18:00:00Z')).toEqual({ notified: 0, created: 0, skipped: 1, failed: 0 });
    expect(jira.notifications).toEqual([
      {
        issueKey: 'ACME-1',
        subject: 'Touchpoint due tomorrow: Weekly status call',
        textBody:
          '"Weekly status call" is due tomorrow, 2026-01-05 at 09:00 (Europe/Paris). Log it in Client Follow-up once it has taken place.',
        accountIds: ['local-pm'],
      },
    ]);
  });

  it('notifies an overdue touchpoint once, in the owner’s language, and not once it is logged', async () => {
    const { records, jira, at } = await given({ mode: 'notify', trackingIssueKey: 'ACME-1' }, 'zh-CN');
    await logTouchpoint(records, PROJECT.id, aTouchpoint({ date: '2026-01-05' }));
    // Wednesday 14 January: Monday 12th missed, one day of grace over.
    await at('2026-01-14T10:00:00Z');
    await at('2026-01-15T10:00:00Z');
    expect(jira.notifications.map((n) => n.subject)).toEqual(['沟通已逾期：Weekly status call']);
    await logTouchpoint(records, PROJECT.id, aTouchpoint({ id: 't2', date: '2026-01-15' }));
    await at('2026-01-16T10:00:00Z');
    expect(jira.notifications).toHaveLength(1);
  });

  it('keeps one Jira issue per overdue touchpoint, assigned to the owner, even with two runs at once', async () => {
    const { jira, at } = await given({ mode: 'issue', trackingIssueKey: null });
    const now = '2026-01-07T10:00:00Z';
    await Promise.all([at(now), at(now)]);
    await at('2026-01-08T10:00:00Z');
    expect(jira.issues.map((i) => [i.summary, i.assigneeAccountId, i.projectKey])).toEqual([
      ['Overdue touchpoint: Weekly status call (2026-01-05)', 'local-pm', 'ACME'],
    ]);
    // The next missed Monday is another touchpoint, but the run of misses starts at the first one.
    await at('2026-01-14T10:00:00Z');
    expect(jira.issues).toHaveLength(1);
  });

  it('given Jira fails, releases the claim so that the next run sends it', async () => {
    const { jira, at } = await given({ mode: 'notify', trackingIssueKey: 'ACME-1' });
    jira.failures = 1;
    expect(await at('2026-01-04T10:00:00Z')).toMatchObject({ notified: 0, failed: 1 });
    expect(await at('2026-01-04T11:00:00Z')).toMatchObject({ notified: 1, failed: 0 });
    expect(jira.notifications).toHaveLength(1);
  });

  it('reminds only of the series that run in the engagement phase: the support cadence in support', async () => {
    const records = new InMemoryRecordStore();
    const plan = aPlan({
      series: [
        aSeries({ id: 'weekly', activeIn: 'delivery' }),
        aSeries({ id: 'support', title: 'Support check-in', activeIn: 'support', startDate: '2026-01-12' }),
      ],
      reminders: { mode: 'notify', trackingIssueKey: 'ACME-1' },
    });
    await saveCommsPlan(records, PROJECT.id, plan, 0);
    const jira = new RecordingIssueWriter();
    const at = (iso: string) => sendTouchpointReminders({ records, issues: jira, clock: { now: () => new Date(iso) } }, PROJECT);
    // Sunday 4 January, before support: only the delivery series is due tomorrow.
    await at('2026-01-04T10:00:00Z');
    expect(jira.notifications.map((n) => n.subject)).toEqual(['Touchpoint due tomorrow: Weekly status call']);
    await records.document(engagementKind, PROJECT.id).save({ ...EMPTY_ENGAGEMENT, phase: 'support' }, 0);
    // Sunday 11 January, in support: only the support series.
    await at('2026-01-11T10:00:00Z');
    expect(jira.notifications.map((n) => n.subject)).toEqual([
      'Touchpoint due tomorrow: Weekly status call',
      'Touchpoint due tomorrow: Support check-in',
    ]);
  });
});
