import { describe, expect, it } from 'vitest';
import { formatterFor } from './format';

describe('formatterFor: days and instants', () => {
  it.each([
    ['en', 'Dec 10, 2026', 'Nov 27, 2026, 9:00 AM UTC', 'Nov 27, 2026, 5:00 PM Asia/Shanghai'],
    ['zh-CN', '2026年12月10日', '2026年11月27日 09:00 UTC', '2026年11月27日 17:00 Asia/Shanghai'],
  ] as const)('%s: a day as a day, an instant with its time and zone', (lang, day, utc, shanghai) => {
    const f = formatterFor(lang);
    expect(f.day('2026-12-10')).toBe(day);
    expect(f.instant('2026-11-27T09:00:00.000Z')).toBe(utc);
    expect(f.instant('2026-11-27T09:00:00Z', 'UTC')).toBe(utc);
    expect(f.instant('2026-11-27T09:00:00.000Z', 'Asia/Shanghai')).toBe(shanghai);
  });

  it('writes a Chinese range with the same date format as a single day, never 2026/11/20', () => {
    const range = formatterFor('zh-CN').instantRange('2026-11-20T09:00:00.000Z', '2026-12-10T09:00:00.000Z');
    expect(range).toBe('2026年11月20日 09:00 – 2026年12月10日 09:00 UTC');
    expect(range).not.toContain('/');
  });

  it('names the zone once for a range', () => {
    expect(formatterFor('en').instantRange('2026-11-20T09:00:00.000Z', '2026-11-27T09:00:00.000Z', 'Europe/Paris')).toBe(
      'Nov 20, 2026, 10:00 AM – Nov 27, 2026, 10:00 AM Europe/Paris',
    );
  });

  it('falls back to UTC for a zone Intl does not know, and leaves what is not a date as it is', () => {
    const f = formatterFor('en');
    expect(f.instant('2026-11-27T09:00:00.000Z', 'Mars/Olympus')).toBe('Nov 27, 2026, 9:00 AM UTC');
    expect(f.instant('soon')).toBe('soon');
    expect(f.instant('2026-11-27')).toBe('2026-11-27');
    expect(f.day('2026-11-27T09:00:00.000Z')).toBe('2026-11-27T09:00:00.000Z');
    expect(f.instantRange('a', 'b')).toBe('a – b');
  });
});
