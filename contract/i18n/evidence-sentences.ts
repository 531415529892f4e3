/**
 * How much evidence a measure lists, honestly (DESIGN.md §5.3): "3 issues" when every one is
 * listed, "first 50 of 120 issues" when the list is capped, nothing when there is none. A client
 * report lists only the issues the client may see: "7 of 20 issues shown".
 */
import type { Language } from '../language';
import type { Audience } from '../report';
import { formatterFor } from './format';

/** The summary of `shown` listed keys out of `total`; empty when there is no evidence. */
export function formatEvidenceSummary(shown: number, total: number, lang: Language, audience: Audience = 'internal'): string {
  if (total <= 0) return '';
  const f = formatterFor(lang);
  const some = shown < total;
  if (lang === 'zh-CN') {
    if (!some) return `${f.num(total)} 个事务`;
    return audience === 'client'
      ? `显示 ${f.num(shown)} 个，共 ${f.num(total)} 个事务`
      : `前 ${f.num(shown)} 个，共 ${f.num(total)} 个事务`;
  }
  const issues = total === 1 ? 'issue' : 'issues';
  if (!some) return `${f.num(total)} ${issues}`;
  return audience === 'client'
    ? `${f.num(shown)} of ${f.num(total)} ${issues} shown`
    : `first ${f.num(shown)} of ${f.num(total)} ${issues}`;
}
