/**
 * The PM's texts of the draft (issue 11, "Drafted narrative" and "Draft review") on the real
 * path: the app drafts both narratives; the PM replaces them, rewords and hides lines of the
 * client's version; every reader of the client version — the draft preview, a published
 * report, its Markdown and HTML exports and its e-mail — reads the same; a published report
 * keeps the texts it was published with whatever the draft becomes. Refusals change nothing.
 */
import fc from 'fast-check';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_CODES, resolverContract } from '../../contract';
import { clientStatusReportSchema, type ClientStatusReportJson } from '../../contract/client-report';
import { statusReportSchema } from '../../contract/report';
import { publishedReportHeadSchema, reportDraftViewSchema } from '../../contract/reports';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { KvsRecordStore } from '../../src/adapters/storage/kvs-record-store';
import { reportDraftKind } from '../../src/application/records/record-kinds';
import { escapeHtml } from '../../src/application/render/safe-html';
import { ACCOUNTS, type AccountRole } from '../support/accounts';
import { projectPageContext } from '../support/contexts';
import { hostilePayloads, hostileValues } from '../support/hostile-payloads';
import { demoDatasets, startLocalApp } from '../support/local-app';

const datasets = demoDatasets();
const [acme] = datasets;
if (!acme) throw new Error('the demo has a project');

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets, serve: true });
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

const draftView = async (role: AccountRole = 'pm') => reportDraftViewSchema.parse((await as(role)('report/draft-get', {})).data);
const clientDraft = async (lang: 'en' | 'zh-CN' = 'en') =>
  clientStatusReportSchema.parse((await pm('project/report', { audience: 'client', lang })).data);
const internalDraft = async (lang: 'en' | 'zh-CN' = 'en') =>
  statusReportSchema.parse((await pm('project/report', { audience: 'internal', lang })).data);
const storedDraft = async () => JSON.stringify(await new KvsRecordStore().document(reportDraftKind, acme.project.id).get());

/** Every issue line of the client's version: its key and summary, wherever it is listed. */
function issueLines(report: ClientStatusReportJson): { key: string; summary: string }[] {
  const s = report.sections;
  return [
    ...s.completed.flatMap((g) => g.issues),
    ...s.inProgress,
    ...s.nextUp,
    ...s.flagged,
    ...s.blocked.map((b) => b.issue),
    ...s.waitingOnClient,
  ];
}

beforeEach(async () => {
  await pm('project/delete-data', { confirmProjectKey: acme.project.key });
});

describe('the drafted narrative', () => {
  it('is drafted for both audiences in both languages; the team’s sentences carry their evidence, the client’s are plain prose', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const internal = await internalDraft(lang);
      const client = await clientDraft(lang);
      expect(internal.narrative?.source).toBe('drafted');
      expect(internal.narrative?.sentences.map((s) => s.topic)).toEqual(expect.arrayContaining(['changed', 'health', 'next', 'needs']));
      expect(internal.narrative?.sentences.some((s) => (s.evidence ?? []).some((e) => e.kind === 'issue'))).toBe(true);
      expect(client.narrative?.source).toBe('drafted');
      expect(client.narrative?.sentences.every((s) => s.evidence === undefined)).toBe(true);
      expect(client.narrative?.text).not.toBe('');
    }
    const view = await draftView();
    expect(view.drafted?.internal).toBe((await internalDraft()).narrative?.text);
    expect(view.drafted?.client).toBe((await clientDraft()).narrative?.text);
    expect(view.drafted?.clientLines.length).toBeGreaterThan(0);
  });
});

