import { describe, expect, it } from 'vitest';
import { notFoundResponse, toLinkPath } from './share-gate';

describe('the link path', () => {
  it.each([
    ['/s/abc', { token: 'abc', rest: '' }],
    ['s/abc', { token: 'abc', rest: '' }],
    ['/s/abc/feedback', { token: 'abc', rest: '/feedback' }],
    ['/s/', { token: '', rest: '' }],
    ['/x/abc', { token: '', rest: '' }],
    ['', { token: '', rest: '' }],
    [undefined, { token: '', rest: '' }],
    ['//s/abc', { token: '', rest: '' }],
  ])('%s → %o', (userPath, expected) => {
    expect(toLinkPath(userPath)).toEqual(expected);
  });
});

describe('the not-found page', () => {
  it('is the same bytes every time, in both languages, with the strict headers, and cannot be changed by a caller', () => {
    const first = notFoundResponse();
    first.headers['Cache-Control'] = ['public'];
    first.body = 'changed';
    const second = notFoundResponse();
    expect(second.statusCode).toBe(404);
    expect(second.headers['Cache-Control']).toEqual(['no-store']);
    expect(second.headers['Content-Security-Policy']?.[0]).toContain("default-src 'none'");
    expect(second.body).toContain('Link not found');
    expect(second.body).toContain('链接不存在');
    expect(notFoundResponse()).toEqual(second);
  });
});
