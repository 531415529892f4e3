import { describe, expect, it } from 'vitest';
import { JiraClient, type RetryPolicy } from './jira-client';

const policy: RetryPolicy = { maxAttempts: 4, budgetMs: 60_000, baseDelayMs: 100, maxDelayMs: 1_000 };

/** A transport answering from a script, recording what was asked; time is simulated. */
function scripted(responses: (() => Response)[]) {
  const calls: string[] = [];
  const waits: number[] = [];
  let clock = 0;
  const client = new JiraClient({
    transport: (path) => {
      calls.push(path);
      const next = responses.shift();
      if (!next) throw new Error('no scripted response left');
      return Promise.resolve(next());
    },
    policy,
    sleep: (ms) => {
      waits.push(ms);
      clock += ms;
      return Promise.resolve();
    },
    random: () => 0.5,
    monotonicNow: () => clock,
  });
  return { client, calls, waits };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers });

describe('JiraClient retries', () => {
  it('honours Retry-After on 429, then returns the answer', async () => {
    const { client, waits } = scripted([json(429, {}, { 'Retry-After': '3' }), json(200, { ok: 1 })]);
    await expect(client.getJson('/rest/api/3/field')).resolves.toEqual({ ok: 1 });
    expect(waits).toEqual([3000]);
  });

  it('backs off exponentially with jitter on 503 without Retry-After', async () => {
    const { client, waits } = scripted([json(503, {}), json(503, {}), json(200, [])]);
    await client.getJson('/rest/api/3/status');
    // ceiling 100 then 200; with random 0.5 the wait is 3/4 of the ceiling.
    expect(waits).toEqual([75, 150]);
  });

  it('gives up after maxAttempts with a typed RATE_LIMITED error', async () => {
    const { client, calls } = scripted(Array.from({ length: 4 }, () => json(429, {}, { 'Retry-After': '1' })));
    await expect(client.getJson('/rest/api/3/field')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(calls).toHaveLength(4);
  });

  it('gives up before a wait would exceed the time budget', async () => {
    const { client, calls } = scripted([json(429, {}, { 'Retry-After': '120' })]);
    await expect(client.getJson('/rest/api/3/field')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(calls).toHaveLength(1);
  });

  it.each([
    [404, 'NOT_FOUND'],
    [403, 'FORBIDDEN'],
    [401, 'FORBIDDEN'],
    [400, 'INTERNAL'],
  ])('does not retry %i and maps it to %s', async (status, code) => {
    const { client, calls } = scripted([json(status, { errorMessages: ['x'] })]);
    await expect(client.getJson('/rest/api/3/issue/ACME-1?fields=summary')).rejects.toMatchObject({ code });
    expect(calls).toHaveLength(1);
  });

  it('never echoes the query string (JQL) in error messages', async () => {
    const { client } = scripted([json(404, {})]);
    await expect(client.getJson('/rest/api/3/search/jql?jql=secret')).rejects.toThrow(/^(?!.*secret).*$/u);
  });

  it('retries a transport failure like a 503', async () => {
    let failed = false;
    const client = new JiraClient({
      transport: () => {
        if (!failed) {
          failed = true;
          return Promise.reject(new Error('socket hang up'));
        }
        return Promise.resolve(new Response('{"a":1}'));
      },
      policy,
      sleep: () => Promise.resolve(),
    });
    await expect(client.getJson('/x')).resolves.toEqual({ a: 1 });
  });
});

describe('JiraClient time budget', () => {
  it('is shared by all requests of one client (one invocation), not reset per request', async () => {
    let clock = 0;
    const responses = [429, 200, 429, 429].map((status) => () => new Response('{}', { status, headers: { 'Retry-After': '20' } }));
    const client = new JiraClient({
      transport: () => Promise.resolve((responses.shift() ?? (() => new Response('{}')))()),
      policy: { maxAttempts: 5, budgetMs: 50_000, baseDelayMs: 100, maxDelayMs: 1_000 },
      sleep: (ms) => {
        clock += ms;
        return Promise.resolve();
      },
      monotonicNow: () => clock,
    });
    await client.getJson('/a'); // waits 20 s, 30 s left
    // The second request may wait once more (20 s, 10 s left) but not a third time.
    await expect(client.getJson('/b')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect(clock).toBe(40_000);
  });
});
