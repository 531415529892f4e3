import type { ChangeDraftJson, ChangeRequestJson, ChangeStatus, CostJson, ImpactTotalsJson } from '../../contract/changes';
import { CHANGE_TRANSITIONS } from '../../contract/change-impact';

export { CHANGE_TRANSITIONS };

export type ChangeRuleCode = 'transition-not-allowed' | 'decider-required' | 'reason-required' | 'decided-not-editable';

/** A change-request rule the caller broke; `field` names the payload field at fault. */
export class ChangeRuleError extends Error {
  constructor(
    readonly code: ChangeRuleCode,
    readonly field: 'to' | 'decider' | 'reason' | 'request',
    message: string,
  ) {
    super(message);
    this.name = 'ChangeRuleError';
  }
}

export function canTransition(from: ChangeStatus, to: ChangeStatus): boolean {
  return CHANGE_TRANSITIONS[from].includes(to);
}

/** Whether the client has decided: approved, rejected, or implemented (approved first). */
export function isDecided(status: ChangeStatus): boolean {
  return status === 'approved' || status === 'rejected' || status === 'implemented';
}

/** Approved requests, implemented ones included: those that re-baseline. */
export function isApproved(request: Pick<ChangeRequestJson, 'status'>): boolean {
  return request.status === 'approved' || request.status === 'implemented';
}

export interface TransitionInput {
  to: ChangeStatus;
  /** The client's name, as the PM records it; required to approve or reject. */
  decider?: string | undefined;
  /** Required to reject. */
  reason?: string | undefined;
}

/**
 * The request moved to `input.to` at `now` (epoch ms, the server's clock): the decision (who,
 * when, why) recorded on approval and rejection, `implementedAt` on implementation, the revision
 * counted up. Moving back from awaiting client clears nothing (no decision was taken).
 * @throws ChangeRuleError `transition-not-allowed` (see `CHANGE_TRANSITIONS`), `decider-required`,
 *   `reason-required`.
 */
export function transitionChangeRequest(request: ChangeRequestJson, input: TransitionInput, now: number): ChangeRequestJson {
  if (!canTransition(request.status, input.to)) {
    throw new ChangeRuleError('transition-not-allowed', 'to', `A ${request.status} request cannot become ${input.to}`);
  }
  const at = new Date(now).toISOString();
  const next: ChangeRequestJson = { ...request, status: input.to, revision: request.revision + 1, updatedAt: at };
  if (input.to === 'approved' || input.to === 'rejected') {
    const by = (input.decider ?? '').trim();
    const reason = (input.reason ?? '').trim();
    if (by === '') throw new ChangeRuleError('decider-required', 'decider', 'Name the client who decided');
    if (input.to === 'rejected' && reason === '') throw new ChangeRuleError('reason-required', 'reason', 'Say why the client rejected it');
    next.decision = { outcome: input.to, by, at, reason };
  }
  if (input.to === 'implemented') next.implementedAt = at;
  return next;
}

/** The milestone as known when the request is saved (the snapshot's version), if it is known. */
export interface MilestoneRef {
  id: string;
  name: string;
  releaseDate: string | null;
}

/**
 * A request created from `draft` (`previous` undefined: status proposed, revision 1) or
 * `previous` edited by it (revision counted up). The milestone's original target is taken when
 * the milestone is first chosen (from `milestone`, the version as known now) and kept on later
 * edits, so a Jira date moved after the approval does not rewrite it.
 * @throws ChangeRuleError `decided-not-editable` when `previous` is decided.
 */
export function toChangeRequest(
  draft: ChangeDraftJson,
  previous: ChangeRequestJson | undefined,
  milestone: MilestoneRef | undefined,
  now: number,
): ChangeRequestJson {
  if (previous !== undefined && isDecided(previous.status)) {
    throw new ChangeRuleError('decided-not-editable', 'request', 'A decided request is kept as decided; raise a new one');
  }
  const at = new Date(now).toISOString();
  const kept = previous?.milestone?.id === draft.milestone?.id ? previous?.milestone : undefined;
  return {
    ...draft,
    milestone:
      draft.milestone === null
        ? null
        : {
            id: draft.milestone.id,
            name: milestone?.name ?? kept?.name ?? '',
            newTarget: draft.milestone.newTarget,
            originalTarget: kept ? kept.originalTarget : (milestone?.releaseDate ?? null),
          },
    status: previous?.status ?? 'proposed',
    revision: (previous?.revision ?? 0) + 1,
    decision: previous?.decision ?? null,
    createdAt: previous?.createdAt ?? at,
    updatedAt: at,
    implementedAt: previous?.implementedAt ?? null,
  };
}

/** What approved requests change in the plan (DESIGN.md §5.3 scope creep, §5.2 milestones). */
export interface Rebaseline {
  /** Issues linked to an approved request: added to a milestone with the client's consent. */
  approvedIssueKeys: ReadonlySet<string>;
  /** Milestone id → the re-baselined target and the target it replaced. */
  targets: ReadonlyMap<string, { target: string; original: string | null }>;
}

export const NO_REBASELINE: Rebaseline = { approvedIssueKeys: new Set(), targets: new Map() };

/**
 * The re-baselining approved requests (implemented ones included) bring:
 * - every issue linked to one is approved scope, whichever milestone it joined;
 * - a milestone named with a new target takes the target of its latest approval (by decision
 *   time, then id), and keeps as original the target its first approval replaced. A request
 *   without a new target moves no date. Proposed, assessing, awaiting and rejected requests
 *   change nothing.
 */
export function deriveRebaseline(requests: readonly ChangeRequestJson[]): Rebaseline {
  const approved = requests.filter(isApproved).sort(byDecision);
  if (approved.length === 0) return NO_REBASELINE;
  const approvedIssueKeys = new Set<string>();
  const targets = new Map<string, { target: string; original: string | null }>();
  for (const request of approved) {
    for (const key of request.linkedIssueKeys) approvedIssueKeys.add(key);
    const m = request.milestone;
    if (m === null || m.newTarget === null) continue;
    const first = targets.get(m.id);
    targets.set(m.id, { target: m.newTarget, original: first ? first.original : m.originalTarget });
  }
  return { approvedIssueKeys, targets };
}

function byDecision(a: ChangeRequestJson, b: ChangeRequestJson): number {
  const at = (a.decision?.at ?? a.updatedAt).localeCompare(b.decision?.at ?? b.updatedAt);
  return at !== 0 ? at : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Impact summed: days and hours add up, money per currency (sorted by code), to the cent. */
export function sumImpact(requests: readonly Pick<ChangeRequestJson, 'impact'>[]): ImpactTotalsJson {
  let scheduleDays = 0;
  let quarterHours = 0;
  const cents = new Map<string, number>();
  for (const { impact } of requests) {
    scheduleDays += impact.scheduleDays;
    quarterHours += Math.round(impact.effortHours * 4);
    if (impact.cost !== null)
      cents.set(impact.cost.currency, (cents.get(impact.cost.currency) ?? 0) + Math.round(impact.cost.amount * 100));
  }
  const costs: CostJson[] = [...cents.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, amount]) => ({ currency, amount: amount / 100 }));
  return { count: requests.length, scheduleDays, effortHours: quarterHours / 4, costs };
}
