import { describe, expect, it } from 'vitest';
import { InMemoryRecordStore } from '../../adapters/memory/in-memory-record-store';
import { feedbackKind, kpiHistoryKind } from '../records/record-kinds';
import { deriveClosingReports, MAX_FEEDBACK, MAX_KPI_DAYS } from './closing-report';

const PROJECT = { id: '10000', key: 'ACME', name: 'ACME' };
const dayOf = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
const rag = { rag: 'green' as const, value: 0 };
const dimensions = { schedule: rag, scope: rag, quality: rag, cost: rag, satisfaction: rag, communication: rag };

describe('the closing report reads its inputs in bounded pages', () => {
  it('a history longer than the cap keeps its newest days, oldest first, and says it is incomplete', async () => {
    const records = new InMemoryRecordStore();
    const kpis = records.collection(kpiHistoryKind, PROJECT.id);
    const total = MAX_KPI_DAYS + 50;
    for (let i = 0; i < total; i += 1) {
      await kpis.put({
        day: dayOf(i),
        capturedAt: `${dayOf(i)}T06:00:00.000Z`,
        overall: 'green',
        dimensions,
        counts: { new: 0, indeterminate: 0, done: 0, undefined: 0 },
      });
    }
    const feedback = records.collection(feedbackKind, PROJECT.id);
    for (let i = 0; i < MAX_FEEDBACK + 5; i += 1) {
      const at = new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString();
      await feedback.put({
        id: `f${String(i)}`,
        rating: 4,
        nps: null,
        comment: '',
        source: 'pm',
        stakeholderId: null,
        reference: null,
        createdAt: at,
        complaint: null,
      });
    }
    const { internal, client } = await deriveClosingReports(records, undefined, PROJECT, new Date('2026-01-01T00:00:00.000Z'));
    expect(internal.kpis).toMatchObject({ points: MAX_KPI_DAYS, from: dayOf(50), to: dayOf(total - 1), complete: false });
    expect(internal.satisfaction.overall.responses).toBe(MAX_FEEDBACK);
    expect(internal.satisfaction.complete).toBe(false);
    expect(internal.milestones).toEqual([]);
    expect(client.kpis.points).toBe(MAX_KPI_DAYS);
  });

  it('a project without any history derives an empty, complete report', async () => {
    const { internal } = await deriveClosingReports(new InMemoryRecordStore(), undefined, PROJECT, new Date('2026-01-01T00:00:00.000Z'));
    expect(internal).toMatchObject({
      kpis: { points: 0, complete: true },
      changes: { items: [], complete: true },
      satisfaction: { months: [], complete: true },
      complaints: { items: [], complete: true },
      period: { start: '2026-01-01', end: '2026-01-01' },
    });
  });
});
