/**
 * Product events on the real path: a user's edit in Jira (emulator) -> the issue-changed
 * trigger -> the issue cache (a delta), its risk rescored and mirrored to the issue property
 * -> after enough changes, a background refresh in the consumer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueRiskViewSchema, syncStatusSchema } from '../../contract';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { REFRESH_AFTER_CHANGES } from '../../src/application/snapshot/apply-issue-event';
import { readSnapshot } from '../../src/application/snapshot/project-cache';
import { changeMarkerKind, issueDeltaKind, riskPropertyKind } from '../../src/application/records/record-kinds';
import { issuePanelContext, projectPageContext } from '../support/contexts';
import { createLocalApp } from '../../local/runtime/create-local-app';
import { DEMO_NOW, ROOT_DIR, demoDatasets } from '../support/local-app';

const datasets = demoDatasets();
const [acme, other] = datasets;
if (!acme || !other) throw new Error('the demo has two projects');
const projectId = acme.project.id;
const issues = acme.issues as { id: unknown; key: string; fields: Record<string, unknown> }[];

let app: LocalApp;
beforeAll(async () => {
  // Jira's clock moves: each change gets a later `updated`, as on a real site.
  let tick = 0;
  app = await createLocalApp({
    rootDir: ROOT_DIR,
    kvsFile: ':memory:',
    datasets,
    now: () => new Date(DEMO_NOW.getTime() + (tick += 1000)),
  });
});
afterAll(async () => {
  await app.close();
});

/** What is stored, read through the storage kit on the app's KVS. */
const records = new KvsRecordStore();
const marker = async () => (await records.document(changeMarkerKind, projectId).get()).value;

