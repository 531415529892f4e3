import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const acme = datasets[0];
if (!acme) throw new Error('no demo project');
const projectKey = acme.project.key;

let app: LocalApp;
let port: number;
let own: string;
beforeAll(async () => {
  app = await startLocalApp({ datasets, serve: true });
  own = app.url ?? '';
  port = Number(new URL(own).port);
});
afterAll(async () => {
  await app.close();
});

interface Sent {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

/** A raw HTTP request, so the test controls `Host` and `Origin` the way a browser page would send them. */
function send(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { host: `127.0.0.1:${port}`, ...headers, ...(body ? { 'content-type': 'text/plain' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const Refusal = z.strictObject({ code: z.enum(['FOREIGN_ORIGIN', 'FOREIGN_HOST']), message: z.string() });
const otherPage = () => `http://127.0.0.1:${port === 65535 ? port - 1 : port + 1}`;
const createBody = JSON.stringify({
  fields: { project: { key: acme.project.key }, issuetype: { name: 'Task' }, summary: 'Planted by another page' },
});

async function frameSession(): Promise<string> {
  const html = (await send('GET', `/__local/frame/client-followup-project-page/index.html?project=${projectKey}`)).body;
  const sessionId = /"sessionId":"([0-9a-f]+)"/u.exec(html)?.[1];
  if (!sessionId) throw new Error('no frame session in the frame HTML');
  return sessionId;
}

describe('a page on another local port (cross-site request forgery)', () => {
  it('cannot create an issue through the Jira proxy', async () => {
    const before = acme.issues.length;
    const response = await send('POST', '/__local/jira/rest/api/3/issue', { origin: otherPage() }, createBody);
    expect(response.status).toBe(403);
    expect(Refusal.parse(JSON.parse(response.body)).code).toBe('FOREIGN_ORIGIN');
    expect(acme.issues.length).toBe(before);
  });

  it('cannot inject faults through the admin endpoint', async () => {
    const response = await send('POST', '/__local/admin/faults', { origin: otherPage() }, JSON.stringify({ jira: { failAll: true } }));
    expect(response.status).toBe(403);
    const probe = await app.product(new Request(`https://local.invalid/rest/api/3/project/${acme.project.key}`), {
      type: 'fpp',
      provider: 'app',
      remote: 'jira',
    });
    expect(probe.status).toBe(200);
  });

  it('cannot invoke a resolver through a frame session it learned', async () => {
    const sessionId = await frameSession();
    const before = app.forge.invocations.length;
    const response = await send(
      'POST',
      `/__local/bridge/${sessionId}/invoke`,
      { origin: otherPage() },
      JSON.stringify({ functionKey: 'project/overview' }),
    );
    expect(response.status).toBe(403);
    const fetched = await send(
      'POST',
      `/__local/bridge/${sessionId}/fetch-product`,
      { origin: otherPage() },
      JSON.stringify({ restPath: '/rest/api/3/issue', fetchRequestInit: { method: 'POST', body: createBody } }),
    );
    expect(fetched.status).toBe(403);
    expect(app.forge.invocations.length).toBe(before);
  });

  it('is refused even without an Origin when the browser marks the request cross-site', async () => {
    const response = await send('GET', '/__local/admin/invocations', { 'sec-fetch-site': 'cross-site' });
    expect(response.status).toBe(403);
    expect((await send('GET', '/__local/admin/invocations', { 'sec-fetch-site': 'same-site' })).status).toBe(403);
  });

  it('cannot frame the host or its module frames (clickjacking)', async () => {
    const page = await send('GET', '/');
    expect(page.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    const frame = await send('GET', `/__local/frame/client-followup-project-page/index.html?project=${acme.project.key}`);
    expect(frame.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(frame.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('a page on a domain that resolves to 127.0.0.1 (DNS rebinding)', () => {
  it.each(['/', '/__local/admin/users', `/__local/jira/rest/api/3/project/${acme.project.key}`, '/__local/modules'])(
    'gets no answer from %s with Host: evil.example',
    async (path) => {
      for (const host of ['evil.example', `evil.example:${port}`]) {
        const response = await send('GET', path, { host });
        expect(response.status).toBe(403);
        expect(Refusal.parse(JSON.parse(response.body)).code).toBe('FOREIGN_HOST');
      }
    },
  );

  it('cannot write even with an Origin matching its own Host', async () => {
    const before = acme.issues.length;
    const response = await send(
      'POST',
      '/__local/jira/rest/api/3/issue',
      { host: `evil.example:${port}`, origin: `http://evil.example:${port}` },
      createBody,
    );
    expect(response.status).toBe(403);
    expect(acme.issues.length).toBe(before);
  });
});

describe('what keeps working', () => {
  it('the host page itself, same-origin writes and localhost', async () => {
    expect((await send('GET', '/')).status).toBe(200);
    expect((await send('GET', '/__local/admin/users', { host: `localhost:${port}` })).status).toBe(200);
    const sameOrigin = await send(
      'POST',
      '/__local/admin/faults',
      { origin: own, 'sec-fetch-site': 'same-origin' },
      JSON.stringify({ jira: null }),
    );
    expect(sameOrigin.status).toBe(200);
    const sessionId = await frameSession();
    const invoked = await send(
      'POST',
      `/__local/bridge/${sessionId}/invoke`,
      { origin: own },
      JSON.stringify({ functionKey: 'project/overview' }),
    );
    expect(invoked.status).toBe(200);
  });

  it('clients without an Origin (curl, tests): admin reads and writes', async () => {
    expect((await fetch(`${own}/__local/admin/invocations`)).status).toBe(200);
    expect((await fetch(`${own}/__local/admin/queue/drain`, { method: 'POST' })).status).toBe(200);
  });

  it('web triggers, which are public by design, whatever the Host', async () => {
    const response = await send('GET', '/x1/client-status-page/unknown-link', { host: 'status.example' });
    expect(response.status).toBe(404);
    expect(response.body).toContain('Link not found');
  });
});
