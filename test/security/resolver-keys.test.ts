/**
 * Only the app's own resolver keys reach a handler. `@forge/resolver` looks keys up with `in`,
 * so inherited names (`constructor`, `toString`, `__proto__`) would call Object's methods and
 * echo the trusted context back to the browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('resolver function keys', () => {
  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__', 'isPrototypeOf', 'no/such-key', ''])(
    'given the key %j, answers a typed NOT_FOUND envelope that echoes nothing',
    async (key) => {
      const answer = await app.forge.invokeResolver(projectPageContext(acme.project), key, { probe: 'payload' });
      expect(answer).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such resolver function' } });
      expect(JSON.stringify(answer)).not.toContain(acme.project.key);
    },
  );
});
