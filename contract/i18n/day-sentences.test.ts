import { describe, expect, it } from 'vitest';
import { formatSlipDays, formatWait } from './day-sentences';

describe('signed day counts in words', () => {
  it.each([
    { days: 15, en: '15 days late', zh: '晚 15 天' },
    { days: 1, en: '1 day late', zh: '晚 1 天' },
    { days: -15, en: '15 days early', zh: '提前 15 天' },
    { days: -1, en: '1 day early', zh: '提前 1 天' },
    { days: 0, en: 'On time', zh: '按时' },
    { days: 1234, en: '1,234 days late', zh: '晚 1,234 天' },
  ])('$days → "$en" / "$zh"', ({ days, en, zh }) => {
    expect(formatSlipDays(days, 'en')).toBe(en);
    expect(formatSlipDays(days, 'zh-CN')).toBe(zh);
  });

  it('never writes a sign, and always one space between a number and 天', () => {
    for (const days of [-47, -15, -1, 0, 1, 15, 47]) {
      for (const text of [formatSlipDays(days, 'en'), formatSlipDays(days, 'zh-CN')]) expect(text).not.toMatch(/[+\-−]/u);
      expect(formatSlipDays(days, 'zh-CN')).not.toMatch(/\d天/u);
    }
  });
});

describe('waits on the client in words', () => {
  it.each([
    { wait: { days: 12, estimated: false }, en: 'Waiting 12 days', zh: '已等待 12 天' },
    { wait: { days: 1, estimated: false }, en: 'Waiting 1 day', zh: '已等待 1 天' },
    { wait: { days: 3, estimated: true }, en: 'Waiting at least 3 days', zh: '已等待至少 3 天' },
    { wait: { days: 0, estimated: false }, en: 'Waiting since today', zh: '今天开始等待' },
  ])('$wait.days days (estimated: $wait.estimated)', ({ wait, en, zh }) => {
    expect(formatWait(wait, 'en')).toBe(en);
    expect(formatWait(wait, 'zh-CN')).toBe(zh);
  });
});
