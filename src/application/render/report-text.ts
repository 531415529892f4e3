/**
 * The words both renderers share, from the one message catalogue, and the plain-text pieces
 * built from them, so Markdown and HTML say the same thing.
 */
import { CLIENT_SENTENCES } from '../../../contract/i18n/client-sentences';
import { formatSlipDays, formatWait } from '../../../contract/i18n/day-sentences';
import { formatForecastDetail } from '../../../contract/i18n/forecast-sentences';
import { formatterFor } from '../../../contract/i18n/format';
import { HEALTH_MESSAGES } from '../../../contract/i18n/health-messages';
import { RAG_MESSAGES } from '../../../contract/i18n/rag-messages';
import { REPORT_MESSAGES } from '../../../contract/i18n/report-messages';
import { RISK_MESSAGES } from '../../../contract/i18n/risk-messages';
import { translator, type KeyOf, type Translate } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import type { ClientIssueRefJson, ClientMilestoneJson, ClientStatusReportJson } from '../../../contract/client-report';
import {
  DIMENSION_KEYS,
  type DimensionKey,
  type MilestoneReportJson,
  type ReportRegisterRiskJson,
  type StatusReportJson,
  type WaitingIssueRefJson,
} from '../../../contract/report';

/** How many issue risks the rendered report lists (the JSON keeps them all). */
export const RENDERED_ISSUE_RISKS = 15;

/** Evidence keys listed per dimension before "+N more" (the JSON keeps them all). */
export const RENDERED_EVIDENCE_KEYS = 8;

const NAMESPACES = [REPORT_MESSAGES, HEALTH_MESSAGES, RAG_MESSAGES, RISK_MESSAGES] as const;
export type ReportWords = Translate<KeyOf<(typeof NAMESPACES)[number]>>;

/** The renderers' words in `lang`: section titles, labels, RAG and level names. */
export function reportWords(lang: Language): ReportWords {
  return translator(lang, ...NAMESPACES);
}

/** How a rendered report is written besides its language. */
export interface RenderOptions {
  /** The project's time zone (IANA), for the instants the report shows; UTC, named, without one. */
  timeZone?: string | undefined;
  /**
   * The issue's page on the Jira site, to link the keys of the team's report; never used for the
   * client's (DESIGN 5.1: keys stay plain text there).
   */
  issueUrl?: ((key: string) => string) | undefined;
}

/** Every date and instant of a rendered report, through the catalogue's one formatter. */
export interface ReportDates {
  /** A calendar day (due dates, milestone targets and forecasts). */
  day: (day: string) => string;
  /** An instant, with its time of day and zone (when the report was generated). */
  instant: (iso: string) => string;
  /** The report's period, from one instant to another. */
  period: (period: StatusReportJson['period']) => string;
}

export function reportDates(lang: Language, { timeZone }: RenderOptions = {}): ReportDates {
  const f = formatterFor(lang);
  return {
    day: f.day,
    instant: (iso) => f.instant(iso, timeZone),
    period: ({ start, end }) => f.instantRange(start, end, timeZone),
  };
}

/** "In Progress · Due Dec 1, 2026 · Ana Souza": what a reader wants next to an issue's summary. */
export function describeIssueRef(issue: ClientIssueRefJson, t: ReportWords, dates: ReportDates): string {
  const parts = [issue.status.name];
  if (issue.due) parts.push(t('report.due', { date: dates.day(issue.due) }));
  if (issue.assignee) parts.push(issue.assignee);
  return parts.join(' · ');
}

/** A decision or action item, as either audience's report carries it. */
export type DecisionLike = NonNullable<ClientStatusReportJson['sections']['decisions']>[number];
export type ActionItemLike = NonNullable<ClientStatusReportJson['sections']['actionItems']>[number] & { jiraIssueKey?: string | null };

/** "Weekly sync, Mar 2, 2026": the touchpoint a decision was taken at. */
export function describeDecisionSource(decision: DecisionLike, t: ReportWords, dates: ReportDates): string {
  return t('report.decisionSource', { series: decision.seriesTitle ?? t('report.adHocTouchpoint'), date: dates.day(decision.date) });
}

/** A register risk as the client's report carries it (its client wording, level and status). */
export type ClientRegisterRiskLike = NonNullable<ClientStatusReportJson['sections']['registerRisks']>[number];

/**
 * "High risk · score 16: probability 4 × impact 4 · being mitigated · owner Ana · mitigation: …
 * · mitigation overdue since Mar 1, 2026 · linked ACME-1 · tracked in ACME-9 · shared with the
 * client": what follows a register risk's title in the team's report.
 */
export function describeRegisterRisk(risk: ReportRegisterRiskJson, t: ReportWords, dates: ReportDates): string {
  const parts = [
    t(`risk.level.${risk.level}`),
    t('report.registerRisk.rating', { score: risk.score, probability: risk.probability, impact: risk.impact }),
    t(`report.registerRisk.status.${risk.status}`),
  ];
  if (risk.ownerName !== '') parts.push(t('report.registerRisk.owner', { owner: risk.ownerName }));
  if (risk.mitigation !== '') parts.push(t('report.registerRisk.mitigation', { mitigation: risk.mitigation }));
  if (risk.due !== null)
    parts.push(t(risk.overdue ? 'report.registerRisk.overdue' : 'report.registerRisk.due', { date: dates.day(risk.due) }));
  if (risk.linkedIssueKeys.length > 0) parts.push(t('report.registerRisk.linked', { keys: risk.linkedIssueKeys.join(t('report.comma')) }));
  if (risk.jiraIssueKey) parts.push(t('report.registerRisk.jiraIssue', { key: risk.jiraIssueKey }));
  if (risk.clientVisible) parts.push(t('report.registerRisk.clientVisible'));
  return parts.join(' · ');
}

