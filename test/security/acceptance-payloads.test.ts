/**
 * Hostile payloads for every acceptance resolver key: generated garbage and valid payloads with
 * one value swapped for a hostile one. The answer is always a typed envelope (never INTERNAL,
 * never a thrown error), a refusal changes nothing stored, and an accepted payload is one the
 * contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import { acceptanceViewSchema } from '../../contract/acceptance';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { acceptanceKind } from '../../src/application/records/record-kinds';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
let milestoneId = '';
let submissionId = '';
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  await call('project/refresh', {});
  const listed = acceptanceViewSchema.parse((await call('acceptance/list', {})).data);
  milestoneId = listed.milestones[0]?.id ?? '';
  const submitted = await call('acceptance/submit', { milestoneId, releaseNotes: '- Notes', override: true, revision: listed.revision });
  if (!submitted.ok) throw new Error('could not submit the first milestone');
  submissionId = acceptanceViewSchema.parse(submitted.data).submissions[0]?.id ?? '';
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{
    ok: boolean;
    data?: unknown;
    error?: { code: string };
  }>;

const VALID: Record<string, () => object> = {
  'acceptance/list': () => ({}),
  'acceptance/preview': () => ({ milestoneId }),
  // A stale revision and a milestone awaiting the client: valid payloads that are refused, so hostile variants must be too.
  'acceptance/submit': () => ({ milestoneId, releaseNotes: '- Notes', override: true, revision: 99 }),
  // The submission awaits the client: it has no fix item yet.
  'acceptance/issue': () => ({ submissionId, fixItemId: 'fix-1', lang: 'en' }),
};

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValues(['99999999999999999999', 'fix-1\u202E', '<script>']), [
    'projectKey',
    'milestoneId',
    'revision',
    'submissionId',
  ]);

const storedState = async () => JSON.stringify(await new KvsRecordStore().document(acceptanceKind, acme.project.id).get());

describe('hostile payloads to the acceptance resolvers', () => {
  it.each(Object.keys(VALID))('%s answers only typed errors and a refusal changes nothing', async (key) => {
    const typed = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
    await fc.assert(
      fc.asyncProperty(payloadFor(key), async (payload) => {
        const before = await storedState();
        const answer = await call(key as Key, payload);
        if (answer.ok) {
          // The runtime hands a falsy payload (`false`, `""`, `0`) to the handler as `{}`.
          expect(resolverContract[key as Key].payload.safeParse(payload || {}).success).toBe(true);
          if (key === 'acceptance/submit' || key === 'acceptance/issue') throw new Error(`${key} accepted a hostile payload`);
          return;
        }
        expect(typed.has(answer.error?.code ?? 'none'), JSON.stringify(answer.error)).toBe(true);
        expect(await storedState()).toBe(before);
      }),
      { numRuns: 150 },
    );
  });
});
