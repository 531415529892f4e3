import {
  OPEN_RISK_STATUSES,
  RISK_RATINGS,
  toRiskLevel,
  type RegisterRiskJson,
  type RegisterRiskLevel,
  type RegisterRiskStatus,
  type RiskFilterJson,
} from '../../contract/risks';

export { HIGH_RISK_SCORE, MEDIUM_RISK_SCORE, toRiskLevel } from '../../contract/risks';

/** The score P × I (1–25). */
export function scoreRisk(risk: { probability: number; impact: number }): number {
  return risk.probability * risk.impact;
}

/** Open and mitigating risks are open; occurred and closed ones are history. */
export function isOpenRisk(risk: { status: RegisterRiskStatus }): boolean {
  return OPEN_RISK_STATUSES.includes(risk.status);
}

/**
 * The mitigation is overdue when the risk is still open and its due day is before `today` (the
 * project's calendar day). A risk with no due day is never overdue; a closed or occurred one
 * neither (nothing is left to mitigate).
 */
export function isMitigationOverdue(risk: { status: RegisterRiskStatus; due: string | null }, today: string): boolean {
  return isOpenRisk(risk) && risk.due !== null && risk.due < today;
}

/** Whether a risk passes the list filter (status `active` = open or mitigating). */
export function matchesRiskFilter(risk: RegisterRiskJson, filter: RiskFilterJson): boolean {
  if (filter.status === 'active' ? !isOpenRisk(risk) : filter.status !== undefined && risk.status !== filter.status) return false;
  if (filter.clientVisible !== undefined && risk.clientVisible !== filter.clientVisible) return false;
  if (filter.minScore !== undefined && scoreRisk(risk) < filter.minScore) return false;
  if (filter.probability !== undefined && risk.probability !== filter.probability) return false;
  if (filter.impact !== undefined && risk.impact !== filter.impact) return false;
  return true;
}

export interface MatrixCell {
  probability: number;
  impact: number;
  count: number;
}

/**
 * The 5×5 matrix of the open risks: all 25 cells, probability 5 first (the top row as drawn),
 * impact 1 first within a row; closed and occurred risks are not counted.
 */
