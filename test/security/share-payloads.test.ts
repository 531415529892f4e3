/**
 * Hostile payloads for every share resolver key: generated garbage and valid payloads with one
 * value swapped for a hostile one. The answer is always a typed envelope (never INTERNAL, never
 * a thrown error), a refusal changes nothing stored, and an accepted payload is one the
 * contract's schema accepts.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { shareAccessKind, shareLinkKind, shareSettingsKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
let linkId = '';
beforeAll(async () => {
  app = await startLocalApp({ datasets });
  const created = await call('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'Board', expiresInDays: 30 });
  linkId = (created as unknown as { data: { id: string } }).data.id;
});
afterAll(async () => {
  await app.close();
});

type Key = keyof typeof resolverContract;
const call = (key: Key, payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<{ ok: boolean; error?: { code: string } }>;

/** Valid payloads; the writes among them are refused by their payload's hostile value or write harmlessly. */
const VALID: Record<string, () => object> = {
  'share/create': () => ({
    scope: { kind: 'report', reportId: 'g1' },
    lang: 'zh-CN',
    label: 'Client',
    expiresInDays: 30,
    sections: ['health', 'risks'],
    passcode: 'secret passcode',
  }),
  'share/list': () => ({ limit: 10 }),
  'share/revoke': () => ({ id: 'AAAAAAAAAAAAAAAAAAAAAA' }),
  'share/settings-get': () => ({}),
  'share/settings-save': () => ({ settings: { enabled: true, maxExpiryDays: 180 }, revision: 999 }),
  'share/access-log': () => ({ linkId: 'AAAAAAAAAAAAAAAAAAAAAA', limit: 10 }),
};

const hostileValue = hostileValues([
  'live',
  'report',
  { kind: 'report', reportId: '../g1' },
  { kind: 'report', reportId: 'g1', extra: 1 },
  { kind: 'other' },
  181,
  0,
  'fr',
  ['health', 'health'],
  ['nope'],
  'x'.repeat(5),
  'not-a-cursor',
]);

const payloadFor = (key: string) =>
  hostilePayloads(VALID[key]?.() ?? {}, hostileValue, [
    'projectKey',
    'cursor',
    'id',
    'scope',
    'lang',
    'expiresInDays',
    'sections',
    'passcode',
  ]);

const WRITES = new Set(['share/create', 'share/revoke', 'share/settings-save']);

const storedState = async () => {
  const store = new KvsRecordStore();
  const links = await listAll(store.collection(shareLinkKind, acme.project.id));
  const log = await listAll(store.collection(shareAccessKind, acme.project.id));
  const settings = await store.document(shareSettingsKind, acme.project.id).get();
  return JSON.stringify({ links, log, settings });
};

describe('hostile payloads to the share resolvers', () => {
  it.each(Object.keys(VALID))('%s answers only typed errors and a refusal changes nothing', async (key) => {
    expect(linkId).not.toBe('');
    const typed = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
    await fc.assert(
      fc.asyncProperty(payloadFor(key), async (payload) => {
        const before = await storedState();
        const answer = await call(key as Key, payload);
        if (answer.ok) {
          expect(resolverContract[key as Key].payload.safeParse(payload || {}).success).toBe(true);
          if (!WRITES.has(key)) expect(await storedState()).toBe(before);
          return;
        }
        expect(typed.has(answer.error?.code ?? 'none'), JSON.stringify(answer.error)).toBe(true);
        expect(await storedState()).toBe(before);
      }),
      { numRuns: key === 'share/create' ? 60 : 120 },
    );
  });
});
