import type { DimensionKey, MeasureId } from '../report';
import type { Strings, Translation } from './strings';

type Labels = { readonly [D in DimensionKey as `dimension.${D}`]: string } & { readonly [M in MeasureId as `measure.${M}`]: string };

const en = {
  'health.heading': 'Health',
  'health.loading': 'Loading project health',
  'health.overall': 'Overall',
  'health.reportedVsComputed': 'Reported {reported} — computed {computed}',
  'health.overrideReason': 'Reason given: {reason}',
  'health.sustained': 'Sustained',
  'health.sustainedHint': 'Amber or red in two published reports in a row',
  'health.off': 'Turned off',
  'health.offWhy': 'This dimension is turned off in the project settings.',
  'health.noEvidence': 'No issues to show.',
  /** A measure's value when there is not enough data. */
  'health.noData': 'No data',
  'evidence.one': 'View {key} in Jira',
  'evidence.many': 'View {count} issues in Jira',
  'evidence.some': 'View the first {shown} of {count} issues in Jira',
  'dimension.schedule': 'Schedule',
  'dimension.scope': 'Scope',
  'dimension.quality': 'Quality',
  'dimension.cost': 'Cost',
  'dimension.satisfaction': 'Satisfaction',
  'dimension.communication': 'Communication',
  'measure.slipDays': 'Next milestone against target',
  'measure.overdueShare': 'Overdue issues',
  'measure.scopeCreep': 'Scope creep',
  'measure.topPriorityBugs': 'Top-priority open bugs',
  'measure.reopenRate': 'Reopen rate',
  'measure.effortVariance': 'Effort variance',
  'measure.costPerformance': 'Cost performance',
  'measure.csat': 'Client satisfaction (CSAT)',
  'measure.commsLateDays': 'Late touchpoints',
} as const satisfies Labels & Readonly<Record<string, string>>;

const zhCN: Translation<typeof en> = {
  'health.heading': '健康状况',
  'health.loading': '正在加载项目健康状况',
  'health.overall': '总体',
  'health.reportedVsComputed': '上报为{reported} — 计算为{computed}',
  'health.overrideReason': '给出的理由：{reason}',
  'health.sustained': '持续',
  'health.sustainedHint': '在连续两份已发布的报告中为黄色或红色',
  'health.off': '已关闭',
  'health.offWhy': '此维度已在项目设置中关闭。',
  'health.noEvidence': '没有可显示的事务。',
  'health.noData': '数据不足',
  'evidence.one': '在 Jira 中查看 {key}',
  'evidence.many': '在 Jira 中查看 {count} 个事务',
  'evidence.some': '在 Jira 中查看 {count} 个事务中的前 {shown} 个',
  'dimension.schedule': '进度',
  'dimension.scope': '范围',
  'dimension.quality': '质量',
  'dimension.cost': '成本',
  'dimension.satisfaction': '满意度',
  'dimension.communication': '沟通',
  'measure.slipDays': '下一里程碑进度偏差',
  'measure.overdueShare': '逾期事务占比',
  'measure.scopeCreep': '范围蔓延',
  'measure.topPriorityBugs': '高优先级未解决缺陷',
  'measure.reopenRate': '重新打开率',
  'measure.effortVariance': '工时偏差',
  'measure.costPerformance': '成本绩效',
  'measure.csat': '客户满意度（CSAT）',
  'measure.commsLateDays': '逾期沟通节点',
};

/** Health: dimension and measure names (one per code), the tiles' frame, evidence links. */
export const HEALTH_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
