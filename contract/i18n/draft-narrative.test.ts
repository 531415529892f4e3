import { describe, expect, it } from 'vitest';
import { aClientStatusReport, anIssueRef, aStatusReport } from '../../test/support/status-report-builder';
import type { ReportChangeRequestJson } from '../change-report';
import type { StatusReportJson } from '../report';
import { draftClientNarrative, draftNarrative, narrativeText, toReportNarrative } from './draft-narrative';

const change = (over: Partial<ReportChangeRequestJson>): ReportChangeRequestJson => ({
  id: 'cr-1',
  title: 'Add SSO',
  description: '',
  status: 'proposed',
  requester: 'Client',
  isNew: false,
  decidedInPeriod: false,
  decision: null,
  impact: { scheduleDays: 0, effortHours: 0, cost: null, scopeNote: '' },
  milestone: null,
  linkedIssueKeys: [],
  ...over,
});
const totals = {
  new: 0,
  approved: { count: 0, scheduleDays: 0, effortHours: 0, costs: [] },
  rejected: 0,
  awaitingClient: { count: 0, scheduleDays: 0, effortHours: 0, costs: [] },
};
const withChanges = (items: ReportChangeRequestJson[]): StatusReportJson => {
  const report = aStatusReport();
  return { ...report, sections: { ...report.sections, changeRequests: { items, totals } } };
};

describe('draftNarrative: the team’s narrative, from the report', () => {
  it('says what changed, why the health is what it is, what comes next and what the client owes, each with its evidence (en)', () => {
    const sentences = draftNarrative(aStatusReport());
    expect(sentences.map((s) => [s.topic, s.text, s.evidence.map((e) => `${e.kind}:${e.id}`)])).toEqual([
      [
        'changed',
        '2 issues were completed in the period: “Checkout page loads slowly” and “Fix footer”.',
        ['issue:ACME-2', 'issue:ACME-3'],
      ],
      ['changed', 'The target of milestone Release 2 moved from Dec 4, 2026 to Dec 11, 2026.', ['milestone:10100']],
      ['changed', 'Schedule has been amber or red in two reports in a row.', ['dimension:schedule']],
      ['health', 'Schedule is amber: Release 2 is forecast 4 days late.', ['dimension:schedule', 'issue:ACME-7']],
      ['health', 'There is not enough data yet for Satisfaction.', ['dimension:satisfaction']],
      ['next', 'Next comes milestone Release 2, due Dec 11, 2026 and forecast for Dec 15, 2026.', ['milestone:10100']],
      ['next', '1 issue is in progress: “Checkout page loads slowly”.', ['issue:ACME-1']],
      ['next', '1 issue is up next: “Add audit trail”.', ['issue:ACME-4']],
      ['needs', '1 item is waiting on the client, the longest for 6 days: “Sign off wireframes”.', ['issue:ACME-8']],
    ]);
  });

  it('writes the same in Simplified Chinese, with Jira’s 事务 and 到期日', () => {
    const texts = draftNarrative(aStatusReport({ lang: 'zh-CN' })).map((s) => s.text);
    expect(texts).toContain('本期完成了 2 个事务：“Checkout page loads slowly”、“Fix footer”。');
    expect(texts).toContain('里程碑 Release 2 的目标日期从 2026年12月4日 调整为 2026年12月11日。');
    expect(texts).toContain('接下来是里程碑 Release 2，到期日为 2026年12月11日，预测完成日期为 2026年12月15日。');
    expect(texts).toContain('1 项工作正在等待客户处理，最长已等待 6 天：“Sign off wireframes”。');
    expect(texts.every((t) => t.endsWith('。'))).toBe(true);
  });

  it('is deterministic: the same report gives byte-identical sentences', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      expect(JSON.stringify(draftNarrative(aStatusReport({ lang })))).toBe(JSON.stringify(draftNarrative(aStatusReport({ lang }))));
    }
  });

  it.each([
    {
      case: 'raised, approved and rejected change requests, and one awaiting the client',
      report: withChanges([
        change({ id: 'a', title: 'Add SSO', isNew: true, status: 'awaiting-client' }),
        change({
          id: 'b',
          title: 'Dark mode',
          decidedInPeriod: true,
          status: 'approved',
          decision: { outcome: 'approved', by: 'Kim', day: '2026-11-25', reason: '' },
        }),
        change({
          id: 'c',
          title: 'Fax export',
          decidedInPeriod: true,
          status: 'rejected',
          decision: { outcome: 'rejected', by: 'Kim', day: '2026-11-25', reason: '' },
        }),
      ]),
      expected: [
        ['1 change request was raised: “Add SSO”.', ['changeRequest:a']],
        ['1 change request was approved: “Dark mode”.', ['changeRequest:b']],
        ['1 change request was rejected: “Fax export”.', ['changeRequest:c']],
        ['1 change request awaits the client’s decision: “Add SSO”.', ['changeRequest:a']],
      ],
    },
    {
      case: 'an override, with its reason',
      report: aStatusReport({
        overall: { ...aStatusReport().overall, reported: 'green', overrideReason: 'The client agreed the new date' },
      }),
      expected: [['The overall status is reported as green instead of the computed amber: The client agreed the new date.', []]],
    },
    {
      case: 'lists name three and count the rest (the report’s totals, not its bounded lists)',
      report: (() => {
        const r = aStatusReport();
        const issues = ['A', 'B', 'C', 'D'].map((s, n) => anIssueRef({ key: `ACME-${String(20 + n)}`, summary: s }));
        const t = { completed: 2, inProgress: 9, nextUp: 1, waitingOnClient: 1, flagged: 1, blocked: 1, topRisks: 1 };
        return { ...r, sections: { ...r.sections, inProgress: issues, totals: t } };
      })(),
      expected: [
        ['9 issues are in progress: “A”, “B”, “C” and 6 more.', ['issue:ACME-20', 'issue:ACME-21', 'issue:ACME-22', 'issue:ACME-23']],
      ],
    },
  ])('$case', ({ report, expected }) => {
    const got = draftNarrative(report).map((s) => [s.text, s.evidence.map((e) => `${e.kind}:${e.id}`)]);
    for (const sentence of expected) expect(got).toContainEqual(sentence);
  });

  it('says so when nothing was completed and nothing waits on the client', () => {
    const r = aStatusReport();
    const quiet = { ...r, sections: { ...r.sections, completed: [], waitingOnClient: [] } };
    const texts = draftNarrative(quiet).map((s) => s.text);
    expect(texts).toContain('No work was completed in the period.');
    expect(texts).toContain('Nothing is waiting on the client at the moment.');
  });

  it('says every tracked area is on track when no dimension is amber or red', () => {
    const r = aStatusReport();
    const green = {
      ...r,
      dimensions: { ...r.dimensions, schedule: { ...r.dimensions.schedule, rag: 'green' as const, sustained: false } },
    };
    const health = draftNarrative(green).filter((s) => s.topic === 'health');
    expect(health[0]).toEqual({
      topic: 'health',
      text: 'Every tracked area is on track.',
      evidence: ['schedule', 'scope', 'quality', 'cost', 'communication'].map((id) => ({ kind: 'dimension', id })),
    });
  });
});