describe('the PM’s texts, from the draft to the published report', () => {
  it('applies the narratives, client wording and hidden lines to every reader, and a published report keeps them', async () => {
    const before = await clientDraft();
    const lines = issueLines(before);
    const [hide, reword] = [lines[0], lines.find((l) => l.key !== lines[0]?.key)];
    if (!hide || !reword) throw new Error('the demo shows the client at least two issues');
    const view = await draftView();
    expect(view.drafted?.clientLines.map((l) => l.id)).toEqual(expect.arrayContaining([`issue:${hide.key}`, `issue:${reword.key}`]));

    const saved = await pm('report/draft-save', {
      draft: {
        override: null,
        narrative: {
          internal: 'Team: the release is tight.',
          client: 'We are on course for the launch.\n\nThank you for the quick answers.',
        },
        clientWording: { [`issue:${reword.key}`]: 'A clearer name for the client' },
        hiddenLines: [`issue:${hide.key}`],
      },
      revision: view.revision,
    });
    expect(saved.error).toBeUndefined();
    expect(reportDraftViewSchema.parse(saved.data).draft.hiddenLines).toEqual([`issue:${hide.key}`]);

    const client = await clientDraft();
    expect(issueLines(client).map((l) => l.key)).not.toContain(hide.key);
    expect(issueLines(client).find((l) => l.key === reword.key)?.summary).toBe('A clearer name for the client');
    expect(client.narrative).toEqual({
      source: 'pm',
      text: 'We are on course for the launch.\n\nThank you for the quick answers.',
      sentences: [],
    });
    const internal = await internalDraft();
    expect(internal.narrative?.text).toBe('Team: the release is tight.');
    // The team's version keeps every line as Jira has it.
    expect(JSON.stringify(internal.sections)).toContain(reword.summary);

    const head = publishedReportHeadSchema.parse((await pm('report/publish', { draftRevision: internal.draftRevision })).data);
    const published = async () => {
      const got = (await pm('report/get', { id: head.id, audience: 'client', lang: 'en' })).data as { report: unknown };
      const markdown = (await pm('report/export', { id: head.id, audience: 'client', lang: 'en', format: 'markdown' })).data as {
        text: string;
      };
      const html = (await pm('report/export', { id: head.id, audience: 'client', lang: 'en', format: 'html' })).data as { text: string };
      const email = (await pm('report/email', { id: head.id, lang: 'en' })).data as { text: string };
      const mail = await simpleParser(email.text);
      const team = (await pm('report/export', { id: head.id, audience: 'internal', lang: 'en', format: 'markdown' })).data as {
        text: string;
      };
      return {
        report: clientStatusReportSchema.parse(got.report),
        markdown: markdown.text,
        html: html.text,
        mail: `${mail.text ?? ''}${String(mail.html)}`,
        team: team.text,
      };
    };
    const first = await published();
    expect(first.report.narrative?.text).toBe('We are on course for the launch.\n\nThank you for the quick answers.');
    for (const [name, text] of Object.entries({ markdown: first.markdown, html: first.html, mail: first.mail })) {
      expect(text, name).toContain('We are on course for the launch.');
      expect(text, name).toContain('A clearer name for the client');
      expect(text, name).not.toMatch(new RegExp(`\\b${hide.key}\\b`, 'u'));
    }
    expect(first.team).toContain('Team: the release is tight.');

    // The client's status page: a report link reads the report as published, the PM's narrative
    // included; a live link reads the published wording and hidden lines, and the app's own narrative.
    for (const scope of [{ kind: 'live' }, { kind: 'report', reportId: head.id }]) {
      const link = (await pm('share/create', { scope, lang: 'en', label: 'Client', expiresInDays: 30 })).data as { url: string };
      const page = await (await fetch(link.url)).text();
      expect(page, scope.kind).toContain('A clearer name for the client');
      expect(page, scope.kind).not.toContain(escapeHtml(reword.summary));
      expect(page, scope.kind).not.toContain(escapeHtml(hide.summary));
      if (scope.kind === 'report') {
        expect(page).toContain('<p class="narrative">We are on course for the launch.</p>');
        expect(page).toContain('<p class="narrative">Thank you for the quick answers.</p>');
      } else expect(page).not.toContain('We are on course for the launch.');
    }

    // Publishing starts the next draft: no narrative or override of last week; wording and hidden lines stay.
    const started = await draftView();
    expect(started.draft.narrative).toBeUndefined();
    expect(started.draft.override).toBeNull();
    expect(started.draft.hiddenLines).toEqual([`issue:${hide.key}`]);
    expect(started.draft.clientWording).toEqual({ [`issue:${reword.key}`]: 'A clearer name for the client' });

    // The draft moves on: other texts, nothing hidden, a refresh. The published report does not change.
    const next = await draftView();
    expect(
      (
        await pm('report/draft-save', {
          draft: { override: null, narrative: { internal: 'Changed', client: 'Changed' } },
          revision: next.revision,
        })
      ).error,
    ).toBeUndefined();
    expect((await pm('project/refresh', {})).ok).toBe(true);
    expect((await clientDraft()).narrative?.text).toBe('Changed');
    expect(issueLines(await clientDraft()).map((l) => l.key)).toContain(hide.key);
    expect(await published()).toEqual(first);
  });

  it('keeps the draft’s unpublished edits off the live status page: only hiding applies at once', async () => {
    const before = await clientDraft();
    const lines = issueLines(before);
    const [hide, reword] = [lines[0], lines.find((l) => l.key !== lines[0]?.key)];
    if (!hide || !reword) throw new Error('the demo shows the client at least two issues');
    const link = (await pm('share/create', { scope: { kind: 'live' }, lang: 'en', label: 'Client', expiresInDays: 30 })).data as {
      url: string;
    };
    const computed = (await internalDraft()).overall.computed;
    const other = computed === 'red' ? 'green' : 'red';
    const view = await draftView();
    const saved = await pm('report/draft-save', {
      draft: {
        override: { rag: other, reason: 'Not reviewed yet' },
        narrative: { internal: null, client: 'UNREVIEWED WORDS for the client' },
        clientWording: { [`issue:${reword.key}`]: 'Unreviewed wording' },
        hiddenLines: [`issue:${hide.key}`],
      },
      revision: view.revision,
    });
    expect(saved.error).toBeUndefined();
    // The draft preview shows the edits…
    expect((await clientDraft()).overall.reported).toBe(other);
    // …the live page does not, except the hidden line.
    const page = await (await fetch(link.url)).text();
    expect(page).not.toContain('UNREVIEWED');
    expect(page).not.toContain('Unreviewed wording');
    expect(page).toContain(escapeHtml(reword.summary));
    expect(page).not.toContain(escapeHtml(hide.summary));
    const json = (await (await fetch(`${link.url}?format=json`)).json()) as { health?: { status: string } };
    expect(json.health?.status).toBe(computed);
  });

  it('resets a narrative to the drafted one when the PM saves null', async () => {
    const view = await draftView();
    await pm('report/draft-save', { draft: { override: null, narrative: { internal: 'Ours', client: null } }, revision: view.revision });
    expect((await internalDraft()).narrative?.source).toBe('pm');
    const again = await draftView();
    await pm('report/draft-save', { draft: { ...again.draft, narrative: { internal: null, client: null } }, revision: again.revision });
    const internal = await internalDraft();
    expect(internal.narrative?.source).toBe('drafted');
    expect(internal.narrative?.text).toBe(again.drafted?.internal);
  });

  it('lets the viewer read the draft but not save it; the outsider gets nothing; a refusal stores nothing', async () => {
    const view = await draftView('viewer');
    expect(view.canEdit).toBe(false);
    const before = await storedDraft();
    const draft = { override: null, hiddenLines: ['issue:ACME-1'] };
    expect((await as('viewer')('report/draft-save', { draft, revision: view.revision })).error?.code).toBe('FORBIDDEN');
    expect((await as('outsider')('report/draft-save', { draft, revision: view.revision })).error?.code).toBe('FORBIDDEN');
    expect((await as('outsider')('report/draft-get', {})).error?.code).toBe('FORBIDDEN');
    expect(await storedDraft()).toBe(before);
  });
});

