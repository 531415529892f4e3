import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Dataset } from '../../local/jira/dataset';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { launchChromium, type Chromium } from './chromium';
import { ROOT_DIR, startLocalApp } from './local-app';

export const SCREENSHOTS_DIR = path.join(ROOT_DIR, 'test-results', 'screenshots');

/**
 * The local host on the given datasets plus a fresh Chromium, for one browser test file:
 * started before its tests, stopped after them. Read `app`/`browser` inside tests only.
 */
export function useBrowserHost(datasets: Dataset[]): { readonly app: LocalApp; readonly browser: Chromium } {
  let app: LocalApp | undefined;
  let browser: Chromium | undefined;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    app = await startLocalApp({ serve: true, datasets });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('the local host is not started yet');
      return app;
    },
    get browser() {
      if (!browser) throw new Error('Chromium is not started yet');
      return browser;
    },
  };
}
