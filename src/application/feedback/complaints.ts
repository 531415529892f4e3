import type { Language } from '../../../contract/language';
import type { ComplaintStatus, FeedbackEntryJson } from '../../../contract/feedback';
import { FEEDBACK_MESSAGES } from '../../../contract/i18n/feedback-messages';
import { translator } from '../../../contract/i18n/strings';
import { applyComplaintUpdate } from '../../domain/feedback/complaint-rules';
import { AppError, isAppError } from '../app-error';
import { getCommsPlan } from '../comms/comms-plan';
import { createIssueOnce, persistently, type CreateIssueDeps } from '../issues/create-issue-once';
import { feedbackKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

async function readComplaint(records: RecordStore, projectId: string, feedbackId: string) {
  const entry = await records.collection(feedbackKind, projectId).get(feedbackId);
  if (!entry?.complaint) throw new AppError('NOT_FOUND', 'No such complaint');
  return { entry, complaint: entry.complaint };
}

/**
 * Updates a complaint's follow-up (owner, due day, status, resolution note). The Jira issue
 * already created from it is kept whatever the update says.
 * @throws AppError NOT_FOUND when the feedback has no complaint; INVALID_PAYLOAD beside the
 *   field when resolving without a note or naming an owner who is not an internal stakeholder.
 */
export async function saveComplaint(
  records: RecordStore,
  projectId: string,
  update: { feedbackId: string; ownerId: string | null; due: string; status: ComplaintStatus; resolutionNote: string },
  now: number,
): Promise<FeedbackEntryJson> {
  const [{ entry, complaint }, plan] = await Promise.all([
    readComplaint(records, projectId, update.feedbackId),
    getCommsPlan(records, projectId),
  ]);
  const internal = new Set(plan.value.stakeholders.filter((s) => s.side === 'internal').map((s) => s.id));
  const applied = applyComplaintUpdate(complaint, update, internal, now);
  if (!applied.ok) {
    throw new AppError('INVALID_PAYLOAD', 'The complaint update is refused.', {
      fields: applied.problems.map((p) => ({
        path: p.path,
        message: p.reason === 'required' ? 'say how it was resolved' : 'an internal stakeholder of the communication plan',
      })),
    });
  }
  // Conditional on the entry as read: a Jira key recorded meanwhile is kept, an edit meanwhile wins and this one retries on it.
  return updateEntry(records, projectId, entry.id, (latest) => {
    const issueKey = latest.complaint?.jiraIssueKey ?? applied.complaint.jiraIssueKey;
    return { ...latest, complaint: { ...applied.complaint, jiraIssueKey: issueKey } };
  });
}

const UPDATE_ATTEMPTS = 5;

/** Applies `change` to the stored entry with a conditional write, re-reading and retrying when another write lands first. */
async function updateEntry(
  records: RecordStore,
  projectId: string,
  feedbackId: string,
  change: (latest: FeedbackEntryJson) => FeedbackEntryJson,
): Promise<FeedbackEntryJson> {
  const entries = records.collection(feedbackKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const latest = await entries.getRevisioned(feedbackId);
    if (!latest.value) throw new AppError('NOT_FOUND', 'No such feedback');
    const updated = change(latest.value);
    try {
      await entries.save(updated, latest.revision);
      return updated;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'CONFLICT') || attempt >= UPDATE_ATTEMPTS) throw error;
    }
  }
}

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** The new issue's description as ADF: the rating and comment, who gave it, the due day, and a link back. */
export function toComplaintDescription(entry: FeedbackEntryJson, stakeholderName: string | null, link: string, lang: Language): unknown {
  const t = translator(lang, FEEDBACK_MESSAGES);
  const content: unknown[] = [
    paragraph(
      text(
        t('feedback.issue.rating', {
          rating: entry.rating,
          source: t(`feedback.source.${entry.source}`),
          day: entry.createdAt.slice(0, 10),
        }),
      ),
    ),
  ];
  if (entry.comment !== '') content.push(paragraph(text(entry.comment)));
  if (stakeholderName !== null) content.push(paragraph(text(t('feedback.issue.from', { name: stakeholderName }))));
  if (entry.complaint) content.push(paragraph(text(t('feedback.issue.due', { due: entry.complaint.due }))));
  content.push(paragraph(text(t('feedback.issue.openInApp'), [{ type: 'link', attrs: { href: link } }])));
  return { type: 'doc', version: 1, content };
}

/**
 * Turns a complaint into a Jira issue, once: created with the caller's rights (the writer is
 * `asUser`), assigned to the complaint's owner when that stakeholder has a Jira account, due on
 * the complaint's day, and its key stored on the complaint. A complaint that already has an
 * issue answers that key and creates nothing, so a retried click never makes a second issue.
 * @throws AppError NOT_FOUND when there is no such complaint; Jira's errors as is.
 */
export async function createIssueFromComplaint(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { feedbackId: string; link: string; lang: Language },
): Promise<{ issueKey: string; entry: FeedbackEntryJson }> {
  const { entry, complaint } = await readComplaint(deps.records, project.id, request.feedbackId);
  if (complaint.jiraIssueKey !== null) return { issueKey: complaint.jiraIssueKey, entry };
  const issueKey = await createIssueOnce(deps, project, {
    subject: `complaint/${entry.id}`,
    recorded: async () => (await readComplaint(deps.records, project.id, entry.id)).complaint.jiraIssueKey,
    build: async () => {
      const latest = await readComplaint(deps.records, project.id, entry.id);
      const plan = await getCommsPlan(deps.records, project.id);
      const stakeholder = plan.value.stakeholders.find((s) => s.id === latest.entry.stakeholderId) ?? null;
      const owner = plan.value.stakeholders.find((s) => s.id === latest.complaint.ownerId) ?? null;
      const t = translator(request.lang, FEEDBACK_MESSAGES);
      const firstLine = latest.entry.comment.split('\n')[0]?.slice(0, 120) ?? '';
      return {
        summary: t('feedback.issue.summary', {
          rating: latest.entry.rating,
          comment: firstLine === '' ? t('feedback.issue.noComment') : firstLine,
        }),
        description: toComplaintDescription(latest.entry, stakeholder?.name ?? null, request.link, request.lang),
        assigneeAccountId: owner?.side === 'internal' ? owner.accountId : null,
        dueDate: latest.complaint.due,
      };
    },
  });
  // The follow-up may have been edited while Jira answered: only the key changes.
  const updated = await persistently(() =>
    updateEntry(deps.records, project.id, entry.id, (latest) => ({
      ...latest,
      complaint: latest.complaint === null ? null : { ...latest.complaint, jiraIssueKey: latest.complaint.jiraIssueKey ?? issueKey },
    })),
  );
  return { issueKey, entry: updated };
}
