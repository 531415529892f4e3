/**
 * Client acceptance of milestones (DESIGN.md §5.7, issue 13): the PM's preview and submission, the
 * client's decision from the status page. Milestones and their issues come from the snapshot's
 * cached issues (no Jira read); the submissions are one revisioned document per project.
 */
import { pmTextIn } from '../../../contract/report-narrative';
import { randomUUID } from 'node:crypto';
import {
  EMPTY_ACCEPTANCE,
  MAX_DECIDER_NAME_LENGTH,
  type AcceptancePreviewJson,
  type AcceptanceRecordJson,
  type AcceptanceSubmissionJson,
  type AcceptanceViewJson,
} from '../../../contract/acceptance';
import { clientLineId } from '../../../contract/report-narrative';
import {
  assessSubmission,
  decideSubmission,
  draftReleaseNotes,
  milestoneIssuesOf,
  toAcceptanceChecklist,
  withSubmission,
  type DecideRefusal,
} from '../../domain/acceptance';
import type { Issue } from '../../domain/issue';
import { AppError, isAppError } from '../app-error';
import { getEngagement } from '../engagement/engagement';
import { getProjectSettings } from '../project-settings';
import { acceptanceKind, reportDraftKind, type Snapshot } from '../records/record-kinds';
import { readCachedIssues, readSnapshot } from '../snapshot/project-cache';
import type { RecordStore, Revisioned } from '../storage';

/** Who decided, as the PM and the report read it (the same suffix as change-request decisions). */
export const CLIENT_VIA_PAGE_SUFFIX = ' (client via status page)';
/** A write that lost a race with another write of the document is re-applied this many times. */
const WRITE_ATTEMPTS = 5;
const ISSUE_LINE = clientLineId('issue', '');

/** The stored submissions and their revision (none at revision 0). */
export async function getAcceptance(records: RecordStore, projectId: string): Promise<Revisioned<AcceptanceRecordJson>> {
  const stored = await records.document(acceptanceKind, projectId).get();
  return { value: stored.value ?? EMPTY_ACCEPTANCE, revision: stored.revision };
}

/** What `acceptance/list` answers: the submissions and the milestones the snapshot knows (unarchived). */
export async function getAcceptanceView(records: RecordStore, projectId: string, canEdit: boolean): Promise<AcceptanceViewJson> {
  const [acceptance, snapshot] = await Promise.all([getAcceptance(records, projectId), readSnapshot(records, projectId)]);
  return toView(acceptance, snapshot.value, canEdit);
}

function toView(acceptance: Revisioned<AcceptanceRecordJson>, snapshot: Snapshot | undefined, canEdit: boolean): AcceptanceViewJson {
  const milestones = (snapshot?.milestones ?? []).filter((m) => !m.archived).map((m) => ({ id: m.id, name: m.name, released: m.released }));
  return { submissions: acceptance.value.submissions, revision: acceptance.revision, canEdit, milestones };
}

async function requireSnapshot(records: RecordStore, projectId: string): Promise<Snapshot> {
  const snapshot = (await readSnapshot(records, projectId)).value;
  if (snapshot === undefined) throw new AppError('NOT_READY', 'The project has not been read from Jira yet: refresh it first');
  return snapshot;
}

/**
 * A milestone's checklist now (the engagement's quality standards against its cached issues)
 * and release notes drafted from its done, client-visible issues in the client's wording (the
 * report draft's wording and hidden lines).
 * @throws AppError NOT_READY before the first sync; NOT_FOUND for a milestone the snapshot does not know.
 */
export async function previewAcceptance(records: RecordStore, projectId: string, milestoneId: string): Promise<AcceptancePreviewJson> {
  const snapshot = await requireSnapshot(records, projectId);
  const milestone = snapshot.milestones.find((m) => m.id === milestoneId && !m.archived);
  if (milestone === undefined)
    throw new AppError('NOT_FOUND', 'No such milestone', { fields: [{ path: 'milestoneId', message: 'No such milestone' }] });
  const [issues, engagement, settings, draft] = await Promise.all([
    readCachedIssues(records, snapshot),
    getEngagement(records, projectId),
    getProjectSettings(records, projectId),
    records.document(reportDraftKind, projectId).get(),
  ]);
  const ofMilestone = milestoneIssuesOf(issues, milestone.id);
  const byKey = new Map<string, Issue>(issues.map((i) => [i.key, i]));
  const wording = new Map<string, string>();
  // The release notes are drafted in the client's language (the settings' default); the PM edits them before submitting.
  for (const [line, text] of Object.entries(draft.value?.clientWording ?? {})) {
    const words = pmTextIn(text, settings.value.defaultClientLanguage);
    if (line.startsWith(ISSUE_LINE) && words !== undefined) wording.set(line.slice(ISSUE_LINE.length), words);
  }
  const hidden = new Set(
    (draft.value?.hiddenLines ?? []).filter((line) => line.startsWith(ISSUE_LINE)).map((line) => line.slice(ISSUE_LINE.length)),
  );
  return {
    milestone: { id: milestone.id, name: milestone.name, released: milestone.released, releaseDate: milestone.releaseDate },
    checklist: toAcceptanceChecklist(ofMilestone, engagement.value.qualityStandards),
    releaseNotes: draftReleaseNotes(ofMilestone, byKey, settings.value, { wording, hidden }),
    asOf: snapshot.asOf,
  };
}

