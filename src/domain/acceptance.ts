/**
 * Client acceptance of a milestone (DESIGN.md §5.7, issue 13), pure: the checklist as stored with a
 * submission, the release notes drafted from the milestone's completed client-visible issues, and
 * the submission lifecycle (submitted → accepted | rejected; a rejected or never-submitted
 * milestone may be submitted again; the history is bounded).
 */
import {
  MAX_CHECKLIST_KEYS,
  MAX_PENDING,
  MAX_RELEASE_NOTES_LENGTH,
  MAX_SUBMISSIONS,
  type AcceptanceChecklistJson,
  type AcceptanceDecisionJson,
  type AcceptanceRecordJson,
  type AcceptanceSubmissionJson,
  type ReportAcceptanceJson,
} from '../../contract/acceptance';
import type { QualityStandardJson } from '../../contract/engagement';
import type { ProjectSettings } from './settings';
import { checkAcceptance } from './engagement';
import type { Issue } from './issue';
import { isClientVisible } from './issue-rules';

/** The stored document stays well under Forge's 240 KiB per value. */
export const MAX_ACCEPTANCE_BYTES = 200_000;

/** The issues of a milestone: those whose fix versions name it. */
export function milestoneIssuesOf(issues: readonly Issue[], milestoneId: string): Issue[] {
  return issues.filter((i) => i.fixVersions.includes(milestoneId));
}

/**
 * The checklist stored with a submission: `checkAcceptance` with its key lists bounded to
 * `MAX_CHECKLIST_KEYS` (the counts stay whole). Subtasks are not counted: their parents are.
 */
export function toAcceptanceChecklist(
  milestoneIssues: readonly Issue[],
  standards: readonly QualityStandardJson[],
): AcceptanceChecklistJson {
  const check = checkAcceptance(milestoneIssues, standards);
  const work = milestoneIssues.filter((i) => !i.type.subtask);
  return {
    issuesTotal: work.length,
    issuesDone: work.length - check.openIssues.length,
    openIssues: check.openIssues.slice(0, MAX_CHECKLIST_KEYS),
    standards: check.standards.map((result, index) => ({
      standard: standards[index] as QualityStandardJson,
      met: result.met,
      failing: result.failing.slice(0, MAX_CHECKLIST_KEYS),
      failingCount: result.failing.length,
    })),
    ready: check.ready,
  };
}

export interface ClientTexts {
  /** Issue key → the client's wording of its summary (the report draft's). */
  wording: ReadonlyMap<string, string>;
  /** Issue keys the PM hid from the client version. */
  hidden: ReadonlySet<string>;
}

/**
 * Release notes drafted from a milestone's issues: one line per done issue the client may see
 * (`isClientVisible`, not hidden in the report draft), in the client's wording where the PM wrote
 * it, else the Jira summary, with its key as a plain reference; in key order. Language-neutral
 * (no words of ours), so the PM edits them in the client's language. Cut at whole lines to fit
 * `MAX_RELEASE_NOTES_LENGTH`.
 */
