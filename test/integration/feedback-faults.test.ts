/**
 * Feedback under injected storage faults: 10 % of KVS calls answer 429 (rate limited). Every
 * answer is a typed envelope; every acknowledged submission, import and follow-up is stored;
 * and no entry is half-written (a low rating always has its complaint, a submission is never
 * stored twice), whatever the clients retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { feedbackKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { aPlan } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { aFeedbackInput, aSurveyCsv } from '../support/feedback-builders';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('comms/save', { plan: aPlan(), revision: 0 });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string } };
const call = (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<Answer>;

describe('feedback with storage calls rate limited', () => {
  // 10 % is what the issue asks; the adapter's own retries absorb most of it. At 30 % the
  // clients' retries (same submission id, same file) are exercised too.
  it.each([
    [0.1, 7, 'a'],
    [0.3, 9, 'b'],
  ])('at a share of %d, loses no acknowledged write and leaves no half-written entry', async (share, seed, run) => {
    await call('project/delete-data', { confirmProjectKey: acme.project.key });
    const acknowledged = new Map<string, number>();
    const acknowledgedFollowUps = new Map<string, string>();
    let importedRows = 0;
    const codes: string[] = [];
    const csv = aSurveyCsv(Array.from({ length: 30 }, (_, i) => ['2026-11-02', (i % 5) + 1, i % 11, `answer ${String(i)}`] as const));
    const faultsBefore = app.kvs.stats().faultsInjected;
    app.kvs.setFaults({ rateLimitShare: share, seed });
    try {
      for (let i = 0; i < 40; i += 1) {
        const input = aFeedbackInput({ submissionId: `fault-${run}-${String(i)}`, rating: (i % 5) + 1, stakeholderId: null });
        // A client retries a failed submission a few times with the same submission id.
        for (let attempt = 0; attempt < 8; attempt += 1) {
          const answer = await call('feedback/add', input);
          codes.push(answer.ok ? 'ok' : (answer.error?.code ?? 'malformed'));
          if (answer.ok) {
            acknowledged.set(input.submissionId, input.rating);
            break;
          }
        }
        if (i % 5 === 0 && acknowledged.has(input.submissionId)) {
          const saved = await call('complaint/save', {
            feedbackId: input.submissionId,
            ownerId: 'pm',
            due: '2026-12-24',
            status: 'in-progress',
            resolutionNote: '',
          });
          codes.push(saved.ok ? 'ok' : (saved.error?.code ?? 'malformed'));
          if (saved.ok) acknowledgedFollowUps.set(input.submissionId, 'in-progress');
        }
      }
      for (let attempt = 0; attempt < 20; attempt += 1) {
        const answer = await call('feedback/import', { csv });
        codes.push(answer.ok ? 'ok' : (answer.error?.code ?? 'malformed'));
        if (answer.ok) {
          importedRows = 30;
          break;
        }
      }
    } finally {
      app.kvs.setFaults(undefined);
    }
    expect(codes.filter((c) => c !== 'ok' && !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(codes.filter((c) => c === 'INTERNAL')).toEqual([]);
    expect(app.forge.invocations.filter((r) => r.kind === 'resolver' && !r.ok)).toEqual([]);

    const stored = await listAll(new KvsRecordStore().collection(feedbackKind, acme.project.id));
    const byId = new Map(stored.map((f) => [f.id, f]));
    expect(byId.size).toBe(stored.length);
    for (const [id, rating] of acknowledged) expect(byId.get(id)?.rating, id).toBe(rating);
    for (const [id, status] of acknowledgedFollowUps) expect(byId.get(id)?.complaint?.status, id).toBe(status);
    const surveyRows = stored.filter((f) => f.source === 'survey').length;
    if (importedRows > 0) expect(surveyRows).toBe(importedRows);
    else expect(surveyRows).toBeLessThanOrEqual(30);
    // No half-written entry: the complaint is there exactly when the rating is at most 2.
    for (const f of stored) expect(f.complaint !== null, f.id).toBe(f.rating <= 2);
    // The faults were real, and the retries got every submission through.
    expect(app.kvs.stats().faultsInjected - faultsBefore).toBeGreaterThan(10);
    if (share >= 0.3) expect(codes.some((c) => c === 'RATE_LIMITED')).toBe(true);
    expect(acknowledged.size).toBeGreaterThan(30);
    // Importing the same file again once storage is well completes any import cut short, adding no duplicate.
    expect((await call('feedback/import', { csv })).ok).toBe(true);
    const after = await listAll(new KvsRecordStore().collection(feedbackKind, acme.project.id));
    expect(after.filter((f) => f.source === 'survey')).toHaveLength(30);
  });
});
