/**
 * The risk issue property and the issue-changed trigger on the local platform: risks written as
 * the app through Forge's `requestJira` are found by JQL on the manifest's search aliases, and
 * the trigger gets the changes users make, never the app's own (`filter.ignoreSelf`), with the
 * fields the manifest asks for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCAL_ACCOUNTS } from '../../local/jira/accounts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { discoverFields } from '../../src/adapters/jira/discover-fields';
import { forgeJiraTransport } from '../../src/adapters/jira/forge-jira-transport';
import { toIssueMappingContext } from '../../src/adapters/jira/issue-mapping-context';
import { JiraClient, RETRY_POLICIES } from '../../src/adapters/jira/jira-client';
import { JiraIssuePropertyWriter } from '../../src/adapters/jira/jira-issue-property-writer';
import { jiraFieldJson, jiraIssueLinkTypesJson, jiraPriorityPageJson, jiraStatusJson } from '../../src/adapters/jira/jira-json';
import { ISSUE_SYSTEM_FIELDS } from '../../src/adapters/jira/to-issue';
import { toIssueFromEvent } from '../../src/adapters/jira/to-issue-from-event';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const acme = datasets[0];
if (!acme) throw new Error('no demo project');
const openKeys = acme.issues
  .filter(
    (i) => z.looseObject({ statusCategory: z.looseObject({ key: z.string() }) }).parse(i.fields['status']).statusCategory.key !== 'done',
  )
  .map((i) => i.key);
const [highA = '', highB = '', medium = '', finished = '', edited = ''] = openKeys;

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

type Caller = { provider: 'app' } | { provider: 'user'; accountId: string };

/** A REST call through the local platform's product backend, as Forge's requestJira sends it. */
async function jira(caller: Caller, path: string, init: { method?: string; body?: unknown } = {}) {
  const response = await app.product(
    new Request(`https://local.atlassian.invalid${path}`, {
      method: init.method ?? 'GET',
      ...(init.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
    }),
    { type: 'fpp', remote: 'jira', ...caller },
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
}

const asApp: Caller = { provider: 'app' };
const member: Caller = { provider: 'user', accountId: LOCAL_ACCOUNTS.member.accountId };
const viewer: Caller = { provider: 'user', accountId: LOCAL_ACCOUNTS.viewer.accountId };

async function keysFor(caller: Caller, jql: string): Promise<string[]> {
  const { status, body } = await jira(caller, `/rest/api/3/search/jql?${new URLSearchParams({ jql, fields: 'key' }).toString()}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return z
    .object({ issues: z.array(z.looseObject({ key: z.string() })) })
    .parse(body)
    .issues.map((i) => i.key);
}

const byKey = (a: string, b: string) => Number(a.split('-')[1]) - Number(b.split('-')[1]);
const triggerRuns = () => app.forge.invocations.filter((r) => r.kind === 'trigger').length;

describe('the risk issue property', () => {
  it('written as the app, is found by clientRiskLevel and clientRiskScore, for the app and for users', async () => {
    const writer = new JiraIssuePropertyWriter(new JiraClient({ transport: forgeJiraTransport('app'), policy: RETRY_POLICIES.consumer }));
    const runsBefore = triggerRuns();
    await writer.writeRisk(highA, { level: 'high', score: 82 });
    await writer.writeRisk(highB, { level: 'high', score: 64 });
    await writer.writeRisk(medium, { level: 'medium', score: 41 });
    await writer.writeRisk(finished, { level: 'high', score: 90 });
    // The issue was done: its property goes, and with it the issue leaves the high-risk list.
    await writer.deleteRisk(finished);
    await app.forge.drainQueue();

    const high = [highA, highB].sort(byKey);
    expect(await keysFor(asApp, `project = ${acme.project.key} AND clientRiskLevel = high ORDER BY key ASC`)).toEqual(high);
    expect(await keysFor(viewer, `project = ${acme.project.key} AND clientRiskLevel = high ORDER BY key ASC`)).toEqual(high);
    expect(await keysFor(asApp, 'issue.property[client-followup-risk].level = medium')).toEqual([medium]);
    expect(await keysFor(asApp, `project = ${acme.project.key} AND clientRiskScore >= 60 ORDER BY clientRiskScore DESC`)).toEqual([
      highA,
      highB,
    ]);
    expect(await keysFor(asApp, `key = ${finished} AND clientRiskLevel IS EMPTY`)).toEqual([finished]);
    // Property writes are no issue changes: no event, no trigger run.
    expect(triggerRuns()).toBe(runsBefore);
  });
});

describe('the issue-changed trigger', () => {
  it("does not get the app's own edits (filter.ignoreSelf)", async () => {
    const delivered = app.forge.deliveredEvents.length;
    const runs = triggerRuns();
    const edit = await jira(asApp, `/rest/api/3/issue/${edited}`, { method: 'PUT', body: { fields: { summary: 'Renamed by the app' } } });
    expect(edit.status).toBe(204);
    await app.forge.drainQueue();
    expect(app.forge.deliveredEvents.length).toBe(delivered);
    expect(triggerRuns()).toBe(runs);
  });

  it("gets a user's edit with the documented fields, the manifest's fields and the changelog", async () => {
    const delivered = app.forge.deliveredEvents.length;
    const runs = triggerRuns();
    const edit = await jira(member, `/rest/api/3/issue/${edited}`, { method: 'PUT', body: { fields: { duedate: '2026-12-18' } } });
    expect(edit.status).toBe(204);
    await app.forge.drainQueue();

    expect(triggerRuns()).toBe(runs + 1);
    const [got] = app.forge.deliveredEvents.slice(delivered);
    expect(got?.triggerKey).toBe('issue-changed-trigger');
    const event = z
      .looseObject({
        eventType: z.string(),
        atlassianId: z.string(),
        issue: z.looseObject({ key: z.string(), fields: z.record(z.string(), z.unknown()) }),
        changelog: z.looseObject({ items: z.array(z.looseObject({ fieldId: z.string(), to: z.string().nullable() })) }),
      })
      .parse(got?.event);
    expect(event).toMatchObject({
      eventType: 'avi:jira:updated:issue',
      atlassianId: LOCAL_ACCOUNTS.member.accountId,
      issue: { key: edited },
    });
    expect(event.changelog.items).toMatchObject([{ fieldId: 'duedate', to: '2026-12-18' }]);
    const fields = Object.keys(event.issue.fields);
    for (const id of ISSUE_SYSTEM_FIELDS.filter((f) => f !== 'parent')) expect(fields, id).toContain(id);
    for (const id of ['creator', 'reporter', 'project']) expect(fields, id).toContain(id);
    expect(event.issue.fields['duedate']).toBe('2026-12-18');
    expect(event.issue.fields['description']).toBeUndefined();

    // Mapped as the app maps it: every system field is there, only custom fields are not.
    const context = toIssueMappingContext({
      fields: discoverFields(z.array(jiraFieldJson).parse((await jira(asApp, '/rest/api/3/field')).body)),
      statuses: z.array(jiraStatusJson).parse((await jira(asApp, '/rest/api/3/status')).body),
      priorities: jiraPriorityPageJson.parse((await jira(asApp, '/rest/api/3/priority/search')).body).values,
      linkTypes: jiraIssueLinkTypesJson.parse((await jira(asApp, '/rest/api/3/issueLinkType')).body).issueLinkTypes,
      blockingLinkTypes: [],
      timeZone: 'UTC',
      waitingStatuses: [],
    });
    const facts = toIssueFromEvent(got?.event, context, Date.now());
    expect(facts).toMatchObject({ kind: 'updated', issueKey: edited, projectId: acme.project.id, changedFields: ['duedate'] });
    expect(facts?.missingFields.every((id) => id.startsWith('customfield_'))).toBe(true);
  });
});