describe('the PM’s texts per language', () => {
  it('reads each language’s text in that language only; a language without one reads the drafted narrative and Jira’s text', async () => {
    const lines = issueLines(await clientDraft());
    const line = lines[0];
    if (!line) throw new Error('the demo shows the client an issue');
    const view = await draftView();
    expect(view.drafted?.byLanguage.en.client).toBe(view.drafted?.client);
    expect(view.drafted?.byLanguage['zh-CN'].client).toBe((await clientDraft('zh-CN')).narrative?.text);
    const drafted = { en: (await clientDraft('en')).narrative?.text, zh: (await clientDraft('zh-CN')).narrative?.text };
    const saved = await pm('report/draft-save', {
      draft: {
        override: null,
        narrative: { internal: { 'zh-CN': '团队：发布时间紧。' }, client: { en: 'On course.\n- one\n- two', 'zh-CN': null } },
        clientWording: { [`issue:${line.key}`]: { en: 'English words' } },
      },
      revision: view.revision,
    });
    expect(saved.error).toBeUndefined();

    const en = await clientDraft('en');
    expect(en.narrative).toEqual({ source: 'pm', text: 'On course.\n- one\n- two', sentences: [] });
    expect(issueLines(en).find((l) => l.key === line.key)?.summary).toBe('English words');
    const zh = await clientDraft('zh-CN');
    expect(zh.narrative?.source).toBe('drafted');
    expect(zh.narrative?.text).toBe(drafted.zh);
    expect(issueLines(zh).find((l) => l.key === line.key)?.summary).toBe(line.summary);
    expect(JSON.stringify(zh)).not.toMatch(/On course|English words/u);
    expect((await internalDraft('zh-CN')).narrative?.text).toBe('团队：发布时间紧。');
    expect((await internalDraft('en')).narrative?.source).toBe('drafted');

    // Published, the Chinese e-mail and export read the drafted Chinese narrative, never the English text.
    const head = publishedReportHeadSchema.parse((await pm('report/publish', { draftRevision: en.draftRevision })).data);
    const zhMail = (await pm('report/email', { id: head.id, lang: 'zh-CN' })).data as { parts: { text: string; html: string } };
    expect(`${zhMail.parts.text}${zhMail.parts.html}`).not.toMatch(/On course|English words/u);
    const enMail = (await pm('report/email', { id: head.id, lang: 'en' })).data as { parts: { text: string } };
    expect(enMail.parts.text).toContain('On course.\n- one\n- two');
    expect(drafted.en).not.toBe('');
  });

  it('writes the e-mail’s text part as plain text: the PM’s words read exactly as written', async () => {
    const view = await draftView();
    const words = 'R&D <team> *bold* [x]';
    await pm('report/draft-save', {
      draft: { override: null, narrative: { internal: null, client: { en: `${words}\nsecond line` } } },
      revision: view.revision,
    });
    const { draftRevision } = await clientDraft();
    const head = publishedReportHeadSchema.parse((await pm('report/publish', { draftRevision })).data);
    const email = (await pm('report/email', { id: head.id, lang: 'en' })).data as { text: string; parts: { text: string; html: string } };
    expect(email.parts.text).toContain(`${words}\nsecond line`);
    const mail = await simpleParser(email.text);
    expect(mail.text).toContain(`${words}\nsecond line`);
    expect(mail.text).not.toContain('&amp;');
    expect(mail.html).toContain('R&amp;D &lt;team&gt; *bold* [x]<br />second line');
    const markdown = (await pm('report/export', { id: head.id, audience: 'client', lang: 'en', format: 'markdown' })).data as {
      text: string;
    };
    expect(markdown.text).toContain('R&D &lt;team> \\*bold\\* \\[x\\]\\\nsecond line');
  });
});