/** A user's request to Jira, as the browser or another tool would make it (events fire). */
async function asUser(path: string, method: string, body?: unknown, account: { accountId: string } = LOCAL_ACCOUNTS.pm) {
  const response = await app.product(
    new Request(`https://local.atlassian.invalid${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    { type: 'fpp', provider: 'user', remote: 'jira', accountId: account.accountId },
  );
  await app.forge.drainQueue();
  return response;
}

async function property(issueKey: string): Promise<unknown> {
  const response = await app.product(
    new Request(`https://local.atlassian.invalid/rest/api/3/issue/${issueKey}/properties/client-followup-risk`),
    { type: 'fpp', provider: 'app', remote: 'jira' },
  );
  return response.status === 404 ? undefined : ((await response.json()) as { value: unknown }).value;
}

function openIssue(predicate: (fields: Record<string, unknown>) => boolean) {
  const found = issues.find((issue) => {
    const category = (issue.fields['status'] as { statusCategory?: { key?: string } } | undefined)?.statusCategory?.key;
    return category !== 'done' && issue.fields['resolution'] == null && predicate(issue.fields);
  });
  if (!found) throw new Error('no such issue in the demo');
  return { id: String(found.id), key: found.key };
}

describe('product events', () => {
  it('are ignored for a project never opened in the app', async () => {
    const [first] = other.issues as { key: string }[];
    expect((await asUser(`/rest/api/3/issue/${first?.key ?? ''}`, 'PUT', { fields: { summary: 'Edited elsewhere' } })).status).toBe(204);
    expect((await records.collection(issueDeltaKind, other.project.id).list()).items).toEqual([]);
  });

  it('update the cached issue and its risk without reading Jira, and mirror the risk to the issue property', async () => {
    await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', {});
    const issue = openIssue((fields) => fields['duedate'] == null);

    app.emulator?.resetStats();
    // Overdue by a month: the risk rises.
    expect((await asUser(`/rest/api/3/issue/${issue.key}`, 'PUT', { fields: { duedate: '2026-10-27' } })).status).toBe(204);
    const appCalls = app.emulator?.stats().totalCalls ?? 0;

    const delta = await records.collection(issueDeltaKind, projectId).get(issue.id);
    expect(delta?.issue?.due).toBe('2026-10-27');
    expect(delta?.risk).not.toBeNull();
    expect(await property(issue.key)).toEqual(delta?.risk);
    // The user's edit, and the app's one property write: no read of the issue.
    expect(appCalls).toBeLessThanOrEqual(2);
    expect(await marker()).toMatchObject({ changes: 1 });

    app.emulator?.resetStats();
    const panel = await app.forge.invokeResolver(issuePanelContext(acme.project, issue), 'issue/risk', { lang: 'en' });
    const view = issueRiskViewSchema.parse((panel as { data: unknown }).data);
    expect(view).toMatchObject({ key: issue.key, dueDate: '2026-10-27', risk: { score: delta?.risk?.score, level: delta?.risk?.level } });
    expect(app.emulator?.stats().totalCalls).toBe(0);
  });

  it('find the risky issues by JQL on the mirrored property', async () => {
    const held = (await records.collection(riskPropertyKind, projectId).list({ limit: 100 })).items;
    expect(held.length).toBeGreaterThan(0);
    const response = await app.product(
      new Request('https://local.atlassian.invalid/rest/api/3/search/jql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jql: `project = "${acme.project.key}" AND clientRiskScore >= 0`, fields: ['key'], maxResults: 100 }),
      }),
      { type: 'fpp', provider: 'app', remote: 'jira' },
    );
    const found = z.object({ issues: z.array(z.object({ key: z.string() })) }).parse(await response.json());
    expect(found.issues.map((i) => i.key).sort()).toEqual(held.map((h) => h.key).sort());
  });

  it('remove the property of an issue that is done (it has no risk any more)', async () => {
    const [held] = (await records.collection(riskPropertyKind, projectId).list({ limit: 1 })).items;
    if (!held) throw new Error('a property was written');
    const transitions = (await (await asUser(`/rest/api/3/issue/${held.key}/transitions`, 'GET')).json()) as {
      transitions: { id: string; to: { statusCategory: { key: string } } }[];
    };
    const toDone = transitions.transitions.find((t) => t.to.statusCategory.key === 'done');
    if (!toDone) throw new Error('the workflow has a done status');
    expect((await asUser(`/rest/api/3/issue/${held.key}/transitions`, 'POST', { transition: { id: toDone.id } })).status).toBe(204);

    const delta = await records.collection(issueDeltaKind, projectId).get(held.issueId);
    expect(delta?.issue?.status.category).toBe('done');
    expect(await property(held.key)).toBeUndefined();
    expect(await records.collection(riskPropertyKind, projectId).get(held.issueId)).toBeUndefined();
  });

  it(`after ${String(REFRESH_AFTER_CHANGES)} changes, re-derive the snapshot in the consumer, and the page shows it fresh`, async () => {
    const before = (await readSnapshot(records, projectId)).value;
    const changes = (await marker())?.changes ?? 0;
    // Each a different issue: Jira allows 20 writes per issue in 2 s.
    for (let i = changes; i < REFRESH_AFTER_CHANGES; i += 1) {
      const issue = issues[i + 10];
      if (!issue) throw new Error('the demo has enough issues');
      const response = await asUser(
        `/rest/api/3/issue/${issue.key}`,
        'PUT',
        { fields: { summary: `Edit ${String(i)}` } },
        LOCAL_ACCOUNTS.member,
      );
      expect(response.status).toBe(204);
    }

    expect(app.forge.invocations.filter((r) => r.kind === 'consumer' && r.ok).length).toBeGreaterThan(0);
    const after = (await readSnapshot(records, projectId)).value;
    expect(after?.generation).toBeGreaterThan(before?.generation ?? 0);
    const status = await app.forge.invokeResolver(projectPageContext(acme.project), 'project/sync-status', {});
    expect(syncStatusSchema.parse((status as { data: unknown }).data)).toMatchObject({ state: 'idle', pendingChanges: 0 });
  });
});
