import type { Strings } from './strings';

const en = {
  'risk.heading': 'Client risk',
  'risk.level': 'Risk level',
  'risk.level.high': 'High risk',
  'risk.level.medium': 'Medium risk',
  'risk.level.low': 'Low risk',
  'risk.score': 'Score',
  'risk.scoreValue': '{score} / 100',
  'risk.reasons': 'Why',
  'risk.noReasons': 'No risk signals.',
  'risk.done': 'Done — no risk',
  'risk.blockedBy': 'Blocked by',
} as const;

/** Issue risk: levels, score, the reasons' heading (the reasons are `risk-sentences.ts`). */
export const RISK_MESSAGES: Strings<typeof en> = {
  en,
  'zh-CN': {
    'risk.heading': '客户风险',
    'risk.level': '风险等级',
    'risk.level.high': '高风险',
    'risk.level.medium': '中风险',
    'risk.level.low': '低风险',
    'risk.score': '评分',
    'risk.scoreValue': '{score} / 100',
    'risk.reasons': '原因',
    'risk.noReasons': '没有风险信号。',
    'risk.done': '已完成 — 无风险',
    'risk.blockedBy': '被以下事务阻塞',
  },
};
