import { describe, expect, it } from 'vitest';
import type { ShareLinkRecord } from '../records/record-kinds';
import { SharedPageCache } from './shared-page-cache';

const link = { id: 'l234567890123456', projectId: '1' } as ShareLinkRecord;
const NONCE = '00000000-0000-4000-8000-000000000000';
const variant = (lang: 'en' | 'zh-CN', format: 'html' | 'json', size: number) => ({
  lang,
  format,
  reusable: {
    response: { statusCode: 200, headers: { 'Cache-Control': ['no-store'] }, body: `${'x'.repeat(size)}${NONCE}` },
    nonce: NONCE,
  },
});

describe('the shared page cache', () => {
  it('counts every variant of an entry against its size, evicting the least recently used', () => {
    const cache = new SharedPageCache(100_000);
    const resolved = { stamp: 's1', link };
    cache.remember('a', resolved, variant('en', 'html', 30_000));
    cache.remember('a', resolved, variant('zh-CN', 'html', 30_000));
    cache.remember('b', resolved, variant('en', 'html', 30_000));
    expect(cache.lookup('a')).toBeDefined();
    // A's third and B's second variant: 4 × 30,000 characters and more will not fit 100,000.
    cache.remember('b', resolved, variant('en', 'json', 30_000));
    expect(cache.lookup('a')).toBeUndefined();
    expect(cache.response('b', 's1', 'en', 'json')).toBeDefined();
  });

  it('answers a fresh copy with a new submission id each time, and only under the stamp it was kept under', () => {
    const cache = new SharedPageCache();
    cache.remember('a', { stamp: 's1', link }, variant('en', 'html', 10));
    const one = cache.response('a', 's1', 'en', 'html');
    const two = cache.response('a', 's1', 'en', 'html');
    expect(one?.body).not.toContain(NONCE);
    expect(one?.body).not.toBe(two?.body);
    one?.headers['Cache-Control']?.push('public');
    expect(two?.headers['Cache-Control']).toEqual(['no-store']);
    expect(cache.response('a', 's2', 'en', 'html')).toBeUndefined();
    expect(cache.response('a', 's1', 'zh-CN', 'html')).toBeUndefined();
    // Kept again under a new stamp: the old variants go.
    cache.remember('a', { stamp: 's2', link });
    expect(cache.response('a', 's2', 'en', 'html')).toBeUndefined();
  });
});
