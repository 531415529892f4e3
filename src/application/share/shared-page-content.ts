/**
 * What the client status page shows (DESIGN.md §5.1, §6), as data: the client's rendered report
 * narrowed to the link's sections, plus what the page adds (the change requests awaiting the
 * client now, the feedback form's submission id). Pure. The JSON variant of the page is exactly
 * this value; the HTML is rendered from it, so the two cannot say different things.
 *
 * Its input is a `ClientStatusReportJson`, which has no room for an internal issue or signal;
 * the change requests are projected field by field (no internal note, no linked Jira keys).
 */
import type { ChangeRequestJson } from '../../../contract/changes';
import type { ClientChangeRequestJson } from '../../../contract/change-report';
import type { ImpactJson } from '../../../contract/change-impact';
import type {
  ClientIssueRefJson,
  ClientMilestoneJson,
  ClientSectionsJson,
  ClientStatusReportJson,
  ClientWaitingIssueRefJson,
} from '../../../contract/client-report';
import { MAX_COMMENT_LENGTH } from '../../../contract/feedback';
import type { Language } from '../../../contract/language';
import type { SectionName } from '../../../contract/share';
import type { SharedAcceptanceSection } from './shared-acceptance';
import type { SharedCommitmentsSection } from './shared-commitments';

/** A change request put to the client, as the page shows it and its decision form names it. */
export interface SharedChangeRequest {
  id: string;
  title: string;
  description: string;
  requester: string;
  impact: ImpactJson;
  milestone: { name: string; originalTarget: string | null; newTarget: string | null } | null;
  /** The revision the decision form names: a decision on an older one is refused (CONFLICT). */
  revision: number | null;
}

export interface SharedPageContent {
  lang: Language;
  project: { key: string; name: string };
  scope: { kind: 'live' } | { kind: 'report'; version: number; publishedAt: string };
  /** When the data was read from Jira (ISO instant). */
  asOf: string;
  /** The project's zone, in which every instant is written. */
  timeZone: string;
  period: { start: string; end: string };
  /** The link's sections, in the page's order. */
  sections: SectionName[];
  health?: {
    status: ClientStatusReportJson['overall']['reported'];
    headline: string;
    dimensions: ClientStatusReportJson['dimensions'];
    /** The client's narrative (the PM's text, else the drafted one) as paragraphs, when the report carries one. */
    narrative: string[] | null;
  };
  milestones?: ClientMilestoneJson[];
  completed?: ClientSectionsJson['completed'];
  nextUp?: { inProgress: ClientIssueRefJson[]; nextUp: ClientIssueRefJson[] };
  risks?: {
    flagged: ClientIssueRefJson[];
    blocked: ClientSectionsJson['blocked'];
    registerRisks: NonNullable<ClientSectionsJson['registerRisks']>;
  };
  waitingOnClient?: {
    issues: ClientWaitingIssueRefJson[];
    /** Open action items the client owns. */
    actionItems: NonNullable<ClientSectionsJson['actionItems']>;
  };
  changeRequests?: {
    /** Awaiting the client's decision; `decidable` when the page offers the decision form. */
    awaiting: SharedChangeRequest[];
    decidable: boolean;
    /** Decided in the report's period. */
    decided: ClientChangeRequestJson[];
  };
  feedbackForm?: { submissionId: string; maxCommentLength: number };
  /** Milestones awaiting the client's acceptance, and the latest decisions (live links only). */
  acceptance?: SharedAcceptanceSection;
  /** The targets agreed with the client (settings and engagement as they are now). */
  commitments?: SharedCommitmentsSection;
}

/** The page's order, whatever order the link lists them in. */
export const SECTION_ORDER: readonly SectionName[] = [
  'health',
  'milestones',
  'waiting-on-client',
  'acceptance',
  'change-requests',
  'completed',
  'next-up',
  'risks',
  'commitments',
  'feedback-form',
];

/** The client-safe fields of a stored change request awaiting the client. */
export function toSharedChangeRequest(request: ChangeRequestJson): SharedChangeRequest {
  return {
    id: request.id,
    title: request.title,
    description: request.description,
    requester: request.requester,
    impact: request.impact,
    milestone:
      request.milestone === null
        ? null
        : { name: request.milestone.name, originalTarget: request.milestone.originalTarget, newTarget: request.milestone.newTarget },
    revision: request.revision,
  };
}

function fromReportItem(item: ClientChangeRequestJson): SharedChangeRequest {
  return {
    id: item.id,
    title: item.title,
    description: item.description,
    requester: item.requester,
    impact: item.impact,
    milestone: item.milestone,
    revision: null,
  };
}

/**
 * The page's content for the link's `sections`.
 * - Live scope: the change requests awaiting the client are `awaitingNow` (read from the records
 *   when the page is served, so the form names their current revision) and can be decided.
 * - Report scope: everything as published, read-only (`awaitingNow` is ignored).
 * - A section not in `sections` is absent, not empty.
 */
export function toSharedPageContent(input: {
  report: ClientStatusReportJson;
  scope: SharedPageContent['scope'];
  asOf: string;
  timeZone: string;
  sections: readonly SectionName[];
  awaitingNow: readonly ChangeRequestJson[];
  submissionId: string;
  /** The Acceptance section as read now (live links); absent: the section is not shown. */
  acceptance?: SharedAcceptanceSection;
  /** The commitments section as read now; absent: the section is not shown. */
  commitments?: SharedCommitmentsSection;
}): SharedPageContent {
  const { report } = input;
  const s = report.sections;
  const shown = new Set(input.sections);
  const paragraphs = (report.narrative?.text ?? '')
    .split(/\n\s*\n/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const content: SharedPageContent = {
    lang: report.lang,
    project: { key: report.project.key, name: report.project.name },
    scope: input.scope,
    asOf: input.asOf,
    timeZone: input.timeZone,
    period: report.period,
    sections: SECTION_ORDER.filter((name) => shown.has(name)),
  };
  if (shown.has('health')) {
    content.health = {
      status: report.overall.reported,
      headline: report.overall.headline,
      dimensions: report.dimensions,
      narrative: paragraphs.length === 0 ? null : paragraphs,
    };
  }
  if (shown.has('milestones')) content.milestones = s.milestones;
  if (shown.has('completed')) content.completed = s.completed;
  if (shown.has('next-up')) content.nextUp = { inProgress: s.inProgress, nextUp: s.nextUp };
  if (shown.has('risks')) content.risks = { flagged: s.flagged, blocked: s.blocked, registerRisks: s.registerRisks ?? [] };
  if (shown.has('waiting-on-client')) {
    content.waitingOnClient = {
      issues: s.waitingOnClient,
      actionItems: (s.actionItems ?? []).filter((a) => a.ownerSide === 'client' && a.status === 'open'),
    };
  }
  if (shown.has('change-requests')) {
    const items = s.changeRequests?.items ?? [];
    const live = input.scope.kind === 'live';
    content.changeRequests = {
      awaiting: live
        ? input.awaitingNow.filter((r) => r.status === 'awaiting-client').map(toSharedChangeRequest)
        : items.filter((i) => i.status === 'awaiting-client').map(fromReportItem),
      decidable: live,
      decided: items.filter((i) => i.decision !== null && i.decidedInPeriod),
    };
  }
  if (shown.has('acceptance') && input.acceptance !== undefined) content.acceptance = input.acceptance;
  if (shown.has('commitments') && input.commitments !== undefined) content.commitments = input.commitments;
  if (shown.has('feedback-form')) content.feedbackForm = { submissionId: input.submissionId, maxCommentLength: MAX_COMMENT_LENGTH };
  return content;
}
