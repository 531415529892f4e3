/**
 * Data-quality notes as sentences, one per note code. Both languages are typed
 * `DataQualitySentences`, so a code missing in one fails to compile.
 */
import type { Language } from '../language';
import type { DataQualityNoteJson } from '../report';
import { formatterFor, type Fmt } from './format';

type DataQualitySentences = { readonly [N in DataQualityNoteJson as N['code']]: (note: N, f: Fmt) => string };

type EstimateField = Extract<DataQualityNoteJson, { code: 'implausibleEstimate' }>['field'];
type DateField = Extract<DataQualityNoteJson, { code: 'implausibleDate' }>['field'];
type MilestoneDateField = Extract<DataQualityNoteJson, { code: 'implausibleMilestoneDate' }>['field'];

/** The estimate's name, and the unit its value is in (none for story points). */
const EN_ESTIMATES: Readonly<Record<EstimateField, readonly [string, string]>> = {
  storyPoints: ['story point estimate', ''],
  timeOriginal: ['original estimate', ' seconds'],
  timeRemaining: ['remaining estimate', ' seconds'],
  timeSpent: ['time spent', ' seconds'],
};
const EN_DATES: Readonly<Record<DateField | MilestoneDateField, string>> = {
  created: 'created date',
  updated: 'updated date',
  resolved: 'resolution date',
  due: 'due date',
  start: 'start date',
  releaseDate: 'release date',
  startDate: 'start date',
};
const ZH_ESTIMATES: Readonly<Record<EstimateField, readonly [string, string]>> = {
  storyPoints: ['故事点预估', ''],
  timeOriginal: ['初始预估', ' 秒'],
  timeRemaining: ['剩余预估', ' 秒'],
  timeSpent: ['已用时间', ' 秒'],
};
const ZH_DATES: Readonly<Record<DateField | MilestoneDateField, string>> = {
  created: '创建日期',
  updated: '更新日期',
  resolved: '解决日期',
  due: '到期日',
  start: '开始日期',
  releaseDate: '发布日期',
  startDate: '开始日期',
};
/** Creation and update instants cannot be unknown: another of the instants stands in. */
const standsIn = (field: DateField): boolean => field === 'created' || field === 'updated';

const en: DataQualitySentences = {
  resolvedNotDone: (n) =>
    `${n.issueKey} has resolution “${n.resolution}” but its status “${n.statusName}” is not in a done category; it counts as done.`,
  doneWithoutResolution: (n) => `${n.issueKey} is in the done status “${n.statusName}” but has no resolution.`,
  noStatusCategory: (n) => `${n.issueKey} is in status “${n.statusName}”, which has no status category; it counts as not started.`,
  dueBeforeCreated: (n, f) => `${n.issueKey} is due ${f.day(n.due)}, before the day it was created (${f.day(n.created)}).`,
  blockerOutsideProject: (n) => `${n.issueKey} is blocked by ${n.blockerKey}, which is outside the project.`,
  subtaskPointsDoubleCounted: (n) =>
    `Subtask ${n.issueKey} has story points and so does its parent ${n.parentKey}; the points may be counted twice.`,
  implausibleEstimate: (n) => {
    const [name, unit] = EN_ESTIMATES[n.field];
    return `${n.issueKey} has an implausible ${name}: ${n.value}${unit}. It is left out of every measure.`;
  },
  implausibleDate: (n) =>
    `${n.issueKey} has an implausible ${EN_DATES[n.field]}: ${n.value}. ${
      standsIn(n.field) ? 'Another of its dates is used instead.' : 'It is treated as not set.'
    }`,
  implausibleMilestoneDate: (n) =>
    `Milestone ${n.milestone} has an implausible ${EN_DATES[n.field]}: ${n.value}. It is treated as not set.`,
  completionEstimated: (n) =>
    n.count === 1
      ? '1 done issue has no status history; its completion date is estimated.'
      : `${n.count} done issues have no status history; their completion dates are estimated.`,
  more: (n) => (n.count === 1 ? '…and 1 more issue with the same problem.' : `…and ${n.count} more issues with the same problem.`),
};

const zhCN: DataQualitySentences = {
  resolvedNotDone: (n) => `${n.issueKey} 已有解决结果“${n.resolution}”，但其状态“${n.statusName}”不属于完成类别；按已完成计算。`,
  doneWithoutResolution: (n) => `${n.issueKey} 处于完成状态“${n.statusName}”，但没有解决结果。`,
  noStatusCategory: (n) => `${n.issueKey} 的状态“${n.statusName}”没有状态类别；按未开始计算。`,
  dueBeforeCreated: (n, f) => `${n.issueKey} 的到期日 ${f.day(n.due)} 早于其创建日期（${f.day(n.created)}）。`,
  blockerOutsideProject: (n) => `${n.issueKey} 被项目之外的 ${n.blockerKey} 阻塞。`,
  subtaskPointsDoubleCounted: (n) => `子任务 ${n.issueKey} 与其父事务 ${n.parentKey} 都有故事点；故事点可能被重复计算。`,
  implausibleEstimate: (n) => {
    const [name, unit] = ZH_ESTIMATES[n.field];
    return `${n.issueKey} 的${name}不合理：${n.value}${unit}。所有指标均不计入该值。`;
  },
  implausibleDate: (n) =>
    `${n.issueKey} 的${ZH_DATES[n.field]}不合理：${n.value}。${standsIn(n.field) ? '改用该事务的其他日期。' : '视为未设置。'}`,
  implausibleMilestoneDate: (n) => `里程碑 ${n.milestone} 的${ZH_DATES[n.field]}不合理：${n.value}。视为未设置。`,
  completionEstimated: (n) => `${n.count} 个已完成事务没有状态历史记录，其完成日期为推算值。`,
  more: (n) => `……另有 ${n.count} 个事务存在同样的问题。`,
};

export const DATA_QUALITY_SENTENCES: Readonly<Record<Language, DataQualitySentences>> = { en, 'zh-CN': zhCN };

/** A data-quality note as a sentence; an unknown code (a newer producer) is returned as is. */
export function formatDataQualityNote(note: DataQualityNoteJson, lang: Language): string {
  const sentences = DATA_QUALITY_SENTENCES[lang];
  if (!Object.hasOwn(sentences, note.code)) return note.code;
  // The code picked the sentence, and the schema gave the fields that code has.
  const sentence = sentences[note.code] as (n: DataQualityNoteJson, f: Fmt) => string;
  return sentence(note, formatterFor(lang));
}
