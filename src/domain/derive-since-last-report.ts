import type { ReportDataJson, RiskLevel } from '../../contract/report';
import type { PublishedReportHead } from '../../contract/reports';
import type { ClientSinceLastSectionJson, ComparedSinceLastJson, SinceLastSectionJson } from '../../contract/since-last-report';
import type { Rag } from './health-types';
import { isOpenRisk, scoreRisk, toRiskLevel, type RegisterRiskEntry } from './risk-register';
import { DIMENSIONS, type Dimension } from './settings';

/** New and resolved high issue risks list at most this many each; their totals count them all. */
export const SINCE_LAST_LIST_LIMIT = 25;

/** What the next report compares itself with: the last published report, reduced to what the comparison reads. */
export interface SinceLastBaseline {
  version: number;
  publishedAt: string;
  /** Each dimension's colour as published (the report's head). */
  dimensions: Partial<Record<Dimension, Rag>>;
  /** From the report's content; null when it could not be read (then only the dimensions compare). */
  content: {
    /** Its open register risks; `id` null in reports stored before risks carried it (then matched by title). */
    registerRisks: readonly { id: string | null; title: string }[];
    /** False when the stored report kept only its first register risks. */
    registerRisksComplete: boolean;
    /**
     * Those risks as the register holds them now, closed ones included (the report reads only
     * open risks otherwise); a risk missing here and not open was deleted.
     */
    registerRisksNow: readonly RegisterRiskEntry[];
    /** Keys of the issues it rated high risk. */
    highIssueRisks: readonly string[];
    /** False when its issue-risk list was cut while still listing high ones. */
    highIssueRisksComplete: boolean;
    milestones: readonly { id: string; releaseDate: string | null; originalReleaseDate: string | null }[];
  } | null;
}

/**
 * The baseline of the next report from a published one: its head, and its internal content
 * (null when unreadable). `limits`: how many register risks and issue risks a stored report
 * keeps, so a list that reached its limit is known to be possibly cut.
 */
export function toSinceLastBaseline(
  head: Pick<PublishedReportHead, 'version' | 'publishedAt' | 'dimensions'>,
  content: ReportDataJson | null,
  limits: { registerRisks: number; issueRisks: number },
  registerRisksNow: readonly RegisterRiskEntry[] = [],
): SinceLastBaseline {
  const base = { version: head.version, publishedAt: head.publishedAt, dimensions: { ...head.dimensions } };
  if (content === null) return { ...base, content: null };
  const registerRisks = content.sections.registerRisks ?? [];
  const issueRisks = content.issueRisks;
  const last = issueRisks.at(-1);
  return {
    ...base,
    content: {
      registerRisks: registerRisks.map((r) => ({ id: r.id ?? null, title: r.title })),
      registerRisksComplete: registerRisks.length < limits.registerRisks,
      registerRisksNow,
      highIssueRisks: issueRisks.filter((r) => r.level === 'high').map((r) => r.key),
      highIssueRisksComplete: issueRisks.length < limits.issueRisks || last?.level !== 'high',
      milestones: content.sections.milestones.map((m) => ({
        id: m.id,
        releaseDate: m.releaseDate,
        originalReleaseDate: m.originalReleaseDate,
      })),
    },
  };
}

/** The state of the project now, as the comparison reads it. */
export interface SinceLastCurrent {
  dimensions: Readonly<Record<Dimension, { enabled: boolean; rag: Rag }>>;
  /** Amber or red now and in the baseline (`deriveSustained`). */
  sustained: Readonly<Record<Dimension, boolean>>;
  /** Every register risk, whatever its status. */
  registerRisks: readonly RegisterRiskEntry[];
  /** The risk of every open issue, highest first. */
  issueRisks: readonly { key: string; score: number; level: RiskLevel }[];
  /** An issue of the project by key: its summary and whether it is done; undefined when gone. */
  issue: (key: string) => { summary: string; done: boolean } | undefined;
  milestones: readonly { id: string; name: string; releaseDate: string | null; rebaselinedFrom?: string | null | undefined }[];
  /** Issues completed in the period (since the last report), per audience. */
  completed: { internal: number; client: number };
  /** Change requests raised and decided in the period, per audience (their section's totals). */
  changeRequests: { internal: { new: number; decided: number }; client: { new: number; decided: number } };
}

