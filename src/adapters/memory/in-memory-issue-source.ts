import { AppError } from '../../application/app-error';
import type { IssueSource, ProjectRef } from '../../application/ports';
import type { Milestone } from '../../domain/milestone';
import { emptyStatusCategoryCounts, type StatusCategoryCounts, type StatusCategoryKey } from '../../domain/status-category';

export interface InMemoryProject {
  project: ProjectRef;
  milestones: Milestone[];
  issues: { key: string; statusCategory: StatusCategoryKey }[];
}

/** `IssueSource` over plain data, for use-case tests. Unknown keys are NOT_FOUND, like Jira. */
export class InMemoryIssueSource implements IssueSource {
  constructor(private readonly projects: InMemoryProject[]) {}

  private find(projectKey: string): InMemoryProject {
    const found = this.projects.find((p) => p.project.key === projectKey);
    if (!found) throw new AppError('NOT_FOUND', `No project ${projectKey}`);
    return found;
  }

  getProject(projectKey: string): Promise<ProjectRef> {
    return Promise.resolve(this.find(projectKey).project);
  }

  countByStatusCategory(projectKey: string): Promise<StatusCategoryCounts> {
    const counts = emptyStatusCategoryCounts();
    for (const issue of this.find(projectKey).issues) counts[issue.statusCategory] += 1;
    return Promise.resolve(counts);
  }

  listMilestones(projectKey: string): Promise<Milestone[]> {
    return Promise.resolve(this.find(projectKey).milestones);
  }
}