describe('hostile payloads to report/draft-save', () => {
  it('answers only typed errors, and a refusal changes nothing', async () => {
    const valid = {
      // A stale revision: the valid payload itself changes nothing, so every variant is checked the same way.
      draft: {
        override: { rag: 'amber', reason: 'Agreed' },
        narrative: { internal: 'Team', client: { en: 'Client', 'zh-CN': null } },
        clientWording: { 'issue:ACME-1': 'Sign-in', 'issue:ACME-2': { 'zh-CN': '支付' } },
        hiddenLines: ['milestone:10000'],
      },
      revision: 99,
    };
    const hostile = hostileValues([
      'issue:',
      'issue:ACME-1',
      'x'.repeat(6_001),
      '\u202E',
      ['issue:A-1', 'issue:A-1'],
      { fr: 'Bonjour' },
      { en: null, 'zh-CN': null },
      { en: 'x'.repeat(6_001) },
    ]);
    const typed = new Set<string>(ERROR_CODES.filter((c) => c !== 'INTERNAL'));
    await fc.assert(
      fc.asyncProperty(hostilePayloads(valid, hostile, ['projectKey', 'draft', 'revision']), async (payload) => {
        const before = await storedDraft();
        const answer = await pm('report/draft-save', payload);
        if (answer.ok) {
          expect(resolverContract['report/draft-save'].payload.safeParse(payload || {}).success).toBe(true);
          return;
        }
        expect(typed.has(answer.error?.code ?? 'none'), JSON.stringify(answer.error)).toBe(true);
        expect(await storedDraft()).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});
