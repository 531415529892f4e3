import type { Strings } from './strings';

const en = {
  'overview.loading': 'Loading project overview',
  'overview.heading': 'Project overview',
  'overview.total': 'Total issues',
  'overview.byStatus': 'Issues by status category',
  'overview.milestones': 'Unreleased milestones',
  'overview.noMilestones': 'No unreleased milestones.',
  'statusCategory.new': 'To do',
  'statusCategory.indeterminate': 'In progress',
  'statusCategory.done': 'Done',
  'statusCategory.undefined': 'No category',
  'milestone.noReleaseDate': 'No release date',
  'milestone.overdue': 'Overdue',
} as const;

/** The project overview: counts by status category, open milestones. */
export const OVERVIEW_MESSAGES: Strings<typeof en> = {
  en,
  'zh-CN': {
    'overview.loading': '正在加载项目概览',
    'overview.heading': '项目概览',
    'overview.total': '事务总数',
    'overview.byStatus': '按状态类别统计的事务',
    'overview.milestones': '未发布的里程碑',
    'overview.noMilestones': '没有未发布的里程碑。',
    'statusCategory.new': '待办',
    'statusCategory.indeterminate': '进行中',
    'statusCategory.done': '已完成',
    'statusCategory.undefined': '无类别',
    'milestone.noReleaseDate': '无发布日期',
    'milestone.overdue': '已逾期',
  },
};
