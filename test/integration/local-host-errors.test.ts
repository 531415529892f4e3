/**
 * The local host answers a bad request as one: malformed JSON is a 400 with a message of its own
 * (not a 500 with the parser's), a body over 1 MB is a 413 the client actually receives (the
 * connection is not reset under it), and an unknown scheduled trigger is a 404.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const projectKey = datasets[0]?.project.key ?? 'ACME';

let app: LocalApp;
let port: number;
beforeAll(async () => {
  app = await startLocalApp({ datasets, serve: true });
  port = Number(new URL(app.url ?? '').port);
});
afterAll(async () => {
  await app.close();
});

interface Sent {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw same-origin request, as a script on the host page or a CLI would send it. */
function send(method: string, path: string, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${String(port)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers });
        });
      },
    );
    // A reset connection fails the test here, with ECONNRESET or EPIPE.
    req.on('error', reject);
    req.end(body);
  });
}

const Message = z.strictObject({ message: z.string() });

async function frameSession(): Promise<string> {
  const html = (await send('GET', `/__local/frame/client-followup-project-page/index.html?project=${projectKey}`)).body;
  const sessionId = /"sessionId":"([0-9a-f]+)"/u.exec(html)?.[1];
  if (!sessionId) throw new Error('no frame session in the frame HTML');
  return sessionId;
}

describe('malformed JSON', () => {
  it.each([
    ['a bridge invoke', async () => `/__local/bridge/${await frameSession()}/invoke`],
    ['the admin faults', () => Promise.resolve('/__local/admin/faults')],
  ])('to %s is a 400 that says so, without the parser’s message', async (_name, pathOf) => {
    const response = await send('POST', await pathOf(), '{"functionKey":"settings/save","payload":{');
    expect(response.status).toBe(400);
    expect(Message.parse(JSON.parse(response.body)).message).toBe('The request body is not valid JSON.');
    expect(response.body).not.toMatch(/Unexpected|position|SyntaxError/u);
  });

  it('a faults body of the wrong shape is a 400 too', async () => {
    const response = await send('POST', '/__local/admin/faults', '[1, 2]');
    expect(response.status).toBe(400);
    expect(Message.safeParse(JSON.parse(response.body)).success).toBe(true);
  });

  it('a well-formed invoke still works', async () => {
    const response = await send('POST', `/__local/bridge/${await frameSession()}/invoke`, JSON.stringify({ functionKey: 'settings/get' }));
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ result: { ok: true } });
  });
});

describe('a body over 1 MB', () => {
  const big = JSON.stringify({ functionKey: 'settings/save', payload: { x: 'a'.repeat(2_000_000) } });

  it('to a bridge invoke is a 413 the client receives, and the connection closes after it', async () => {
    const response = await send('POST', `/__local/bridge/${await frameSession()}/invoke`, big);
    expect(response.status).toBe(413);
    expect(Message.parse(JSON.parse(response.body)).message).toBe('The request body is over the 1 MB limit.');
    expect(response.headers.connection).toBe('close');
    // The server is fine afterwards.
    expect((await send('GET', '/__local/health')).status).toBe(200);
  });

  it('to a web trigger is a 413 too', async () => {
    const response = await send('POST', '/x1/any-trigger', big);
    expect(response.status).toBe(413);
  });

  it('of exactly 1 MB is read', async () => {
    const body = JSON.stringify({ jira: null, pad: 'a'.repeat(1024 * 1024 - 22) });
    expect(Buffer.byteLength(body)).toBe(1024 * 1024);
    expect((await send('POST', '/__local/admin/faults', body)).status).toBe(200);
  });
});

describe('scheduled triggers', () => {
  it('an unknown key is a 404 naming it, and nothing runs', async () => {
    const unknown = await send('POST', '/__local/admin/scheduled/no-such-trigger');
    expect(unknown.status).toBe(404);
    expect(Message.parse(JSON.parse(unknown.body)).message).toBe('no scheduled trigger no-such-trigger');
    const keys = z.array(z.string()).parse(JSON.parse((await send('GET', '/__local/admin/scheduled')).body));
    expect(keys.length).toBeGreaterThan(0);
    expect(app.forge.invocations.filter((i) => i.kind === 'scheduled' && i.key === 'no-such-trigger')).toEqual([]);
  });
});
