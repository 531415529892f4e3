import { describe, expect, it } from 'vitest';
import { COMMON_MESSAGES } from '../../contract/i18n/common-messages';
import { renderForTest, textOfTestId } from '../shared/render-for-test';
import { aRunningSync, aSyncStatus, SYNC_NOW } from '../testing/sync-builders';
import { FirstSyncView } from './FirstSyncView';
import { FreshnessBar } from './FreshnessBar';
import type { SyncWatchState } from './sync-watcher';

const noop = () => undefined;

function aWatch(overrides: Partial<SyncWatchState> = {}): SyncWatchState {
  return { status: aSyncStatus(), statusError: null, refreshError: null, refreshing: false, completed: 0, ...overrides };
}

function bar(watch: SyncWatchState, locale = 'en-US'): string {
  return renderForTest(<FreshnessBar watch={watch} nowMs={SYNC_NOW} onRefresh={noop} onRetryStatus={noop} />, { locale });
}

/** The opening tag of the element carrying `data-testid`. */
function tagOf(html: string, testId: string): string {
  const match = new RegExp(`<\\w+[^>]*data-testid="${testId}"[^>]*>`, 'u').exec(html);
  if (!match) throw new Error(`no ${testId}`);
  return match[0];
}

describe('FreshnessBar', () => {
  it('says how old the snapshot is, with the exact time in the title, and offers Refresh', () => {
    const html = bar(aWatch());
    expect(html).toContain('aria-label="Data freshness"');
    expect(textOfTestId(html, 'freshness-updated')).toBe('Updated 12 minutes ago');
    expect(tagOf(html, 'freshness-updated')).toMatch(
      /<time dateTime="2026-11-27T09:00:00.000Z" title="Read from Jira at Nov 2[78], 2026, \d{1,2}:\d{2}\s[AP]M"/u,
    );
    expect(html).not.toContain('freshness-pending');
    expect(textOfTestId(html, 'refresh-button')).toBe('Refresh');
    expect(tagOf(html, 'refresh-button')).toContain('aria-disabled="false"');
    expect(html).not.toContain('role="progressbar"');
    expect(html).not.toContain('role="alert"');
  });

  it('counts the changes Jira reported since, one and many', () => {
    expect(textOfTestId(bar(aWatch({ status: aSyncStatus({ pendingChanges: 1 }) })), 'freshness-pending')).toBe(
      ' · 1 change in Jira since',
    );
    expect(textOfTestId(bar(aWatch({ status: aSyncStatus({ pendingChanges: 1234 }) })), 'freshness-pending')).toBe(
      ' · 1,234 changes in Jira since',
    );
  });

  it('in Chinese, with the locale’s relative time', () => {
    const html = bar(aWatch({ status: aSyncStatus({ pendingChanges: 3 }) }), 'zh-CN');
    expect(html).toContain('aria-label="数据新鲜度"');
    expect(textOfTestId(html, 'freshness-updated')).toBe('12分钟前更新');
    expect(textOfTestId(html, 'freshness-pending')).toBe(' · 此后 Jira 中有 3 处更改');
    expect(textOfTestId(html, 'refresh-button')).toBe('刷新');
  });

  it('says "just now" for a snapshot under a minute old or stamped ahead of the browser clock', () => {
    expect(textOfTestId(bar(aWatch({ status: aSyncStatus({ asOf: '2026-11-27T09:11:30.000Z' }) })), 'freshness-updated')).toBe(
      'Updated just now',
    );
    expect(textOfTestId(bar(aWatch({ status: aSyncStatus({ asOf: '2026-11-27T09:20:00.000Z' }) })), 'freshness-updated')).toBe(
      'Updated just now',
    );
  });

  it('before the first read, says so', () => {
    const html = bar(aWatch({ status: aSyncStatus({ state: 'never', asOf: null, kind: null, pendingChanges: 4 }) }));
    expect(textOfTestId(html, 'freshness-age')).toBe('Not read from Jira yet');
  });

  it('while the status is first read, says it is checking', () => {
    expect(textOfTestId(bar(aWatch({ status: null })), 'freshness-age')).toBe('Checking how up to date the data is');
  });

  it('while a sync runs: a determinate progress bar with counts, and Refresh unavailable but focusable', () => {
    const html = bar(aWatch({ status: aRunningSync(3_200, 10_000) }));
    const progressbar = tagOf(html, 'sync-progressbar');
    expect(progressbar).toContain('role="progressbar"');
    expect(progressbar).toContain('aria-label="Progress of the read from Jira"');
    expect(progressbar).toContain('aria-valuenow="3200"');
    expect(progressbar).toContain('aria-valuemax="10000"');
    expect(progressbar).toContain('aria-valuetext="Reading issues: 3,200 of ~10,000"');
    expect(progressbar).toContain('data-indeterminate="false"');
    expect(html).toContain('style="width:32%"');
    expect(textOfTestId(html, 'sync-progress-text')).toBe('Reading issues: 3,200 of ~10,000');
    expect(textOfTestId(html, 'sync-progress-meta')).toBe('Reading the whole project from Jira · started 2 minutes ago');
    const refresh = tagOf(html, 'refresh-button');
    expect(refresh).toContain('aria-disabled="true"');
    expect(refresh).not.toMatch(/\sdisabled=/u);
    expect(textOfTestId(html, 'refresh-button')).toBe('Refreshing…');
  });

  it('an unknown total is an indeterminate bar; done past the estimate stays a full bar', () => {
    const unknown = bar(aWatch({ status: aRunningSync(3_200, null) }));
    expect(tagOf(unknown, 'sync-progressbar')).toContain('data-indeterminate="true"');
    expect(tagOf(unknown, 'sync-progressbar')).not.toContain('aria-valuenow');
    expect(textOfTestId(unknown, 'sync-progress-text')).toBe('Reading issues: 3,200 so far');

    const over = bar(aWatch({ status: aRunningSync(10_250, 10_000) }));
    expect(tagOf(over, 'sync-progressbar')).toContain('aria-valuenow="10000"');
    expect(over).toContain('style="width:100%"');
    expect(textOfTestId(over, 'sync-progress-text')).toBe('Reading issues: 10,250 of ~10,000');
  });

  it('names the phase and the kind of read, in Chinese too', () => {
    const history = aRunningSync(300, 1_200, { kind: 'incremental', progress: { phase: 'history', done: 300, total: 1_200 } });
    expect(textOfTestId(bar(aWatch({ status: history })), 'sync-progress-text')).toBe('Reading change history: 300 of ~1,200');
    expect(textOfTestId(bar(aWatch({ status: history })), 'sync-progress-meta')).toBe(
      'Reading the latest changes from Jira · started 2 minutes ago',
    );
    const zh = bar(aWatch({ status: aRunningSync(3_200, 10_000) }), 'zh-CN');
    expect(textOfTestId(zh, 'sync-progress-text')).toBe('正在读取事务：3,200 / 约 10,000');
    const derive = aRunningSync(0, null, { progress: { phase: 'derive', done: 0, total: null } });
    expect(textOfTestId(bar(aWatch({ status: derive })), 'sync-progress-text')).toBe('Working out health and risks…');
    // A later phase that reports the issues already read is a step, not a full bar.
    const deriving = bar(aWatch({ status: aRunningSync(6_000, 6_000, { progress: { phase: 'derive', done: 6_000, total: 6_000 } }) }));
    expect(textOfTestId(deriving, 'sync-progress-text')).toBe('Working out health and risks…');
    expect(tagOf(deriving, 'sync-progressbar')).toContain('data-indeterminate="true"');
  });

  it('a failed sync says what failed, from the error code, keeps the old data’s age, and offers Retry', () => {
    const html = bar(aWatch({ status: aSyncStatus({ state: 'failed', error: { code: 'RATE_LIMITED', message: 'x' } }) }));
    const alert = textOfTestId(html, 'sync-failed') ?? '';
    expect(html).toMatch(/role="alert" class="cf-sync-problem" data-testid="sync-failed"/u);
    expect(alert).toContain('The last refresh from Jira did not finish.');
    expect(alert).toContain(COMMON_MESSAGES.en['error.RATE_LIMITED']);
    expect(alert).toContain('The Overview shows the data read 12 minutes ago.');
    expect(tagOf(html, 'sync-error-message')).toContain('data-error-code="RATE_LIMITED"');
    expect(textOfTestId(html, 'sync-failed-retry')).toBe('Retry');
    expect(html).not.toContain('server message');
  });

  it('in Chinese, the failure too', () => {
    const html = bar(aWatch({ status: aSyncStatus({ state: 'failed', error: { code: 'JIRA_UNAVAILABLE', message: 'x' } }) }), 'zh-CN');
    const alert = textOfTestId(html, 'sync-failed') ?? '';
    expect(alert).toContain('上一次从 Jira 刷新没有完成。');
    expect(alert).toContain(COMMON_MESSAGES['zh-CN']['error.JIRA_UNAVAILABLE']);
    expect(alert).toContain('概览显示的是12分钟前读取的数据。');
    expect(textOfTestId(html, 'sync-failed-retry')).toBe('重试');
  });

  it('a Refresh that could not start says why, with Retry', () => {
    const html = bar(aWatch({ refreshError: { code: 'STORAGE_UNAVAILABLE', message: 'x' } }));
    expect(textOfTestId(html, 'sync-refresh-failed')).toContain('The refresh could not start.');
    expect(textOfTestId(html, 'sync-refresh-failed')).toContain(COMMON_MESSAGES.en['error.STORAGE_UNAVAILABLE']);
    expect(html).toContain('data-testid="sync-refresh-failed-retry"');
  });

  it('a Refresh refused for lack of permission says so, without a Retry that would be refused again', () => {
    const html = bar(aWatch({ refreshError: { code: 'FORBIDDEN', message: 'x' } }));
    expect(textOfTestId(html, 'sync-refresh-failed')).toContain(COMMON_MESSAGES.en['error.FORBIDDEN']);
    expect(html).not.toContain('data-testid="sync-refresh-failed-retry"');
  });

  it('a status that could not be read is worth a message only when no status is shown', () => {
    const error = { code: 'INTERNAL' as const, message: 'x' };
    expect(textOfTestId(bar(aWatch({ status: null, statusError: error })), 'sync-status-failed')).toContain(
      'Couldn’t check how up to date the data is.',
    );
    expect(bar(aWatch({ status: aRunningSync(1, 10), statusError: error }))).not.toContain('sync-status-failed');
  });

  it('announces a finished sync to screen readers', () => {
    expect(textOfTestId(bar(aWatch()), 'sync-announcement')).toBe('');
    expect(textOfTestId(bar(aWatch({ completed: 1 })), 'sync-announcement')).toBe('Updated from Jira. The Overview shows the latest data.');
  });
});

