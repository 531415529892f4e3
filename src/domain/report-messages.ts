import type { DataQualityNote } from './derive-data-quality';
import type { MessageLang } from './health-messages';
import type { Rag } from './health-types';

/** The report's languages: the same as the health sentences'. */
export type ReportLang = MessageLang;

export const REPORT_SECTIONS = [
  'health',
  'completed',
  'inProgress',
  'nextUp',
  'milestones',
  'risks',
  'flagged',
  'blocked',
  'topRisks',
  'waitingOnClient',
  'issueRisks',
  'dataQuality',
] as const;
export type ReportSectionId = (typeof REPORT_SECTIONS)[number];

/** One formatter per data-quality note shape, so each message gets exactly its own fields. */
export type DataQualityMessages = { [N in DataQualityNote as N['code']]: (note: N) => string };

/**
 * Every sentence of the status report outside the health dimensions (those are in
 * `health-messages.ts`). Both catalogues are typed `ReportMessages`, so zh-CN cannot miss a key.
 */
export interface ReportMessages {
  rag: Readonly<Record<Rag, string>>;
  headline: {
    /** The headline: the reported colour, then what drives it. */
    status: (p: { rag: string; detail: string }) => string;
    /** Internal only: the PM's override next to the computed colour. */
    overridden: (p: { reported: string; computed: string; detail: string }) => string;
    /** The worst dimension and its one-line why. */
    driver: (p: { dimension: string; why: string }) => string;
    /** Amber because two or more dimensions lack data. */
    notEnoughData: (p: { dimensions: readonly string[] }) => string;
    onTrack: () => string;
    onTrackWithMilestone: (p: { milestone: string; date: string }) => string;
  };
  sections: Readonly<Record<ReportSectionId, string>>;
  /** Group heading for completed issues outside any (client-visible) epic. */
  noEpic: string;
  /** Stands in for an internal issue's key in client-facing sentences. */
  internalIssue: string;
  dataQuality: DataQualityMessages;
}

const en: ReportMessages = {
  rag: { green: 'Green', amber: 'Amber', red: 'Red', grey: 'Grey' },
  headline: {
    status: ({ rag, detail }) => `${rag}: ${detail}`,
    overridden: ({ reported, computed, detail }) => `Reported ${reported}, computed ${computed}: ${detail}`,
    driver: ({ dimension, why }) => `${dimension} — ${why}`,
    notEnoughData: ({ dimensions }) => `not enough data for ${dimensions.join(', ')}`,
    onTrack: () => 'every tracked dimension is on track',
    onTrackWithMilestone: ({ milestone, date }) => `on track; next milestone ${milestone} is due ${date}`,
  },
  sections: {
    health: 'Health',
    completed: 'Completed this period',
    inProgress: 'In progress',
    nextUp: 'Next up',
    milestones: 'Milestones',
    risks: 'Risks and blockers',
    flagged: 'Flagged',
    blocked: 'Blocked',
    topRisks: 'Top risks',
    waitingOnClient: 'Waiting on client',
    issueRisks: 'Issue risk',
    dataQuality: 'Data quality',
  },
  noEpic: 'No epic',
  internalIssue: 'an internal task',
  dataQuality: {
    resolvedNotDone: (n) =>
      `${n.issueKey} has resolution “${n.resolution}” but its status “${n.statusName}” is not in a done category; it counts as done.`,
    doneWithoutResolution: (n) => `${n.issueKey} is in the done status “${n.statusName}” but has no resolution.`,
    noStatusCategory: (n) => `${n.issueKey} is in status “${n.statusName}”, which has no status category; it counts as not started.`,
    dueBeforeCreated: (n) => `${n.issueKey} is due ${n.due}, before the day it was created (${n.created}).`,
    blockerOutsideProject: (n) => `${n.issueKey} is blocked by ${n.blockerKey}, which is outside the project.`,
    subtaskPointsDoubleCounted: (n) =>
      `Subtask ${n.issueKey} has story points and so does its parent ${n.parentKey}; the points may be counted twice.`,
    completionEstimated: (n) =>
      n.count === 1
        ? '1 done issue has no status history; its completion date is estimated.'
        : `${n.count} done issues have no status history; their completion dates are estimated.`,
    more: (n) => (n.count === 1 ? '…and 1 more issue with the same problem.' : `…and ${n.count} more issues with the same problem.`),
  },
};

