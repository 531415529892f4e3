import type { Strings } from './strings';

const en = {
  'app.title': 'Client follow-up',
  'nav.label': 'Client follow-up sections',
  'section.overview': 'Overview',
  'section.communication': 'Communication',
  'section.reports': 'Reports',
  'section.feedback': 'Feedback',
  'section.changes': 'Changes',
  'section.risks': 'Risks',
  'section.engagement': 'Engagement',
  'section.share': 'Share',
  'section.settings': 'Settings',
  'comingSoon.title': '{section} is coming soon',
  'comingSoon.body': 'This section is not available yet. The Overview tab shows the project at a glance.',
} as const;

/** The project page's frame: title, section tabs. */
export const APP_MESSAGES: Strings<typeof en> = {
  en,
  'zh-CN': {
    'app.title': '客户跟进',
    'nav.label': '客户跟进栏目',
    'section.overview': '概览',
    'section.communication': '沟通',
    'section.reports': '报告',
    'section.feedback': '反馈',
    'section.changes': '变更',
    'section.risks': '风险',
    'section.engagement': '合作',
    'section.share': '分享',
    'section.settings': '设置',
    'comingSoon.title': '“{section}”即将推出',
    'comingSoon.body': '此栏目暂未开放。“概览”标签页可让你快速了解项目情况。',
  },
};
