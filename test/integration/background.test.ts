import { kvs, Sort } from '@forge/kvs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_AFTER_CHANGES } from '../../src/application/record-issue-change';
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

const snapshots = async () =>
  (
    await kvs
      .entity<{ projectId: string }>('kpi-snapshot')
      .query()
      .index('by-project-time', { partition: [projectId] })
      .sort(Sort.DESC)
      .limit(20)
      .getMany()
  ).results;

describe('product events -> change marker -> async queue -> consumer', () => {
  it('ignores events of projects the app does not follow', async () => {
    await app.forge.fireProductEvent(issueEvent('avi:jira:updated:issue'));
    expect(await kvs.get(`change-marker:v1:${projectId}`)).toBeUndefined();
  });

  it('marks a followed project dirty, and after enough changes refreshes it in the consumer', async () => {
    await app.forge.invokeResolver(projectPageContext({ id: projectId, key: projectKey }), 'project/overview', {});
    await app.forge.fireProductEvent(issueEvent('avi:jira:created:issue'));
    expect(await kvs.get(`change-marker:v1:${projectId}`)).toMatchObject({ projectId, changes: 1 });

    for (let i = 1; i < REFRESH_AFTER_CHANGES; i++) await app.forge.fireProductEvent(issueEvent('avi:jira:updated:issue'));
    await app.forge.drainQueue();

    expect(app.forge.invocations.filter((r) => r.kind === 'consumer')).toMatchObject([{ key: 'project-refresh-consumer', ok: true }]);
    expect(await kvs.get(`change-marker:v1:${projectId}`)).toBeUndefined();
    const saved = await snapshots();
    expect(saved).toHaveLength(1);
    expect(saved[0]?.value).toMatchObject({ projectId, payload: { counts: expectedCategoryCounts(acme) } });
  });

  it('an issue edited through Jira fires the update trigger', async () => {
    const before = app.forge.invocations.filter((r) => r.kind === 'trigger').length;
    const response = await app.product(
      new Request(`https://local.atlassian.invalid/rest/api/3/issue/${acme.issues[0]?.key ?? ''}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ fields: { summary: 'Renamed by the integration test' } }),
      }),
      { type: 'fpp', provider: 'app', remote: 'jira' },
    );
    expect(response.status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.forge.invocations.filter((r) => r.kind === 'trigger').length).toBe(before + 1);
  });
});
