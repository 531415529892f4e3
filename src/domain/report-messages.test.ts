import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS, reportMessages, type ReportMessages } from './report-messages';

/** Every fixed string and every template of a catalogue, filled with non-English sample values. */
function allStrings(m: ReportMessages): string[] {
  return [
    ...Object.values(m.rag),
    ...REPORT_SECTIONS.map((s) => m.sections[s]),
    m.noEpic,
    m.internalIssue,
    m.headline.status({ rag: m.rag.amber, detail: '·' }),
    m.headline.overridden({ reported: m.rag.amber, computed: m.rag.red, detail: '·' }),
    m.headline.driver({ dimension: '·', why: '·' }),
    m.headline.notEnoughData({ dimensions: ['·', '·'] }),
    m.headline.onTrack(),
    m.headline.onTrackWithMilestone({ milestone: '·', date: '2026-04-01' }),
  ];
}

describe('reportMessages', () => {
  it('has a non-empty English string for every section', () => {
    for (const s of allStrings(reportMessages('en'))) expect(s.trim()).not.toBe('');
  });

  it('has no English left in the Chinese catalogue', () => {
    for (const s of allStrings(reportMessages('zh-CN'))) expect(s, s).not.toMatch(/[A-Za-z]{2,}/u);
  });

  it.each([
    { lang: 'en' as const, text: 'Reported Amber, computed Red: ·' },
    { lang: 'zh-CN' as const, text: '报告为黄色，计算为红色：·' },
  ])('shows both colours of an override ($lang)', ({ lang, text }) => {
    const m = reportMessages(lang);
    expect(m.headline.overridden({ reported: m.rag.amber, computed: m.rag.red, detail: '·' })).toBe(text);
  });
});
