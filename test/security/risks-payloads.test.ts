/**
 * Hostile payloads for every risk-register resolver key: generated garbage and valid payloads
 * with one value swapped for a hostile one. The answer is always a typed envelope (never
 * INTERNAL, never a thrown error), a refusal changes nothing stored or in Jira, and an accepted
 * payload is one the contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { issueClaimKind, registerRiskKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { aRisk } from '../support/risk-builders';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('risks/save', { risk: aRisk(), revision: 0 });
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

const VALID: Record<string, () => object> = {
  'risks/list': () => ({ filter: { status: 'active', clientVisible: false, minScore: 8, probability: 3, impact: 4 }, limit: 10 }),
  'risks/matrix': () => ({ clientVisible: true }),
  // A stale revision: the valid payload itself changes nothing, so every variant can be checked the same way.
  'risks/save': () => ({ risk: aRisk({ title: 'Changed' }), revision: 7 }),
  'risks/signals': () => ({}),
  'risks/promote': () => ({ issueKey: 'ZZZ-1' }),
  'risks/issue': () => ({ riskId: 'missing', lang: 'en' }),
};

const hostileValue = hostileValues(['2026-02-30', 'acme-1', 'ACME-0', 0, 6, 26]);

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValue, [
    'projectKey',
    'risk',
    'revision',
    'riskId',
    'issueKey',
    'cursor',
    'filter',
    'limit',
  ]);

const storedState = async () => {
  const records = new KvsRecordStore();
  const risks = await listAll(records.collection(registerRiskKind, acme.project.id));
  const claims = await listAll(records.collection(issueClaimKind, acme.project.id));
  const issues = app.emulator?.datasets.find((d) => d.project.key === acme.project.key)?.issues.length;
  return JSON.stringify({ risks, claims, issues });
};

describe('hostile payloads to the risk-register resolvers', () => {
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
      { numRuns: 150 },
    );
  });
});
