import type { Language } from '../../../contract/language';
import type { AcceptanceSubmissionJson, FixItemJson } from '../../../contract/acceptance';
import { ACCEPTANCE_MESSAGES } from '../../../contract/i18n/acceptance-messages';
import { translator } from '../../../contract/i18n/strings';
import { createIssueOnce, persistently, type CreateIssueDeps } from '../issues/create-issue-once';
import { findFixItem, getAcceptance, recordFixItemIssue } from './acceptance';

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** The new issue's description as ADF: the fix item, the rejection it comes from, the client's comment, a link back to the app. */
export function toFixItemDescription(item: FixItemJson, submission: AcceptanceSubmissionJson, link: string, lang: Language): unknown {
  const t = translator(lang, ACCEPTANCE_MESSAGES);
  const decision = submission.decision;
  const content: unknown[] = [paragraph(text(item.text))];
  if (decision !== null) {
    content.push(
      paragraph(
        text(
          t('acceptanceIssue.fromRejection', { milestone: submission.milestone.name, name: decision.by, date: decision.at.slice(0, 10) }),
        ),
      ),
    );
    if (decision.comment !== '') content.push(paragraph(text(t('acceptanceIssue.comment', { comment: decision.comment }))));
  }
  content.push(paragraph(text(t('acceptanceIssue.openInApp'), [{ type: 'link', attrs: { href: link } }])));
  return { type: 'doc', version: 1, content };
}

/** What the issue of a fix item is made from: the claim's subject. */
export function fixItemSubject(submissionId: string, fixItemId: string): string {
  return `acceptance-fix/${submissionId}/${fixItemId}`;
}

/**
 * Opens a Jira issue from a rejection's fix item, once (`createIssueOnce`: double clicks, lost
 * answers and dead attempts make one issue), with the caller's rights; its key is written on the
 * fix item. An item that already has an issue answers that key.
 * @throws AppError NOT_FOUND when the submission or the item is not there; CONFLICT while another
 *   request holds the claim; Jira's and storage's errors as is.
 */
export async function createIssueFromFixItem(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { submissionId: string; fixItemId: string; link: string; lang: Language },
): Promise<string> {
  const read = async () => findFixItem((await getAcceptance(deps.records, project.id)).value, request);
  const { item } = await read();
  if (item.jiraIssueKey !== null) return item.jiraIssueKey;
  const issueKey = await createIssueOnce(deps, project, {
    subject: fixItemSubject(request.submissionId, request.fixItemId),
    recorded: async () => (await read()).item.jiraIssueKey,
    build: async () => {
      const latest = await read();
      return {
        summary: (latest.item.text.split('\n')[0] ?? latest.item.text).slice(0, 255),
        description: toFixItemDescription(latest.item, latest.submission, request.link, request.lang),
        assigneeAccountId: null,
        dueDate: null,
      };
    },
  });
  return persistently(() => recordFixItemIssue(deps.records, project.id, { ...request, issueKey }));
}
