/**
 * The report's support section (issue 13, DESIGN.md §5.7), pure: client-reported issues against
 * the engagement's response- and resolution-time targets, for one audience.
 */
import { SUPPORT_OVERDUE_LIMIT, type SupportSectionJson } from '../../contract/support-report';
import { compareIssueKeys } from './compare-issue-keys';
import { assessSupportTimes, summarizeSupportTimes } from './engagement';
import type { Issue } from './issue';
import type { EngagementInput } from './project-data';

/**
 * The section when the engagement is in support with targets set; undefined otherwise (no
 * section). `shown` picks the issues the audience sees (the client: `isClientVisible`), and both
 * the counts and the overdue list are of those only. Overdue: either clock is past its target
 * with nothing reached yet; oldest first, then in key order; at most `SUPPORT_OVERDUE_LIMIT`.
 */
export function deriveSupportSection(
  issues: readonly Issue[],
  engagement: EngagementInput | undefined,
  now: number,
  shown: (issue: Issue) => boolean = () => true,
): SupportSectionJson | undefined {
  if (engagement?.phase !== 'support' || engagement.support === null) return undefined;
  const targets = engagement.support;
  const visible = issues.filter(shown);
  const times = assessSupportTimes(visible, targets, now);
  const byKey = new Map(visible.map((i) => [i.key, i]));
  const overdue = times
    .filter((t) => t.response === 'overdue' || t.resolution === 'overdue')
    .flatMap((t) => {
      const issue = byKey.get(t.key);
      return issue === undefined ? [] : [{ issue, times: t }];
    })
    .sort((a, b) => a.issue.created - b.issue.created || compareIssueKeys(a.issue.key, b.issue.key));
  return {
    responseHours: targets.responseHours,
    resolutionHours: targets.resolutionHours,
    total: times.length,
    ...summarizeSupportTimes(times),
    overdue: overdue.slice(0, SUPPORT_OVERDUE_LIMIT).map(({ issue, times: t }) => ({
      key: issue.key,
      summary: issue.summary,
      created: new Date(issue.created).toISOString(),
      response: t.response,
      resolution: t.resolution,
    })),
    overdueTotal: overdue.length,
  };
}
