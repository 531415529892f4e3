/**
 * Headings and fixed words of the rendered report, in the report's language. Sentences from the
 * derivation (`why`, reasons, labels of dimensions and measures) arrive already localized.
 */
import type { RagJson, StatusReportJson } from '../../../contract/report';

export type ReportLang = StatusReportJson['lang'];

export interface ReportLabels {
  /** ": " in English, the full-width "：" in Chinese. */
  colon: string;
  title: string;
  generatedAt: string;
  period: string;
  audience: string;
  audiences: Record<StatusReportJson['audience'], string>;
  overall: string;
  computed: string;
  reported: string;
  overrideReason: string;
  dimensions: string;
  dimension: string;
  status: string;
  measure: string;
  value: string;
  why: string;
  evidence: string;
  moreEvidence: (count: number) => string;
  disabled: string;
  sustained: string;
  completed: string;
  noEpic: string;
  inProgress: string;
  nextUp: string;
  milestones: string;
  milestone: string;
  releaseDate: string;
  originalReleaseDate: string;
  forecast: string;
  slipDays: string;
  progress: string;
  released: string;
  issuesUnit: string;
  pointsUnit: string;
  risks: string;
  flagged: string;
  blocked: string;
  blockedBy: string;
  topRisks: string;
  waitingOnClient: string;
  issueRisks: string;
  issueRisksShown: (shown: number, total: number) => string;
  key: string;
  summary: string;
  score: string;
  level: string;
  reasons: string;
  due: string;
  assignee: string;
  levels: Record<'high' | 'medium' | 'low', string>;
  dataQuality: string;
  none: string;
  rag: Record<RagJson, string>;
}

const EN: ReportLabels = {
  colon: ': ',
  title: 'Status report',
  generatedAt: 'Generated',
  period: 'Period',
  audience: 'Audience',
  audiences: { internal: 'Internal', client: 'Client' },
  overall: 'Overall health',
  computed: 'Computed',
  reported: 'Reported',
  overrideReason: 'Reason for the reported status',
  dimensions: 'Health by dimension',
  dimension: 'Dimension',
  status: 'Status',
  measure: 'Measure',
  value: 'Value',
  why: 'Why',
  evidence: 'Evidence',
  moreEvidence: (count) => `+${count} more`,
  disabled: 'switched off',
  sustained: 'sustained',
  completed: 'Completed',
  noEpic: 'Not in an epic',
  inProgress: 'In progress',
  nextUp: 'Next up',
  milestones: 'Milestones',
  milestone: 'Milestone',
  releaseDate: 'Target',
  originalReleaseDate: 'first target',
  forecast: 'Forecast',
  slipDays: 'Slip (days)',
  progress: 'Progress',
  released: 'released',
  issuesUnit: 'issues',
  pointsUnit: 'points',
  risks: 'Risks',
  flagged: 'Flagged',
  blocked: 'Blocked',
  blockedBy: 'blocked by',
  topRisks: 'Top risks',
  waitingOnClient: 'Waiting on client',
  issueRisks: 'Issue risks',
  issueRisksShown: (shown, total) => `The ${shown} highest of ${total} open issues.`,
  key: 'Key',
  summary: 'Summary',
  score: 'Score',
  level: 'Level',
  reasons: 'Reasons',
  due: 'due',
  assignee: 'Assignee',
  levels: { high: 'High', medium: 'Medium', low: 'Low' },
  dataQuality: 'Data quality',
  none: 'None.',
  rag: { green: 'Green', amber: 'Amber', red: 'Red', grey: 'Grey' },
};

const ZH: ReportLabels = {
  colon: '：',
  title: '项目状态报告',
  generatedAt: '生成时间',
  period: '报告期间',
  audience: '受众',
  audiences: { internal: '内部', client: '客户' },
  overall: '整体健康度',
  computed: '计算结果',
  reported: '报告状态',
  overrideReason: '报告状态的理由',
  dimensions: '各维度健康度',
  dimension: '维度',
  status: '状态',
  measure: '指标',
  value: '数值',
  why: '原因',
  evidence: '依据',
  moreEvidence: (count) => `另有 ${count} 个`,
  disabled: '已关闭',
  sustained: '持续',
  completed: '已完成',
  noEpic: '不属于任何史诗',
  inProgress: '进行中',
  nextUp: '下一步',
  milestones: '里程碑',
  milestone: '里程碑',
  releaseDate: '目标日期',
  originalReleaseDate: '最初目标',
  forecast: '预测',
  slipDays: '延期（天）',
  progress: '进度',
  released: '已发布',
  issuesUnit: '个事务',
  pointsUnit: '故事点',
  risks: '风险',
  flagged: '已标记',
  blocked: '被阻塞',
  blockedBy: '被阻塞于',
  topRisks: '主要风险',
  waitingOnClient: '等待客户',
  issueRisks: '事务风险',
  issueRisksShown: (shown, total) => `${total} 个未完成事务中风险最高的 ${shown} 个。`,
  key: '键',
  summary: '摘要',
  score: '分数',
  level: '等级',
  reasons: '原因',
  due: '到期',
  assignee: '经办人',
  levels: { high: '高', medium: '中', low: '低' },
  dataQuality: '数据质量',
  none: '无。',
  rag: { green: '绿', amber: '黄', red: '红', grey: '灰' },
};

export function reportLabels(lang: ReportLang): ReportLabels {
  return lang === 'zh-CN' ? ZH : EN;
}

/** How many issue risks the rendered report lists (the JSON keeps them all). */
export const RENDERED_ISSUE_RISKS = 15;

/** Evidence keys listed per dimension before "+N more" (the JSON keeps them all). */
export const RENDERED_EVIDENCE_KEYS = 8;
