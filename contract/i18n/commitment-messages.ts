/**
 * The commitments to the client (DESIGN.md §5.7, issue 13): the settings' green thresholds of each
 * enabled health dimension, the engagement's quality standards and its support targets, as the
 * client reads them. Sentences in `commitment-sentences.ts`; labels for the Engagement section
 * and the status page here.
 */
import type { Strings, Translation } from './strings';

const en = {
  'commitments.heading': 'Commitments to the client',
  'commitments.intro':
    'What the client sees as our commitments: the green targets of each health dimension that is on, the quality standards and the support targets.',
  'commitments.settingsNote':
    'The targets are the thresholds in Settings; edit them there. Quality standards and support targets are edited above.',
  'commitments.none': 'No commitment yet.',
  'commitments.group.kpi': 'Targets',
  'commitments.group.quality': 'Quality standards',
  'commitments.group.support': 'Support',
  'commitments.pageHeading': 'What we committed to',
  'commitments.pageIntro': 'The targets agreed with you for this project.',
  'commitments.loadFailed': 'The commitments could not be loaded.',
  // Sentences (see commitment-sentences.ts).
  'commitments.slip.onTime': 'Milestones delivered by their target date',
  'commitments.slip.late.one': 'Milestones delivered no more than 1 day after their target',
  'commitments.slip.late': 'Milestones delivered no more than {days} days after their target',
  'commitments.slip.early.one': 'Milestones delivered at least 1 day before their target',
  'commitments.slip.early': 'Milestones delivered at least {days} days before their target',
  'commitments.overdue.none': 'No issue with a due date left overdue',
  'commitments.overdue': 'Fewer than {share} of issues with a due date overdue',
  'commitments.creep.none': 'No work added to a milestone after its scope was agreed',
  'commitments.creep': 'Work added to a milestone after its scope was agreed kept to at most {share} of that scope',
  'commitments.topBugs.none': 'No open top-priority bug',
  'commitments.topBugs.one': 'At most 1 open top-priority bug',
  'commitments.topBugs': 'At most {count} open top-priority bugs',
  'commitments.reopen.none': 'No completed issue reopened within {days} days',
  'commitments.reopen': 'Fewer than {share} of completed issues reopened within {days} days',
  'commitments.effort.exact': 'Effort spent matching the estimates',
  'commitments.effort': 'Effort spent no more than {share} over the estimates',
  'commitments.csat': 'An average satisfaction of at least {rating} out of 5',
  'commitments.complaint.one': 'A follow-up within 1 day on any rating of {rating} or below',
  'commitments.complaint': 'A follow-up within {days} days on any rating of {rating} or below',
  'commitments.comms': 'Every meeting and report agreed in the communication plan held on time',
  'commitments.support.response.one': 'First response to issues you report within 1 hour',
  'commitments.support.response': 'First response to issues you report within {hours} hours',
  'commitments.support.resolution.one': 'Issues you report resolved within 1 hour',
  'commitments.support.resolution': 'Issues you report resolved within {hours} hours',
  'commitments.standard.no-open-bugs-at-priority': 'No open bug at priority {priorities} at acceptance',
  'commitments.standard.max-open-bugs.none': 'No open bug at acceptance',
  'commitments.standard.max-open-bugs.one': 'At most 1 open bug at acceptance',
  'commitments.standard.max-open-bugs': 'At most {max} open bugs at acceptance',
} as const;

const zhCN: Translation<typeof en> = {
  'commitments.heading': '对客户的承诺',
  'commitments.intro': '客户看到的我们的承诺：每个已启用的健康维度的绿色目标、质量标准和支持目标。',
  'commitments.settingsNote': '目标即“设置”中的阈值，请在“设置”中编辑。质量标准和支持目标在上方编辑。',
  'commitments.none': '还没有承诺。',
  'commitments.group.kpi': '目标',
  'commitments.group.quality': '质量标准',
  'commitments.group.support': '支持',
  'commitments.pageHeading': '我们的承诺',
  'commitments.pageIntro': '与您就本项目商定的目标。',
  'commitments.loadFailed': '无法加载承诺。',
  'commitments.slip.onTime': '里程碑按目标日期交付',
  'commitments.slip.late.one': '里程碑最迟在目标日期后 1 天内交付',
  'commitments.slip.late': '里程碑最迟在目标日期后 {days} 天内交付',
  'commitments.slip.early.one': '里程碑至少在目标日期前 1 天交付',
  'commitments.slip.early': '里程碑至少在目标日期前 {days} 天交付',
  'commitments.overdue.none': '有到期日的事务均不逾期',
  'commitments.overdue': '有到期日的事务中逾期的少于 {share}',
  'commitments.creep.none': '里程碑范围商定后不再增加工作',
  'commitments.creep': '里程碑范围商定后新增的工作不超过该范围的 {share}',
  'commitments.topBugs.none': '没有未解决的最高优先级缺陷',
  'commitments.topBugs.one': '未解决的最高优先级缺陷最多 1 个',
  'commitments.topBugs': '未解决的最高优先级缺陷最多 {count} 个',
  'commitments.reopen.none': '已完成的事务在 {days} 天内均不重新打开',
  'commitments.reopen': '已完成的事务在 {days} 天内重新打开的少于 {share}',
  'commitments.effort.exact': '实际工作量与预估一致',
  'commitments.effort': '实际工作量超出预估不超过 {share}',
  'commitments.csat': '平均满意度至少 {rating} 分（满分 5 分）',
  'commitments.complaint.one': '对 {rating} 分及以下的评分在 1 天内跟进',
  'commitments.complaint': '对 {rating} 分及以下的评分在 {days} 天内跟进',
  'commitments.comms': '沟通计划中商定的每次会议和报告都按时进行',
  'commitments.support.response.one': '您报告的事务在 1 小时内首次响应',
  'commitments.support.response': '您报告的事务在 {hours} 小时内首次响应',
  'commitments.support.resolution.one': '您报告的事务在 1 小时内解决',
  'commitments.support.resolution': '您报告的事务在 {hours} 小时内解决',
  'commitments.standard.no-open-bugs-at-priority': '验收时没有优先级为 {priorities} 的未解决缺陷',
  'commitments.standard.max-open-bugs.none': '验收时没有未解决缺陷',
  'commitments.standard.max-open-bugs.one': '验收时未解决缺陷最多 1 个',
  'commitments.standard.max-open-bugs': '验收时未解决缺陷最多 {max} 个',
};

export const COMMITMENT_MESSAGES: Strings<typeof en> = { en, 'zh-CN': zhCN };