const SEEN_BY_CLIENT: ReadonlySet<Rag> = new Set(['green', 'amber', 'red']);

/**
 * "Since last report" for both audiences (DESIGN §5.2). Rules:
 *
 * - **No baseline** (nothing published yet): `first`, for both audiences.
 * - **Dimensions**: listed when the colour differs from the published one, or when amber or red
 *   in both (`sustained`); a dimension the baseline has no colour for is not compared. The client
 *   sees only dimensions enabled now, with a colour (not grey) in both reports, whose colour changed.
 * - **Register risks**: new = open now and not among the last report's open ones (by id; by title
 *   for a report stored before risks carried ids); resolved = among them and now closed, occurred
 *   or no longer in the register. The client sees only client-visible ones with a client wording,
 *   in that wording; a risk deleted from the register has no wording left and is not shown to it.
 * - **High issue risks** (internal only: scores are internal): new = high now and not high in
 *   the last report; resolved = high then and now done, lower, or gone. At most
 *   `SINCE_LAST_LIST_LIMIT` each, highest score (then key) first, with their totals.
 * - **Milestones**: those in both reports whose target day differs, with the original target (the
 *   one a re-baselining approval replaced, else the last report's original) when it differs from both.
 * - **Completed work, change requests**: counts of the period's sections (the period starts where
 *   the last report ended), which list them.
 * - `partial`: the last report's risk lists were cut when stored, so a risk beyond them may be
 *   reported new; `unread`: its content could not be read, so only dimensions are compared.
 */
export function deriveSinceLastReport(
  baseline: SinceLastBaseline | null,
  current: SinceLastCurrent,
): { internal: SinceLastSectionJson; client: ClientSinceLastSectionJson } {
  if (baseline === null) return { internal: { kind: 'first' }, client: { kind: 'first' } };
  const previous = { version: baseline.version, publishedAt: baseline.publishedAt };
  const content = baseline.content;
  // The open risks, and the last report's risks as they are now (closed ones included), once each.
  const register = [...current.registerRisks];
  const seen = new Set(register.map((r) => r.id));
  for (const r of content?.registerRisksNow ?? []) if (!seen.has(r.id)) register.push(r);

  const dimensions: ComparedSinceLastJson['dimensions'] = [];
  const clientDimensions: Extract<ClientSinceLastSectionJson, { kind: 'compared' }>['dimensions'] = [];
  for (const dimension of DIMENSIONS) {
    const from = baseline.dimensions[dimension];
    if (from === undefined) continue;
    const now = current.dimensions[dimension];
    const sustained = current.sustained[dimension];
    if (from !== now.rag || sustained) dimensions.push({ dimension, from, to: now.rag, sustained });
    if (now.enabled && from !== now.rag && isSeenByClient(from) && isSeenByClient(now.rag)) {
      clientDimensions.push({ dimension, from, to: now.rag });
    }
  }

  const risks = content === null ? { new: [], resolved: [] } : compareRegisterRisks(content.registerRisks, register);
  const issueRisks =
    content === null ? { new: [], newTotal: 0, resolved: [], resolvedTotal: 0 } : compareIssueRisks(content.highIssueRisks, current);
  const milestones = content === null ? [] : compareMilestones(content.milestones, current.milestones);
  const byId = new Map(register.map((r) => [r.id, r]));
  const sharedWording = (id: string | null): string | null => {
    const entry = id === null ? undefined : byId.get(id);
    return entry !== undefined && entry.clientVisible && entry.clientWording !== '' ? entry.clientWording : null;
  };
  const clientRisks = {
    new: risks.new.flatMap((r) => {
      const text = sharedWording(r.id);
      return text === null ? [] : [{ text, level: r.level }];
    }),
    resolved: risks.resolved.flatMap((r) => {
      const text = r.outcome === 'removed' ? null : sharedWording(r.id);
      return text === null ? [] : [{ text }];
    }),
  };
  const unread = content === null;
  return {
    internal: {
      kind: 'compared',
      previous,
      dimensions,
      registerRisks: risks,
      issueRisks,
      milestones,
      completed: current.completed.internal,
      changeRequests: current.changeRequests.internal,
      partial: content !== null && !(content.registerRisksComplete && content.highIssueRisksComplete),
      unread,
    },
    client: {
      kind: 'compared',
      previous,
      dimensions: clientDimensions,
      registerRisks: clientRisks,
      milestones,
      completed: current.completed.client,
      changeRequests: current.changeRequests.client,
      unread,
    },
  };
}

