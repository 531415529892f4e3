import type { SYNC_PHASES } from '../sync';
import type { Strings, Translation } from './strings';

type PhaseLabels = { readonly [P in (typeof SYNC_PHASES)[number] as `sync.phase.${P}`]: string };

const en = {
  'sync.region': 'Data freshness',
  /** `{ago}` is a relative time from `Intl.RelativeTimeFormat` ("12 minutes ago"). */
  'sync.updated': 'Updated {ago}',
  'sync.updatedJustNow': 'Updated just now',
  'sync.justNow': 'just now',
  'sync.readAt': 'Read from Jira at {time}',
  'sync.never': 'Not read from Jira yet',
  'sync.pendingOne': '{count} change in Jira since',
  'sync.pendingOther': '{count} changes in Jira since',
  'sync.refresh': 'Refresh',
  'sync.refreshing': 'Refreshing…',
  'sync.refreshHint': 'Read the latest changes from Jira',
  'sync.checking': 'Checking how up to date the data is',
  'sync.running.full': 'Reading the whole project from Jira',
  'sync.running.incremental': 'Reading the latest changes from Jira',
  'sync.startedAgo': 'started {ago}',
  'sync.progressLabel': 'Progress of the read from Jira',
  'sync.phase.issues': 'Reading issues',
  'sync.phase.history': 'Reading change history',
  'sync.phase.derive': 'Working out health and risks',
  /** `{total}` is Jira's approximate count, hence the tilde. */
  'sync.progressOf': '{phase}: {done} of ~{total}',
  'sync.progressSoFar': '{phase}: {done} so far',
  'sync.progressStep': '{phase}…',
  'sync.done': 'Updated from Jira. The Overview shows the latest data.',
  'sync.failed': 'The last refresh from Jira did not finish.',
  'sync.failedKept': 'The Overview shows the data read {ago}.',
  'sync.refreshFailed': 'The refresh could not start.',
  'sync.statusFailed': 'Couldn’t check how up to date the data is.',
  'sync.first.heading': 'Reading this project from Jira for the first time',
  'sync.first.body':
    'Large projects take a few minutes. The Overview appears here when the read is done; you can leave this page meanwhile.',
  'sync.first.waiting': 'Waiting for the read to start…',
  'sync.first.loading': 'The read is done. Loading the Overview…',
} as const satisfies PhaseLabels & Readonly<Record<string, string>>;

const zhCN: Translation<typeof en> = {
  'sync.region': '数据新鲜度',
  'sync.updated': '{ago}更新',
  'sync.updatedJustNow': '刚刚更新',
  'sync.justNow': '刚刚',
  'sync.readAt': '于 {time} 从 Jira 读取',
  'sync.never': '尚未从 Jira 读取',
  'sync.pendingOne': '此后 Jira 中有 {count} 处更改',
  'sync.pendingOther': '此后 Jira 中有 {count} 处更改',
  'sync.refresh': '刷新',
  'sync.refreshing': '正在刷新…',
  'sync.refreshHint': '从 Jira 读取最新更改',
  'sync.checking': '正在检查数据是否为最新',
  'sync.running.full': '正在从 Jira 读取整个项目',
  'sync.running.incremental': '正在从 Jira 读取最新更改',
  'sync.startedAgo': '{ago}开始',
  'sync.progressLabel': '从 Jira 读取的进度',
  'sync.phase.issues': '正在读取事务',
  'sync.phase.history': '正在读取变更历史',
  'sync.phase.derive': '正在计算健康状况和风险',
  'sync.progressOf': '{phase}：{done} / 约 {total}',
  'sync.progressSoFar': '{phase}：已读取 {done}',
  'sync.progressStep': '{phase}…',
  'sync.done': '已从 Jira 更新。概览显示的是最新数据。',
  'sync.failed': '上一次从 Jira 刷新没有完成。',
  'sync.failedKept': '概览显示的是{ago}读取的数据。',
  'sync.refreshFailed': '无法开始刷新。',
  'sync.statusFailed': '无法检查数据是否为最新。',
  'sync.first.heading': '正在首次从 Jira 读取此项目',
  'sync.first.body': '大型项目需要几分钟。读取完成后概览会显示在这里；在此期间您可以离开此页面。',
  'sync.first.waiting': '正在等待读取开始…',
  'sync.first.loading': '读取已完成，正在加载概览…',
};

/** The snapshot's freshness, Refresh, and the progress of a read from Jira (the Overview's top bar). */
export const SYNC_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
