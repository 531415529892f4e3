import { describe, expect, it } from 'vitest';
import { CATALOGUES, createTranslator, formatCount, formatDay, toAppLocale, toIntlLocale } from './i18n';
import { en } from './messages-en';

const placeholdersOf = (message: string) => [...message.matchAll(/\{(\w+)\}/gu)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  // The `Catalogue` type already refuses a missing key at compile time; this guards the
  // runtime values (an empty string, a translated placeholder name).
  it.each(Object.entries(CATALOGUES))('%s translates every English key with the same placeholders', (_locale, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, english] of Object.entries(en)) {
      const message = catalogue[key as keyof typeof en];
      expect(message.trim(), key).not.toBe('');
      expect(placeholdersOf(message), key).toEqual(placeholdersOf(english));
    }
  });
});

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

describe('createTranslator', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    const t = createTranslator('en');
    expect(t('comingSoon.title', { section: 'Risks' })).toBe('Risks is coming soon');
    expect(t('comingSoon.title')).toBe('{section} is coming soon');
    expect(createTranslator('zh-CN')('issue.heading', { key: 'ACME-1' })).toBe('ACME-1 的客户跟进');
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