function isSeenByClient(rag: Rag): rag is 'green' | 'amber' | 'red' {
  return SEEN_BY_CLIENT.has(rag);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function compareRegisterRisks(
  before: readonly { id: string | null; title: string }[],
  now: readonly RegisterRiskEntry[],
): ComparedSinceLastJson['registerRisks'] {
  const beforeIds = new Set(before.flatMap((r) => (r.id === null ? [] : [r.id])));
  const beforeTitles = new Set(before.filter((r) => r.id === null).map((r) => r.title));
  const wasOpen = (r: RegisterRiskEntry): boolean => beforeIds.has(r.id) || beforeTitles.has(r.title);
  const open = now.filter((r) => isOpenRisk(r));
  const added = open
    .filter((r) => !wasOpen(r))
    .map((r) => ({ entry: r, score: scoreRisk(r) }))
    .sort((a, b) => b.score - a.score || byText(a.entry.title, b.entry.title) || byText(a.entry.id, b.entry.id))
    .map(({ entry, score }) => ({ id: entry.id, title: entry.title, level: toRiskLevel(score), clientVisible: entry.clientVisible }));

  const byId = new Map(now.map((r) => [r.id, r]));
  const openTitles = new Set(open.map((r) => r.title));
  const resolved: ComparedSinceLastJson['registerRisks']['resolved'] = [];
  for (const was of before) {
    if (was.id === null) {
      // A report stored before ids: matched by title; a title no open risk has any more is resolved.
      if (openTitles.has(was.title)) continue;
      const closed = now.find((r) => r.title === was.title);
      resolved.push({ id: closed?.id ?? null, title: was.title, outcome: closed === undefined ? 'removed' : closedOutcome(closed) });
      continue;
    }
    const entry = byId.get(was.id);
    if (entry === undefined) resolved.push({ id: was.id, title: was.title, outcome: 'removed' });
    else if (!isOpenRisk(entry)) resolved.push({ id: was.id, title: entry.title, outcome: closedOutcome(entry) });
  }
  resolved.sort((a, b) => byText(a.title, b.title) || byText(a.id ?? '', b.id ?? ''));
  return { new: added, resolved };
}

function closedOutcome(entry: RegisterRiskEntry): 'closed' | 'occurred' {
  return entry.status === 'occurred' ? 'occurred' : 'closed';
}

function compareIssueRisks(beforeHigh: readonly string[], current: SinceLastCurrent): ComparedSinceLastJson['issueRisks'] {
  const was = new Set(beforeHigh);
  const scoreOf = new Map(current.issueRisks.map((r) => [r.key, r]));
  const added = current.issueRisks
    .filter((r) => r.level === 'high' && !was.has(r.key))
    .sort((a, b) => b.score - a.score || byText(a.key, b.key))
    .map((r) => ({ key: r.key, summary: current.issue(r.key)?.summary ?? '', score: r.score }));
  const resolved = [...was]
    .filter((key) => scoreOf.get(key)?.level !== 'high')
    .sort(byText)
    .map((key) => {
      const issue = current.issue(key);
      const outcome = issue === undefined ? 'gone' : issue.done ? 'done' : 'lower';
      return { key, summary: issue?.summary ?? null, outcome } as const;
    });
  return {
    new: added.slice(0, SINCE_LAST_LIST_LIMIT),
    newTotal: added.length,
    resolved: resolved.slice(0, SINCE_LAST_LIST_LIMIT),
    resolvedTotal: resolved.length,
  };
}

function compareMilestones(
  before: NonNullable<SinceLastBaseline['content']>['milestones'],
  now: SinceLastCurrent['milestones'],
): ComparedSinceLastJson['milestones'] {
  const previous = new Map(before.map((m) => [m.id, m]));
  const moved: ComparedSinceLastJson['milestones'] = [];
  for (const m of now) {
    const was = previous.get(m.id);
    if (was === undefined || was.releaseDate === m.releaseDate) continue;
    const original = m.rebaselinedFrom ?? was.originalReleaseDate;
    moved.push({
      id: m.id,
      name: m.name,
      from: was.releaseDate,
      to: m.releaseDate,
      original: original != null && original !== was.releaseDate && original !== m.releaseDate ? original : null,
    });
  }
  return moved;
}
