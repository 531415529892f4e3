/**
 * The report's headline: the status, then what drives it ("Amber: Schedule — R2 is forecast
 * …"). Internal views with an override show both statuses ("Reported Amber, computed Red: …").
 */
import type { Language } from '../language';
import type { HeadlineJson } from '../report';

interface HeadlineSentences {
  status: (p: { rag: string; detail: string }) => string;
  overridden: (p: { reported: string; computed: string; detail: string }) => string;
  /** `HeadlineJson` codes; `driver` gets the dimension's name and why as text. */
  driver: (p: { dimension: string; why: string }) => string;
  notEnoughData: (p: { dimensions: readonly string[] }) => string;
  onTrack: () => string;
  onTrackWithMilestone: (p: { milestone: string; date: string }) => string;
  /** The client's headline when no dimension it sees explains the status (`ClientHeadlineJson`). */
  attention: () => string;
}

// Every headline code has a sentence (checked by the compiler).
type Covered<T extends Record<HeadlineJson['code'], unknown>> = T;

const en: Covered<HeadlineSentences> = {
  status: ({ rag, detail }) => `${rag}: ${detail}`,
  overridden: ({ reported, computed, detail }) => `Reported ${reported}, computed ${computed}: ${detail}`,
  driver: ({ dimension, why }) => `${dimension} — ${why}`,
  notEnoughData: ({ dimensions }) => `not enough data for ${dimensions.join(', ')}`,
  onTrack: () => 'every tracked dimension is on track',
  onTrackWithMilestone: ({ milestone, date }) => `on track; next milestone ${milestone} is due ${date}`,
  attention: () => 'some areas need attention; details follow',
};

const zhCN: Covered<HeadlineSentences> = {
  status: ({ rag, detail }) => `${rag}：${detail}`,
  overridden: ({ reported, computed, detail }) => `报告为${reported}，计算为${computed}：${detail}`,
  driver: ({ dimension, why }) => `${dimension}——${why}`,
  notEnoughData: ({ dimensions }) => `${dimensions.join('、')}数据不足`,
  onTrack: () => '各项指标均正常',
  onTrackWithMilestone: ({ milestone, date }) => `进展正常；下一个里程碑 ${milestone} 计划于 ${date} 交付`,
  attention: () => '部分方面需要关注，详见下文',
};

export const HEADLINE_SENTENCES: Readonly<Record<Language, HeadlineSentences>> = { en, 'zh-CN': zhCN };
