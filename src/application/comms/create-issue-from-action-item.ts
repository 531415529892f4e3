import { createHash } from 'node:crypto';
import type { Language } from '../../../contract/language';
import type { ActionItemJson, TouchpointJson } from '../../../contract/comms';
import { COMMS_MESSAGES } from '../../../contract/i18n/comms-messages';
import { translator } from '../../../contract/i18n/strings';
import { AppError } from '../app-error';
import type { Clock, IssueWriter } from '../ports';
import { actionItemClaimKind, touchpointKind, type ActionItemClaim } from '../records/record-kinds';
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

/** A claim older than this was left by an attempt that died: the next one may take over. */
export const CLAIM_LEASE_MS = 60_000;
/** How long a second click waits for the first one's issue before answering CONFLICT. */
export const CLAIM_WAIT_MS = 8_000;
const CLAIM_POLL_MS = 250;
const SAVE_ATTEMPTS = 5;

export interface CreateIssueDeps {
  records: RecordStore;
  issues: IssueWriter;
  clock: Clock;
  /** Waits between looks at a claim another request holds. */
  sleep: (ms: number) => Promise<void>;
}

/** The claim's id and the issue's label: a hash of project, touchpoint and item (ids are up to 64 characters each). */
export function toActionItemMarker(projectId: string, touchpointId: string, actionItemId: string): { claimId: string; label: string } {
  const hash = createHash('sha256').update(`${projectId}\u0000${touchpointId}\u0000${actionItemId}`).digest('hex');
  return { claimId: hash.slice(0, 40), label: `client-followup-action-${hash.slice(0, 16)}` };
}

/**
 * Turns an action item into a Jira issue, once: created with the caller's rights (the writer is
 * `asUser`), assigned to the item's owner when that is a Jira account, with the item's due date,
 * and its key stored on the item.
 *
 * Once even under double clicks: the caller first claims the item with a revisioned write that
 * only one request wins; the other waits for the winner's key (up to `CLAIM_WAIT_MS`, then
 * CONFLICT: reload). The issue carries a label derived from the item, so when an attempt dies
 * between creating the issue and recording its key, the attempt that takes over its claim (after
 * `CLAIM_LEASE_MS`) finds that issue instead of creating a second one. An item that already has
 * an issue answers that key and creates nothing.
 * @throws AppError NOT_FOUND when the touchpoint or the item is not there; CONFLICT when another
 *   request holds the claim past the wait; Jira's errors as is (the claim then lapses).
 */
export async function createIssueFromActionItem(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { touchpointId: string; actionItemId: string; link: string; lang: Language },
): Promise<{ issueKey: string; touchpoint: TouchpointJson }> {
  const { touchpoint, item } = await readItem(deps.records, project.id, request);
  if (item.jiraIssueKey !== null) return { issueKey: item.jiraIssueKey, touchpoint };

  const marker = toActionItemMarker(project.id, touchpoint.id, item.id);
  const claim = await claimItem(deps, project.id, touchpoint.id, item.id, marker);
  if (claim.kind === 'done') return recordIssueKey(deps.records, project.id, request, claim.issueKey);

  // Between our first read and the claim, an earlier request may have finished and recorded.
  const again = await readItem(deps.records, project.id, request);
  if (again.item.jiraIssueKey !== null) return { issueKey: again.item.jiraIssueKey, touchpoint: again.touchpoint };

  let issueKey: string;
  try {
    issueKey = await findOrCreateIssue(deps, project, request, again, marker.label, claim.attempt);
  } catch (error) {
    // Let the next click retry at once rather than wait out the lease; it will look for the
    // issue by its label first, in case Jira created it but the answer was lost.
    await releaseClaim(deps.records, project.id, claim).catch(() => undefined);
    throw error;
  }
  // The claim first: a request arriving now reads the key there even before the minutes have it.
  const claims = deps.records.collection(actionItemClaimKind, project.id);
  try {
    await claims.save({ ...claim.record, issueKey }, claim.revision);
  } catch (error) {
    // Taken over after our lease ran out: the taker found our issue by its label.
    if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
  }
  return recordIssueKey(deps.records, project.id, request, issueKey);
}

async function findOrCreateIssue(
  deps: CreateIssueDeps,
  project: { id: string; key: string },
  request: { link: string; lang: Language },
  { touchpoint, item }: { touchpoint: TouchpointJson; item: ActionItemJson },
  label: string,
  attempt: number,
): Promise<string> {
  if (attempt > 1) {
    const found = await deps.issues.findIssueByLabel(project.key, label);
    if (found !== null) return found;
  }
  const plan = await getCommsPlan(deps.records, project.id);
  const series = plan.value.series.find((s) => s.id === touchpoint.seriesId) ?? null;
  const created = await deps.issues.createIssue({
    projectKey: project.key,
    summary: item.text.split('\n')[0] ?? item.text,
    description: toActionItemDescription(item, touchpoint, series?.title ?? null, request.link, request.lang),
    assigneeAccountId: item.ownerSide === 'internal' ? item.ownerAccountId : null,
    dueDate: item.due,
    labels: [label],
  });
  return created.key;
}

async function releaseClaim(records: RecordStore, projectId: string, claim: { record: ActionItemClaim; revision: number }): Promise<void> {
  await records.collection(actionItemClaimKind, projectId).save({ ...claim.record, claimedAt: LAPSED }, claim.revision);
}

const LAPSED = new Date(0).toISOString();

async function readItem(records: RecordStore, projectId: string, request: { touchpointId: string; actionItemId: string }) {
  const touchpoint = await records.collection(touchpointKind, projectId).get(request.touchpointId);
  if (!touchpoint) throw new AppError('NOT_FOUND', 'No such touchpoint');
  const item = touchpoint.actionItems.find((i) => i.id === request.actionItemId);
  if (!item) throw new AppError('NOT_FOUND', 'No such action item');
  return { touchpoint, item };
}

type Claimed = { kind: 'done'; issueKey: string } | { kind: 'won'; attempt: number; record: ActionItemClaim; revision: number };

/** Claims the item for this request, or answers the key another request created. */
async function claimItem(
  deps: CreateIssueDeps,
  projectId: string,
  touchpointId: string,
  actionItemId: string,
  marker: { claimId: string; label: string },
): Promise<Claimed> {
  const claims = deps.records.collection(actionItemClaimKind, projectId);
  const waitUntil = deps.clock.now().getTime() + CLAIM_WAIT_MS;
  for (;;) {
    const current = await claims.getRevisioned(marker.claimId);
    if (current.value?.issueKey) return { kind: 'done', issueKey: current.value.issueKey };
    const now = deps.clock.now();
    const held = current.value !== undefined && now.getTime() - Date.parse(current.value.claimedAt) < CLAIM_LEASE_MS;
    if (held) {
      if (now.getTime() >= waitUntil) {
        throw new AppError('CONFLICT', 'Another request is creating the Jira issue of this action item; reload in a moment');
      }
      await deps.sleep(CLAIM_POLL_MS);
      continue;
    }
    const record: ActionItemClaim = {
      id: marker.claimId,
      touchpointId,
      actionItemId,
      claimedAt: now.toISOString(),
      attempt: (current.value?.attempt ?? 0) + 1,
      label: marker.label,
      issueKey: null,
    };
    try {
      const saved = await claims.save(record, current.revision);
      return { kind: 'won', attempt: record.attempt, record, revision: saved.revision };
    } catch (error) {
      // Someone claimed between our read and our write: look again (and wait for them).
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
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