export function deriveRiskMatrix(risks: readonly { probability: number; impact: number; status: RegisterRiskStatus }[]): MatrixCell[] {
  const counts = new Map<string, number>();
  for (const risk of risks) {
    if (!isOpenRisk(risk)) continue;
    const key = `${String(risk.probability)}x${String(risk.impact)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...RISK_RATINGS]
    .reverse()
    .flatMap((probability) =>
      RISK_RATINGS.map((impact) => ({ probability, impact, count: counts.get(`${String(probability)}x${String(impact)}`) ?? 0 })),
    );
}

export type DerivedSignalReason = 'flagged' | 'blocked' | 'high-risk';

/** A derived signal (DESIGN §5.4) as promotion reads it. */
export interface PromotableSignal {
  issueKey: string;
  summary: string;
  reason: DerivedSignalReason;
  /** The issue's risk score 0–100, if scored. */
  score: number | null;
  blockedBy: readonly string[];
  assignee: string | null;
  due: string | null;
}

/** The id a risk promoted from `issueKey` gets: promoting the same issue twice finds it. */
export function promotedRiskId(issueKey: string): string {
  return `promoted-${issueKey}`;
}

/** What promotion fills in for the PM; the rest of the risk is the store's. */
export type PromotedRiskDraft = Pick<
  RegisterRiskJson,
  | 'id'
  | 'title'
  | 'description'
  | 'probability'
  | 'impact'
  | 'ownerName'
  | 'ownerAccountId'
  | 'mitigation'
  | 'trigger'
  | 'due'
  | 'status'
  | 'linkedIssueKeys'
  | 'clientVisible'
  | 'clientWording'
  | 'promotedFrom'
>;

const TITLE_MAX = 255;

/**
 * A register risk prefilled from a derived signal. Probability: a blocked or flagged issue is
 * already impeded (4); a high issue-risk score is likely to slip (4 from 80, else 3). Impact: 3,
 * which the PM adjusts — the signal says how likely trouble is, not how much it would cost.
 * The issue is linked, its assignee owns the risk, its due day is the mitigation's, the trigger
 * is the signal's sentence in the PM's language (`trigger`), and the risk stays internal until
 * the PM words it for the client.
 */
export function toPromotedRisk(signal: PromotableSignal, trigger: string): PromotedRiskDraft {
  const probability = signal.reason === 'high-risk' ? ((signal.score ?? 0) >= 80 ? 4 : 3) : 4;
  const title = `${signal.issueKey}: ${signal.summary}`;
  return {
    id: promotedRiskId(signal.issueKey),
    title: title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title,
    description: '',
    probability,
    impact: 3,
    ownerName: signal.assignee ?? '',
    ownerAccountId: null,
    mitigation: '',
    trigger,
    due: signal.due,
    status: 'open',
    linkedIssueKeys: [signal.issueKey],
    clientVisible: false,
    clientWording: '',
    promotedFrom: signal.issueKey,
  };
}

/** A register risk as the status report reads it (ProjectData). */
export interface RegisterRiskEntry {
  id: string;
  title: string;
  clientWording: string;
  clientVisible: boolean;
  probability: number;
  impact: number;
  status: RegisterRiskStatus;
  ownerName: string;
  mitigation: string;
  due: string | null;
  linkedIssueKeys: readonly string[];
  jiraIssueKey: string | null;
}

/** A register risk of the report, internal audience. */
export interface ReportRegisterRisk {
  id: string;
  title: string;
  score: number;
  level: RegisterRiskLevel;
  probability: number;
  impact: number;
  status: 'open' | 'mitigating';
  ownerName: string;
  mitigation: string;
  due: string | null;
  overdue: boolean;
  linkedIssueKeys: readonly string[];
  jiraIssueKey: string | null;
  clientVisible: boolean;
}

/** A register risk of the client's report: its client wording, level and status only. */
export interface ClientReportRegisterRisk {
  /** The register's record id: the PM may reword or hide the line in the client's version. */
  id: string;
  text: string;
  level: RegisterRiskLevel;
  status: 'open' | 'mitigating';
}

/**
 * The report's register risks (DESIGN §5.2 "open register risks"). Only open and mitigating
 * risks; highest score first, then the earlier due day (none last), then the title. The client
 * sees only client-visible ones, as their client wording, with no score, owner, mitigation,
 * dates or issue keys — the team's notes stay internal. Pure.
 */
export function deriveRegisterRiskSection(
  entries: readonly RegisterRiskEntry[],
  today: string,
): { internal: ReportRegisterRisk[]; client: ClientReportRegisterRisk[] } {
  const open = entries
    .filter((e): e is RegisterRiskEntry & { status: 'open' | 'mitigating' } => isOpenRisk(e))
    .map((e) => ({ entry: e, score: scoreRisk(e) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        compareDue(a.entry.due, b.entry.due) ||
        (a.entry.title < b.entry.title ? -1 : a.entry.title > b.entry.title ? 1 : 0) ||
        (a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0),
    );
  return {
    internal: open.map(({ entry, score }) => ({
      id: entry.id,
      title: entry.title,
      score,
      level: toRiskLevel(score),
      probability: entry.probability,
      impact: entry.impact,
      status: entry.status,
      ownerName: entry.ownerName,
      mitigation: entry.mitigation,
      due: entry.due,
      overdue: isMitigationOverdue(entry, today),
      linkedIssueKeys: [...entry.linkedIssueKeys],
      jiraIssueKey: entry.jiraIssueKey,
      clientVisible: entry.clientVisible,
    })),
    client: open
      .filter(({ entry }) => entry.clientVisible && entry.clientWording !== '')
      .map(({ entry, score }) => ({ id: entry.id, text: entry.clientWording, level: toRiskLevel(score), status: entry.status })),
  };
}

function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
