import type { IssueRiskView } from '../../contract';
import { AppError } from './app-error';
import { deriveFromRead, type StatusReportDeps } from './build-status-report';

/**
 * The issue panel's view: the issue, its risk with localized reasons, and its open blockers.
 * Risk depends on the whole project (median cycle time, milestone schedule), so it is
 * derived from a full project read, the same derivation the report uses.
 * @throws AppError NOT_FOUND when the issue is not in the project; the reader's errors otherwise.
 */
export async function getIssueRisk(
  deps: StatusReportDeps,
  request: { projectKey: string; issueKey: string; lang: 'en' | 'zh-CN'; now: Date },
): Promise<IssueRiskView> {
  const read = await deps.reader.readProject(request.projectKey, deps.settings);
  const issue = read.issues.find((i) => i.key === request.issueKey);
  if (!issue) throw new AppError('NOT_FOUND', `Issue ${request.issueKey} is not in project ${request.projectKey}`);
  const report = await deriveFromRead(deps, read, {
    projectKey: request.projectKey,
    audience: 'internal',
    lang: request.lang,
    now: request.now,
  });
  return {
    key: issue.key,
    summary: issue.summary,
    status: { name: issue.status.name, category: issue.status.category },
    dueDate: issue.due,
    risk: report.issueRisks.find((r) => r.key === issue.key) ?? null,
    blockedBy: issue.blockedBy.map((b) => ({ key: b.key, statusName: b.statusName })),
  };
}
