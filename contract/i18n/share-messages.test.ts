/** Every code the share contract can carry has its text in every language. */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../language';
import { ACCESS_LOG_KINDS, BROWSERS, OPERATING_SYSTEMS, SECTION_NAMES, SHARE_LINK_STATUSES } from '../share';
import { SHARE_MESSAGES } from './share-messages';

const CODES = [
  ...SECTION_NAMES.map((s) => `share.section.${s}`),
  ...BROWSERS.map((b) => `share.browser.${b}`),
  ...OPERATING_SYSTEMS.map((o) => `share.os.${o}`),
  ...ACCESS_LOG_KINDS.map((k) => `share.log.kind.${k}`),
  ...SHARE_LINK_STATUSES.map((s) => `share.status.${s}`),
  'share.log.outcome.ok',
  'share.log.outcome.refused',
];

describe('share messages', () => {
  it.each(LANGUAGES)('%s has a text for every section, browser, system, log kind and status', (lang) => {
    const table: Readonly<Record<string, string>> = SHARE_MESSAGES[lang];
    for (const code of CODES) expect(table[code]?.trim() ?? '', `${lang} ${code}`).not.toBe('');
  });

  it('calls the section 分享 in Chinese, as its tab does', () => {
    expect(SHARE_MESSAGES['zh-CN']['share.heading']).toBe('分享');
  });
});
