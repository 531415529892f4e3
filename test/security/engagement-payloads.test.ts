/**
 * Hostile payloads for every engagement resolver key: generated garbage and valid payloads with
 * one value swapped for a hostile one. The answer is always a typed envelope (never INTERNAL,
 * never a thrown error), a refusal changes nothing stored, and an accepted payload is one the
 * contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import { EMPTY_ENGAGEMENT, type EngagementJson } from '../../contract/engagement';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { engagementKind } from '../../src/application/records/record-kinds';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

const ENGAGEMENT: EngagementJson = {
  ...EMPTY_ENGAGEMENT,
  clientName: 'Globex',
  deliverables: [{ id: 'd1', name: 'Portal', description: 'MVP', milestoneIds: ['10000'], epicKeys: ['ACME-1'] }],
  budget: { hours: 100, money: { amount: 1000, currency: 'EUR' } },
  qualityStandards: [
    { id: 'q1', kind: 'no-open-bugs-at-priority', priorities: ['Highest'] },
    { id: 'q2', kind: 'max-open-bugs', max: 3 },
  ],
  support: { responseHours: 8, resolutionHours: 72, clientLabel: 'client', clientIssueTypeIds: ['10001'] },
};

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  const answer = await call('engagement/save', { engagement: ENGAGEMENT, revision: 0 });
  if (!answer.ok) throw new Error('could not save the first engagement');
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

const VALID: Record<string, () => object> = {
  'engagement/get': () => ({}),
  'engagement/checklist': () => ({}),
  // A stale revision: a valid payload that is refused, so a hostile variant must be refused too.
  'engagement/save': () => ({ engagement: { ...ENGAGEMENT, phase: 'delivery' }, revision: 99 }),
};

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValues(['2026-02-30', 'EURO', '-1']), ['projectKey', 'engagement', 'revision']);

const storedState = async () => JSON.stringify(await new KvsRecordStore().document(engagementKind, acme.project.id).get());

describe('hostile payloads to the engagement resolvers', () => {
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
