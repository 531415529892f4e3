/**
 * Change requests with the local KVS failing 10 % of its calls with rate-limit errors (writes
 * among them): every answer is a typed envelope, no acknowledged write is lost, and no record is
 * half-written (each stored request parses whole and is one state a call produced).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../contract';
import { changeRequestSchema, type ChangeRequestJson } from '../../contract/changes';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { changeRequestKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { aChangeDraft } from '../support/change-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('project/refresh', {});
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string } };
const call = (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<Answer>;

const NEXT: Partial<Record<ChangeRequestJson['status'], { to: string; decider?: string; reason?: string }>> = {
  proposed: { to: 'assessing' },
  assessing: { to: 'awaiting-client' },
  'awaiting-client': { to: 'approved', decider: 'Li Na' },
  approved: { to: 'implemented' },
};

describe('change requests with 10 % of storage calls rate-limited', () => {
  it('loses no acknowledged write and leaves no half-written record', async () => {
    /** Per id: the last state a call acknowledged, and every state a call may have written. */
    const acknowledged = new Map<string, ChangeRequestJson>();
    const attempted = new Map<string, string[]>();
    const codes: string[] = [];
    const remember = (id: string, answer: Answer, attempt: string) => {
      attempted.set(id, [...(attempted.get(id) ?? []), attempt]);
      if (answer.ok) acknowledged.set(id, changeRequestSchema.parse((answer.data as { request: unknown }).request));
      else codes.push(answer.error?.code ?? 'malformed');
    };
    const faultsBefore = app.kvs.stats().faultsInjected;
    app.kvs.setFaults({ rateLimitShare: 0.1, seed: 7 });
    try {
      for (let round = 0; round < 12; round += 1) {
        for (let n = 0; n < 4; n += 1) {
          const id = `cr${String(n)}`;
          const known = acknowledged.get(id);
          if (known === undefined) {
            remember(id, await call('changes/save', { request: aChangeDraft({ id, title: `Request ${id}` }), revision: 0 }), 'create');
          } else if (round % 3 === 1 && known.decision === null) {
            const { id: _id, status: _s, revision, decision: _d, createdAt: _c, updatedAt: _u, implementedAt: _i, ...rest } = known;
            const draft = { id, ...rest, milestone: null, title: `${known.title}+` };
            remember(id, await call('changes/save', { request: draft, revision }), 'edit');
          } else {
            const next = NEXT[known.status];
            if (next) remember(id, await call('changes/transition', { id, revision: known.revision, ...next }), next.to);
          }
        }
      }
    } finally {
      app.kvs.setFaults(undefined);
    }
    expect(codes.filter((c) => !(ERROR_CODES as readonly string[]).includes(c) || c === 'INTERNAL')).toEqual([]);
    // Faults were really injected (the storage kit's bounded retries absorb most of them).
    expect(app.kvs.stats().faultsInjected - faultsBefore).toBeGreaterThan(10);
    expect(acknowledged.size).toBe(4);

    const stored = await listAll(new KvsRecordStore().collection(changeRequestKind, acme.project.id));
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const [id, last] of acknowledged) {
      const now = byId.get(id);
      // Acknowledged and still there: at its acknowledged revision, or later only through a call
      // that failed after writing (its answer lost), never earlier.
      expect(now, id).toBeDefined();
      expect(now?.revision ?? 0, id).toBeGreaterThanOrEqual(last.revision);
      if (now?.revision === last.revision) expect(now, id).toEqual(last);
    }
    // Every stored record parses whole (listAll skips none) and belongs to a call that was made.
    for (const record of stored) expect(attempted.has(record.id), record.id).toBe(true);
    expect(stored.every((r) => changeRequestSchema.safeParse(r).success)).toBe(true);
    expect(stored.length).toBe(new Set([...acknowledged.keys(), ...stored.map((r) => r.id)]).size);
  });
});
