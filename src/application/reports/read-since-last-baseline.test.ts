import { describe, expect, it } from 'vitest';
import type { PublishedReportHead } from '../../../contract/reports';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { publishedReportKind, publishedReportPartKind } from '../records/record-kinds';
import { STORED_REPORT_FORMAT } from '../snapshot/project-cache';
import { readSinceLastBaseline } from './read-since-last-baseline';

const PROJECT = '10000';
const head: PublishedReportHead = {
  id: 'g7',
  version: 4,
  draftRevision: 'g7',
  asOf: '2026-11-27T08:00:00.000Z',
  publishedAt: '2026-11-27T09:00:00.000Z',
  publishedBy: 'local-pm',
  period: { start: '2026-11-20T09:00:00.000Z', end: '2026-11-27T08:00:00.000Z' },
  overall: { computed: 'red', reported: 'red' },
  dimensions: { schedule: 'red', scope: 'green', quality: 'amber', cost: 'grey', satisfaction: 'green', communication: 'green' },
  contentFormat: STORED_REPORT_FORMAT,
  parts: 2,
};

describe('readSinceLastBaseline', () => {
  it.each([
    ['a part is missing', [{ index: 0, text: '{"internal":' }]],
    [
      'its content does not parse as a stored report',
      [
        { index: 0, text: '{"internal":{},' },
        { index: 1, text: '"client":{}}' },
      ],
    ],
  ])('keeps the head’s colours and compares nothing else when %s, rather than failing the refresh', async (_, parts) => {
    const records = new InMemoryRecordStore();
    await records.collection(publishedReportKind, PROJECT).add(head);
    for (const part of parts)
      await records.collection(publishedReportPartKind, PROJECT).put({ reportId: head.id, at: head.publishedAt, ...part });

    expect(await readSinceLastBaseline(records, PROJECT, head)).toEqual({
      version: 4,
      publishedAt: '2026-11-27T09:00:00.000Z',
      dimensions: head.dimensions,
      content: null,
    });
  });
});
