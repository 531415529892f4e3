import type { ProjectOverview } from '../../contract';
import { calendarDayOf } from '../domain/issue-rules';
import { deriveOpenMilestones } from '../domain/milestone';
import { totalOf } from '../domain/status-category';
import type { ProjectSettings } from '../domain/settings';
import type { Clock, IssueSource, Store } from './ports';

export interface ProjectOverviewDeps {
  issues: IssueSource;
  store: Store;
  clock: Clock;
  settings: ProjectSettings;
}

/**
 * The project page's headline: issue counts by status category and the open milestones.
 * Also records the project as tracked so the daily snapshot covers it.
 * @throws AppError NOT_FOUND when the project does not exist or is not visible;
 *   JIRA_UNAVAILABLE / RATE_LIMITED when Jira cannot answer within the budget.
 */
export async function getProjectOverview(deps: ProjectOverviewDeps, projectKey: string): Promise<ProjectOverview> {
  const project = await deps.issues.getProject(projectKey);
  const [counts, milestones] = await Promise.all([deps.issues.countByStatusCategory(project.key), deps.issues.listMilestones(project.key)]);
  const now = deps.clock.now();
  await deps.store.trackProject(project, now);
  return {
    project,
    counts,
    total: totalOf(counts),
    milestones: deriveOpenMilestones(milestones, calendarDayOf(now.getTime(), deps.settings.timeZone)),
  };
}
