/**
 * "Since last report" (issue 11) on the real path, through the resolvers: the first draft says
 * it is the first report; after publishing, the PM's changes to the register, a re-baselining
 * change request and a complaint show in the next draft and stay in the report published from
 * it, for both audiences and in its exports — the client's with shared risks in client wording only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientStatusReportSchema } from '../../contract/client-report';
import { changeRequestSchema, type ChangeRequestJson } from '../../contract/changes';
import { DIMENSION_KEYS, statusReportSchema, type StatusReportJson } from '../../contract/report';
import { publishedReportHeadSchema, type PublishedReportHead } from '../../contract/reports';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { aChangeDraft } from '../support/change-builders';
import { projectPageContext } from '../support/contexts';
import { aFeedbackInput } from '../support/feedback-builders';
import { demoDatasets, startLocalApp } from '../support/local-app';
import { aRisk } from '../support/risk-builders';

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

type Answer = { ok: boolean; data?: unknown; error?: { code: string; message: string } };
const as = (role: AccountRole) => (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
  app.forge.invokeResolver(projectPageContext(acme.project, 'en_US', ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');

async function ok(key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown): Promise<unknown> {
  const answer = await pm(key, payload);
  expect(answer.error).toBeUndefined();
  return answer.data;
}
const internalDraft = async (lang: 'en' | 'zh-CN' = 'en') =>
  statusReportSchema.parse(await ok('project/report', { audience: 'internal', lang })) as StatusReportJson & { draftRevision: string };
const clientDraft = async (lang: 'en' | 'zh-CN' = 'en') =>
  clientStatusReportSchema.parse(await ok('project/report', { audience: 'client', lang }));
const publish = async (draftRevision: string) => publishedReportHeadSchema.parse(await ok('report/publish', { draftRevision }));
const saveRisk = (risk: ReturnType<typeof aRisk>, revision: number) => ok('risks/save', { risk, revision });
async function moveRequest(request: ChangeRequestJson, to: string, extra: object = {}): Promise<ChangeRequestJson> {
  const data = (await ok('changes/transition', { id: request.id, revision: request.revision, to, ...extra })) as { request: unknown };
  return changeRequestSchema.parse(data.request);
}

describe('since last report', () => {
  it('is the first report, then shows what changed since it, as published, for both audiences and in the exports', async () => {
    await ok('project/delete-data', { confirmProjectKey: acme.project.key });
    await ok('project/refresh', {});
    await saveRisk(
      aRisk({ id: 'shared-old', title: 'Vendor API may be late', clientVisible: true, clientWording: 'A supplier may deliver late' }),
      0,
    );
    await saveRisk(aRisk({ id: 'internal-old', title: 'Key developer may leave' }), 0);
    await ok('project/refresh', {});

    // Given the first draft: nothing was published before it.
    const first = await internalDraft();
    expect(first.sections.sinceLast).toEqual({ kind: 'first' });
    expect((await clientDraft('zh-CN')).sections.sinceLast).toEqual({ kind: 'first' });
    const v1: PublishedReportHead = await publish(first.draftRevision);
    const milestone = first.sections.milestones.find((m) => !m.released && m.releaseDate !== null);
    if (!milestone?.releaseDate) throw new Error('the demo has a dated milestone');

    // When the PM closes a shared risk, adds another, approves a request moving a milestone, and a complaint arrives.
    await saveRisk(
      aRisk({
        id: 'shared-old',
        title: 'Vendor API may be late',
        clientVisible: true,
        clientWording: 'A supplier may deliver late',
        status: 'closed',
      }),
      1,
    );
    await saveRisk(
      aRisk({
        id: 'shared-new',
        title: 'Hosting contract ends',
        probability: 5,
        impact: 4,
        clientVisible: true,
        clientWording: 'Hosting needs renewing',
      }),
      0,
    );
    const newTarget = `${String(Number(milestone.releaseDate.slice(0, 4)) + 1)}${milestone.releaseDate.slice(4)}`;
    const created = changeRequestSchema.parse(
      (
        (await ok('changes/save', { request: aChangeDraft({ milestone: { id: milestone.id, newTarget } }), revision: 0 })) as {
          request: unknown;
        }
      ).request,
    );
    await moveRequest(await moveRequest(await moveRequest(created, 'assessing'), 'awaiting-client'), 'approved', { decider: 'Li Na' });
    await ok('feedback/add', { ...aFeedbackInput({ rating: 1, stakeholderId: null, submissionId: 'since-last-1' }) });
    await ok('project/refresh', {});

    // Then the next draft compares itself with report 1.
    const second = await internalDraft();
    const since = second.sections.sinceLast;
    if (since?.kind !== 'compared') throw new Error('expected a comparison with report 1');
    expect(since.previous).toEqual({ version: v1.version, publishedAt: v1.publishedAt });
    expect(since.registerRisks.new).toEqual([{ id: 'shared-new', title: 'Hosting contract ends', level: 'high', clientVisible: true }]);
    expect(since.registerRisks.resolved).toEqual([{ id: 'shared-old', title: 'Vendor API may be late', outcome: 'closed' }]);
    expect(since.milestones).toEqual([
      { id: milestone.id, name: milestone.name, from: milestone.releaseDate, to: newTarget, original: null },
    ]);
    expect(since.changeRequests.decided).toBe(1);
    expect(since.unread).toBe(false);
    // Each dimension whose colour moved from the one report 1 published, or stayed amber or red (sustained).
    const bad = (rag: string) => rag === 'amber' || rag === 'red';
    const expected = DIMENSION_KEYS.flatMap((dimension) => {
      const from = v1.dimensions[dimension];
      const d = second.dimensions[dimension];
      const sustained = d.enabled && bad(d.rag) && bad(from);
      return from !== d.rag || sustained ? [{ dimension, from, to: d.rag, sustained }] : [];
    });
    expect(since.dimensions).toEqual(expected);
    expect(second.dimensions.satisfaction.rag).toBe('red');
    expect(since.dimensions.find((d) => d.dimension === 'satisfaction')).toMatchObject({ to: 'red' });
    for (const d of since.dimensions) expect(second.dimensions[d.dimension].sustained).toBe(d.sustained);

    // The client's: shared risks in client wording only, no issue risk, no internal title.
    const client = await clientDraft();
    const clientSince = client.sections.sinceLast;
    if (clientSince?.kind !== 'compared') throw new Error('expected the client comparison');
    expect(clientSince.registerRisks).toEqual({
      new: [{ text: 'Hosting needs renewing', level: 'high' }],
      resolved: [{ text: 'A supplier may deliver late' }],
    });
    expect(clientSince.milestones).toEqual(since.milestones);
    const clientJson = JSON.stringify(clientSince);
    for (const internal of ['Hosting contract ends', 'Vendor API may be late', 'Key developer may leave', 'issueRisks', 'score']) {
      expect(clientJson).not.toContain(internal);
    }
    expect(clientSince.dimensions.every((d) => d.from !== d.to && d.to !== ('grey' as string))).toBe(true);

    // When report 2 is published, it keeps the comparison exactly as reviewed, in both languages, and its exports say it.
    const v2 = await publish(second.draftRevision);
    expect(v2.version).toBe(v1.version + 1);
    const published = statusReportSchema.parse(
      ((await ok('report/get', { id: v2.id, audience: 'internal', lang: 'zh-CN' })) as { report: unknown }).report,
    );
    expect(published.sections.sinceLast).toEqual(since);
    const clientPublished = clientStatusReportSchema.parse(
      ((await ok('report/get', { id: v2.id, audience: 'client', lang: 'en' })) as { report: unknown }).report,
    );
    expect(clientPublished.sections.sinceLast).toEqual(clientSince);

    const markdown = (await ok('report/export', { id: v2.id, audience: 'internal', lang: 'zh-CN', format: 'markdown' })) as {
      text: string;
    };
    expect(markdown.text).toContain('## 自上次报告以来');
    expect(markdown.text).toContain(`与第 ${String(v1.version)} 份报告`);
    expect(markdown.text).toContain('新增：Hosting contract ends（高风险）');
    expect(markdown.text).toContain('已解除：Vendor API may be late（已关闭）');
    const html = (await ok('report/export', { id: v2.id, audience: 'client', lang: 'en', format: 'html' })) as { text: string };
    expect(html.text).toContain('<h2 id="since-last">Since the last report</h2>');
    expect(html.text).toContain('New: Hosting needs renewing (High risk)');
    expect(html.text).toContain('Resolved: A supplier may deliver late');
    expect(html.text).not.toContain('Hosting contract ends');

    // And the draft after report 2, with nothing changed in the register or the milestones, compares with report 2.
    await ok('project/refresh', {});
    const third = (await internalDraft()).sections.sinceLast;
    if (third?.kind !== 'compared') throw new Error('expected a comparison with report 2');
    expect(third.previous.version).toBe(v2.version);
    expect(third.registerRisks).toEqual({ new: [], resolved: [] });
    expect(third.milestones).toEqual([]);
    expect(third.changeRequests).toEqual({ new: 0, decided: 0 });
  });
});