const SUBMIT_MESSAGES = {
  'not-ready': 'The checklist is not met: confirm to submit it anyway (the client will read that it has open items)',
  awaiting: 'This milestone already awaits the client’s decision',
  accepted: 'The client already accepted this milestone',
  'too-many-pending': 'Too many milestones await the client: wait for a decision first',
} as const;

/**
 * Submits a milestone for the client's acceptance with the checklist as computed now and the PM's
 * release notes, if `revision` is still the stored one.
 * @throws AppError CONFLICT on a stale revision, a milestone awaiting the client or accepted, or
 *   too many awaiting; INVALID_PAYLOAD on `override` for a checklist not met without it.
 */
export async function submitAcceptance(
  records: RecordStore,
  projectId: string,
  input: { milestoneId: string; releaseNotes: string; override: boolean; revision: number; by: string; now: Date },
): Promise<Revisioned<AcceptanceRecordJson>> {
  const preview = await previewAcceptance(records, projectId, input.milestoneId);
  const document = records.document(acceptanceKind, projectId);
  const stored = await document.get();
  if (stored.revision !== input.revision) throw new AppError('CONFLICT', 'Someone changed the acceptance records since you opened them');
  const record = stored.value ?? EMPTY_ACCEPTANCE;
  const refusal = assessSubmission(record, preview.milestone.id, preview.checklist, input.override);
  if (refusal === 'not-ready') {
    throw new AppError('INVALID_PAYLOAD', SUBMIT_MESSAGES[refusal], { fields: [{ path: 'override', message: SUBMIT_MESSAGES[refusal] }] });
  }
  if (refusal !== null) throw new AppError('CONFLICT', SUBMIT_MESSAGES[refusal]);
  const submission: AcceptanceSubmissionJson = {
    id: randomUUID(),
    milestone: { id: preview.milestone.id, name: preview.milestone.name.slice(0, 255) },
    submittedAt: input.now.toISOString(),
    submittedBy: input.by,
    checklist: preview.checklist,
    override: !preview.checklist.ready,
    releaseNotes: input.releaseNotes,
    state: 'submitted',
    decision: null,
  };
  return document.save(withSubmission(record, submission), input.revision);
}

export class AcceptanceRefused extends Error {
  constructor(readonly refusal: DecideRefusal) {
    super(`The acceptance decision was refused: ${refusal}`);
  }
}

/**
 * Records the client's decision on a submission awaiting it, with the server's time; the name is
 * recorded as "<name> (client via status page)". Re-applied on a concurrent write of the document
 * (another milestone's decision), never over a decision already made.
 * @throws AcceptanceRefused for an unknown or already decided submission; AppError CONFLICT when
 *   the document keeps changing; INVALID_PAYLOAD when the decision does not parse.
 */
export async function decideAcceptance(
  records: RecordStore,
  projectId: string,
  input: { submissionId: string; accepted: boolean; name: string; comment: string; fixItems: readonly string[]; now: Date },
): Promise<AcceptanceSubmissionJson> {
  const document = records.document(acceptanceKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const stored = await document.get();
    const decided = decideSubmission(stored.value ?? EMPTY_ACCEPTANCE, input.submissionId, {
      accepted: input.accepted,
      by: `${input.name.slice(0, MAX_DECIDER_NAME_LENGTH)}${CLIENT_VIA_PAGE_SUFFIX}`,
      at: input.now.toISOString(),
      comment: input.comment,
      fixItems: input.fixItems.map((text, index) => ({ id: `fix-${String(index + 1)}`, text, jiraIssueKey: null })),
    });
    if (!decided.ok) throw new AcceptanceRefused(decided.refusal);
    try {
      await document.save(decided.record, stored.revision);
      return decided.submission;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/** Writes a fix item's Jira key onto the latest record (re-read and retried on a concurrent write); keeps a key already there. */
export async function recordFixItemIssue(
  records: RecordStore,
  projectId: string,
  request: { submissionId: string; fixItemId: string; issueKey: string },
): Promise<string> {
  const document = records.document(acceptanceKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const stored = await document.get();
    const record = stored.value ?? EMPTY_ACCEPTANCE;
    const { item } = findFixItem(record, request);
    if (item.jiraIssueKey !== null) return item.jiraIssueKey;
    const updated: AcceptanceRecordJson = {
      submissions: record.submissions.map((s) =>
        s.id !== request.submissionId || s.decision === null
          ? s
          : {
              ...s,
              decision: {
                ...s.decision,
                fixItems: s.decision.fixItems.map((f) => (f.id === request.fixItemId ? { ...f, jiraIssueKey: request.issueKey } : f)),
              },
            },
      ),
    };
    try {
      await document.save(updated, stored.revision);
      return request.issueKey;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= WRITE_ATTEMPTS) throw error;
    }
  }
}

/** @throws AppError NOT_FOUND when the submission or its fix item is not there. */
export function findFixItem(record: AcceptanceRecordJson, request: { submissionId: string; fixItemId: string }) {
  const submission = record.submissions.find((s) => s.id === request.submissionId);
  const item = submission?.decision?.fixItems.find((f) => f.id === request.fixItemId);
  if (submission === undefined || item === undefined) throw new AppError('NOT_FOUND', 'No such fix item');
  return { submission, item };
}