export function draftReleaseNotes(
  milestoneIssues: readonly Issue[],
  allIssues: ReadonlyMap<string, Issue>,
  settings: Pick<ProjectSettings, 'internalLabel' | 'clientLabel' | 'clientVisibility'>,
  texts: ClientTexts,
): string {
  const lines = milestoneIssues
    .filter((i) => i.status.category === 'done' && !texts.hidden.has(i.key))
    .filter((i) => isClientVisible(i, i.parentKey === null ? null : (allIssues.get(i.parentKey) ?? null), settings))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((i) => `- ${oneLine(texts.wording.get(i.key) ?? i.summary)} (${i.key})`);
  let notes = '';
  for (const line of lines) {
    const next = notes === '' ? line : `${notes}\n${line}`;
    if (next.length > MAX_RELEASE_NOTES_LENGTH) break;
    notes = next;
  }
  return notes;
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

function compareKeys(a: string, b: string): number {
  const [pa = '', na = '0'] = a.split('-');
  const [pb = '', nb = '0'] = b.split('-');
  return pa === pb ? Number(na) - Number(nb) : pa < pb ? -1 : 1;
}

export type SubmitRefusal = 'not-ready' | 'awaiting' | 'accepted' | 'too-many-pending';

/**
 * Whether a milestone may be submitted now: not while a submission of it awaits the client, not
 * once it was accepted, not with `MAX_PENDING` milestones awaiting already, and not with a
 * checklist that is not ready unless the PM overrides (the client then reads so).
 */
export function assessSubmission(
  record: AcceptanceRecordJson,
  milestoneId: string,
  checklist: AcceptanceChecklistJson,
  override: boolean,
): SubmitRefusal | null {
  const ofMilestone = record.submissions.filter((s) => s.milestone.id === milestoneId);
  if (ofMilestone.some((s) => s.state === 'submitted')) return 'awaiting';
  if (ofMilestone.some((s) => s.state === 'accepted')) return 'accepted';
  if (record.submissions.filter((s) => s.state === 'submitted').length >= MAX_PENDING) return 'too-many-pending';
  if (!checklist.ready && !override) return 'not-ready';
  return null;
}

/**
 * The record with `submission` first, bounded: while it holds more than `MAX_SUBMISSIONS` or
 * its JSON is larger than `maxBytes`, the oldest decided submission leaves (one awaiting the
 * client never does, nor the newest of each milestone: its decision is the milestone's state).
 */
export function withSubmission(
  record: AcceptanceRecordJson,
  submission: AcceptanceSubmissionJson,
  maxBytes: number = MAX_ACCEPTANCE_BYTES,
): AcceptanceRecordJson {
  return bounded({ submissions: [submission, ...record.submissions] }, maxBytes);
}

function bounded(record: AcceptanceRecordJson, maxBytes: number): AcceptanceRecordJson {
  const submissions = [...record.submissions];
  const size = () => new TextEncoder().encode(JSON.stringify({ submissions })).length;
  while (submissions.length > MAX_SUBMISSIONS || size() > maxBytes) {
    let dropped = false;
    for (let index = submissions.length - 1; index >= 0; index -= 1) {
      const candidate = submissions[index];
      if (candidate === undefined || candidate.state === 'submitted') continue;
      const newest = submissions.find((s) => s.milestone.id === candidate.milestone.id);
      if (newest === candidate) continue;
      submissions.splice(index, 1);
      dropped = true;
      break;
    }
    if (!dropped) break;
  }
  return { submissions };
}

export type DecideRefusal = 'not-found' | 'decided';

/**
 * The record with the client's decision on one submission, or why not: an unknown submission
 * (never submitted, or no longer kept) and one already decided are refused — a decision is
 * never overwritten.
 */
export function decideSubmission(
  record: AcceptanceRecordJson,
  submissionId: string,
  decision: { accepted: boolean } & AcceptanceDecisionJson,
): { ok: true; record: AcceptanceRecordJson; submission: AcceptanceSubmissionJson } | { ok: false; refusal: DecideRefusal } {
  const current = record.submissions.find((s) => s.id === submissionId);
  if (current === undefined) return { ok: false, refusal: 'not-found' };
  if (current.state !== 'submitted') return { ok: false, refusal: 'decided' };
  const { accepted, ...rest } = decision;
  const submission: AcceptanceSubmissionJson = {
    ...current,
    state: accepted ? 'accepted' : 'rejected',
    decision: { ...rest, fixItems: accepted ? [] : rest.fixItems },
  };
  return { ok: true, record: { submissions: record.submissions.map((s) => (s.id === submissionId ? submission : s)) }, submission };
}

/** The decisions made within [start, end] (ISO instants), oldest first: what a report of that period shows. */
export function decisionsInPeriod(record: AcceptanceRecordJson, start: string, end: string): AcceptanceSubmissionJson[] {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  return record.submissions
    .filter((s) => s.decision !== null && Date.parse(s.decision.at) >= startMs && Date.parse(s.decision.at) <= endMs)
    .sort((a, b) => Date.parse(a.decision?.at ?? '') - Date.parse(b.decision?.at ?? ''));
}

/**
 * The report's acceptance section: the decisions made within the period (`decisionsInPeriod`),
 * oldest first, as the report stores them.
 */
export function deriveAcceptanceSection(
  submissions: readonly AcceptanceSubmissionJson[],
  period: { start: number; end: number },
): ReportAcceptanceJson[] {
  const within = decisionsInPeriod(
    { submissions: [...submissions] },
    new Date(period.start).toISOString(),
    new Date(period.end).toISOString(),
  );
  return within.flatMap((s) =>
    s.decision === null || s.state === 'submitted'
      ? []
      : [
          {
            milestone: s.milestone.name,
            state: s.state,
            by: s.decision.by,
            at: s.decision.at,
            comment: s.decision.comment,
            fixItems: s.decision.fixItems.map((f) => f.text),
          },
        ],
  );
}

/** The submissions awaiting the client, oldest first (the order the page lists them in). */
export function awaitingClient(record: AcceptanceRecordJson): AcceptanceSubmissionJson[] {
  return record.submissions.filter((s) => s.state === 'submitted').reverse();
}
