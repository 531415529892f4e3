import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../../contract/settings';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA, type ProjectData } from '../../domain/project-data';
import { toProjectSettings } from '../../domain/settings';
import { anIssue } from '../../domain/testing/builders';
import { deriveSnapshot, SNAPSHOT_ISSUE_RISKS, SNAPSHOT_LIST_ISSUES } from './derive-snapshot';

const NOW = Date.parse('2026-03-10T12:00:00Z');

function projectWith(openIssues: number): ProjectData {
  return {
    project: { id: '1', key: 'ACME', name: 'Acme portal' },
    milestones: [],
    issues: Array.from({ length: openIssues }, (_, i) =>
      anIssue({
        id: String(i + 1),
        key: `ACME-${String(i + 1)}`,
        status: { name: 'In Progress', category: 'indeterminate' },
        labels: ['client'],
        due: '2026-03-01',
      }),
    ),
    priorityCount: 5,
    satisfaction: NO_SATISFACTION_DATA,
    communication: NO_COMMUNICATION_DATA,
  };
}

describe('deriveSnapshot', () => {
  it('bounds every issue list of the stored report, so a page costs the same at 1k and 100k issues', () => {
    const derived = deriveSnapshot(projectWith(300), toProjectSettings(DEFAULT_PROJECT_SETTINGS), NOW);
    const report = derived.reports.internal;
    expect(report.sections.inProgress).toHaveLength(SNAPSHOT_LIST_ISSUES);
    expect(report.issueRisks).toHaveLength(SNAPSHOT_ISSUE_RISKS);
    // The highest risks are the ones kept.
    const scores = report.issueRisks.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // The client's report is bounded the same way (in the default mode it sees no unmarked issue).
    expect(derived.reports.client.sections.inProgress.length).toBeLessThanOrEqual(SNAPSHOT_LIST_ISSUES);
    const all = deriveSnapshot(
      projectWith(300),
      toProjectSettings({ ...DEFAULT_PROJECT_SETTINGS, clientVisibility: { mode: 'all', issueTypeIds: [] } }),
      NOW,
    );
    expect(all.reports.client.sections.inProgress).toHaveLength(SNAPSHOT_LIST_ISSUES);
    // The PM's report says how many each list held; the client's carries no such count.
    expect(derived.reports.internal.sections.totals).toMatchObject({ inProgress: 300, nextUp: 0 });
    expect('totals' in derived.reports.client.sections).toBe(false);
    // The head counts every issue.
    expect(derived.head.issueCount).toBe(300);
    expect(derived.head.counts.indeterminate).toBe(300);
  });

  it('keeps short lists whole', () => {
    const derived = deriveSnapshot(projectWith(7), toProjectSettings(DEFAULT_PROJECT_SETTINGS), NOW);
    expect(derived.reports.internal.sections.inProgress).toHaveLength(7);
    expect(derived.reports.internal.issueRisks).toHaveLength(7);
  });
});

describe('deriveSnapshot: decisions and action items', () => {
  it('bounds them like the issue lists, for both audiences, keeping overdue items', () => {
    const many = SNAPSHOT_LIST_ISSUES + 10;
    const data: ProjectData = {
      ...projectWith(1),
      communication: {
        touchpoints: [],
        minutes: [
          {
            date: '2026-03-09',
            seriesTitle: 'Client sync',
            withClient: true,
            decisions: Array.from({ length: many }, (_, i) => `Decision ${String(i)}`),
            actionItems: Array.from({ length: many }, (_, i) => ({
              text: `Item ${String(i)}`,
              ownerSide: 'client' as const,
              ownerName: 'Ana',
              due: i === many - 1 ? '2026-03-01' : null,
              status: 'open' as const,
              jiraIssueKey: null,
            })),
          },
        ],
      },
    };
    const { reports } = deriveSnapshot(data, toProjectSettings(DEFAULT_PROJECT_SETTINGS), NOW);
    for (const sections of [reports.internal.sections, reports.client.sections]) {
      expect(sections.decisions).toHaveLength(SNAPSHOT_LIST_ISSUES);
      expect(sections.actionItems).toHaveLength(SNAPSHOT_LIST_ISSUES);
      expect(sections.actionItems?.[0]).toMatchObject({ text: `Item ${String(many - 1)}`, overdue: true });
    }
    // The PM's report counts what it did not keep ("…and N more"); the client's says nothing of it.
    expect(reports.internal.sections.totals).toMatchObject({ decisions: many, actionItems: many });
    expect('totals' in reports.client.sections).toBe(false);
  });
});