/** "High risk · being mitigated": what follows a register risk's wording in the client's report. */
export function describeClientRegisterRisk(risk: ClientRegisterRiskLike, t: ReportWords): string {
  return `${t(`risk.level.${risk.level}`)} · ${t(`report.registerRisk.status.${risk.status}`)}`;
}

/** "Client: Ana · Due Mar 9, 2026 · Overdue · ACME-12": what follows an action item's text. */
export function describeActionItem(item: ActionItemLike, t: ReportWords, dates: ReportDates): string {
  const side = t(`report.ownerSide.${item.ownerSide}`);
  const parts = [item.ownerName === '' ? side : `${side}${t('report.colon')}${item.ownerName}`];
  if (item.due !== null) parts.push(t('report.due', { date: dates.day(item.due) }));
  parts.push(item.overdue ? t('report.overdue') : t(`report.actionStatus.${item.status}`));
  if (item.jiraIssueKey) parts.push(item.jiraIssueKey);
  return parts.join(' · ');
}

/** "12 of 20 issues · 30 of 55 points" (points only when the milestone has estimates). */
export function describeProgress(progress: MilestoneReportJson['progress'], t: ReportWords): string {
  const issues = t('report.progressIssues', { done: progress.issuesDone, total: progress.issuesTotal });
  return progress.pointsTotal > 0
    ? `${issues} · ${t('report.progressPoints', { done: progress.pointsDone, total: progress.pointsTotal })}`
    : issues;
}

/** "39% done": the client's milestone progress, with no count of the issues behind it. */
export function describeClientProgress(progress: ClientMilestoneJson['progress'], lang: Language): string {
  return CLIENT_SENTENCES[lang].progress(progress.percentDone);
}

/** "Blocked by ACME-3 and an internal task", "Blocked by an internal task" (the client's report). */
export function describeClientBlockers(blocked: ClientStatusReportJson['sections']['blocked'][number], lang: Language): string {
  return CLIENT_SENTENCES[lang].blockedBy({ keys: blocked.blockedBy, hidden: blocked.hiddenBlockers });
}

/** " (text)" in English, "（text）" in Chinese: a remark after what it qualifies. */
export function parenthetical(text: string, t: ReportWords): string {
  return t('report.parenthetical', { text });
}

/** "15 days late", "3 days early", "On time" in the report's language; "—" when unknown. */
export function describeSlip(slipDays: number | null, lang: Language): string {
  return slipDays === null ? '—' : formatSlipDays(slipDays, lang);
}

/** "Waiting 12 days, since Mar 2, 2026"; "Waiting at least 3 days" when the start is estimated. */
export function describeWait(wait: WaitingIssueRefJson['wait'], t: ReportWords, dates: ReportDates, lang: Language): string {
  const text = formatWait(wait, lang);
  return wait.estimated || wait.days === 0 ? text : t('report.waitSince', { wait: text, date: dates.day(wait.since) });
}

/** "Dec 11, 2026 (was Dec 4, 2026)" when the target moved. */
export function describeTarget(
  milestone: Pick<ClientMilestoneJson, 'releaseDate' | 'originalReleaseDate'>,
  t: ReportWords,
  dates: ReportDates,
): string {
  const target = milestone.releaseDate === null ? '—' : dates.day(milestone.releaseDate);
  return milestone.originalReleaseDate
    ? `${target}${parenthetical(t('report.wasTarget', { date: dates.day(milestone.originalReleaseDate) }), t)}`
    : target;
}

/** The dimensions in contract order, with their keys. */
export function dimensionEntries(report: StatusReportJson): [DimensionKey, StatusReportJson['dimensions'][DimensionKey]][] {
  return DIMENSION_KEYS.map((key) => [key, report.dimensions[key]]);
}

/** Data quality notes are for the team only: the client version never shows the section. */
export function showsDataQuality(report: StatusReportJson | ClientStatusReportJson): report is StatusReportJson {
  return report.audience === 'internal';
}

/**
 * "ACME-1, ACME-2, … +112 more", or "—" when there is none. `total` is how many issues are behind
 * the measure (more than `keys` when the report capped the list), so "+N more" is honest.
 */
export function describeEvidence(keys: readonly string[], t: ReportWords, total: number = keys.length): string {
  if (keys.length === 0) return '—';
  const shown = keys.slice(0, RENDERED_EVIDENCE_KEYS);
  const more = Math.max(total, keys.length) - shown.length;
  return more > 0 ? `${shown.join(', ')} ${t('report.moreEvidence', { count: more })}` : shown.join(', ');
}

/** How each milestone was forecast, one sentence each (the internal report carries the method). */
export function describeForecasts(report: StatusReportJson): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const m of report.sections.milestones) {
    if (m.forecast != null) out.push({ name: m.name, text: formatForecastDetail(m.forecast, report.lang) });
  }
  return out;
}
