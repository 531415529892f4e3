import type { ProductBackend } from './forge-globals';

export interface RealJiraSite {
  baseUrl: string;
  email: string;
  apiToken: string;
}

/**
 * Reads the site settings from `JIRA_BASE_URL`, `JIRA_EMAIL`, `JIRA_API_TOKEN`. All three or
 * none: a partial set is a mistake worth stopping for.
 */
export function realJiraSiteFromEnv(env: NodeJS.ProcessEnv): RealJiraSite | undefined {
  const { JIRA_BASE_URL: baseUrl, JIRA_EMAIL: email, JIRA_API_TOKEN: apiToken } = env;
  if (!baseUrl && !email && !apiToken) return undefined;
  if (!baseUrl || !email || !apiToken) {
    throw new Error('Set all of JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN to use a real Jira site, or none for the emulator.');
  }
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:') throw new Error('JIRA_BASE_URL must be an https:// Jira Cloud site URL');
  return { baseUrl: url.origin, email, apiToken };
}

/**
 * Product requests go to a real Jira Cloud site with Basic auth (e-mail + API token). Every
 * call runs as that account, whether the app asked `asUser` or `asApp`: a local stand-in for
 * both, stated in the README.
 */
export function realJiraBackend(site: RealJiraSite, fetchImpl: typeof fetch = fetch): ProductBackend {
  const authorization = `Basic ${Buffer.from(`${site.email}:${site.apiToken}`).toString('base64')}`;
  return async (request) => {
    const source = new URL(request.url);
    const target = new URL(source.pathname + source.search, site.baseUrl);
    // A path such as `/.//evil.example/x` resolves to another host: the token never leaves the site.
    if (target.origin !== site.baseUrl || !target.pathname.startsWith('/rest/')) {
      return new Response(JSON.stringify({ errorMessages: ['Only the site’s REST API is reachable.'] }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      });
    }
    const headers = new Headers(request.headers);
    headers.set('Authorization', authorization);
    headers.set('Accept', headers.get('Accept') ?? 'application/json');
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    return fetchImpl(target, { method: request.method, headers, ...(body !== undefined ? { body } : {}) });
  };
}
