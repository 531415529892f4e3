import type { TouchpointJson } from '../../../contract/comms';
import type { StatusCategoryKey } from '../../domain/status-category';
import { readCachedIssue, readSnapshot } from '../snapshot/project-cache';
import type { RecordStore } from '../storage';

/** At most this many action-item issues are followed per answer (one cache read each). */
export const MAX_FOLLOWED_ISSUES = 100;

/**
 * The current status of the Jira issues created from action items, from the snapshot's issue
 * cache and the product events since (no Jira call). An issue the cache does not know yet (just
 * created, before the next refresh) is left out; the UI shows its key without a status.
 */
export async function followActionItemIssues(
  records: RecordStore,
  projectId: string,
  touchpoints: readonly TouchpointJson[],
): Promise<Record<string, { name: string; category: StatusCategoryKey }>> {
  const keys = [...new Set(touchpoints.flatMap((t) => t.actionItems.flatMap((i) => (i.jiraIssueKey ? [i.jiraIssueKey] : []))))].slice(
    0,
    MAX_FOLLOWED_ISSUES,
  );
  if (keys.length === 0) return {};
  const snapshot = (await readSnapshot(records, projectId)).value;
  if (!snapshot) return {};
  const found = await Promise.all(keys.map(async (key) => [key, (await readCachedIssue(records, snapshot, { key })).issue] as const));
  return Object.fromEntries(
    found.flatMap(([key, issue]) => (issue ? [[key, { name: issue.status.name, category: issue.status.category }]] : [])),
  );
}
