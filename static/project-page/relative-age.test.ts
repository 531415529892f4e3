import { describe, expect, it } from 'vitest';
import { formatRelativeAge, toRelativeAge } from './relative-age';

const NOW = Date.parse('2026-11-27T09:12:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;

describe('toRelativeAge', () => {
  it.each([
    [ago(0), { unit: 'now' }],
    [ago(59_999), { unit: 'now' }],
    [ago(MIN), { unit: 'minute', value: 1 }],
    [ago(12 * MIN + 59_000), { unit: 'minute', value: 12 }],
    [ago(59 * MIN), { unit: 'minute', value: 59 }],
    [ago(60 * MIN), { unit: 'hour', value: 1 }],
    [ago(23 * 60 * MIN + 59 * MIN), { unit: 'hour', value: 23 }],
    [ago(24 * 60 * MIN), { unit: 'day', value: 1 }],
    [ago(45 * 24 * 60 * MIN), { unit: 'month', value: 1 }],
    [ago(400 * 24 * 60 * MIN), { unit: 'year', value: 1 }],
  ])('%s is %o', (instant, expected) => {
    expect(toRelativeAge(instant, NOW)).toEqual(expected);
  });

  it('treats an instant ahead of the browser clock as now, and an unreadable one as unknown', () => {
    expect(toRelativeAge(new Date(NOW + 5 * MIN).toISOString(), NOW)).toEqual({ unit: 'now' });
    expect(toRelativeAge('soon', NOW)).toBeNull();
  });
});

describe('formatRelativeAge', () => {
  it('words a past age in the locale', () => {
    expect(formatRelativeAge({ unit: 'minute', value: 12 }, 'en-US')).toBe('12 minutes ago');
    expect(formatRelativeAge({ unit: 'minute', value: 1 }, 'en-US')).toBe('1 minute ago');
    expect(formatRelativeAge({ unit: 'day', value: 1 }, 'en-US')).toBe('yesterday');
    expect(formatRelativeAge({ unit: 'minute', value: 12 }, 'zh-CN')).toBe('12分钟前');
    expect(formatRelativeAge({ unit: 'hour', value: 3 }, 'de-DE')).toBe('vor 3 Stunden');
  });

  it('leaves "now" to the caller', () => {
    expect(formatRelativeAge({ unit: 'now' }, 'en-US')).toBeNull();
  });
});
