import type { Strings } from './strings';

const en = {
  'summary.attention': 'Needs attention',
  'summary.attentionNone': 'Nothing is overdue, blocked or waiting on the client.',
  'summary.overdue': 'Overdue ({count})',
  'summary.blocked': 'Blocked ({count})',
  'summary.waiting': 'Waiting on the client longest ({count})',
  'summary.waitingInOrder': 'Waiting on the client ({count})',
  'summary.firstOf': 'The first {shown} of {total} overdue issues are listed.',
  'summary.milestones': 'Milestones: target and forecast',
  'summary.details': 'Details',
  'summary.detailsHint': 'The full lists behind the summary. Open a list to read it.',
  'summary.counts': 'Issues by status',
  'summary.otherMeasures': 'All measures of {dimension}',
  'summary.listCount': '{title} ({count})',
  'summary.listFirstOf': 'The first {shown} of {total} are listed here; the CLI report lists them all.',
  'overdue.byOne': 'overdue by 1 day',
  'overdue.by': 'overdue by {days} days',
  'overdue.targetPassed': 'target passed {days} days ago',
  'overdue.targetPassedOne': 'target passed 1 day ago',
  'loading.reading': '{progress}. Health appears when the read ends.',
  'loading.firstRead': 'Reading the project from Jira for the first time. Health appears when the read ends.',
  'loading.snapshot': 'Loading the snapshot read {ago}…',
  'loading.snapshotJustNow': 'Loading the snapshot read just now…',
  'loading.checking': 'Checking how up to date the data is…',
} as const;

/**
 * The Overview as an executive summary: what needs attention, the milestones, the long lists
 * folded away, overdue markers, and what a slow load is doing.
 */
export const SUMMARY_MESSAGES: Strings<typeof en> = {
  en,
  'zh-CN': {
    'summary.attention': '需要关注',
    'summary.attentionNone': '没有逾期、被阻塞或等待客户的事务。',
    'summary.overdue': '已逾期（{count}）',
    'summary.blocked': '被阻塞（{count}）',
    'summary.waiting': '等待客户最久（{count}）',
    'summary.waitingInOrder': '等待客户（{count}）',
    'summary.firstOf': '列出了 {total} 个逾期事务中的前 {shown} 个。',
    'summary.milestones': '里程碑：目标与预测',
    'summary.details': '明细',
    'summary.detailsHint': '摘要背后的完整列表。展开列表即可查看。',
    'summary.counts': '按状态统计的事务',
    'summary.otherMeasures': '{dimension}的全部指标',
    'summary.listCount': '{title}（{count}）',
    'summary.listFirstOf': '此处列出 {total} 个中的前 {shown} 个；命令行报告会列出全部。',
    'overdue.byOne': '逾期 1 天',
    'overdue.by': '逾期 {days} 天',
    'overdue.targetPassed': '已过目标日期 {days} 天',
    'overdue.targetPassedOne': '已过目标日期 1 天',
    'loading.reading': '{progress}。读取完成后显示健康状况。',
    'loading.firstRead': '正在首次从 Jira 读取项目。读取完成后显示健康状况。',
    'loading.snapshot': '正在加载{ago}读取的快照…',
    'loading.snapshotJustNow': '正在加载刚刚读取的快照…',
    'loading.checking': '正在检查数据是否为最新…',
  },
};
