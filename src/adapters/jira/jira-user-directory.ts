import { z } from 'zod';
import { AppError } from '../../application/app-error';
import type { JiraUser, UserDirectory } from '../../application/ports';
import type { JiraClient } from './jira-client';

const foundUsersSchema = z.looseObject({
  users: z.array(
    z.looseObject({
      accountId: z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/u),
      displayName: z.string().nullable().optional(),
      accountType: z.string().optional(),
    }),
  ),
});

/**
 * The Jira user picker through a `JiraClient` (needs `read:jira-user`). Only `atlassian`
 * accounts: apps and customers cannot own touchpoints. A user who hides their name shows as
 * their account id.
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-user-search/#api-rest-api-3-user-picker-get
 */
export class JiraUserDirectory implements UserDirectory {
  constructor(private readonly client: JiraClient) {}

  async findUsers(query: string, limit: number): Promise<JiraUser[]> {
    const params = new URLSearchParams({ query, maxResults: String(limit) });
    const found = foundUsersSchema.safeParse(await this.client.getJson(`/rest/api/3/user/picker?${params.toString()}`));
    if (!found.success) throw new AppError('JIRA_UNAVAILABLE', 'Jira answered a user search without users');
    return found.data.users
      .filter((u) => (u.accountType ?? 'atlassian') === 'atlassian')
      .map((u) => ({ accountId: u.accountId, displayName: u.displayName ?? u.accountId }));
  }
}