const zhCN: ReportMessages = {
  rag: { green: '绿色', amber: '黄色', red: '红色', grey: '灰色' },
  headline: {
    status: ({ rag, detail }) => `${rag}：${detail}`,
    overridden: ({ reported, computed, detail }) => `报告为${reported}，计算为${computed}：${detail}`,
    driver: ({ dimension, why }) => `${dimension}——${why}`,
    notEnoughData: ({ dimensions }) => `${dimensions.join('、')}数据不足`,
    onTrack: () => '各项指标均正常',
    onTrackWithMilestone: ({ milestone, date }) => `进展正常；下一个里程碑 ${milestone} 计划于 ${date} 交付`,
  },
  sections: {
    health: '健康状况',
    completed: '本期完成',
    inProgress: '进行中',
    nextUp: '下一步',
    milestones: '里程碑',
    risks: '风险与阻碍',
    flagged: '已标记',
    blocked: '受阻',
    topRisks: '主要风险',
    waitingOnClient: '等待客户',
    issueRisks: '事务风险',
    dataQuality: '数据质量',
  },
  noEpic: '无史诗',
  internalIssue: '一项内部任务',
  dataQuality: {
    resolvedNotDone: (n) => `${n.issueKey} 已有解决结果“${n.resolution}”，但其状态“${n.statusName}”不属于完成类别；按已完成计算。`,
    doneWithoutResolution: (n) => `${n.issueKey} 处于完成状态“${n.statusName}”，但没有解决结果。`,
    noStatusCategory: (n) => `${n.issueKey} 的状态“${n.statusName}”没有状态类别；按未开始计算。`,
    dueBeforeCreated: (n) => `${n.issueKey} 的到期日 ${n.due} 早于其创建日期（${n.created}）。`,
    blockerOutsideProject: (n) => `${n.issueKey} 被项目之外的 ${n.blockerKey} 阻塞。`,
    subtaskPointsDoubleCounted: (n) => `子任务 ${n.issueKey} 与其父事务 ${n.parentKey} 都有故事点；故事点可能被重复计算。`,
    completionEstimated: (n) => `${n.count} 个已完成事务没有状态历史记录，其完成日期为估算值。`,
    more: (n) => `……另有 ${n.count} 个事务存在同样的问题。`,
  },
};

const CATALOGUES: Readonly<Record<ReportLang, ReportMessages>> = { en, 'zh-CN': zhCN };

/** The report catalogue for `lang`. */
export function reportMessages(lang: ReportLang): ReportMessages {
  return CATALOGUES[lang];
}

/** A data-quality note as a sentence in `lang`. */
export function formatDataQualityNote(note: DataQualityNote, lang: ReportLang): string {
  const messages = CATALOGUES[lang].dataQuality;
  // Each branch narrows `note` to the shape its formatter takes.
  switch (note.code) {
    case 'resolvedNotDone':
      return messages.resolvedNotDone(note);
    case 'doneWithoutResolution':
      return messages.doneWithoutResolution(note);
    case 'noStatusCategory':
      return messages.noStatusCategory(note);
    case 'dueBeforeCreated':
      return messages.dueBeforeCreated(note);
    case 'blockerOutsideProject':
      return messages.blockerOutsideProject(note);
    case 'subtaskPointsDoubleCounted':
      return messages.subtaskPointsDoubleCounted(note);
    case 'completionEstimated':
      return messages.completionEstimated(note);
    case 'more':
      return messages.more(note);
  }
}
