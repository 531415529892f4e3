/** The PM's texts per language (issue 11): the schema, older plain strings, and which text a reader reads. */
import { describe, expect, it } from 'vitest';
import { pmTextIn, pmTextLanguages, reportDraftTextsSchema } from './report-narrative';
import { reportDraftSchema } from './reports';

describe('the draft texts schema', () => {
  it('accepts narratives and client wording per language', () => {
    const texts = {
      narrative: { internal: { en: 'On course.', 'zh-CN': '进展顺利。' }, client: { 'zh-CN': '进展顺利。' } },
      clientWording: { 'issue:ACME-1': { en: 'Sign-in', 'zh-CN': null } },
      hiddenLines: ['risk:vendor'],
    };
    expect(reportDraftTextsSchema.parse(texts)).toEqual(texts);
    expect(reportDraftSchema.safeParse({ override: null, ...texts }).success).toBe(true);
  });

  it('keeps older drafts readable: a plain string (either language) still parses', () => {
    const old = { narrative: { internal: 'On course.', client: null }, clientWording: { 'issue:ACME-1': 'Sign-in' } };
    expect(reportDraftTextsSchema.parse(old)).toEqual(old);
  });

  it('refuses another language, a text in no language, and wording that is too long or blank', () => {
    const bad = [
      { narrative: { internal: { fr: 'Bonjour' }, client: null } },
      { narrative: { internal: { en: null, 'zh-CN': null }, client: null } },
      { clientWording: { 'issue:ACME-1': {} } },
      { clientWording: { 'issue:ACME-1': { en: '' } } },
      { clientWording: { 'issue:ACME-1': { en: 'x'.repeat(501) } } },
      { narrative: { internal: { en: 'x'.repeat(6_001) }, client: null } },
    ];
    for (const texts of bad) expect(reportDraftTextsSchema.safeParse(texts).success, JSON.stringify(texts).slice(0, 80)).toBe(false);
  });
});

describe('pmTextIn and pmTextLanguages', () => {
  it('read a language’s text, nothing for a language without one, and an older plain string in both', () => {
    expect(pmTextIn({ en: 'Hi', 'zh-CN': null }, 'en')).toBe('Hi');
    expect(pmTextIn({ en: 'Hi', 'zh-CN': null }, 'zh-CN')).toBeUndefined();
    expect(pmTextIn({ en: 'Hi' }, 'zh-CN')).toBeUndefined();
    expect(pmTextIn('Hi', 'zh-CN')).toBe('Hi');
    expect(pmTextIn(null, 'en')).toBeUndefined();
    expect(pmTextLanguages({ 'zh-CN': '你好' })).toEqual(['zh-CN']);
    expect(pmTextLanguages('Hi')).toEqual(['en', 'zh-CN']);
    expect(pmTextLanguages(undefined)).toEqual([]);
  });
});
