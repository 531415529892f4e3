/**
 * How much evidence a measure lists, honestly (DESIGN.md §5.3): "3 issues" when every one is
 * listed, "first 50 of 120 issues" when the list is capped, nothing when there is none.
 */
import type { Language } from '../language';
import { formatterFor } from './format';

/** The summary of `shown` listed keys out of `total`; empty when there is no evidence. */
export function formatEvidenceSummary(shown: number, total: number, lang: Language): string {
  if (total <= 0) return '';
  const f = formatterFor(lang);
  if (lang === 'zh-CN') return shown < total ? `前 ${f.num(shown)} 个，共 ${f.num(total)} 个事务` : `${f.num(total)} 个事务`;
  const issues = total === 1 ? 'issue' : 'issues';
  return shown < total ? `first ${f.num(shown)} of ${f.num(total)} ${issues}` : `${f.num(total)} ${issues}`;
}
