import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { startLocalApp } from '../support/local-app';

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ serve: true });
});
afterAll(async () => {
  await app.close();
});

describe('client status page web trigger (served at its local URL)', () => {
  it.each(['', 'abc', 'x'.repeat(64), '<script>alert(1)</script>'])(
    'an unknown link %# gets the same 404 page with strict headers',
    async (token) => {
      const response = await fetch(`${app.url ?? ''}/x1/client-status-page/${encodeURIComponent(token)}`);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.text();
      expect(body).not.toContain('<script');
      expect(body).toContain('Link not found');
    },
  );

  it('does not serve the admin or bridge endpoints to an unknown frame session', async () => {
    const response = await fetch(`${app.url ?? ''}/__local/bridge/not-a-session/invoke`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
  });

  it('never serves files outside the host folder', async () => {
    const response = await fetch(`${app.url ?? ''}/__host/..%2F..%2Fpackage.json`);
    expect(response.status).toBe(404);
  });
});
