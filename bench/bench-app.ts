/**
 * The local runtime as the open and day benches drive it: the app's real handlers, a SQLite KVS
 * file, the Jira emulator in this process with the app's calls metered (`JiraMeter`), users who
 * edit in Jira (unmetered, their events delivered to the app), and the Overview and issue panel
 * opened as the UI opens them.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../local/jira/dataset';
import type { JiraEmulator } from '../local/jira/emulator';
import { createLocalApp, type LocalApp } from '../local/runtime/create-local-app';
import type { ExtensionContext } from '../local/runtime/local-forge';
import { DOCUMENT_ENTITY } from '../src/application/records/record-kinds';
import { issuePanelContext, projectPageContext } from '../test/support/contexts';
import { BENCH_NOW, BENCH_PROJECT_ID, BENCH_PROJECT_KEY } from './bench-settings';
import { JiraMeter } from './jira-meter';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PROJECT = { id: BENCH_PROJECT_ID, key: BENCH_PROJECT_KEY } as const;
/** What the Overview section asks for when it opens (static/project-page/OverviewSection.tsx). */
const HISTORY_DAYS = 90;

export interface BenchApp {
  app: LocalApp;
  emulator: JiraEmulator;
  meter: JiraMeter;
  /** The emulator's own `handle`, unmetered: a person working in Jira, not the app. */
  asPerson: JiraEmulator['handle'];
}

/** Jira's clock is BENCH_NOW unless the bench runs a simulated one (`simulated-clock.ts`) for both. */
export async function startBenchApp(dataset: Dataset, kvsFile: string, jiraNow: () => Date = () => BENCH_NOW): Promise<BenchApp> {
  const app = await createLocalApp({ rootDir: ROOT_DIR, kvsFile, datasets: [dataset], now: jiraNow });
  if (!app.emulator) throw new Error('the bench needs the emulator');
  const { meter, unmetered } = JiraMeter.attach(app.emulator);
  return { app, emulator: app.emulator, meter, asPerson: unmetered };
}

interface Answer {
  ok: boolean;
  data?: unknown;
  error?: { code: string; message: string };
}

/** A resolver's answer, or an error naming the failure. */
export async function invoke(app: LocalApp, context: ExtensionContext, key: string, payload: unknown): Promise<unknown> {
  const answer = (await app.forge.invokeResolver(context, key, payload)) as Answer;
  if (!answer.ok) throw new Error(`${key}: ${answer.error?.code ?? '?'} ${answer.error?.message ?? ''}`);
  return answer.data;
}

/** The Overview as the project page opens it: overview, internal report and KPI history at once. */
export async function openOverview(app: LocalApp, accountId?: string): Promise<{ reportChars: number }> {
  const context = projectPageContext(PROJECT, 'en_US', accountId);
  const [, report] = await Promise.all([
    invoke(app, context, 'project/overview', {}),
    invoke(app, context, 'project/report', { audience: 'internal', lang: 'en' }),
    invoke(app, context, 'project/history', { days: HISTORY_DAYS }),
  ]);
  return { reportChars: JSON.stringify(report).length };
}

/** The issue panel on one issue. */
export async function viewIssue(app: LocalApp, issue: { id: string; key: string }, accountId?: string): Promise<unknown> {
  return invoke(app, issuePanelContext(PROJECT, issue, 'en_US', accountId), 'issue/risk', { lang: 'en' });
}

/**
 * Forgets what Jira said about the account's permissions in the project, as if its 5-minute
 * cache had expired: the next open asks Jira again. Through the KVS API, at the key the
 * storage adapter builds for it.
 */
export async function expirePermissions(app: LocalApp, accountId: string): Promise<void> {
  const key = `permission-cache:v1:${PROJECT.key}.${createHash('sha256').update(accountId).digest('hex')}`;
  const response = await app.kvs.handle('/api/v1/entity/delete', {
    method: 'POST',
    body: JSON.stringify({ entityName: DOCUMENT_ENTITY, key }),
  });
  if (!response.ok) throw new Error(`could not expire the permission cache: ${response.status}`);
}

/** A person's request to Jira (an edit, a new issue…): answered status, and the JSON body if any. */
export async function personRequest(
  bench: BenchApp,
  accountId: string,
  method: string,
  requestPath: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await bench.asPerson(
    new Request(new URL(requestPath, 'https://bench.invalid'), {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    }),
    { accountId },
  );
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${requestPath}: ${response.status} ${text.slice(0, 200)}`);
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}

/**
 * The project's first open: the Overview starts the first sync (full; a large project's in the
 * consumer, the open answering NOT_READY meanwhile) and tracks the project, so its product
 * events and the daily job apply to it from then on. Waits for the sync's end.
 */
export async function firstOpen(bench: BenchApp): Promise<void> {
  const answer = (await bench.app.forge.invokeResolver(projectPageContext(PROJECT), 'project/overview', {})) as Answer;
  if (!answer.ok && answer.error?.code !== 'NOT_READY')
    throw new Error(`first open: ${answer.error?.code ?? '?'} ${answer.error?.message ?? ''}`);
  await bench.app.forge.drainQueue();
  const status = (await invoke(bench.app, projectPageContext(PROJECT), 'project/sync-status', {})) as {
    state: string;
    error: { code: string; message: string } | null;
  };
  if (status.state !== 'idle') throw new Error(`the first sync ended ${status.state}: ${status.error?.message ?? ''}`);
}

export function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  return run().then((value) => ({ ms: performance.now() - started, value }));
}
