import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusReportSchema } from '../../contract';
import type { ExtensionContext } from '../../local/runtime/local-forge';
import { issuePanelContext, projectPageContext } from '../support/contexts';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { expectedCategoryCounts, expectedOpenMilestoneNames, rawIssue } from '../support/dataset-oracle';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme, other] = datasets;
if (!acme || !other) throw new Error('the demo has two projects');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

describe('project/overview through the real path (resolver -> @forge/api -> emulator, KVS on SQLite)', () => {
  it('given the demo project context, returns its counts by status category and open milestones', async () => {
    const answer = await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', {});
    const expected = expectedCategoryCounts(acme);
    expect(answer).toMatchObject({ ok: true, data: { project: { key: acme.project.key }, counts: expected } });
    const data = (answer as { data: { total: number; milestones: { name: string }[] } }).data;
    expect(data.total).toBe(acme.issues.length);
    expect(data.milestones.map((m) => m.name).sort()).toEqual(expectedOpenMilestoneNames(acme));
  });

  it('records the project as tracked in KVS, so the daily snapshot covers it', async () => {
    await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', {});
    const result = (await app.forge.runScheduledTrigger('daily-kpi-snapshot')) as { statusCode: number; body: string };
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toMatchObject({ taken: [acme.project.key], failed: [] });
  });

  it('given a payload naming another project than the context, refuses with FORBIDDEN and reads nothing', async () => {
    app.emulator?.resetStats();
    const answer = await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', { projectKey: other.project.key });
    expect(answer).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) as string } });
    expect(app.emulator?.stats().totalCalls).toBe(0);
  });

  it('accepts a payload that repeats the context project', async () => {
    const answer = await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', { projectKey: acme.project.key });
    expect(answer).toMatchObject({ ok: true });
  });

  it.each([
    ['an unknown field', { projectKey: 'ACME', admin: true }],
    ['a malformed key', { projectKey: 'acme; DROP' }],
    ['a wrong type', { projectKey: 42 }],
  ])('given %s in the payload, refuses with INVALID_PAYLOAD', async (_case, payload) => {
    const answer = await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', payload);
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_PAYLOAD' } });
  });

  it('given a context without a project, refuses with FORBIDDEN', async () => {
    const context = projectPageContext(acme.project);
    const withoutProject = { ...context, extension: { type: context.extension.type } } as unknown as ExtensionContext;
    const answer = await app.forge.invokeResolver(withoutProject, 'project/overview', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('once a snapshot exists, answers from it with no Jira call even when Jira fails every call', async () => {
    await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', {});
    app.emulator?.setFaults({ failAll: true });
    app.emulator?.resetStats();
    try {
      const answer = await app.forge.invokeResolver(projectPageContext(acme.project), 'project/overview', {});
      expect(answer).toMatchObject({ ok: true, data: { project: { key: acme.project.key }, counts: expectedCategoryCounts(acme) } });
      expect(app.emulator?.stats().totalCalls).toBe(0);
    } finally {
      app.emulator?.setFaults(undefined);
    }
  });

  it('when Jira fails every call before the first snapshot, answers a typed error instead of throwing', async () => {
    app.emulator?.setFaults({ failAll: true });
    try {
      const answer = await app.forge.invokeResolver(projectPageContext(other.project), 'project/overview', {});
      expect(answer).toMatchObject({ ok: false, error: { code: expect.stringMatching(/^(JIRA_UNAVAILABLE|RATE_LIMITED)$/u) as string } });
    } finally {
      app.emulator?.setFaults(undefined);
    }
  });
});

describe('project/report', () => {
  it('writes its sentences in the language the UI names, even when the context carries no locale', async () => {
    const { locale: _locale, ...withoutLocale } = projectPageContext(acme.project);
    const answer = await app.forge.invokeResolver(withoutLocale as ExtensionContext, 'project/report', { lang: 'zh-CN' });
    const parsed = statusReportSchema.parse((answer as { data?: unknown }).data);
    expect(parsed.lang).toBe('zh-CN');
    expect(parsed.overall.headline).toMatch(/[\u4e00-\u9fff]/u);
  });

  it('falls back to the context locale, then English', async () => {
    const chinese = await app.forge.invokeResolver(projectPageContext(acme.project, 'zh_CN'), 'project/report', {});
    expect(statusReportSchema.parse((chinese as { data?: unknown }).data).lang).toBe('zh-CN');
    const { locale: _locale, ...withoutLocale } = projectPageContext(acme.project);
    const english = await app.forge.invokeResolver(withoutLocale as ExtensionContext, 'project/report', {});
    expect(statusReportSchema.parse((english as { data?: unknown }).data).lang).toBe('en');
  });
});

describe('issue/risk', () => {
  const issue = rawIssue(acme, (i) => i.dueDate !== null);
  const issueId = String((acme.issues.find((i) => i.key === issue.key) as { id: unknown }).id);

  it('returns the issue in the context: key, status and due date', async () => {
    const answer = await app.forge.invokeResolver(issuePanelContext(acme.project, { id: issueId, key: issue.key }), 'issue/risk', {});
    expect(answer).toMatchObject({ ok: true, data: { key: issue.key, status: { name: issue.statusName }, dueDate: issue.dueDate } });
  });

  it('refuses a payload naming another issue', async () => {
    const answer = await app.forge.invokeResolver(issuePanelContext(acme.project, { id: issueId, key: issue.key }), 'issue/risk', {
      issueKey: `${acme.project.key}-999999`,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
