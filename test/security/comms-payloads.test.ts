/**
 * Hostile payloads for every communication-plan resolver key: generated garbage and valid
 * payloads with one value swapped for a hostile one. The answer is always a typed envelope
 * (never INTERNAL, never a thrown error), a refusal changes nothing stored or in Jira, and an
 * accepted payload is one the contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { commsPlanKind, savedAgendaKind, touchpointKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { aPlan, aTouchpoint } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('comms/save', { plan: aPlan(), revision: 0 });
  await call('comms/log-touchpoint', { touchpoint: aTouchpoint() });
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

const VALID: Record<string, () => object> = {
  'comms/get': () => ({}),
  'comms/save': () => ({ plan: aPlan(), revision: 1 }),
  'comms/status': () => ({}),
  'comms/touchpoints': () => ({}),
  'comms/log-touchpoint': () => ({ touchpoint: aTouchpoint({ id: 't2' }) }),
  // An edit of t1 at a stale revision: refused unless mangled into a valid one.
  'comms/touchpoint': () => ({ touchpointId: 't1' }),
  'comms/agenda': () => ({ seriesId: 'weekly' }),
  'comms/calendar': () => ({ seriesId: 'weekly' }),
  'comms/action-item-issue': () => ({ touchpointId: 't1', actionItemId: 'missing' }),
  // A Monday of the weekly series far ahead: not one of its next occurrences, so refused unless mangled into one.
  'comms/log-touchpoint#edit': () => ({ touchpoint: aTouchpoint({ decisions: ['Changed'] }), revision: 7 }),
  'comms/user-search': () => ({ query: 'pat' }),
  'comms/agenda-save': () => ({ seriesId: 'weekly', day: '2099-01-05', lines: [{ id: 'l1', text: 'Budget' }], revision: 0 }),
};

const hostileValue = hostileValues(['2026-02-30', '24:00', 'Not/AZone']);

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValue, ['projectKey', 'seriesId', 'revision', 'plan', 'touchpoint', 'day', 'lines']);

const storedState = async () => {
  const records = new KvsRecordStore();
  const plan = await records.document(commsPlanKind, acme.project.id).get();
  const log = await listAll(records.collection(touchpointKind, acme.project.id));
  const agendas = await listAll(records.collection(savedAgendaKind, acme.project.id));
  const issues = app.emulator?.datasets.find((d) => d.project.key === acme.project.key)?.issues.length;
  return JSON.stringify({ plan, log, agendas, issues });
};

describe('hostile payloads to the comms resolvers', () => {
  it.each(Object.keys(VALID))('%s answers only typed errors and a refusal changes nothing', async (key) => {
    const typed = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
    await fc.assert(
      fc.asyncProperty(payloadFor(key), async (payload) => {
        const before = await storedState();
        // `<key>#<variant>`: another valid payload of the same key to mutate.
        const resolverKey = (key.split('#')[0] ?? key) as Key;
        const answer = await call(resolverKey, payload);
        if (answer.ok) {
          // The runtime hands a falsy payload (`false`, `""`, `0`) to the handler as `{}`.
          expect(resolverContract[resolverKey].payload.safeParse(payload || {}).success).toBe(true);
          return;
        }
        expect(typed.has(answer.error?.code ?? 'none'), JSON.stringify(answer.error)).toBe(true);
        expect(await storedState()).toBe(before);
      }),
      { numRuns: 200 },
    );
  });
});
