/**
 * The change-request section's pieces of text (DESIGN.md §5.2), shared by the Markdown and HTML
 * renderers and the project page, so all three say the same thing in the report's language.
 */
import type { ChangeTotalsJson, ClientChangeRequestJson } from '../change-report';
import type { CostJson, ImpactJson, ImpactTotalsJson } from '../change-impact';
import { CHANGE_MESSAGES } from './change-messages';
import { formatterFor } from './format';
import { translator } from './strings';
import type { Language } from '../language';

export const changeWords = (lang: Language) => translator(lang, CHANGE_MESSAGES);

/** "€12,000.00", "CN¥800.00": an amount in its currency, as the language writes it. */
export function formatCost(cost: CostJson, lang: Language): string {
  return new Intl.NumberFormat(lang, { style: 'currency', currency: cost.currency }).format(cost.amount);
}

/** "+5 days · +40 h · €12,000.00", "No impact stated" when every figure is zero and no cost is named. */
export function describeImpact(
  impact: Pick<ImpactJson, 'scheduleDays' | 'effortHours'> & { costs: readonly CostJson[] },
  lang: Language,
): string {
  const t = changeWords(lang);
  const f = formatterFor(lang);
  const parts: string[] = [];
  if (impact.scheduleDays !== 0) parts.push(t('changes.impact.days', { days: f.signed(impact.scheduleDays) }));
  if (impact.effortHours !== 0) parts.push(t('changes.impact.hours', { hours: f.signed(impact.effortHours) }));
  for (const cost of impact.costs) parts.push(formatCost(cost, lang));
  return parts.length === 0 ? t('changes.impact.none') : parts.join(' · ');
}

/** The impact of one request (its scope note after it, when there is one). */
export function describeRequestImpact(impact: ImpactJson, lang: Language): string {
  const figures = describeImpact({ ...impact, costs: impact.cost === null ? [] : [impact.cost] }, lang);
  return impact.scopeNote === '' ? figures : `${figures} · ${impact.scopeNote}`;
}

/** "Impact of totals": the summed figures of a group of requests. */
export function describeTotalsImpact(totals: ImpactTotalsJson, lang: Language): string {
  return describeImpact(totals, lang);
}

/** Where a request stands, with its decision: "Approved by Ana Lee on Mar 2, 2026". */
export function describeChangeState(item: ClientChangeRequestJson, lang: Language, audience: 'internal' | 'client'): string {
  const t = changeWords(lang);
  const f = formatterFor(lang);
  const status = audience === 'client' && item.status === 'awaiting-client' ? t('changes.awaitingYou') : t(`changes.status.${item.status}`);
  if (item.decision === null) return status;
  const decided =
    item.decision.outcome === 'approved'
      ? t('changes.decision.approved', { by: item.decision.by, date: f.day(item.decision.day) })
      : t('changes.decision.rejected', { by: item.decision.by, date: f.day(item.decision.day), reason: item.decision.reason });
  return item.status === 'implemented' ? `${status} · ${decided}` : decided;
}

/** Requester, "New", the milestone's move and, internally, the linked issues. */
export function describeChangeDetails(item: ClientChangeRequestJson & { linkedIssueKeys?: readonly string[] }, lang: Language): string {
  const t = changeWords(lang);
  const f = formatterFor(lang);
  const parts = [t('changes.requestedBy', { name: item.requester })];
  if (item.isNew) parts.push(t('changes.new'));
  const m = item.milestone;
  if (m !== null && m.newTarget !== null) {
    parts.push(
      t('changes.milestoneMove', {
        milestone: m.name,
        from: m.originalTarget === null ? '—' : f.day(m.originalTarget),
        to: f.day(m.newTarget),
      }),
    );
  }
  if (item.linkedIssueKeys !== undefined && item.linkedIssueKeys.length > 0)
    parts.push(t('changes.linked', { keys: item.linkedIssueKeys.join(', ') }));
  return parts.join(' · ');
}

/** "2 new · 1 approved (+5 days · €1,000.00) · 0 rejected · 1 awaiting the client (+3 days)". */
export function describeChangeTotals(totals: ChangeTotalsJson, lang: Language): string {
  return changeWords(lang)('changes.report.totals', {
    new: totals.new,
    approved: totals.approved.count,
    approvedImpact: describeTotalsImpact(totals.approved, lang),
    rejected: totals.rejected,
    awaiting: totals.awaitingClient.count,
    awaitingImpact: describeTotalsImpact(totals.awaitingClient, lang),
  });
}
