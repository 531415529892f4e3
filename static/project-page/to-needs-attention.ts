import type { IssueRefJson, StatusReportJson, WaitingIssueRefJson } from '../../contract';

const DAY_MS = 86_400_000;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

/** The calendar day (UTC) the report speaks of: the day it was derived. */
export function reportDay(report: Pick<StatusReportJson, 'generatedAt'>): string {
  return report.generatedAt.slice(0, 10);
}

function dayNumber(day: string): number | null {
  const match = DAY.exec(day);
  if (!match) return null;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

/** Whole days `day` lies before `today`; null when it is today or later, or unreadable. */
export function daysPast(day: string | null, today: string): number | null {
  if (day === null) return null;
  const due = dayNumber(day);
  const now = dayNumber(today);
  if (due === null || now === null || due >= now) return null;
  return now - due;
}

/** How many days an open issue is past its due date; null when it is not overdue (or done). */
export function daysOverdue(issue: Pick<IssueRefJson, 'due' | 'status'>, today: string): number | null {
  if (issue.status.category === 'done') return null;
  return daysPast(issue.due, today);
}

export interface OverdueItem {
  key: string;
  /** The issue as the report lists it; null when it is in none of the report's lists. */
  issue: IssueRefJson | null;
  /** Days past its due date, when known. */
  days: number | null;
}
export interface BlockedItem {
  issue: IssueRefJson;
  blockedBy: string[];
}
export interface WaitingItem {
  issue: WaitingIssueRefJson;
  /** How long it has waited on the client, in days, when the report says. */
  days: number | null;
}

export interface NeedsAttention {
  overdue: OverdueItem[];
  /** How many open issues are overdue in all (more than `overdue` holds when the evidence is capped). */
  overdueTotal: number;
  blocked: BlockedItem[];
  waiting: WaitingItem[];
  /** Whether `waiting` is ordered longest wait first (only when the report carries wait lengths). */
  waitingByLength: boolean;
}

export interface NeedsAttentionOptions {
  /** How long an issue has waited on the client, in days; null when unknown. Default: the report's own wait. */
  waitDays?: (issue: WaitingIssueRefJson) => number | null;
}

/** Every issue the report lists, each once (first occurrence), open or not. */
function listedIssues(report: StatusReportJson): IssueRefJson[] {
  const { sections } = report;
  const all = [
    ...sections.inProgress,
    ...sections.nextUp,
    ...sections.risks.blocked.map((entry) => entry.issue),
    ...sections.risks.flagged,
    ...sections.risks.topRisks.map((entry) => entry.issue),
    ...sections.waitingOnClient,
  ];
  const seen = new Set<string>();
  return all.filter((issue) => !seen.has(issue.key) && (seen.add(issue.key), true));
}

const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key, 'en', { numeric: true });

/**
 * The overdue issues. The schedule's "overdue issues" measure is the authority (its count is the
 * tile's "20 of 68"; its evidence lists them, most overdue first): the items are its evidence,
 * with each issue's line from the report's lists where it appears. Without that measure (no due
 * dates, schedule off) the open issues of the report's lists past their due date stand in.
 */
function overdueOf(report: StatusReportJson, listed: IssueRefJson[], today: string): { items: OverdueItem[]; total: number } {
  const measure = report.dimensions.schedule.measures.find((m) => m.id === 'overdueShare');
  if (report.dimensions.schedule.enabled && measure !== undefined && measure.whyCode.code === 'overdueShare') {
    const refs = new Map(listed.map((issue) => [issue.key, issue]));
    const riskDays = new Map<string, number>();
    for (const risk of report.issueRisks) {
      const signal = risk.signals.find((s) => s.code === 'overdue');
      if (signal !== undefined) riskDays.set(risk.key, signal.days);
    }
    const keys = [...new Set(measure.evidence)];
    const items = keys.map((key) => {
      const issue = refs.get(key) ?? null;
      return { key, issue, days: (issue === null ? null : daysOverdue(issue, today)) ?? riskDays.get(key) ?? null };
    });
    return { items, total: Math.max(measure.whyCode.params.overdue, items.length) };
  }
  const items = listed
    .map((issue) => ({ key: issue.key, issue, days: daysOverdue(issue, today) }))
    .filter((item) => item.days !== null)
    .sort((a, b) => (b.days ?? 0) - (a.days ?? 0) || byKey(a, b));
  return { items, total: items.length };
}

/**
 * What an executive summary puts first: the open issues past their due date (most overdue first),
 * the blocked issues (in the report's order, highest risk first), and the issues waiting on the
 * client (longest wait first when the wait is known, else in the report's order). Each list holds
 * every issue the report has for it; the page shows the first few and the count.
 */
export function toNeedsAttention(
  report: StatusReportJson,
  { waitDays = (issue) => issue.wait.days }: NeedsAttentionOptions = {},
): NeedsAttention {
  const today = reportDay(report);
  const listed = listedIssues(report);
  const { items: overdue, total: overdueTotal } = overdueOf(report, listed, today);

  const blockedSeen = new Set<string>();
  const blocked = report.sections.risks.blocked
    .filter((entry) => !blockedSeen.has(entry.issue.key) && (blockedSeen.add(entry.issue.key), true))
    .map((entry) => ({ issue: entry.issue, blockedBy: [...entry.blockedBy] }));

  const waitingSeen = new Set<string>();
  const waiting = report.sections.waitingOnClient
    .filter((issue) => !waitingSeen.has(issue.key) && (waitingSeen.add(issue.key), true))
    .map((issue) => ({ issue, days: waitDays(issue) }));
  const waitingByLength = waiting.some((item) => item.days !== null);
  if (waitingByLength) waiting.sort((a, b) => (b.days ?? -1) - (a.days ?? -1));

  return { overdue, overdueTotal, blocked, waiting, waitingByLength };
}

/**
 * A data-quality sentence split around the issue key it names, so the page can link the key in
 * place instead of writing it twice ("ACME-385 ACME-385 has…"). Null when the key is not in it.
 */
export function splitAtKey(message: string, key: string): { before: string; after: string } | null {
  const pattern = new RegExp(`(?<![A-Z0-9_-])${key.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?!\\d)`, 'u');
  const match = pattern.exec(message);
  if (!match) return null;
  return { before: message.slice(0, match.index), after: message.slice(match.index + key.length) };
}
