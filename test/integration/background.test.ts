import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { REFRESH_AFTER_CHANGES } from '../../src/application/record-issue-change';
import { changeMarkerKind, kpiHistoryKind } from '../../src/application/records/record-kinds';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { expectedCategoryCounts } from '../support/dataset-oracle';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const acme = datasets[0];
if (!acme) throw new Error('no demo project');
const projectId = acme.project.id;
const projectKey = acme.project.key;

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

const issueEvent = (eventType: string) => ({
  eventType,
  issue: { id: '1', key: `${projectKey}-1`, fields: { project: { id: projectId, key: projectKey } } },
});

/** What is stored, read through the storage kit on the app's KVS. */
const records = new KvsRecordStore();
const snapshots = async () => (await records.collection(kpiHistoryKind, projectId).list({ limit: 100 })).items;
const marker = async () => (await records.document(changeMarkerKind, projectId).get()).value;

describe('product events -> change marker -> async queue -> consumer', () => {
  it('ignores events of projects the app does not follow', async () => {
    await app.forge.fireProductEvent(issueEvent('avi:jira:updated:issue'));
    expect(await marker()).toBeUndefined();
  });

  it('marks a followed project dirty, and after enough changes refreshes it in the consumer', async () => {
    await app.forge.invokeResolver(projectPageContext({ id: projectId, key: projectKey }), 'project/overview', {});
    await app.forge.fireProductEvent(issueEvent('avi:jira:created:issue'));
    expect(await marker()).toEqual({ dirtySince: expect.any(String) as string, changes: 1 });

    for (let i = 1; i < REFRESH_AFTER_CHANGES; i++) await app.forge.fireProductEvent(issueEvent('avi:jira:updated:issue'));
    await app.forge.drainQueue();

    expect(app.forge.invocations.filter((r) => r.kind === 'consumer')).toMatchObject([{ key: 'project-refresh-consumer', ok: true }]);
    expect(await marker()).toEqual({ dirtySince: null, changes: 0 });
    const saved = await snapshots();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.counts).toEqual(expectedCategoryCounts(acme));
  });

  it('an issue edited by a user through Jira fires the update trigger', async () => {
    const before = app.forge.invocations.filter((r) => r.kind === 'trigger').length;
    const response = await app.product(
      new Request(`https://local.atlassian.invalid/rest/api/3/issue/${acme.issues[0]?.key ?? ''}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { summary: 'Renamed by the integration test' } }),
      }),
      { type: 'fpp', provider: 'user', remote: 'jira', accountId: LOCAL_ACCOUNTS.member.accountId },
    );
    expect(response.status).toBe(204);
    await app.forge.drainQueue();
    expect(app.forge.invocations.filter((r) => r.kind === 'trigger').length).toBe(before + 1);
  });
});
