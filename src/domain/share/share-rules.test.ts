import { describe, expect, it } from 'vitest';
import { assessLinkStatus, assessRateLimit, deriveExpiresAt, inWindow, toCoarseAgent, toExpiryCapDays, withAttempt } from './share-rules';

const NOW = new Date('2026-11-27T09:00:00.000Z');
const DAY = 86_400_000;

describe('expiry', () => {
  it.each([
    // days, cap, expected expiry (null: refused)
    [30, 180, '2026-12-27T09:00:00.000Z'],
    [1, 180, '2026-11-28T09:00:00.000Z'],
    [180, 180, '2027-05-26T09:00:00.000Z'],
    [181, 180, null],
    [0, 180, null],
    [-1, 180, null],
    [1.5, 180, null],
    [Number.NaN, 180, null],
    [31, 30, null],
    [30, 30, '2026-12-27T09:00:00.000Z'],
    // a setting above the cap, or nonsense, counts as the cap
    [180, 500, '2027-05-26T09:00:00.000Z'],
    [181, 500, null],
    [90, 0, '2027-02-25T09:00:00.000Z'],
  ])('%s days with a cap of %s → %s', (days, cap, expected) => {
    expect(deriveExpiresAt(NOW, days, cap)?.toISOString() ?? null).toBe(expected);
  });

  it.each([
    [undefined, 180],
    [30, 30],
    [180, 180],
    [181, 180],
    [0, 180],
    [2.5, 180],
  ])('the cap for a setting of %s is %s days', (setting, cap) => {
    expect(toExpiryCapDays(setting)).toBe(cap);
  });

  it.each([
    ['2026-11-28T09:00:00.000Z', null, 'active'],
    ['2026-11-27T09:00:00.000Z', null, 'expired'],
    ['2026-11-27T08:59:59.999Z', null, 'expired'],
    ['2026-11-27T09:00:00.001Z', null, 'active'],
    ['2026-11-28T09:00:00.000Z', '2026-11-27T08:00:00.000Z', 'revoked'],
    ['2026-11-20T09:00:00.000Z', '2026-11-27T08:00:00.000Z', 'revoked'],
  ])('a link expiring %s, revoked %s, is %s', (expiresAt, revokedAt, status) => {
    expect(assessLinkStatus({ expiresAt, revokedAt }, NOW)).toBe(status);
  });
});

describe('rate-limit windows', () => {
  const rule = { limit: 5, windowMs: 15 * 60_000 };
  const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

  it('counts only attempts inside the window', () => {
    expect(inWindow([ago(20), ago(14), ago(1), ago(-1)], NOW, rule.windowMs)).toEqual([ago(14), ago(1)]);
  });

  it('refuses the attempt after the limit, until the oldest in the window leaves it', () => {
    expect(assessRateLimit([ago(10), ago(8), ago(6), ago(4)], NOW, rule)).toEqual({ limited: false, retryAt: null });
    const five = [ago(10), ago(8), ago(6), ago(4), ago(2)];
    expect(assessRateLimit(five, NOW, rule)).toEqual({ limited: true, retryAt: new Date(NOW.getTime() + 5 * 60_000) });
    expect(assessRateLimit(five, new Date(NOW.getTime() + 5 * 60_000), rule).limited).toBe(false);
  });

  it('keeps at most the limit of recent attempts', () => {
    let attempts: string[] = [ago(30)];
    for (let i = 0; i < 8; i += 1) attempts = withAttempt(attempts, new Date(NOW.getTime() + i * 1000), rule);
    expect(attempts).toHaveLength(5);
    expect(attempts.at(-1)).toBe(new Date(NOW.getTime() + 7000).toISOString());
  });

  it('keeps a day of attempts no longer than the window', () => {
    expect(withAttempt([ago(60 * 24)], NOW, rule)).toEqual([NOW.toISOString()]);
    expect(DAY).toBeGreaterThan(rule.windowMs);
  });
});

describe('coarse user agent', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
      'chrome',
      'android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'safari',
      'ios',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0',
      'edge',
      'windows',
    ],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:127.0) Gecko/20100101 Firefox/127.0', 'firefox', 'macos'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 OPR/111.0', 'opera', 'linux'],
    [
      'Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36',
      'samsung',
      'android',
    ],
    ['Mozilla/5.0 (X11; CrOS x86_64 15633.69.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36', 'chrome', 'chromeos'],
    ['curl/8.5.0', 'other', 'other'],
    ['<script>alert(1)</script>', 'other', 'other'],
    [undefined, 'other', 'other'],
  ])('%s → %s on %s, and nothing else is kept', (ua, browser, os) => {
    const agent = toCoarseAgent(ua);
    expect(agent).toEqual({ browser, os });
    expect(Object.keys(agent).sort()).toEqual(['browser', 'os']);
  });
});
