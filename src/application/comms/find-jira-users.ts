import type { JiraUser, UserDirectory } from '../ports';

/** How many users the stakeholder editor's picker lists. */
export const USER_PICKER_LIMIT = 10;

/** The Jira users whose name or e-mail starts with `query` (trimmed), for an internal stakeholder's account. */
export async function findJiraUsers(directory: UserDirectory, query: string): Promise<JiraUser[]> {
  const users = await directory.findUsers(query.trim(), USER_PICKER_LIMIT);
  return users.slice(0, USER_PICKER_LIMIT);
}
