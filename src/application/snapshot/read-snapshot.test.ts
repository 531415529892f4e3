import { describe, expect, it } from 'vitest';
import { issueRiskViewSchema } from '../../../contract/resolvers';
import { DEFAULT_PROJECT_SETTINGS } from '../../../contract/settings';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA, type ProjectData } from '../../domain/project-data';
import { toProjectSettings } from '../../domain/settings';
import { aDoneIssue, aMilestone, anIssue, at, DAY_MS } from '../../domain/testing/builders';
import type { SyncSource } from '../ports';
import { snapshotKind } from '../records/record-kinds';
import { deriveSnapshot } from './derive-snapshot';
import { getSnapshotIssueRisk } from './read-snapshot';
import { STORED_REPORT_FORMAT, toBuckets, toReportParts, writeGeneration } from './project-cache';

const NOW = new Date('2026-03-10T12:00:00Z');
const settings = toProjectSettings(DEFAULT_PROJECT_SETTINGS);

/** A project as the Jira adapter gives it: absurd values passed through for the domain to note. */
function absurdProject(): ProjectData {
  const done = Array.from({ length: 6 }, (_, i) =>
    aDoneIssue(at('2026-03-09T12:00:00Z') - i * 7 * DAY_MS, { key: `ACME-${String(i + 1)}`, storyPoints: 3, fixVersions: ['200'] }),
  );
  return {
    project: { id: '1', key: 'ACME', name: 'Acme portal' },
    milestones: [aMilestone({ id: '200', name: 'Beta', releaseDate: '2026-04-01', startDate: '2026-02-01' })],
    issues: [
      ...done,
      anIssue({
        id: '10',
        key: 'ACME-10',
        storyPoints: 1e308,
        timeOriginal: 1e308,
        timeSpent: 1e308,
        fixVersions: ['200'],
        due: '2026-03-05',
      }),
      anIssue({ id: '11', key: 'ACME-11', storyPoints: 1e308, fixVersions: ['200'], due: '9999-12-31' }),
    ],
    priorityCount: 5,
    satisfaction: NO_SATISFACTION_DATA,
    communication: NO_COMMUNICATION_DATA,
  };
}

async function givenSnapshot(data: ProjectData) {
  const records = new InMemoryRecordStore();
  const derived = deriveSnapshot(data, settings, NOW.getTime());
  const buckets = toBuckets(data.issues);
  const parts = toReportParts(derived.reports);
  await writeGeneration(records, data.project.id, 1, derived.head.asOf, buckets, parts, derived.addedAfterBaseline);
  const snapshot = {
    ...derived.head,
    generation: 1,
    syncedFrom: derived.head.asOf,
    settingsRevision: 0,
    reportFormat: STORED_REPORT_FORMAT,
    bucketCount: buckets.length,
    reportParts: parts.length,
  };
  await records.document(snapshotKind, data.project.id).save(snapshot, 0);
  return { records, snapshot };
}

const noJira: SyncSource = new Proxy({} as SyncSource, {
  get: () => () => Promise.reject(new Error('the issue panel read Jira for a cached issue')),
});

describe('the issue panel from the snapshot, on absurd values', () => {
  it.each(['en', 'zh-CN'] as const)('answers a schema-valid risk with no invalid date or number, and no Jira call (%s)', async (lang) => {
    const { records, snapshot } = await givenSnapshot(absurdProject());
    const deps = { records, jira: noJira, metadata: () => Promise.reject(new Error('no metadata needed')) };
    for (const [issueKey, issueId] of [
      ['ACME-10', '10'],
      ['ACME-11', '11'],
    ] as const) {
      const view = await getSnapshotIssueRisk(deps, snapshot, {
        issueKey,
        issueId,
        lang,
        now: NOW,
        settings,
        settingsJson: DEFAULT_PROJECT_SETTINGS,
      });
      expect(issueRiskViewSchema.parse(view)).toEqual(view);
      expect(JSON.stringify(view.risk)).not.toMatch(/Invalid|NaN|Infinity|∞|e\+\d/u);
    }
    const overdue = await getSnapshotIssueRisk(deps, snapshot, {
      issueKey: 'ACME-10',
      issueId: '10',
      lang,
      now: NOW,
      settings,
      settingsJson: DEFAULT_PROJECT_SETTINGS,
    });
    // Overdue by 5 days is real; the 1e308 time spent against a 1e308 estimate is ignored, not an overrun.
    expect(overdue.risk?.signals.map((s) => s.code)).toContain('overdue');
    expect(overdue.risk?.signals.map((s) => s.code)).not.toContain('overrun');
  });
});
