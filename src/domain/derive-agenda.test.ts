import { describe, expect, it } from 'vitest';
import type { IssueRefJson, ReportSectionsJson } from '../../contract/report';
import { anActionItem, aSeries, aTouchpoint } from '../../test/support/comms-builders';
import { deriveAgenda } from './derive-agenda';

const ref = (key: string, due: string | null = null): IssueRefJson => ({
  key,
  summary: `Summary of ${key}`,
  status: { name: 'In Progress', category: 'indeterminate' },
  type: 'Task',
  priority: null,
  due,
  assignee: null,
  epicKey: null,
  client: { shown: true, reason: 'marked' },
});

const SECTIONS: ReportSectionsJson = {
  completed: [],
  inProgress: [],
  nextUp: [],
  milestones: [],
  risks: {
    flagged: [ref('ACME-1')],
    blocked: [
      { issue: ref('ACME-2'), blockedBy: ['ACME-9'] },
      { issue: ref('ACME-1'), blockedBy: ['ACME-8'] },
    ],
    topRisks: [
      { issue: ref('ACME-3'), score: 80, level: 'high' },
      { issue: ref('ACME-4'), score: 40, level: 'medium' },
    ],
  },
  waitingOnClient: [{ ...ref('ACME-5', '2026-01-20'), wait: { days: 3, since: '2026-01-11', estimated: false } }],
};

// Weekly on Monday 09:00 Paris; now is Wednesday 14 January 2026.
const NOW = new Date('2026-01-14T12:00:00Z');

describe('deriveAgenda', () => {
  it('carries open items (overdue apart), risks and blockers once each, what waits on the client, and the last open questions', () => {
    const touchpoints = [
      aTouchpoint({
        id: 't1',
        date: '2026-01-05',
        openQuestions: ['Old question'],
        actionItems: [anActionItem({ id: 'a1', due: '2026-01-09' }), anActionItem({ id: 'a2', status: 'done' })],
      }),
      aTouchpoint({
        id: 't2',
        date: '2026-01-12',
        openQuestions: ['Who signs the acceptance?'],
        actionItems: [anActionItem({ id: 'a3', due: '2026-01-14' }), anActionItem({ id: 'a4', due: null })],
      }),
      aTouchpoint({
        id: 'adhoc',
        seriesId: null,
        date: '2026-01-13',
        openQuestions: ['Not this one'],
        actionItems: [anActionItem({ id: 'a5', due: '2026-01-13' })],
      }),
      aTouchpoint({ id: 'other', seriesId: 'monthly', date: '2026-01-13', actionItems: [anActionItem({ id: 'a6', due: '2026-01-01' })] }),
    ];
    const agenda = deriveAgenda(aSeries(), touchpoints, { sections: SECTIONS, asOf: '2026-01-14T06:00:00.000Z' }, NOW);
    expect(agenda.next).toEqual({ day: '2026-01-19', at: '2026-01-19T08:00:00.000Z' });
    expect(agenda.overdueActionItems.map((i) => i.item.id)).toEqual(['a1', 'a5']);
    expect(agenda.openActionItems.map((i) => i.item.id)).toEqual(['a3', 'a4']);
    expect(agenda.risksAndBlockers.map((r) => [r.key, r.reason, r.blockedBy])).toEqual([
      ['ACME-1', 'flagged', []],
      ['ACME-2', 'blocked', ['ACME-9']],
      ['ACME-3', 'high-risk', []],
    ]);
    expect(agenda.waitingOnClient).toEqual([
      { key: 'ACME-5', summary: 'Summary of ACME-5', reason: 'waiting-on-client', blockedBy: [], due: '2026-01-20' },
    ]);
    expect(agenda.decisionsDue).toEqual([{ touchpointId: 't2', question: 'Who signs the acceptance?' }]);
    expect(agenda.jiraAsOf).toBe('2026-01-14T06:00:00.000Z');
  });

  it('without a snapshot, drafts the plan part only', () => {
    const agenda = deriveAgenda(aSeries(), [], null, NOW);
    expect(agenda).toMatchObject({ risksAndBlockers: [], waitingOnClient: [], decisionsDue: [], openActionItems: [], jiraAsOf: null });
  });
});
