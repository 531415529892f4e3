/**
 * Publishing the live draft (issue 11) on the real path, as each local account: the draft names
 * its revision, publishing it keeps one immutable, numbered report, a stale draft is refused, and
 * a published report reads back exactly as published after the data moves on.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { statusReportSchema } from '../../contract/report';
import { clientStatusReportSchema } from '../../contract/client-report';
import { publishedReportHeadSchema } from '../../contract/reports';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { publishedReportKind } from '../../src/application/records/record-kinds';
import { listAll } from '../../src/application/storage';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { simpleParser } from 'mailparser';
import { aClientStakeholder, aPlan, aSeries, aStakeholder } from '../support/comms-builders';
import { projectPageContext } from '../support/contexts';
import { demoDatasets, startLocalApp } from '../support/local-app';

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
const as =
  (role: AccountRole, locale = 'en_US') =>
  (key: Parameters<LocalApp['forge']['invokeResolver']>[1], payload: unknown) =>
    app.forge.invokeResolver(projectPageContext(acme.project, locale, ACCOUNTS[role].accountId), key, payload) as Promise<Answer>;
const pm = as('pm');

async function draft(audience: 'internal' | 'client' = 'internal', lang: 'en' | 'zh-CN' = 'en') {
  const answer = await pm('project/report', { audience, lang });
  expect(answer.ok).toBe(true);
  return answer.data as { draftRevision: string } & Record<string, unknown>;
}
async function publish(draftRevision: string, role: AccountRole = 'pm') {
  return as(role)('report/publish', { draftRevision });
}
async function refreshedDraftRevision(before: string): Promise<string> {
  expect((await pm('project/refresh', {})).ok).toBe(true);
  const after = (await draft()).draftRevision;
  expect(after).not.toBe(before);
  return after;
}
const storedRecords = () => listAll(new KvsRecordStore().collection(publishedReportKind, acme.project.id));

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('report/publish', () => {
  it('publishes the reviewed draft as version 1, by the caller, and twice from one draft keeps one report', async () => {
    const { draftRevision } = await draft();

    const [first, second] = await Promise.all([publish(draftRevision), publish(draftRevision)]);
    const third = await publish(draftRevision);

    expect(first.ok && second.ok && third.ok).toBe(true);
    const head = publishedReportHeadSchema.parse(first.data);
    expect(head).toMatchObject({ id: draftRevision, version: 1, draftRevision, publishedBy: ACCOUNTS.pm.accountId });
    expect(second.data).toEqual(head);
    expect(third.data).toEqual(head);
    const heads = await storedRecords();
    expect(heads).toHaveLength(1);
  });

  it('refuses a draft the data has moved on from with CONFLICT, and publishes the new one as the next version', async () => {
    const old = (await draft()).draftRevision;
    const first = publishedReportHeadSchema.parse((await publish(old)).data);
    const current = await refreshedDraftRevision(old);
    const stale = await refreshedDraftRevision(current);

    expect((await publish(current)).error?.code).toBe('CONFLICT');
    const next = publishedReportHeadSchema.parse((await publish(stale)).data);

    expect(next.version).toBe(first.version + 1);
    expect((await storedRecords()).filter((r) => r.id === current)).toEqual([]);
  });

  it('keeps a published report exactly as published, for both audiences and languages, after the data moves on', async () => {
    const internal = await draft('internal', 'zh-CN');
    const client = await draft('client', 'en');
    expect(client.draftRevision).toBe(internal.draftRevision);
    const head = publishedReportHeadSchema.parse((await publish(internal.draftRevision)).data);
    await refreshedDraftRevision(internal.draftRevision);

    const readInternal = await pm('report/get', { id: head.id, audience: 'internal', lang: 'zh-CN' });
    const readClient = await pm('report/get', { id: head.id, audience: 'client', lang: 'en' });

    const { draftRevision: _a, ...internalAsReviewed } = internal;
    const { draftRevision: _b, ...clientAsReviewed } = client;
    expect(statusReportSchema.parse((readInternal.data as { report: unknown }).report)).toEqual(
      statusReportSchema.parse(internalAsReviewed),
    );
    expect(clientStatusReportSchema.parse((readClient.data as { report: unknown }).report)).toEqual(
      clientStatusReportSchema.parse(clientAsReviewed),
    );
    expect((readClient.data as { report: Record<string, unknown> }).report).not.toHaveProperty('issueRisks');
  });

  it('refuses a malformed draft revision with a typed error and stores nothing', async () => {
    for (const draftRevision of ['', '../g1', 'g1; drop', 'G1', 'g'.padEnd(200, '1'), 12]) {
      expect((await publish(draftRevision as string)).error?.code).toBe('INVALID_PAYLOAD');
    }
    expect((await pm('report/publish', { draftRevision: 'g1', extra: true })).error?.code).toBe('INVALID_PAYLOAD');
    expect(await storedRecords()).toEqual([]);
  });
});

describe('a published report and the communication plan', () => {
  const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
  const seriesState = async () =>
    ((await pm('comms/status', {})).data as { series: { seriesId: string; state: string }[] }).series.find((s) => s.seriesId === 'report')
      ?.state;

  it('keeps its status-report series: the overdue occurrence is kept by the report, logged once', async () => {
    const weekday = WEEKDAYS[new Date(`${utcDay(-3)}T00:00:00Z`).getUTCDay()] ?? 'monday';
    const series = aSeries({
      id: 'report',
      title: 'Weekly status report',
      kind: 'status-report',
      cadence: { kind: 'weekly', weekday },
      timeZone: 'UTC',
      startDate: utcDay(-17),
      graceDays: 1,
    });
    const { revision } = (await pm('comms/get', {})).data as { revision: number };
    expect((await pm('comms/save', { plan: aPlan({ series: [series] }), revision })).ok).toBe(true);
    expect(await seriesState()).toBe('overdue');

    const { draftRevision } = await draft();
    const head = publishedReportHeadSchema.parse((await publish(draftRevision)).data);
    expect((await publish(draftRevision)).ok).toBe(true);

    expect(await seriesState()).toBe('on-track');
    const log = (await pm('comms/touchpoints', {})).data as {
      touchpoints: { seriesId: string; date: string; publishedReport?: unknown }[];
    };
    expect(log.touchpoints).toEqual([
      expect.objectContaining({ seriesId: 'report', date: utcDay(0), publishedReport: { reportId: head.id, version: 1 } }),
    ]);
  });
});

describe('the draft after a published report', () => {
  it('covers what happened since that report, and marks sustained the dimensions amber or red in both', async () => {
    const published = await draft();
    const head = publishedReportHeadSchema.parse((await publish(published.draftRevision)).data);

    const next = statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang: 'en' })).data);

    expect(next.period.start).toBe(head.period.end);
    const dimensions = Object.entries(head.dimensions);
    expect(dimensions.length).toBe(6);
    const hot = (rag: string | undefined) => rag === 'amber' || rag === 'red';
    for (const [key, before] of dimensions) {
      const now = next.dimensions[key as keyof typeof next.dimensions];
      expect(now.sustained, key).toBe(now.enabled && hot(now.rag) && hot(before));
    }
    // The demo project is red somewhere, so the rule is exercised, not vacuous.
    expect(Object.values(next.dimensions).some((d) => d.sustained)).toBe(true);
  });
});

describe('the draft review: the overall status the PM reports', () => {
  it("reports the PM's status with its reason beside the computed one, publishes both, and the client sees the reported one", async () => {
    const before = statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang: 'en' })).data);
    const other = (['green', 'amber', 'red'] as const).find((rag) => rag !== before.overall.computed) ?? 'green';
    const view = (await pm('report/draft-get', {})).data as { revision: number; canEdit: boolean };
    expect(view.canEdit).toBe(true);

    expect((await pm('report/draft-save', { draft: { override: { rag: other, reason: ' ' } }, revision: view.revision })).error?.code).toBe(
      'INVALID_PAYLOAD',
    );
    expect((await as('viewer')('report/draft-save', { draft: { override: null }, revision: view.revision })).error?.code).toBe('FORBIDDEN');
    const saved = await pm('report/draft-save', {
      draft: { override: { rag: other, reason: 'The client agreed the new date' } },
      revision: view.revision,
    });
    expect(saved.ok).toBe(true);
    expect((await pm('report/draft-save', { draft: { override: null }, revision: view.revision })).error?.code).toBe('CONFLICT');

    const internal = statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang: 'en' })).data);
    expect(internal.overall).toMatchObject({
      computed: before.overall.computed,
      reported: other,
      overrideReason: 'The client agreed the new date',
    });
    const client = clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang: 'en' })).data);
    expect(client.overall.reported).toBe(other);
    const head = publishedReportHeadSchema.parse((await publish(internal.draftRevision ?? '')).data);
    expect(head.overall).toEqual({ computed: before.overall.computed, reported: other });
  });
});

describe('report/email', () => {
  it('writes the client version as an unsent e-mail in one language, to the client stakeholders who receive reports in it', async () => {
    const stakeholders = [
      aStakeholder(),
      aClientStakeholder(),
      aClientStakeholder({ id: 'ana', name: 'Ana Díaz', email: 'ana@client.example', language: 'en' }),
      aClientStakeholder({ id: 'quiet', name: 'Wu Hao', email: 'wu@client.example', receivesReports: false }),
    ];
    const { revision } = (await pm('comms/get', {})).data as { revision: number };
    expect((await pm('comms/save', { plan: aPlan({ stakeholders, series: [] }), revision })).error).toBeUndefined();
    const head = publishedReportHeadSchema.parse((await publish((await draft()).draftRevision)).data);

    const answer = (await as('viewer')('report/email', { id: head.id, lang: 'zh-CN' })).data as {
      filename: string;
      text: string;
      recipients: { name: string; email: string }[];
    };

    expect(answer.filename).toBe(`${acme.project.key}-status-report-v1-client-zh-CN.eml`);
    expect(answer.recipients).toEqual([{ name: 'Chen Li', email: 'chen@client.example' }]);
    const mail = await simpleParser(answer.text);
    expect(mail.subject).toBe(`${acme.project.name}：状态报告 1`);
    const to = Array.isArray(mail.to) ? mail.to.flatMap((a) => a.value) : (mail.to?.value ?? []);
    expect(to.map((a) => a.address)).toEqual(['chen@client.example']);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.headers.get('content-language')).toBe('zh-CN');
    expect(mail.html).toContain('<!doctype html>');
    expect(mail.text).toContain(acme.project.name);
    expect(`${mail.text ?? ''}${String(mail.html)}`).not.toContain('⟦internal⟧');
  });
});

describe('report/list and report/get', () => {
  it('lists newest first, a page at a time', async () => {
    let revision = (await draft()).draftRevision;
    for (let i = 0; i < 3; i += 1) {
      expect((await publish(revision)).ok).toBe(true);
      revision = await refreshedDraftRevision(revision);
    }

    const first = (await pm('report/list', { limit: 2 })).data as { items: { version: number }[]; cursor: string | null };
    expect(first.items.map((r) => r.version)).toEqual([3, 2]);
    expect(first.cursor).not.toBeNull();
    const second = (await pm('report/list', { limit: 2, cursor: first.cursor })).data as {
      items: { version: number }[];
      cursor: string | null;
    };
    expect(second.items.map((r) => r.version)).toEqual([1]);
  });

  it('exports a published report as Markdown and as self-contained HTML, per audience and language', async () => {
    const { draftRevision } = await draft();
    const head = publishedReportHeadSchema.parse((await publish(draftRevision)).data);

    const markdown = (await pm('report/export', { id: head.id, audience: 'client', lang: 'zh-CN', format: 'markdown' })).data as {
      filename: string;
      mediaType: string;
      text: string;
    };
    const html = (await pm('report/export', { id: head.id, audience: 'internal', lang: 'en', format: 'html' })).data as {
      filename: string;
      mediaType: string;
      text: string;
    };

    expect(markdown.filename).toBe(`${acme.project.key}-status-report-v1-client-zh-CN.md`);
    expect(markdown.mediaType).toBe('text/markdown;charset=utf-8');
    expect(markdown.text).toContain(acme.project.name);
    expect(markdown.text).not.toContain('⟦internal⟧');
    // The team's export links issue keys to the site; the client's keeps them plain.
    expect(html.text).toMatch(/<a class="key" href="http:\/\/local\/browse\/[A-Z]+-\d+">/u);
    expect(markdown.text).not.toContain('/browse/');
    const internalMarkdown = (await pm('report/export', { id: head.id, audience: 'internal', lang: 'en', format: 'markdown' })).data as {
      text: string;
    };
    expect(internalMarkdown.text).toMatch(/\*\*\[[A-Z]+-\d+\]\(http:\/\/local\/browse\/[A-Z]+-\d+\)\*\*/u);
    expect(html.filename).toBe(`${acme.project.key}-status-report-v1-internal-en.html`);
    expect(html.text).toMatch(/^<!doctype html>/iu);
    expect(html.text).toContain('@media print');
    expect(html.text).not.toMatch(/<script|<link |src="http/iu);
  });

  it('answers NOT_FOUND for a report the project does not have', async () => {
    expect((await pm('report/get', { id: 'g999999' })).error?.code).toBe('NOT_FOUND');
  });

  it('lets the viewer read but not publish; the outsider gets nothing', async () => {
    const { draftRevision } = await draft();
    const head = publishedReportHeadSchema.parse((await publish(draftRevision)).data);

    expect((await publish(draftRevision, 'viewer')).error?.code).toBe('FORBIDDEN');
    expect((await as('viewer')('report/list', {})).ok).toBe(true);
    expect((await as('viewer')('report/get', { id: head.id })).ok).toBe(true);
    for (const [key, payload] of [
      ['report/list', {}],
      ['report/get', { id: head.id }],
      ['report/publish', { draftRevision }],
    ] as const) {
      expect((await as('outsider')(key, payload)).error?.code, key).toBe('FORBIDDEN');
    }
  });
});
