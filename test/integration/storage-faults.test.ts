/**
 * Resolvers under injected Forge storage faults: every answer is the typed envelope (data, or
 * an error code the UI knows), never a platform invocation failure; bookkeeping never fails a
 * read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROJECT_SETTINGS, ERROR_CODES } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

describe('resolvers with 30 % of storage calls failing (429, 500, 503)', () => {
  it('answer 120 calls with envelopes only, and the overview never fails for its bookkeeping', async () => {
    app.kvs.setFaults({ rateLimitShare: 0.1, serverErrorShare: 0.2, seed: 11 });
    const outcomes: string[] = [];
    const overviewCodes: string[] = [];
    try {
      for (let round = 0; round < 40; round += 1) {
        for (const [key, payload] of [
          ['project/overview', {}],
          ['settings/get', {}],
          ['settings/save', { settings: DEFAULT_PROJECT_SETTINGS, revision: 0 }],
        ] as const) {
          const answer = (await app.forge.invokeResolver(projectPageContext(acme.project), key, payload)) as {
            ok: boolean;
            error?: { code: string };
          };
          const outcome = answer.ok ? 'ok' : (answer.error?.code ?? 'malformed');
          outcomes.push(outcome);
          if (key === 'project/overview') overviewCodes.push(outcome);
        }
      }
    } finally {
      app.kvs.setFaults(undefined);
    }
    const failedInvocations = app.forge.invocations.filter((record) => record.kind === 'resolver' && !record.ok);
    expect(failedInvocations).toEqual([]);
    expect(outcomes.filter((o) => o !== 'ok' && !(ERROR_CODES as readonly string[]).includes(o))).toEqual([]);
    // The overview reads its settings (a failure there is a typed storage error); tracking the
    // project is bookkeeping that never fails it (src/application/get-project-overview.test.ts).
    expect(overviewCodes.filter((o) => !['ok', 'STORAGE_UNAVAILABLE', 'RATE_LIMITED'].includes(o))).toEqual([]);
    // Faults were really injected and some storage operations ran out of retries.
    expect(outcomes.some((o) => o === 'STORAGE_UNAVAILABLE' || o === 'RATE_LIMITED' || o === 'CONFLICT')).toBe(true);
  });
});
