import type { IssueSummary } from '../../contract';
import type { IssueSource } from './ports';

/**
 * The issue panel's headline.
 * @throws AppError NOT_FOUND when the issue does not exist or is not visible.
 */
export async function getIssueSummary(deps: { issues: IssueSource }, issueKey: string): Promise<IssueSummary> {
  const issue = await deps.issues.getIssueHeadline(issueKey);
  return {
    key: issue.key,
    summary: issue.summary,
    status: { name: issue.statusName, category: issue.statusCategory },
    dueDate: issue.dueDate,
  };
}
