/**
 * `npm start`: the app on the local Forge runtime with the demo project (or a dataset file,
 * or a real Jira site), state kept in `.local-state/` between runs.
 *
 *   npm start                      demo project, state kept
 *   npm start -- --reset           back to a fresh demo (deletes local state)
 *   npm start -- --dataset FILE    serve a recorded dataset instead of the demo
 *   npm start -- --port 4000       another port (default 3000, or $PORT; 0 for any free one)
 *   npm start -- --state-dir DIR   keep state somewhere else than .local-state/
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadDataset, type Dataset } from './jira/dataset';
import { generateDemoDatasets } from './jira/demo-generator';
import { createLocalApp } from './runtime/create-local-app';
import { realJiraSiteFromEnv } from './runtime/real-jira-backend';

const rootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_SEED = 20_260_101;

function fail(message: string): never {
  process.stderr.write(`client-followup: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      dataset: { type: 'string' },
      port: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      'state-dir': { type: 'string' },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

const stateDir = path.resolve(rootDir, args['state-dir'] ?? '.local-state');
const port = Number(args.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got ${String(args.port)}`);

if (args.reset) rmSync(stateDir, { recursive: true, force: true });
mkdirSync(stateDir, { recursive: true });

if (!args['no-build']) buildUiIfStale();

const jiraSite = realJiraSiteFromEnv(process.env);
const datasets: Dataset[] = jiraSite
  ? []
  : args.dataset
    ? [loadDatasetOrFail(args.dataset)]
    : [generateDemoDatasets({ seed: DEMO_SEED, now: demoAnchor() })].flat();

const app = await createLocalApp({
  rootDir,
  kvsFile: path.join(stateDir, 'kvs.sqlite'),
  datasets,
  ...(jiraSite ? { jiraSite } : {}),
  serve: { port, host: '127.0.0.1' },
}).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
app.forge.startSchedules();

const firstProject = datasets[0]?.project;
const pageModule = app.forge.uiModules.find((m) => m.kind === 'jira:projectPage');
const webTrigger = app.forge.manifest.modules.webtrigger[0];
const lines = [
  '',
  `  Client Follow-up is running on the local Forge runtime (${jiraSite ? `Jira: ${jiraSite.baseUrl}` : 'Jira emulator'}).`,
  '',
  `  Open:        ${app.url ?? ''}/`,
  firstProject && pageModule ? `  Demo page:   ${app.url ?? ''}/projects/${firstProject.key}/apps/${pageModule.key}` : '',
  webTrigger ? `  Web trigger: ${app.url ?? ''}/x1/${webTrigger.key}/` : '',
  webTrigger ? `  Share links: ${app.url ?? ''}/x1/${webTrigger.key}/s/<token> (create one in the project page's Share section)` : '',
  `  State:       ${path.relative(rootDir, stateDir)}/ (npm start -- --reset for a fresh demo)`,
  '',
  `  ready ${app.url ?? ''}`,
  '',
].filter((line, i, all) => line !== '' || all[i - 1] !== '');
process.stdout.write(`${lines.join('\n')}\n`);

const shutdown = () => {
  void app.close().finally(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

/** The demo's dates are relative to the day it was first generated, so a kept state stays coherent. */
function demoAnchor(): Date {
  const file = path.join(stateDir, 'demo.json');
  const parsed = z.object({ anchor: z.iso.datetime() }).safeParse(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {});
  if (parsed.success) return new Date(parsed.data.anchor);
  const anchor = new Date();
  writeFileSync(file, JSON.stringify({ anchor: anchor.toISOString() }));
  return anchor;
}

function loadDatasetOrFail(file: string): Dataset {
  try {
    return loadDataset(file);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
}

/** Builds the Custom UI when its output is missing or older than its sources. */
function buildUiIfStale(): void {
  const marker = path.join(rootDir, 'static', 'dist', 'issue-context', 'index.html');
  const builtAt = existsSync(marker) ? statSync(marker).mtimeMs : 0;
  const newest = newestMtime([path.join(rootDir, 'static'), path.join(rootDir, 'contract')], path.join(rootDir, 'static', 'dist'));
  if (builtAt >= newest) return;
  process.stdout.write('Building the Custom UI…\n');
  const result = spawnSync(
    process.execPath,
    [path.join(rootDir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'static/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: rootDir,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) fail('the Custom UI build failed (see above)');
}

function newestMtime(dirs: string[], skip: string): number {
  let newest = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (full === skip || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return newest;
}
