import { describe, expect, it } from 'vitest';
import { toHostSettings } from './to-host-settings';

describe('toHostSettings', () => {
  it.each([
    [
      'a Jira context in dark mode',
      { locale: 'zh-CN', theme: { colorMode: 'dark' }, extension: {} },
      { forgeLocale: 'zh-CN', colorMode: 'dark' },
    ],
    [
      'a raw locale and light mode',
      { locale: 'en_US', theme: { colorMode: 'light', dark: 'dark' } },
      { forgeLocale: 'en_US', colorMode: 'light' },
    ],
    ['no theme', { locale: 'en-GB', theme: null }, { forgeLocale: 'en-GB', colorMode: 'auto' }],
    ['no context', null, { forgeLocale: null, colorMode: 'auto' }],
    ['a context that is not an object', 'oops', { forgeLocale: null, colorMode: 'auto' }],
    ['an unknown colour mode', { locale: 'en-US', theme: { colorMode: 'sepia' } }, { forgeLocale: 'en-US', colorMode: 'auto' }],
  ])('reads %s', (_label, context, expected) => {
    expect(toHostSettings(context)).toEqual(expected);
  });
});
