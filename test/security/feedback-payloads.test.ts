/**
 * Hostile payloads for every feedback resolver key: generated garbage and valid payloads with
 * one value swapped for a hostile one. The answer is always a typed envelope (never INTERNAL,
 * never a thrown error), a refusal changes nothing stored or in Jira, and an accepted payload is
 * one the contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { feedbackKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { aPlan } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { aFeedbackInput, aSurveyCsv } from '../support/feedback-builders';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('comms/save', { plan: aPlan(), revision: 0 });
  await call('feedback/add', aFeedbackInput({ rating: 1 }));
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

/** Valid payloads, each a write that would change nothing new (an existing submission) or a read. */
const VALID: Record<string, () => object> = {
  'feedback/add': () => aFeedbackInput({ rating: 1 }),
  'feedback/list': () => ({
    source: 'pm',
    ratingMin: 1,
    ratingMax: 5,
    stakeholderId: 'client',
    from: '2026-01-01',
    to: '2026-12-31',
    complaint: 'open',
    limit: 10,
  }),
  'feedback/import': () => ({ csv: aSurveyCsv([['2026-11-01', 9, '', 'a bad rating refuses the file']]) }),
  'feedback/summary': () => ({}),
  'complaint/list': () => ({ status: 'unresolved', limit: 5 }),
  'complaint/save': () => ({ feedbackId: 'missing', ownerId: 'pm', due: '2026-12-10', status: 'resolved', resolutionNote: 'done' }),
  'complaint/issue': () => ({ feedbackId: 'missing' }),
};

const hostileValue = hostileValues([
  'date,rating\n"unclosed',
  'date,rating\n' + '2026-11-01,5\n'.repeat(1001),
  '2026-02-30',
  'not-a-cursor',
  0,
  6,
  11,
]);

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValue, ['projectKey', 'cursor', 'submissionId', 'feedbackId', 'csv', 'rating']);

/** Keys whose accepted calls write (a refusal of any key must leave the store unchanged). */
const WRITES = new Set(['feedback/add', 'feedback/import', 'complaint/save', 'complaint/issue']);

const storedState = async () => {
  const feedback = await listAll(new KvsRecordStore().collection(feedbackKind, acme.project.id));
  const issues = app.emulator?.datasets.find((d) => d.project.key === acme.project.key)?.issues.length;
  return JSON.stringify({ feedback, issues });
};

describe('hostile payloads to the feedback resolvers', () => {
  it.each(Object.keys(VALID))('%s answers only typed errors and a refusal changes nothing', async (key) => {
    const typed = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
    await fc.assert(
      fc.asyncProperty(payloadFor(key), async (payload) => {
        const before = await storedState();
        const answer = await call(key as Key, payload);
        if (answer.ok) {
          // The runtime hands a falsy payload (`false`, `""`, `0`) to the handler as `{}`.
          expect(resolverContract[key as Key].payload.safeParse(payload || {}).success).toBe(true);
          // An accepted write may change the store (the fuzzer sometimes names an entry an earlier
          // run created, e.g. `__proto__`); an accepted read leaves it as it was.
          if (!WRITES.has(key)) expect(await storedState()).toBe(before);
          return;
        }
        expect(typed.has(answer.error?.code ?? 'none'), JSON.stringify(answer.error)).toBe(true);
        expect(await storedState()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