describe('FirstSyncView (NOT_READY)', () => {
  const view = (watch: SyncWatchState, locale = 'en-US') =>
    renderForTest(<FirstSyncView watch={watch} nowMs={SYNC_NOW} onRefresh={noop} onRetryStatus={noop} />, { locale });

  it('shows the first read’s progress instead of an error', () => {
    const html = view(aWatch({ status: aRunningSync(3_200, 10_000, { asOf: null }) }));
    expect(html).toMatch(/<h2[^>]*>Reading this project from Jira for the first time<\/h2>/u);
    expect(textOfTestId(html, 'sync-progress-text')).toBe('Reading issues: 3,200 of ~10,000');
    expect(html).toContain('aria-busy="true"');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('error-message');
  });

  it('before the read has started: an indeterminate bar', () => {
    const html = view(aWatch({ status: aSyncStatus({ state: 'never', asOf: null }) }), 'zh-CN');
    expect(html).toContain('正在首次从 Jira 读取此项目');
    expect(tagOf(html, 'sync-progressbar')).toContain('data-indeterminate="true"');
    expect(textOfTestId(html, 'sync-progress-text')).toBe('正在等待读取开始…');
  });

  it('once the read is done, says the Overview is loading', () => {
    expect(textOfTestId(view(aWatch({ status: aSyncStatus(), completed: 1 })), 'sync-progress-text')).toBe(
      'The read is done. Loading the Overview…',
    );
  });

  it('a failed first read says what failed, with Retry', () => {
    const html = view(aWatch({ status: aSyncStatus({ state: 'failed', asOf: null, error: { code: 'JIRA_UNAVAILABLE', message: 'x' } }) }));
    expect(html).not.toContain('sync-progressbar');
    expect(textOfTestId(html, 'sync-failed')).toContain(COMMON_MESSAGES.en['error.JIRA_UNAVAILABLE']);
    expect(textOfTestId(html, 'sync-failed')).not.toContain('The Overview shows the data read');
    expect(html).toContain('aria-busy="false"');
  });
});
