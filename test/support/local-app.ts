import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../local/jira/dataset';
import { generateDemoDatasets } from '../../local/jira/demo-generator';
import { createLocalApp, type LocalApp } from '../../local/runtime/create-local-app';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A fixed "now" so every test sees the same demo project. */
export const DEMO_NOW = new Date('2026-11-27T09:00:00Z');
export const DEMO_SEED = 20_260_101;

export function demoDatasets(): Dataset[] {
  return generateDemoDatasets({ seed: DEMO_SEED, now: DEMO_NOW });
}

/** The demo's datasets and its first project (the one the browser tests open). */
export function demoProject(): { datasets: Dataset[]; demo: Dataset } {
  const datasets = demoDatasets();
  const demo = datasets[0];
  if (!demo) throw new Error('the demo generator produced no project');
  return { datasets, demo };
}

/** The whole local platform on an in-memory KVS, optionally with the host server. */
export function startLocalApp(options: { serve?: boolean; datasets?: Dataset[] } = {}): Promise<LocalApp> {
  return createLocalApp({
    rootDir: ROOT_DIR,
    kvsFile: ':memory:',
    datasets: options.datasets ?? demoDatasets(),
    now: () => DEMO_NOW,
    ...(options.serve ? { serve: { port: 0 } } : {}),
  });
}
