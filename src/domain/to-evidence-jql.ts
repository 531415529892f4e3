/**
 * JQL that finds in Jira exactly the issues behind a health measure (DESIGN.md §5.3 "Evidence
 * is honest"), for the measures JQL can express. Measures built from the changelog (scope
 * creep, reopen rate) or comparing two fields (effort overruns) have none: their evidence is a
 * key list.
 *
 * "Open" is the domain's `!isDone`: status category not Done and no resolution. Subtasks, which
 * health does not count, are left out by their type names (the emulator, like the tests, has
 * no `subTaskIssueTypes()`).
 * @see https://support.atlassian.com/jira-software-cloud/docs/jql-fields/
 */

/** A JQL string literal: double quotes, with `\` and `"` escaped. */
export function toJqlString(value: string): string {
  return `"${value.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"')}"`;
}

/** The parts every evidence query shares: the project, open, not a subtask. */
export interface EvidenceScope {
  projectKey: string;
  /** Names of the subtask issue types the project uses (none: no clause). */
  subtaskTypeNames: readonly string[];
}

function openIssuesOf(scope: EvidenceScope, ...clauses: string[]): string {
  const parts = [`project = ${toJqlString(scope.projectKey)}`, ...clauses, 'statusCategory != Done', 'resolution = Unresolved'];
  if (scope.subtaskTypeNames.length > 0) parts.push(`issuetype not in (${scope.subtaskTypeNames.map(toJqlString).join(', ')})`);
  return parts.join(' AND ');
}

/** Open issues due before `today` (`YYYY-MM-DD` in the project's zone): due today is not overdue. */
export function toOverdueJql(scope: EvidenceScope, today: string): string {
  return openIssuesOf(scope, `duedate < ${toJqlString(today)}`);
}

/** Open bugs at the given priorities; null when there is no priority name to ask for. */
export function toTopBugsJql(scope: EvidenceScope, bugTypeNames: readonly string[], priorityNames: readonly string[]): string | null {
  if (bugTypeNames.length === 0 || priorityNames.length === 0) return null;
  return openIssuesOf(
    scope,
    `issuetype in (${bugTypeNames.map(toJqlString).join(', ')})`,
    `priority in (${priorityNames.map(toJqlString).join(', ')})`,
  );
}

/** Open issues of a milestone, by version id (a numeric id needs no quotes and cannot be misread as a name). */
export function toMilestoneOpenJql(scope: EvidenceScope, versionId: string): string {
  const version = /^\d{1,18}$/u.test(versionId) ? versionId : toJqlString(versionId);
  return openIssuesOf(scope, `fixVersion = ${version}`);
}
