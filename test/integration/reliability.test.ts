import { describe, expect, it } from 'vitest';
import { JiraEmulator, type JiraFaultPlan } from '../../local/jira/emulator';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { JiraProjectReader } from '../../src/adapters/jira/jira-project-reader';
import { InMemoryRecordStore } from '../../src/adapters/memory/in-memory-record-store';
import { KvsRecordsSource } from '../../src/adapters/storage/kvs-records-source';
import { buildStatusReport } from '../../src/application/build-status-report';
import { DEFAULT_PROJECT_SETTINGS } from '../../contract/settings';
import type { SyncStatus } from '../../contract';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { projectPageContext } from '../support/contexts';
import { DEMO_NOW, demoDatasets, startLocalApp } from '../support/local-app';

/** The production read + derivation over the emulator, with simulated time so retries cost nothing. */
async function deriveDemoReport(faults: JiraFaultPlan | undefined) {
  const datasets = demoDatasets();
  const emulator = new JiraEmulator({ datasets, now: () => DEMO_NOW, ...(faults ? { faults } : {}) });
  const waits: number[] = [];
  const client = new JiraClient({
    transport: (path, init) => emulator.handle(new Request(`https://emulator.invalid${path}`, init)),
    policy: RETRY_POLICIES.consumer,
    sleep: (ms) => {
      waits.push(ms);
      return Promise.resolve();
    },
  });
  const report = await buildStatusReport(
    { reader: new JiraProjectReader(client), records: new KvsRecordsSource(new InMemoryRecordStore()), settings: DEFAULT_PROJECT_SETTINGS },
    { projectKey: datasets[0]?.project.key ?? '', audience: 'internal', lang: 'en', now: DEMO_NOW },
  );
  return { report, waits, stats: emulator.stats() };
}

describe('reliability of a full derivation', () => {
  it('with 30 % of calls rate-limited (Retry-After) and 5 % failing 503, gives the report of the fault-free run', async () => {
    const clean = await deriveDemoReport(undefined);
    const faulty = await deriveDemoReport({ rateLimitShare: 0.3, retryAfterSeconds: 2, serverErrorShare: 0.05, seed: 42 });

    expect(faulty.report).toEqual(clean.report);
    // The faults really happened and were waited out as Jira asked.
    expect(faulty.waits.length).toBeGreaterThan(0);
    expect(faulty.waits).toContain(2000);
    expect(faulty.stats.totalCalls).toBeGreaterThan(clean.stats.totalCalls);
  });
});

describe('when Jira fails every call', () => {
  let app: LocalApp;

  it('the report answers from the snapshot; a refresh fails with a typed status and leaves the snapshot as it was', async () => {
    app = await startLocalApp();
    try {
      const acme = app.emulator?.datasets[0]?.project;
      if (!acme) throw new Error('no demo project');
      const context = projectPageContext(acme);
      const before = (await app.forge.invokeResolver(context, 'project/report', { lang: 'en' })) as { ok: boolean; data: unknown };
      expect(before.ok).toBe(true);

      app.emulator?.setFaults({ failAll: true });
      const report = await app.forge.invokeResolver(context, 'project/report', { lang: 'en' });
      expect(report).toEqual(before);

      const refresh = (await app.forge.invokeResolver(context, 'project/refresh', {})) as { ok: boolean; data: SyncStatus };
      expect(refresh.ok).toBe(true);
      expect(refresh.data).toMatchObject({ state: 'failed', error: { code: 'JIRA_UNAVAILABLE' } });
      expect(await app.forge.invokeResolver(context, 'project/report', { lang: 'en' })).toEqual(before);

      // Once Jira is back, the retry resumes and succeeds.
      app.emulator?.setFaults(undefined);
      const retry = (await app.forge.invokeResolver(context, 'project/refresh', {})) as { ok: boolean; data: SyncStatus };
      expect(retry.data).toMatchObject({ state: 'idle', error: null });
    } finally {
      await app.close();
    }
  });
});
