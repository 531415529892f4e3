import { describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS } from '../../../contract/settings';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { NO_COMMUNICATION_DATA, NO_SATISFACTION_DATA, type ProjectData } from '../../domain/project-data';
import { toProjectSettings } from '../../domain/settings';
import { aDoneIssue, aMilestone, anIssue, at, DAY_MS } from '../../domain/testing/builders';
import { publishedReportPartKind, snapshotKind } from '../records/record-kinds';
import { listAll } from '../storage';
import { deriveSnapshot } from '../snapshot/derive-snapshot';
import { STORED_REPORT_FORMAT, toBuckets, toReportParts, writeGeneration, type StoredReports } from '../snapshot/project-cache';
import { draftRevisionOf, publishReport, readPublishedReport } from './published-reports';

const NOW = new Date('2026-03-10T12:00:00Z');
const settings = toProjectSettings(DEFAULT_PROJECT_SETTINGS);

function aProject(): ProjectData {
  return {
    project: { id: '1', key: 'ACME', name: 'Acme portal' },
    milestones: [aMilestone({ id: '200', name: 'Beta', releaseDate: '2026-04-01', startDate: '2026-02-01' })],
    issues: [
      ...Array.from({ length: 4 }, (_, i) =>
        aDoneIssue(at('2026-03-09T12:00:00Z') - i * 7 * DAY_MS, { key: `ACME-${String(i + 1)}`, fixVersions: ['200'] }),
      ),
      anIssue({ id: '10', key: 'ACME-10', fixVersions: ['200'], due: '2026-03-05' }),
    ],
    priorityCount: 5,
    satisfaction: NO_SATISFACTION_DATA,
    communication: NO_COMMUNICATION_DATA,
  };
}

/** A snapshot at `generation` holding `reports`, as a sync writes it. */
async function givenSnapshot(records: InMemoryRecordStore, generation: number, reports: (derived: StoredReports) => StoredReports) {
  const data = aProject();
  const derived = deriveSnapshot(data, settings, NOW.getTime());
  const parts = toReportParts(reports(derived.reports));
  const buckets = toBuckets(data.issues);
  await writeGeneration(records, data.project.id, generation, derived.head.asOf, buckets, parts);
  const snapshot = {
    ...derived.head,
    generation,
    syncedFrom: derived.head.asOf,
    settingsRevision: 0,
    reportFormat: STORED_REPORT_FORMAT,
    bucketCount: buckets.length,
    reportParts: parts.length,
  };
  const document = records.document(snapshotKind, data.project.id);
  await document.save(snapshot, (await document.get()).revision);
  return snapshot;
}

describe('publishing a report too large for one value', () => {
  it('splits it across values and reads it back whole, not one character lost', async () => {
    const records = new InMemoryRecordStore();
    // 600,000 characters, most of them 3 bytes in UTF-8: about 1.8 MB of report.
    const longName = '客户跟进'.repeat(150_000);
    const snapshot = await givenSnapshot(records, 7, (r) => ({
      ...r,
      internal: { ...r.internal, project: { ...r.internal.project, name: longName } },
    }));

    const head = await publishReport(records, snapshot, { draftRevision: draftRevisionOf(snapshot), publishedBy: 'pm', now: NOW });

    expect(head.parts).toBeGreaterThan(8);
    const parts = await listAll(records.collection(publishedReportPartKind, '1'));
    expect(parts).toHaveLength(head.parts);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThan(240 * 1024);
    const read = await readPublishedReport(records, '1', head.id);
    expect(read.content.internal.project.name).toBe(longName);
    expect(read.head).toEqual(head);
  });
});

describe('publishing and the snapshot that moves on', () => {
  it('keeps the published content when later generations replace the snapshot', async () => {
    const records = new InMemoryRecordStore();
    const first = await givenSnapshot(records, 1, (r) => r);
    const head = await publishReport(records, first, { draftRevision: 'g1', publishedBy: 'pm', now: NOW });
    const before = await readPublishedReport(records, '1', head.id);

    const second = await givenSnapshot(records, 2, (r) => ({
      ...r,
      internal: { ...r.internal, project: { ...r.internal.project, name: 'Renamed' } },
    }));
    const after = await readPublishedReport(records, '1', head.id);

    expect(after).toEqual(before);
    expect(after.content.internal.project.name).toBe('Acme portal');
    await expect(publishReport(records, second, { draftRevision: 'g1', publishedBy: 'pm', now: NOW })).resolves.toEqual(head);
    await expect(publishReport(records, second, { draftRevision: 'g3', publishedBy: 'pm', now: NOW })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('refuses to publish before any data was read', async () => {
    await expect(
      publishReport(new InMemoryRecordStore(), undefined, { draftRevision: 'g1', publishedBy: 'pm', now: NOW }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
    });
  });
});
