import type { Issue } from './issue';
import { isDone } from './issue-rules';

/**
 * A linked issue's embedded status has no resolution, so a blocker resolved outside a done
 * category is only known when it is in the project: such blockers are dropped (blockedBy lists
 * unresolved blockers only). Blockers in other projects are judged by their category alone.
 * Answers the issues with those blockers removed (the others unchanged, same objects).
 */
export function dropResolvedBlockers(issues: readonly Issue[]): Issue[] {
  const blockerKeys = new Set<string>();
  for (const issue of issues) for (const blocker of issue.blockedBy) blockerKeys.add(blocker.key);
  if (blockerKeys.size === 0) return [...issues];
  const resolved = new Set<string>();
  for (const issue of issues) if (blockerKeys.has(issue.key) && isDone(issue)) resolved.add(issue.key);
  if (resolved.size === 0) return [...issues];
  return issues.map((issue) =>
    issue.blockedBy.some((b) => resolved.has(b.key)) ? { ...issue, blockedBy: issue.blockedBy.filter((b) => !resolved.has(b.key)) } : issue,
  );
}
