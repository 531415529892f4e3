/**
 * Hostile payloads for every change-request resolver key: generated garbage and valid payloads
 * with one value swapped for a hostile one. The answer is always a typed envelope (never
 * INTERNAL, never a thrown error), a refusal changes nothing stored, and an accepted payload is
 * one the contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { changeRequestKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { aChangeDraft } from '../support/change-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('changes/save', { request: aChangeDraft(), revision: 0 });
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

const VALID: Record<string, () => object> = {
  'changes/list': () => ({ status: 'proposed', limit: 10 }),
  'changes/save': () => ({ request: aChangeDraft({ linkedIssueKeys: ['ACME-1'] }), revision: 1 }),
  'changes/transition': () => ({ id: 'cr1', revision: 1, to: 'rejected', decider: 'Li Na', reason: 'No budget' }),
};

const hostileValue = hostileValues(['2026-02-30', '24:00', 'Not/AZone']);

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValue, [
    'projectKey',
    'id',
    'revision',
    'request',
    'to',
    'decider',
    'reason',
    'status',
    'cursor',
    'limit',
  ]);

const storedState = async () => JSON.stringify(await listAll(new KvsRecordStore().collection(changeRequestKind, acme.project.id)));

describe('hostile payloads to the change-request resolvers', () => {
  it.each(Object.keys(VALID))('%s answers only typed errors and a refusal changes nothing', async (key) => {
    const typed = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
    await fc.assert(
      fc.asyncProperty(payloadFor(key), async (payload) => {
        const before = await storedState();
        const answer = await call(key as Key, payload);
        if (answer.ok) {
          // The runtime hands a falsy payload (`false`, `""`, `0`) to the handler as `{}`.
          expect(resolverContract[key as Key].payload.safeParse(payload || {}).success).toBe(true);
          return;
        }
        expect(typed.has(answer.error?.code ?? 'none'), JSON.stringify(answer.error)).toBe(true);
        expect(await storedState()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
