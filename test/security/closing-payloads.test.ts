/**
 * Hostile payloads for every closing resolver key (issue 13): generated garbage and valid
 * payloads with one value swapped for a hostile one. The answer is always a typed envelope
 * (never INTERNAL, never a thrown error), a refusal changes nothing stored, and an accepted
 * payload is one the contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import { EMPTY_RETRO, type RetroJson } from '../../contract/closing';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { engagementKind, publishedReportKind, retroKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

const RETRO: RetroJson = {
  ...EMPTY_RETRO,
  heldOn: '2026-11-27',
  participants: [{ id: 'p1', name: 'Pat', side: 'internal' }],
  wentWell: [{ id: 'w1', text: 'Demos' }],
  toChange: [{ id: 'c1', text: 'Test data' }],
  internalNote: 'team only',
};

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  const answer = await call('closing/retro-save', { retro: RETRO, revision: 0 });
  if (!answer.ok) throw new Error('could not save the first retro');
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

const VALID: Record<string, () => object> = {
  'closing/retro-get': () => ({}),
  // A stale revision: a valid payload that is refused, so a hostile variant must be refused too.
  'closing/retro-save': () => ({
    retro: { ...RETRO, actions: [{ id: 'a1', text: 'Do', owner: '', due: null, jiraIssueKey: null }] },
    revision: 99,
  }),
  // No such action: refused (NOT_FOUND) before Jira is asked.
  'closing/retro-issue': () => ({ actionId: 'a9', lang: 'en' }),
  'closing/preview': () => ({ audience: 'client' }),
  // The project is in kick-off: refused with INVALID_PAYLOAD on the phase.
  'closing/publish': () => ({ draftRevision: 'g1' }),
  'closing/get': () => ({ audience: 'internal' }),
};

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValues(['2026-02-30', 'closing', 'g0', '-1']), [
    'projectKey',
    'retro',
    'revision',
    'actionId',
  ]);

const storedState = async () => {
  const store = new KvsRecordStore();
  return JSON.stringify([
    await store.document(retroKind, acme.project.id).get(),
    await store.document(engagementKind, acme.project.id).get(),
    await listAll(store.collection(publishedReportKind, acme.project.id)),
  ]);
};

describe('hostile payloads to the closing resolvers', () => {
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
      { numRuns: 100 },
    );
  });
});
