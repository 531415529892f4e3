import { describe, expect, it } from 'vitest';
import { realJiraBackend, realJiraSiteFromEnv } from './real-jira-backend';

describe('realJiraSiteFromEnv', () => {
  it('uses the emulator when none of the three variables is set', () => {
    expect(realJiraSiteFromEnv({})).toBeUndefined();
  });

  it('refuses a partial set, naming all three variables', () => {
    expect(() => realJiraSiteFromEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net' })).toThrow(
      /JIRA_BASE_URL, JIRA_EMAIL and JIRA_API_TOKEN/u,
    );
  });

  it('refuses a site that is not https', () => {
    expect(() => realJiraSiteFromEnv({ JIRA_BASE_URL: 'http://acme.atlassian.net', JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 't' })).toThrow(
      /https/u,
    );
  });

  it('keeps only the origin of the site URL', () => {
    expect(
      realJiraSiteFromEnv({ JIRA_BASE_URL: 'https://acme.atlassian.net/jira/your-work', JIRA_EMAIL: 'a@b.c', JIRA_API_TOKEN: 't' }),
    ).toEqual({
      baseUrl: 'https://acme.atlassian.net',
      email: 'a@b.c',
      apiToken: 't',
    });
  });
});

describe('realJiraBackend', () => {
  it('sends the product request to the site with Basic auth, keeping path, query, method and body', async () => {
    const seen: Request[] = [];
    const backend = realJiraBackend({ baseUrl: 'https://acme.atlassian.net', email: 'pm@acme.test', apiToken: 'secret' }, (input, init) => {
      seen.push(new Request(input, init));
      return Promise.resolve(new Response('{"count":3}', { status: 200 }));
    });
    const response = await backend(
      new Request('https://local.atlassian.invalid/rest/api/3/search/approximate-count?x=1', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"jql":"project = ACME"}',
      }),
      { type: 'fpp', remote: 'jira', provider: 'app' },
    );
    expect(await response.json()).toEqual({ count: 3 });
    const [sent] = seen;
    expect(sent?.url).toBe('https://acme.atlassian.net/rest/api/3/search/approximate-count?x=1');
    expect(sent?.method).toBe('POST');
    expect(sent?.headers.get('authorization')).toBe(`Basic ${Buffer.from('pm@acme.test:secret').toString('base64')}`);
    expect(await sent?.text()).toBe('{"jql":"project = ACME"}');
  });

  it.each(['/.//evil.example/rest/api/3/myself', '/%2e//evil.example/x', '//evil.example/rest/api/3/myself', '/secure/admin'])(
    'never sends the token anywhere but the site’s REST API (%s)',
    async (pathname) => {
      const seen: string[] = [];
      const backend = realJiraBackend({ baseUrl: 'https://acme.atlassian.net', email: 'pm@acme.test', apiToken: 'secret' }, (input) => {
        seen.push(input instanceof Request ? input.url : input.toString());
        return Promise.resolve(new Response('{}', { status: 200 }));
      });
      const request = new Request('https://local.atlassian.invalid/');
      Object.defineProperty(request, 'url', { value: `https://local.atlassian.invalid${pathname}` });
      const response = await backend(request, { type: 'fpp', remote: 'jira', provider: 'app' });
      expect(response.status).toBe(400);
      expect(seen).toEqual([]);
    },
  );
});
