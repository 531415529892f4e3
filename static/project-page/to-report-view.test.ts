import { describe, expect, it } from 'vitest';
import { anIssueRef } from '../testing/status-report-builder';
import { toDistinctIssues, toProgressPercent, toSlip } from './to-report-view';

describe('toDistinctIssues', () => {
  it('keeps the first of each key, in order', () => {
    const issues = [anIssueRef({ key: 'A-2' }), anIssueRef({ key: 'A-1' }), anIssueRef({ key: 'A-2', summary: 'again' })];
    expect(toDistinctIssues(issues).map(({ key, summary }) => [key, summary])).toEqual([
      ['A-2', 'Issue'],
      ['A-1', 'Issue'],
    ]);
  });
});

describe('toSlip', () => {
  it.each([
    [null, { kind: 'unknown' }],
    [0, { kind: 'onTime' }],
    [8, { kind: 'days', days: 8 }],
    [-5, { kind: 'days', days: -5 }],
  ] as const)('%s days is %j', (slipDays, expected) => {
    expect(toSlip({ slipDays })).toEqual(expected);
  });
});

describe('toProgressPercent', () => {
  it.each([
    [0, 0, null],
    [12, 23, 52],
    [14, 14, 100],
  ])('%i of %i issues is %s %', (issuesDone, issuesTotal, expected) => {
    expect(toProgressPercent({ issuesDone, issuesTotal, pointsDone: 0, pointsTotal: 0 })).toBe(expected);
  });
});
