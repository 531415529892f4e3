import { describe, expect, it } from 'vitest';
import { toSurveyRows } from './to-survey-rows';

const context = {
  now: Date.parse('2026-11-27T09:00:00Z'),
  timeZone: 'Europe/Paris',
  stakeholders: [{ id: 'client', email: 'Li.Na@client.example' }],
};

describe('toSurveyRows', () => {
  it('reads columns in any order and case, maps stakeholders by e-mail, dates at noon in the zone', () => {
    const csv =
      'Rating,Date,Comment,NPS,Stakeholder,Extra\r\n5,2026-11-02,"Great, thanks",10,li.na@client.example,x\r\n2,2026-11-20T08:00:00Z,,,,y\r\n';
    const result = toSurveyRows(csv, context);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map(({ submissionId: _id, ...r }) => r)).toEqual([
      { row: 2, at: Date.parse('2026-11-02T11:00:00Z'), rating: 5, nps: 10, comment: 'Great, thanks', stakeholderId: 'client' },
      { row: 3, at: Date.parse('2026-11-20T08:00:00Z'), rating: 2, nps: null, comment: '', stakeholderId: null },
    ]);
    expect(result.rows[0]?.submissionId).toMatch(/^csv-[0-9a-f]{16}-1$/u);
  });

  it('gives the same ids to the same answers, whatever else the file holds, and tells identical rows apart', () => {
    const one = toSurveyRows('date,rating\n2026-11-01,4\n2026-11-01,4\n', context);
    const two = toSurveyRows('date,rating,comment\n2026-10-01,3,new\n2026-11-01,4,\n2026-11-01,4,\n', context);
    if (!one.ok || !two.ok) throw new Error('valid files');
    const ids = one.rows.map((r) => r.submissionId);
    expect(new Set(ids).size).toBe(2);
    expect(two.rows.slice(1).map((r) => r.submissionId)).toEqual(ids);
  });

  it('uses the response id column when there is one', () => {
    const result = toSurveyRows('id,date,rating\nR_12,2026-11-01,4\n', context);
    expect(result.ok && result.rows[0]?.submissionId).toBe('survey-R_12');
  });

  it('reports every bad row with its line and column, and accepts none', () => {
    const csv = [
      'date,rating,nps,comment,stakeholder,id',
      '2026-11-01,5,9,fine,,a1', // 2: valid
      ',6,11,,,a2', // 3: date required, rating out of range, nps out of range
      '2026-02-30,x,,,nobody@x.example,a3', // 4: bad date, bad rating, unknown stakeholder
      '2026-11-28,4,,,,a1', // 5: future date, duplicate id? (no: the row fails on its date first)
      '2026-11-01,4,,' + 'c'.repeat(2001) + ',,a4', // 6: comment too long
      '2026-11-01,4', // 7: wrong column count
      '2026-11-02,4,,,,a1', // 8: duplicate response id
      '2026-11-02,4,,,,bad id', // 9: bad id
    ].join('\n');
    expect(toSurveyRows(csv, context)).toEqual({
      ok: false,
      errors: [
        { row: 3, field: 'date', code: 'required' },
        { row: 3, field: 'rating', code: 'rating' },
        { row: 3, field: 'nps', code: 'nps' },
        { row: 4, field: 'date', code: 'date' },
        { row: 4, field: 'rating', code: 'rating' },
        { row: 4, field: 'stakeholder', code: 'stakeholder' },
        { row: 5, field: 'date', code: 'future' },
        { row: 6, field: 'comment', code: 'tooLong' },
        { row: 7, field: null, code: 'columns' },
        { row: 8, field: 'id', code: 'duplicateId' },
        { row: 9, field: 'id', code: 'id' },
      ],
    });
  });

  it.each([
    ['no header', '', [{ row: 0, field: null, code: 'empty' }]],
    ['a header only', 'date,rating\n\n', [{ row: 0, field: null, code: 'empty' }]],
    [
      'missing required columns',
      'comment\nx',
      [
        { row: 1, field: 'date', code: 'header' },
        { row: 1, field: 'rating', code: 'header' },
      ],
    ],
    ['a broken quote', 'date,rating\n"2026-11-01,4\n', [{ row: 2, field: null, code: 'quote' }]],
    ['more than 1,000 rows', 'date,rating\n' + '2026-11-01,4\n'.repeat(1001), [{ row: 0, field: null, code: 'tooMany' }]],
  ])('refuses %s', (_name, csv, errors) => {
    expect(toSurveyRows(csv, context)).toEqual({ ok: false, errors });
  });
});
