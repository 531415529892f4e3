import { describe, expect, it } from 'vitest';
import { allowedHosts, checkLocalRequest, type GuardedRequest } from './request-guard';

const hosts = allowedHosts('127.0.0.1', 3000);
const request = (overrides: Partial<GuardedRequest>): GuardedRequest => ({
  host: '127.0.0.1:3000',
  origin: undefined,
  secFetchSite: undefined,
  ...overrides,
});

describe('allowedHosts', () => {
  it('names the bound address and, on loopback, localhost', () => {
    expect([...hosts]).toEqual(['127.0.0.1:3000', 'localhost:3000']);
    expect([...allowedHosts('::1', 8080)]).toEqual(['[::1]:8080', 'localhost:8080']);
    expect([...allowedHosts('192.168.1.20', 3000)]).toEqual(['192.168.1.20:3000']);
  });
});

describe('checkLocalRequest', () => {
  it.each([
    ['no Origin (curl, tests)', request({}), true],
    ['its own origin', request({ origin: 'http://127.0.0.1:3000', secFetchSite: 'same-origin' }), true],
    ['localhost, same-origin', request({ host: 'LOCALHOST:3000', origin: 'http://localhost:3000' }), true],
    ['a typed or bookmarked navigation', request({ secFetchSite: 'none' }), true],
    ['another local port', request({ origin: 'http://127.0.0.1:3001' }), false],
    ['an opaque origin (sandboxed frame, file://)', request({ origin: 'null' }), false],
    ['the right host name under another scheme', request({ origin: 'https://127.0.0.1:3000' }), false],
    ['a cross-site request without Origin', request({ secFetchSite: 'cross-site' }), false],
    ['a same-site request from another port', request({ secFetchSite: 'same-site' }), false],
    ['a rebinding domain', request({ host: 'evil.example:3000', origin: 'http://evil.example:3000' }), false],
    ['another port in Host', request({ host: '127.0.0.1:3001' }), false],
    ['no Host', request({ host: undefined }), false],
  ])('%s: allowed %s', (_case, guarded, allowed) => {
    expect(checkLocalRequest(guarded, hosts, true).ok).toBe(allowed);
  });

  it('checks only Host where foreign origins may link (the host page, static files)', () => {
    expect(checkLocalRequest(request({ origin: 'https://mail.example', secFetchSite: 'cross-site' }), hosts, false).ok).toBe(true);
    expect(checkLocalRequest(request({ host: 'evil.example' }), hosts, false)).toMatchObject({ ok: false, code: 'FOREIGN_HOST' });
  });
});
