import type { Strings, Translation } from './strings';

/** The support section (issue 13): client-reported issues against the support targets. */
const en = {
  'support.heading': 'Support: client-reported issues',
  'support.tracked': '{count} client-reported issues tracked against the support targets.',
  'support.trackedOne': '1 client-reported issue tracked against the support targets.',
  'support.trackedNone': 'No client-reported issue yet.',
  'support.response': 'First response within {hours} h',
  'support.resolution': 'Resolution within {hours} h',
  'support.counts': '{met} met, {breached} late, {running} within target, {overdue} overdue',
  'support.targetsCaption': 'Client-reported issues by target',
  'support.col.target': 'Target',
  'support.col.met': 'Met',
  'support.col.breached': 'Late',
  'support.col.running': 'Within target',
  'support.col.overdue': 'Overdue',
  'support.overdueHeading': 'Overdue',
  'support.noneOverdue': 'No client-reported issue is overdue.',
  'support.overdue.both': 'no response and not resolved past their targets',
  'support.overdue.response': 'no response past its target',
  'support.overdue.resolution': 'not resolved past its target',
  'support.reported': 'reported {instant}',
  'support.more': '…and {count} more',
} as const;

const zhCN: Translation<typeof en> = {
  'support.heading': '支持：客户报告的事务',
  'support.tracked': '按支持目标跟踪 {count} 个客户报告的事务。',
  'support.trackedOne': '按支持目标跟踪 1 个客户报告的事务。',
  'support.trackedNone': '暂无客户报告的事务。',
  'support.response': '首次响应时限 {hours} 小时',
  'support.resolution': '解决时限 {hours} 小时',
  'support.counts': '达标 {met}，超时完成 {breached}，计时中 {running}，已逾期 {overdue}',
  'support.targetsCaption': '按目标统计的客户报告事务',
  'support.col.target': '目标',
  'support.col.met': '达标',
  'support.col.breached': '超时完成',
  'support.col.running': '计时中',
  'support.col.overdue': '已逾期',
  'support.overdueHeading': '已逾期',
  'support.noneOverdue': '没有已逾期的客户报告事务。',
  'support.overdue.both': '超过时限仍未响应、未解决',
  'support.overdue.response': '超过时限仍未响应',
  'support.overdue.resolution': '超过时限仍未解决',
  'support.reported': '报告于 {instant}',
  'support.more': '……另有 {count} 个',
};

export const SUPPORT_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
