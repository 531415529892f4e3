import { describe, expect, it } from 'vitest';
import { ISSUE_MESSAGES } from '../../../contract/i18n/issue-messages';
import { APP_MESSAGES } from '../../../contract/i18n/app-messages';
import { translator } from '../../../contract/i18n/strings';
import { formatterFor } from '../../../contract/i18n/format';
import { formatCount, formatDay, formatInstant, formatPeriod, toAppLocale, toIntlLocale } from './i18n';

describe('toAppLocale / toIntlLocale', () => {
  it.each([
    ['en_US', 'en', 'en-US'],
    ['en-GB', 'en', 'en-GB'],
    ['zh_CN', 'zh-CN', 'zh-CN'],
    ['zh-CN', 'zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN', 'zh-TW'],
    ['fr_FR', 'en', 'fr-FR'],
    [undefined, 'en', 'en-US'],
    ['', 'en', 'en-US'],
    ['not a locale!', 'en', 'en-US'],
  ])('%s reads the %s catalogue and formats as %s', (forgeLocale, appLocale, intlLocale) => {
    expect(toAppLocale(forgeLocale)).toBe(appLocale);
    expect(toIntlLocale(forgeLocale)).toBe(intlLocale);
  });
});

describe("translator (the catalogue's, as the UI uses it)", () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator('en', APP_MESSAGES);
    expect(t('comingSoon.title', { section: 'Risks' })).toBe('Risks is coming soon');
    expect(t('comingSoon.title')).toBe('{section} is coming soon');
    expect(translator('zh-CN', ISSUE_MESSAGES)('issue.heading', { key: 'ACME-1' })).toBe('ACME-1 的客户跟进');
  });

  it('looks a key up in the namespaces it was given, in order', () => {
    const t = translator('zh-CN', ISSUE_MESSAGES, APP_MESSAGES);
    expect(t('app.title')).toBe('客户跟进');
    expect(t('issue.status')).toBe('状态');
  });
});

describe('formatDay', () => {
  it.each([
    ['2025-03-31', 'en-US', 'Mar 31, 2025'],
    ['2025-03-31', 'en-GB', '31 Mar 2025'],
    ['2025-03-31', 'zh-CN', '2025年3月31日'],
    // The first day of a month must not slip back a day in a time zone west of UTC.
    ['2025-01-01', 'en-US', 'Jan 1, 2025'],
  ])('formats %s in %s as %s', (day, locale, expected) => {
    expect(formatDay(day, locale)).toBe(expected);
  });

  it('returns anything that is not a calendar day unchanged', () => {
    expect(formatDay('next week', 'en-US')).toBe('next week');
  });
});

describe('formatCount', () => {
  it('groups digits per locale', () => {
    expect(formatCount(12345, 'en-US')).toBe('12,345');
    expect(formatCount(12345, 'de-DE')).toBe('12.345');
  });
});

describe('formatPeriod', () => {
  const plain = (text: string) => text.replace(/\s/gu, ' ');

  it('formats two calendar days each as every other day is written, without slipping a day', () => {
    expect(plain(formatPeriod('2025-03-01', '2025-03-14', 'en-US'))).toBe('Mar 1, 2025 – Mar 14, 2025');
    expect(plain(formatPeriod('2025-01-01', '2025-02-01', 'en-GB'))).toBe('1 Jan 2025 – 1 Feb 2025');
    // Intl's formatRange would write 2025/3/1 – 2025/3/14: a second date format beside 2025年3月14日.
    expect(plain(formatPeriod('2025-03-01', '2025-03-14', 'zh-CN'))).toBe('2025年3月1日 – 2025年3月14日');
    expect(formatPeriod('2025-03-01', '2025-03-14', 'zh-CN')).not.toContain('/');
  });

  it('accepts ISO instants and shows anything else as written', () => {
    expect(formatPeriod('2025-03-01T00:00:00Z', '2025-03-14T12:00:00Z', 'en-US')).toMatch(/2025/u);
    expect(formatPeriod('last week', 'now', 'en-US')).toBe('last week – now');
  });
});

describe('formatInstant', () => {
  it('formats an instant with a date and time, a calendar day with a date only', () => {
    expect(formatInstant('2025-03-14T09:30:00.000Z', 'en-US')).toMatch(/^Mar 1[34], 2025, \d{1,2}:\d{2}\s[AP]M$/u);
    expect(formatInstant('2025-03-14', 'en-US')).toBe('Mar 14, 2025');
    expect(formatInstant('soon', 'en-US')).toBe('soon');
  });
});

describe('one date format per locale, on the page and in the reports', () => {
  it.each([
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
  ] as const)('%s: the page writes a day as the rendered report does', (intlLocale, lang) => {
    for (const day of ['2026-11-24', '2026-12-10', '2027-01-03']) expect(formatDay(day, intlLocale)).toBe(formatterFor(lang).day(day));
    expect(formatDay('2026-11-24', 'zh-CN')).toBe('2026年11月24日');
  });
});
