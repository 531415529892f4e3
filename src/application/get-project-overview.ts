import type { ProjectOverview } from '../../contract';
import { calendarDayOf } from '../domain/issue-rules';
import { deriveOpenMilestones } from '../domain/milestone';
import { totalOf } from '../domain/status-category';
import type { ProjectSettings } from '../domain/settings';
import { isAppError } from './app-error';
import type { Clock, IssueSource, Logger } from './ports';
import type { RecordStore } from './storage';
import { trackProject } from './tracked-projects';

export interface ProjectOverviewDeps {
  issues: IssueSource;
  records: RecordStore;
  clock: Clock;
  settings: ProjectSettings;
  log: Logger;
}

/**
 * The project page's headline: issue counts by status category and the open milestones.
 * Also records the project as tracked so the daily snapshot covers it — bookkeeping that
 * never fails the read: a storage failure there is logged and the overview still answers.
 * @throws AppError NOT_FOUND when the project does not exist or is not visible;
 *   JIRA_UNAVAILABLE / RATE_LIMITED when Jira cannot answer within the budget.
 */
export async function getProjectOverview(deps: ProjectOverviewDeps, projectKey: string): Promise<ProjectOverview> {
  const project = await deps.issues.getProject(projectKey);
  const [counts, milestones] = await Promise.all([deps.issues.countByStatusCategory(project.key), deps.issues.listMilestones(project.key)]);
  const now = deps.clock.now();
  try {
    await trackProject(deps.records, project, now);
  } catch (error) {
    if (!isAppError(error)) throw error;
    deps.log.warn('tracking the project failed; the overview answers anyway', { projectKey: project.key, code: error.code });
  }
  return {
    project,
    counts,
    total: totalOf(counts),
    milestones: deriveOpenMilestones(milestones, calendarDayOf(now.getTime(), deps.settings.timeZone)),
  };
}
