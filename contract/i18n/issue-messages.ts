import type { Strings } from './strings';

const en = {
  'issue.loading': 'Loading client risk',
  'issue.heading': 'Client follow-up for {key}',
  'issue.status': 'Status',
  'issue.due': 'Due date',
  'issue.noDueDate': 'No due date',
} as const;

/** The issue panel's frame. */
export const ISSUE_MESSAGES: Strings<typeof en> = {
  en,
  'zh-CN': {
    'issue.loading': '正在加载客户风险',
    'issue.heading': '{key} 的客户跟进',
    'issue.status': '状态',
    'issue.due': '到期日',
    'issue.noDueDate': '无到期日',
  },
};
