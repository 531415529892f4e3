import { describe, expect, it } from 'vitest';
import { toHostSettings } from './to-host-settings';

describe('toHostSettings', () => {
  it.each([
    [
      'a Jira context in dark mode',
      { locale: 'zh-CN', theme: { colorMode: 'dark' }, extension: {}, siteUrl: 'https://acme.atlassian.net' },
      { forgeLocale: 'zh-CN', colorMode: 'dark', siteUrl: 'https://acme.atlassian.net' },
    ],
    [
      'a raw locale and light mode',
      { locale: 'en_US', theme: { colorMode: 'light', dark: 'dark' } },
      { forgeLocale: 'en_US', colorMode: 'light', siteUrl: null },
    ],
    ['no theme', { locale: 'en-GB', theme: null }, { forgeLocale: 'en-GB', colorMode: 'auto', siteUrl: null }],
    ['no context', null, { forgeLocale: null, colorMode: 'auto', siteUrl: null }],
    ['a context that is not an object', 'oops', { forgeLocale: null, colorMode: 'auto', siteUrl: null }],
    [
      'an unknown colour mode',
      { locale: 'en-US', theme: { colorMode: 'sepia' } },
      { forgeLocale: 'en-US', colorMode: 'auto', siteUrl: null },
    ],
    [
      'a site URL that is not a URL',
      { locale: 'en-US', siteUrl: 'javascript:alert(1)' },
      { forgeLocale: 'en-US', colorMode: 'auto', siteUrl: null },
    ],
  ])('reads %s', (_label, context, expected) => {
    expect(toHostSettings(context)).toEqual(expected);
  });
});
