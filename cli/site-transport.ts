import { Buffer } from 'node:buffer';
import type { JiraTransport } from '../src/adapters/jira/jira-client';

/**
 * A `JiraTransport` to a Jira Cloud site with an API token (Basic auth, e-mail:token).
 * @see https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/
 */
export function siteTransport(site: string, email: string, apiToken: string, fetchImpl: typeof fetch = fetch): JiraTransport {
  const authorization = `Basic ${Buffer.from(`${email}:${apiToken}`).toString('base64')}`;
  return (path, init = {}) =>
    fetchImpl(new URL(path, site), {
      method: init.method ?? 'GET',
      headers: { ...init.headers, Authorization: authorization },
      ...(init.body !== undefined ? { body: init.body } : {}),
      redirect: 'error',
    });
}
