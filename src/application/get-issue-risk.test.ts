import { describe, expect, it } from 'vitest';
import { issueRiskViewSchema } from '../../contract/resolvers';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract/settings';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA } from '../domain/project-data';
import { aDoneIssue, aMilestone, anIssue, at, DAY_MS } from '../domain/testing/builders';
import { getIssueRisk } from './get-issue-risk';
import type { ProjectReadResult } from './ports';

const NOW = new Date('2026-03-10T12:00:00Z');

/** A project read as the Jira adapter gives it: absurd values passed through for the domain to note. */
function absurdRead(): ProjectReadResult {
  const done = Array.from({ length: 6 }, (_, i) =>
    aDoneIssue(at('2026-03-09T12:00:00Z') - i * 7 * DAY_MS, { key: `ACME-${i + 1}`, storyPoints: 3, fixVersions: ['200'] }),
  );
  return {
    project: { id: '1', key: 'ACME', name: 'Acme portal' },
    milestones: [aMilestone({ id: '200', name: 'Beta', releaseDate: '2026-04-01', startDate: '2026-02-01' })],
    issues: [
      ...done,
      anIssue({ key: 'ACME-10', storyPoints: 1e308, timeOriginal: 1e308, timeSpent: 1e308, fixVersions: ['200'], due: '2026-03-05' }),
      anIssue({ key: 'ACME-11', storyPoints: 1e308, fixVersions: ['200'], due: '9999-12-31' }),
    ],
    priorityCount: 5,
  };
}

const deps = {
  reader: { readProject: () => Promise.resolve(absurdRead()) },
  records: { satisfaction: () => Promise.resolve(NO_SATISFACTION_DATA), communication: () => Promise.resolve(NO_COMMUNICATION_DATA) },
  settings: DEFAULT_PROJECT_SETTINGS,
};

describe('getIssueRisk on absurd values (the issue panel)', () => {
  it.each(['en', 'zh-CN'] as const)('answers a schema-valid risk, with no invalid date or number (%s)', async (lang) => {
    for (const issueKey of ['ACME-10', 'ACME-11']) {
      const view = await getIssueRisk(deps, { projectKey: 'ACME', issueKey, lang, now: NOW });
      expect(issueRiskViewSchema.parse(view)).toEqual(view);
      expect(JSON.stringify(view.risk)).not.toMatch(/Invalid|NaN|Infinity|∞|e\+\d/u);
    }
    const overdue = await getIssueRisk(deps, { projectKey: 'ACME', issueKey: 'ACME-10', lang, now: NOW });
    // Overdue by 5 days is real; the 1e308 time spent against a 1e308 estimate is ignored, not an overrun.
    expect(overdue.risk?.signals.map((s) => s.code)).toContain('overdue');
    expect(overdue.risk?.signals.map((s) => s.code)).not.toContain('overrun');
  });
});
