/**
 * The client status page on the local runtime, over the demo project (issue 12): the page is
 * read from what the app stored (the snapshot `project/report` built), within the size budget
 * in both languages; what the client does on it reaches the PM — a decision in `changes/list`
 * and the next report, feedback in `feedback/list`, `feedback/summary` and the satisfaction
 * dimension.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { changeListSchema, changeRequestSchema } from '../../contract/changes';
import { clientStatusReportSchema } from '../../contract/client-report';
import { feedbackEntrySchema, satisfactionSummarySchema } from '../../contract/feedback';
import type { Language } from '../../contract/language';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { serveSharedPage } from '../../src/application/share/serve-shared-page';
import { aChangeDraft } from '../support/change-builders';
import { projectPageContext } from '../support/contexts';
import { DEMO_NOW, demoDatasets, ROOT_DIR, startLocalApp } from '../support/local-app';
import { aFormPost, aLink, aView, hiddenField } from '../support/shared-page-builders';

/** DESIGN/issue 12: the demo project's page is at most this many bytes. */
const HTML_BUDGET_BYTES = 60 * 1024;

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets });
});
afterAll(async () => {
  await app.close();
});

type Answer = { ok: boolean; data?: unknown; error?: { code: string } };
const pm = (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project), key, payload) as Promise<Answer>;
const link = () => aLink({ projectId: acme.project.id });
const serve = (request = aView(), lang: Language = 'en') =>
  serveSharedPage({ records: new KvsRecordStore(), now: DEMO_NOW }, { ...link(), lang }, request);

describe('the demo project page', () => {
  it('is read from the stored snapshot, holds the client report, and stays within 60 KB in both languages', async () => {
    const client = clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang: 'en' })).data);
    const sizes: Record<string, number> = {};
    for (const lang of ['en', 'zh-CN'] as const) {
      const { response, event } = await serve(aView(), lang);
      expect(event).toEqual({ kind: 'view', outcome: 'ok' });
      expect(response.statusCode).toBe(200);
      sizes[lang] = Buffer.byteLength(response.body);
      expect(sizes[lang]).toBeLessThanOrEqual(HTML_BUDGET_BYTES);
      expect(response.body).toContain(acme.project.name);
    }
    for (const issue of client.sections.waitingOnClient) expect((await serve()).response.body).toContain(issue.key);
    const dir = path.join(ROOT_DIR, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'status-page-size.json'), `${JSON.stringify({ bytes: sizes, budget: HTML_BUDGET_BYTES }, null, 2)}\n`);
  });
});

describe('what the client does reaches the PM', () => {
  it('a decision on the page shows in changes/list with who decided and when, and in the next client report', async () => {
    const saved = changeRequestSchema.parse(
      (
        (await pm('changes/save', { request: aChangeDraft({ id: 'cr-page', title: 'Dark mode' }), revision: 0 })).data as {
          request: unknown;
        }
      ).request,
    );
    let request = saved;
    for (const to of ['assessing', 'awaiting-client']) {
      request = changeRequestSchema.parse(
        ((await pm('changes/transition', { id: request.id, revision: request.revision, to })).data as { request: unknown }).request,
      );
    }
    const html = (await serve()).response.body;
    const revision = hiddenField(html, 'revision', 'data-change="cr-page"');
    const answer = await serve(
      aFormPost({ form: 'decision', changeRequestId: 'cr-page', revision, decision: 'approved', name: 'Ana Souza', comment: 'Yes' }),
    );
    expect(answer.response.statusCode).toBe(200);
    const list = changeListSchema.parse((await pm('changes/list', {})).data);
    expect(list.items.find((r) => r.id === 'cr-page')).toMatchObject({
      status: 'approved',
      decision: { outcome: 'approved', by: 'Ana Souza (client via status page)', at: DEMO_NOW.toISOString(), reason: 'Yes' },
    });
    await pm('project/refresh', {});
    const next = clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang: 'en' })).data);
    expect(next.sections.changeRequests?.items.find((c) => c.id === 'cr-page')?.decision).toMatchObject({
      outcome: 'approved',
      by: 'Ana Souza (client via status page)',
    });
  });

  it('feedback from the page shows in feedback/list and the summary, and moves the satisfaction dimension', async () => {
    const responses = async () => satisfactionSummarySchema.parse((await pm('feedback/summary', {})).data).responses;
    const before = await responses();
    const html = (await serve()).response.body;
    const submissionId = hiddenField(html, 'submissionId');
    const answer = await serve(aFormPost({ form: 'feedback', submissionId, rating: '5', nps: '10', comment: 'Thanks' }));
    expect(answer.response.statusCode).toBe(200);
    const listed = z.object({ items: z.array(feedbackEntrySchema) }).parse((await pm('feedback/list', {})).data);
    expect(listed.items.find((e) => e.id === submissionId)).toMatchObject({ rating: 5, source: 'status-page', comment: 'Thanks' });
    expect(await responses()).toBe(before + 1);
    await pm('project/refresh', {});
    const report = z
      .object({ dimensions: z.object({ satisfaction: z.object({ rag: z.string() }).loose() }) })
      .loose()
      .parse((await pm('project/report', {})).data);
    expect(report.dimensions.satisfaction.rag).not.toBe('grey');
  });
});
