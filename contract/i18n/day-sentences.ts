/**
 * Day counts in words, the one way a signed day count or a wait is written: "15 days late",
 * "15 days early", "On time" — never "+15" or "-15 天" (DESIGN §9: a reader should not have to
 * decode a sign). Chinese puts one space between a number and 天, as every sentence does.
 */
import type { Language } from '../language';
import { formatterFor, type Fmt } from './format';

/** A wait on the client, as the report and the risk reasons carry it. */
export interface WaitDays {
  days: number;
  /** True: the wait is at least `days` (its start is not in the changelog). */
  estimated: boolean;
}

interface DaySentences {
  /** A date against its target: positive days late, negative days early, 0 on time. */
  slip: (days: number, f: Fmt) => string;
  /** How long an issue has waited on the client. */
  wait: (wait: WaitDays, f: Fmt) => string;
}

const plural = (n: number, one: string, other: string): string => (n === 1 ? one : other);
const enDays = (n: number, f: Fmt): string => `${f.num(n)} ${plural(n, 'day', 'days')}`;

const en: DaySentences = {
  slip: (days, f) => (days > 0 ? `${enDays(days, f)} late` : days < 0 ? `${enDays(-days, f)} early` : 'On time'),
  wait: (w, f) => (w.days === 0 ? 'Waiting since today' : `Waiting ${w.estimated ? 'at least ' : ''}${enDays(w.days, f)}`),
};

const zhCN: DaySentences = {
  slip: (days, f) => (days > 0 ? `晚 ${f.num(days)} 天` : days < 0 ? `提前 ${f.num(-days)} 天` : '按时'),
  wait: (w, f) => (w.days === 0 ? '今天开始等待' : `已等待${w.estimated ? '至少' : ''} ${f.num(w.days)} 天`),
};

export const DAY_SENTENCES: Readonly<Record<Language, DaySentences>> = { en, 'zh-CN': zhCN };

/** "15 days late", "3 days early", "On time"; "晚 15 天", "提前 3 天", "按时". */
export function formatSlipDays(days: number, lang: Language): string {
  return DAY_SENTENCES[lang].slip(days, formatterFor(lang));
}

/** "Waiting 12 days", "Waiting at least 3 days"; "已等待 12 天", "已等待至少 3 天". */
export function formatWait(wait: WaitDays, lang: Language): string {
  return DAY_SENTENCES[lang].wait(wait, formatterFor(lang));
}
