import { asApp, asUser, assumeTrustedRoute } from '@forge/api';
import type { JiraTransport } from './jira-client';

/**
 * `requestJira` as a `JiraTransport`: as the signed-in user from UI resolvers, so Jira's own
 * permissions apply; as the app from background work, where no user is present. Paths come
 * only from the Jira readers, which build them from keys they have validated, hence
 * `assumeTrustedRoute`.
 */
export function forgeJiraTransport(as: 'user' | 'app'): JiraTransport {
  return async (path, init) => {
    const requester = as === 'user' ? asUser() : asApp();
    // @forge/api returns its own Response type; it is fetch-compatible for what JiraClient reads.
    return (await requester.requestJira(assumeTrustedRoute(path), init)) as unknown as Response;
  };
}