describe('draftClientNarrative: the client’s narrative, from the client’s report only', () => {
  it('reads dimensions by colour, addresses the client, and never names figures behind a dimension', () => {
    const texts = draftClientNarrative(aClientStatusReport()).map((s) => s.text);
    expect(texts).toContain('Schedule needs attention.');
    expect(texts).toContain('1 item is waiting on you, the longest for 6 days: “Sign off wireframes”.');
    expect(texts.join(' ')).not.toMatch(/forecast 4 days late|amber or red in two reports|not enough data/u);
    const zh = draftClientNarrative(aClientStatusReport({ lang: 'zh-CN' })).map((s) => s.text);
    expect(zh).toContain('1 项工作正在等待您处理，最长已等待 6 天：“Sign off wireframes”。');
  });
});

describe('the narrative as read', () => {
  it('is the drafted sentences, a paragraph per topic, until the PM writes their own text', () => {
    const sentences = draftNarrative(aStatusReport());
    const drafted = toReportNarrative(sentences, null, 'en');
    expect(drafted.source).toBe('drafted');
    expect(drafted.text.split('\n\n')).toHaveLength(4);
    expect(drafted.text).toBe(narrativeText(sentences, 'en'));
    expect(toReportNarrative(sentences, 'Our words.', 'en')).toEqual({ source: 'pm', text: 'Our words.', sentences: [] });
    expect(narrativeText(draftNarrative(aStatusReport({ lang: 'zh-CN' })), 'zh-CN')).not.toMatch(/。 /u);
  });
});
