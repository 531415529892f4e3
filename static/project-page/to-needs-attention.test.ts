import { describe, expect, it } from 'vitest';
import type { StatusReportJson } from '../../contract';
import { aDimension, aMeasure, anIssueRef, aStatusReport } from '../testing/status-report-builder';
import { daysOverdue, daysPast, reportDay, splitAtKey, toNeedsAttention } from './to-needs-attention';

const TODAY = '2025-03-14';
const open = (key: string, due: string | null) => anIssueRef({ key, due, status: { name: 'In Progress', category: 'indeterminate' } });
const waitingFor = (key: string, days: number) => ({ ...open(key, null), wait: { days, since: TODAY, estimated: false } });

/** A report whose schedule has no "overdue issues" measure, so the lists are the only source. */
function listsOnly(sections: Partial<StatusReportJson['sections']>): StatusReportJson {
  const report = aStatusReport({ generatedAt: `${TODAY}T09:30:00.000Z`, issueRisks: [] });
  report.dimensions.schedule = aDimension({ measures: [] });
  report.sections = {
    ...report.sections,
    completed: [],
    inProgress: [],
    nextUp: [],
    waitingOnClient: [],
    risks: { flagged: [], blocked: [], topRisks: [] },
    ...sections,
  };
  return report;
}

describe('days past', () => {
  it.each([
    ['2025-03-13', 1],
    ['2024-12-18', 86],
    ['2025-03-14', null],
    ['2025-03-15', null],
    [null, null],
    ['soon', null],
  ] as const)('due %s on %s is %s days past', (due, expected) => {
    expect(daysPast(due, TODAY)).toBe(expected);
  });

  it('a done issue is never overdue', () => {
    expect(daysOverdue(anIssueRef({ due: '2025-01-01', status: { name: 'Done', category: 'done' } }), TODAY)).toBeNull();
    expect(daysOverdue(open('ACME-1', '2025-01-01'), TODAY)).toBe(72);
  });

  it('the report day is the UTC day it was derived', () => {
    expect(reportDay({ generatedAt: '2025-03-14T23:59:59.000Z' })).toBe('2025-03-14');
  });
});

describe('toNeedsAttention', () => {
  it('without the overdue measure: open issues of every list past due, each once, most overdue first, ties by key', () => {
    const a = open('ACME-10', '2025-03-01');
    const b = open('ACME-9', '2025-03-01');
    const c = open('ACME-3', '2024-12-18');
    const notDue = open('ACME-4', '2025-03-20');
    const done = anIssueRef({ key: 'ACME-5', due: '2025-01-01', status: { name: 'Done', category: 'done' } });
    const report = listsOnly({
      inProgress: [a, notDue, done],
      nextUp: [c],
      risks: { flagged: [a], blocked: [{ issue: b, blockedBy: ['ACME-7'] }], topRisks: [] },
    });
    const { overdue, overdueTotal } = toNeedsAttention(report);
    expect(overdue.map(({ key, days }) => [key, days])).toEqual([
      ['ACME-3', 86],
      ['ACME-9', 13],
      ['ACME-10', 13],
    ]);
    expect(overdueTotal).toBe(3);
  });

  it('with the overdue measure: its evidence in its order and its count, lines from the lists, days from the risk signals', () => {
    const report = aStatusReport({
      generatedAt: `${TODAY}T09:30:00.000Z`,
      issueRisks: [{ key: 'ACME-40', score: 50, level: 'medium', reasons: [], signals: [{ code: 'overdue', days: 30, points: 20 }] }],
    });
    report.dimensions.schedule = aDimension({
      measures: [
        aMeasure({
          id: 'overdueShare',
          whyCode: { code: 'overdueShare', params: { overdue: 60, dated: 100, share: 0.6 } },
          evidence: ['ACME-40', 'ACME-2', 'ACME-40'],
        }),
      ],
    });
    report.sections.inProgress = [open('ACME-2', '2025-03-04')];
    const { overdue, overdueTotal } = toNeedsAttention(report);
    expect(overdue).toEqual([
      { key: 'ACME-40', issue: null, days: 30 },
      { key: 'ACME-2', issue: open('ACME-2', '2025-03-04'), days: 10 },
    ]);
    expect(overdueTotal).toBe(60);
  });

  it('blocked issues keep the report order (highest risk first), each once, with their blockers', () => {
    const report = listsOnly({
      risks: {
        flagged: [],
        topRisks: [],
        blocked: [
          { issue: open('ACME-8', null), blockedBy: ['ACME-1', 'ACME-2'] },
          { issue: open('ACME-3', null), blockedBy: ['ACME-9'] },
          { issue: open('ACME-8', null), blockedBy: ['ACME-1', 'ACME-2'] },
        ],
      },
    });
    expect(toNeedsAttention(report).blocked.map(({ issue, blockedBy }) => [issue.key, blockedBy])).toEqual([
      ['ACME-8', ['ACME-1', 'ACME-2']],
      ['ACME-3', ['ACME-9']],
    ]);
  });

  it('waiting issues: each once, in the report order (longest wait first), with their wait; an accessor may reorder them', () => {
    const report = listsOnly({
      waitingOnClient: [waitingFor('ACME-2', 40), waitingFor('ACME-1', 3), waitingFor('ACME-2', 40), waitingFor('ACME-3', 1)],
    });
    const plain = toNeedsAttention(report);
    expect(plain.waiting.map(({ issue, days }) => [issue.key, days])).toEqual([
      ['ACME-2', 40],
      ['ACME-1', 3],
      ['ACME-3', 1],
    ]);
    expect(plain.waitingByLength).toBe(true);

    const unknown = toNeedsAttention(report, { waitDays: () => null });
    expect(unknown.waiting.map(({ issue }) => issue.key)).toEqual(['ACME-2', 'ACME-1', 'ACME-3']);
    expect(unknown.waitingByLength).toBe(false);
  });
});

describe('splitAtKey', () => {
  it('splits a sentence around the key it names, so the key is linked once', () => {
    expect(splitAtKey('ACME-385 has resolution “Done” but…', 'ACME-385')).toEqual({ before: '', after: ' has resolution “Done” but…' });
    expect(splitAtKey('Subtask ACME-7 has story points and so does its parent ACME-70.', 'ACME-7')).toEqual({
      before: 'Subtask ',
      after: ' has story points and so does its parent ACME-70.',
    });
    expect(splitAtKey('ACME-385 的解决结果为“完成”', 'ACME-385')).toEqual({ before: '', after: ' 的解决结果为“完成”' });
  });

  it('does not match a longer key, and answers null when the key is absent', () => {
    expect(splitAtKey('ACME-70 is late.', 'ACME-7')).toBeNull();
    expect(splitAtKey('XACME-7 is late.', 'ACME-7')).toBeNull();
    expect(splitAtKey('Completion dates are estimated.', 'ACME-7')).toBeNull();
  });
});
