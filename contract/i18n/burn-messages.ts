import type { Strings, Translation } from './strings';

/** The Overview's budget burn chart (issue 13): hours spent and earned against the hours budget. */
const en = {
  'burn.heading': 'Budget burn',
  'burn.caption': 'Hours spent and earned against the budget, by day',
  'burn.showTable': 'Show the data as a table',
  'burn.day': 'Day',
  'burn.spent': 'Spent',
  'burn.earned': 'Earned',
  'burn.budget': 'Budget',
  'burn.unitHours': 'Hours',
  'burn.hours': '{count} h',
  'burn.summary':
    'On {day}, {spent} spent and {earned} earned of the {budget} budget: cost performance {index} ({rag}). {days} days charted.',
  'burn.summaryOne': 'On {day}, {spent} spent and {earned} earned of the {budget} budget: cost performance {index} ({rag}).',
  'burn.rag.green': 'on or under budget for the work done',
  'burn.rag.amber': 'somewhat over budget for the work done',
  'burn.rag.red': 'over budget for the work done',
} as const;

const zhCN: Translation<typeof en> = {
  'burn.heading': '预算消耗',
  'burn.caption': '按日统计的已用工时与挣得工时（对照预算）',
  'burn.showTable': '以表格显示数据',
  'burn.day': '日期',
  'burn.spent': '已用',
  'burn.earned': '挣得',
  'burn.budget': '预算',
  'burn.unitHours': '小时',
  'burn.hours': '{count} 小时',
  'burn.summary': '{day}：预算 {budget}，已用 {spent}，挣得 {earned}；成本绩效 {index}（{rag}）。共 {days} 天的数据。',
  'burn.summaryOne': '{day}：预算 {budget}，已用 {spent}，挣得 {earned}；成本绩效 {index}（{rag}）。',
  'burn.rag.green': '已完成工作在预算之内',
  'burn.rag.amber': '已完成工作略超预算',
  'burn.rag.red': '已完成工作超出预算',
} as const;

export const BURN_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
