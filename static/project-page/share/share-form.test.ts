import { describe, expect, it } from 'vitest';
import { SECTION_NAMES } from '../../../contract/share';
import { initialShareForm, toCreatePayload, toShareFormField } from './share-form';

const valid = { ...initialShareForm('en'), label: 'Steering group' };

describe('the new-link form', () => {
  it('starts on the live status, every section, 30 days, no passcode', () => {
    expect(initialShareForm('zh-CN')).toEqual({
      scope: 'live',
      reportId: '',
      lang: 'zh-CN',
      sections: [...SECTION_NAMES],
      label: '',
      expiresInDays: '30',
      passcode: '',
    });
  });

  it('makes the contract payload, sections in page order, no passcode key when empty', () => {
    const result = toCreatePayload({ ...valid, sections: ['risks', 'health'] }, 180);
    expect(result).toEqual({
      ok: true,
      payload: { scope: { kind: 'live' }, lang: 'en', label: 'Steering group', expiresInDays: 30, sections: ['health', 'risks'] },
    });
    const report = toCreatePayload({ ...valid, scope: 'report', reportId: 'g12', passcode: 'open sesame' }, 180);
    expect(report.ok && report.payload).toMatchObject({ scope: { kind: 'report', reportId: 'g12' }, passcode: 'open sesame' });
  });

  it.each([
    [{ label: '  ' }, ['label']],
    [{ expiresInDays: '0' }, ['expiresInDays']],
    [{ expiresInDays: '31' }, ['expiresInDays']],
    [{ expiresInDays: '2.5' }, ['expiresInDays']],
    [{ expiresInDays: '' }, ['expiresInDays']],
    [{ sections: [] }, ['sections']],
    [{ passcode: 'short' }, ['passcode']],
    [{ scope: 'report' as const, reportId: '' }, ['reportId']],
  ])('refuses %o beside %o (cap 30 days)', (patch, fields) => {
    const result = toCreatePayload({ ...valid, ...patch }, 30);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([...result.errors].sort()).toEqual(fields);
  });

  it.each([
    ['scope.reportId', 'reportId'],
    ['expiresInDays', 'expiresInDays'],
    ['sections.2', 'sections'],
    ['projectKey', undefined],
  ])('maps the server field %s to %s', (path, field) => {
    expect(toShareFormField(path)).toBe(field);
  });
});
