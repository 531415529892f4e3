import type { Language } from '../../../contract/language';
import type { ActionItemJson, TouchpointJson } from '../../../contract/comms';
import { COMMS_MESSAGES } from '../../../contract/i18n/comms-messages';
import { translator } from '../../../contract/i18n/strings';
import { AppError } from '../app-error';
import { createIssueOnce, type CreateIssueDeps } from '../issues/create-issue-once';
import { touchpointKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import { getCommsPlan } from './comms-plan';

const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/**
 * The new issue's description as ADF: the action item, where it comes from, its owner and due
 * date, and a link back to the touchpoint in the app.
 */
export function toActionItemDescription(
  item: ActionItemJson,
  touchpoint: TouchpointJson,
  seriesTitle: string | null,
  link: string,
  lang: Language,
): unknown {
  const t = translator(lang, COMMS_MESSAGES);
  const content: unknown[] = [
    paragraph(text(item.text)),
    paragraph(text(t('comms.actionItem.fromTouchpoint', { date: touchpoint.date, series: seriesTitle ?? t('comms.actionItem.adHoc') }))),
  ];
  if (item.ownerName !== '')
    content.push(paragraph(text(t('comms.actionItem.owner', { owner: item.ownerName, side: t(`comms.side.${item.ownerSide}`) }))));
  if (item.due !== null) content.push(paragraph(text(t('comms.actionItem.due', { due: item.due }))));
  content.push(paragraph(text(t('comms.actionItem.openInApp'), [{ type: 'link', attrs: { href: link } }])));
  return { type: 'doc', version: 1, content };
}

const SAVE_ATTEMPTS = 5;

/** What the issue of an action item is made from: the claim's subject. */
export function actionItemSubject(touchpointId: string, actionItemId: string): string {
  return `action-item/${touchpointId}/${actionItemId}`;
}

/**
 * Turns an action item into a Jira issue, once (`createIssueOnce`: double clicks, lost answers
 * and dead attempts make one issue): created with the caller's rights (the writer is `asUser`),
 * assigned to the item's owner when that is a Jira account, with the item's due date, and its
 * key stored on the item. An item that already has an issue answers that key.
 * @throws AppError NOT_FOUND when the touchpoint or the item is not there; CONFLICT when another
 *   request holds the claim past the wait; Jira's errors as is.
 */
export async function createIssueFromActionItem(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { touchpointId: string; actionItemId: string; link: string; lang: Language },
): Promise<{ issueKey: string; touchpoint: TouchpointJson }> {
  const { touchpoint, item } = await readItem(deps.records, project.id, request);
  if (item.jiraIssueKey !== null) return { issueKey: item.jiraIssueKey, touchpoint };
  const issueKey = await createIssueOnce(deps, project, {
    subject: actionItemSubject(touchpoint.id, item.id),
    recorded: async () => (await readItem(deps.records, project.id, request)).item.jiraIssueKey,
    build: async () => {
      const latest = await readItem(deps.records, project.id, request);
      const plan = await getCommsPlan(deps.records, project.id);
      const series = plan.value.series.find((s) => s.id === latest.touchpoint.seriesId) ?? null;
      return {
        summary: latest.item.text.split('\n')[0] ?? latest.item.text,
        description: toActionItemDescription(latest.item, latest.touchpoint, series?.title ?? null, request.link, request.lang),
        assigneeAccountId: latest.item.ownerSide === 'internal' ? latest.item.ownerAccountId : null,
        dueDate: latest.item.due,
      };
    },
  });
  return recordIssueKey(deps.records, project.id, request, issueKey);
}

async function readItem(records: RecordStore, projectId: string, request: { touchpointId: string; actionItemId: string }) {
  const touchpoint = await records.collection(touchpointKind, projectId).get(request.touchpointId);
  if (!touchpoint) throw new AppError('NOT_FOUND', 'No such touchpoint');
  const item = touchpoint.actionItems.find((i) => i.id === request.actionItemId);
  if (!item) throw new AppError('NOT_FOUND', 'No such action item');
  return { touchpoint, item };
}

/** Writes the key on the item, on the latest minutes (re-read and retried if edited meanwhile). */
async function recordIssueKey(
  records: RecordStore,
  projectId: string,
  request: { touchpointId: string; actionItemId: string },
  issueKey: string,
): Promise<{ issueKey: string; touchpoint: TouchpointJson }> {
  const log = records.collection(touchpointKind, projectId);
  for (let attempt = 1; ; attempt += 1) {
    const latest = await log.getRevisioned(request.touchpointId);
    if (!latest.value) throw new AppError('NOT_FOUND', 'No such touchpoint');
    const item = latest.value.actionItems.find((i) => i.id === request.actionItemId);
    if (!item) throw new AppError('NOT_FOUND', 'No such action item');
    if (item.jiraIssueKey !== null) return { issueKey: item.jiraIssueKey, touchpoint: latest.value };
    const updated: TouchpointJson = {
      ...latest.value,
      actionItems: latest.value.actionItems.map((i) => (i.id === item.id ? { ...i, jiraIssueKey: issueKey } : i)),
    };
    try {
      await log.save(updated, latest.revision);
      return { issueKey, touchpoint: updated };
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= SAVE_ATTEMPTS) throw error;
    }
  }
}
