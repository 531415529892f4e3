import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse } from 'yaml';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { forgeJiraTransport } from '../../src/adapters/jira/forge-jira-transport';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { JiraIssuePropertyWriter } from '../../src/adapters/jira/jira-issue-property-writer';
import { aPlan, aStakeholder, aTouchpoint } from '../support/comms-builders';
import { ACCOUNTS } from '../support/accounts';
import { issuePanelContext, projectPageContext } from '../support/contexts';
import { ROOT_DIR, demoDatasets, startLocalApp } from '../support/local-app';

/**
 * "Least scopes that work": every Jira operation the app calls, mapped through Atlassian's
 * OpenAPI document to its current OAuth scopes, must be declared — and every Jira scope the
 * manifest declares must be needed by some call the app makes.
 */
const spec = z
  .object({ paths: z.record(z.string(), z.record(z.string(), z.unknown())) })
  .parse(JSON.parse(readFileSync(path.resolve(ROOT_DIR, '../shared/jira-openapi/swagger-v3.v3.json'), 'utf8')));
const operationScopes = z.object({
  'x-atlassian-oauth2-scopes': z.array(z.object({ scopes: z.array(z.string()), state: z.string() })),
});
const manifestScopes = z
  .object({ permissions: z.object({ scopes: z.array(z.string()) }) })
  .parse(parse(readFileSync(path.join(ROOT_DIR, 'manifest.yml'), 'utf8'))).permissions.scopes;

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('no demo project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

describe('manifest scopes', () => {
  it('are exactly the current scopes of the Jira operations the app calls, plus storage', async () => {
    app.emulator?.resetStats();
    const issue = acme.issues[0];
    if (!issue) throw new Error('no issue');
    await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', {});
    await app.forge.invokeResolver(issuePanelContext(acme.project, { id: issue.id, key: issue.key }), 'issue/risk', {});
    await app.forge.runScheduledTrigger('daily-kpi-snapshot');
    // The communication plan: an action item becomes an issue (asUser, POST /issue), and the daily
    // job's reminders notify on a tracking issue (asApp, POST /issue/{key}/notify).
    const page = projectPageContext(acme.project);
    const plan = aPlan({
      stakeholders: [aStakeholder({ accountId: ACCOUNTS.pm.accountId })],
      reminders: { mode: 'notify', trackingIssueKey: issue.key },
    });
    plan.series = plan.series.map((s) => ({ ...s, audience: ['pm'] }));
    await app.forge.invokeResolver(page, 'comms/save', { plan, revision: 0 });
    await app.forge.invokeResolver(page, 'comms/log-touchpoint', { touchpoint: aTouchpoint({ date: '2026-01-05' }) });
    await app.forge.invokeResolver(page, 'comms/action-item-issue', { touchpointId: 't1', actionItemId: 'a1' });
    // The stakeholder editor's account picker (asUser, GET /user/picker).
    await app.forge.invokeResolver(page, 'comms/user-search', { query: 'pat' });
    await app.forge.runScheduledTrigger('daily-kpi-snapshot');
    expect(app.emulator?.notifications.length).toBeGreaterThan(0);
    // The product-event trigger mirrors risks into the issue property, as the app (asApp).
    const writer = new JiraIssuePropertyWriter(new JiraClient({ transport: forgeJiraTransport('app'), policy: RETRY_POLICIES.consumer }));
    await writer.writeRisk(issue.key, { level: 'high', score: 80 });
    await writer.deleteRisk(issue.key);

    const called = Object.keys(app.emulator?.stats().byEndpoint ?? {});
    expect(called.length).toBeGreaterThan(0);
    expect(called).toEqual(
      expect.arrayContaining(['POST /rest/api/3/issue', 'POST /rest/api/3/issue/{issueIdOrKey}/notify', 'GET /rest/api/3/user/picker']),
    );
    const needed = new Set<string>();
    for (const endpoint of called) {
      const [method = '', template = ''] = endpoint.split(' ');
      const operation = spec.paths[template]?.[method.toLowerCase()];
      expect(operation, `${endpoint} is not an operation in Jira's OpenAPI document`).toBeDefined();
      const current = operationScopes.parse(operation)['x-atlassian-oauth2-scopes'].find((s) => s.state === 'Current');
      for (const scope of current?.scopes ?? []) needed.add(scope);
    }
    expect(manifestScopes.filter((s) => s !== 'storage:app').sort()).toEqual([...needed].sort());
    expect(manifestScopes).toContain('storage:app');
  });
});
