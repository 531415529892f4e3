import type { Language } from '../../../contract/language';
import type { ActionItemJson, TouchpointJson } from '../../../contract/comms';
import { COMMS_MESSAGES } from '../../../contract/i18n/comms-messages';
import { translator } from '../../../contract/i18n/strings';
import { AppError } from '../app-error';
import type { IssueWriter } from '../ports';
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

/**
 * Turns an action item into a Jira issue, once: created with the caller's rights (the writer is
 * `asUser`), assigned to the item's owner when that is a Jira account, with the item's due date,
 * and its key stored on the item. An item that already has an issue answers that key and
 * creates nothing, so a retried click never makes a second issue.
 * @throws AppError NOT_FOUND when the touchpoint or the item is not there; Jira's errors as is.
 */
export async function createIssueFromActionItem(
  deps: { records: RecordStore; issues: IssueWriter },
  project: { id: string; key: string },
  request: { touchpointId: string; actionItemId: string; link: string; lang: Language },
): Promise<{ issueKey: string; touchpoint: TouchpointJson }> {
  const log = deps.records.collection(touchpointKind, project.id);
  const touchpoint = await log.get(request.touchpointId);
  if (!touchpoint) throw new AppError('NOT_FOUND', 'No such touchpoint');
  const item = touchpoint.actionItems.find((i) => i.id === request.actionItemId);
  if (!item) throw new AppError('NOT_FOUND', 'No such action item');
  if (item.jiraIssueKey !== null) return { issueKey: item.jiraIssueKey, touchpoint };

  const plan = await getCommsPlan(deps.records, project.id);
  const series = plan.value.series.find((s) => s.id === touchpoint.seriesId) ?? null;
  const created = await deps.issues.createIssue({
    projectKey: project.key,
    summary: item.text.split('\n')[0] ?? item.text,
    description: toActionItemDescription(item, touchpoint, series?.title ?? null, request.link, request.lang),
    assigneeAccountId: item.ownerSide === 'internal' ? item.ownerAccountId : null,
    dueDate: item.due,
  });
  // Re-read: the minutes may have been edited while Jira answered; only this item's key changes.
  const latest = (await log.get(request.touchpointId)) ?? touchpoint;
  const updated: TouchpointJson = {
    ...latest,
    actionItems: latest.actionItems.map((i) => (i.id === item.id ? { ...i, jiraIssueKey: created.key } : i)),
  };
  await log.put(updated);
  return { issueKey: created.key, touchpoint: updated };
}
