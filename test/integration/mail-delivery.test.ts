/**
 * The mail path on the local runtime: the app's Postmark sender, inside an app invocation,
 * through the manifest's egress, to the relay, over real SMTP to the local inbox; and the
 * `.eml` file the PM opens in their own mail client, read back with a mail parser.
 */
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_POSTMARK_TOKEN } from '../../local/mail/postmark-relay';
import { LOCAL_REJECTED_DOMAIN } from '../../local/mail/smtp-inbox';
import type { LocalApp } from '../../local/runtime/create-local-app';
import { runAsPrincipal } from '../../local/runtime/invocation-principal';
import { composeEml } from '../../src/adapters/mail/compose-eml';
import { createPostmarkMailSender } from '../../src/adapters/mail/postmark-mail-sender';
import type { OutgoingMail } from '../../src/application/delivery/mail-sender';
import { startLocalApp } from '../support/local-app';

let app: LocalApp;
beforeAll(async () => {
  app = await startLocalApp({ datasets: [] });
});
afterAll(async () => {
  await app.close();
});
beforeEach(() => {
  app.mail.clear();
});

/** As the app's function runs on Forge: inside an invocation, with the runtime's global fetch. */
const inInvocation = <T>(run: () => Promise<T>): Promise<T> => runAsPrincipal({}, run);
const sender = (serverToken = LOCAL_POSTMARK_TOKEN) => createPostmarkMailSender({ serverToken, fetch: (url, init) => fetch(url, init) });

const report = (to: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  from: { address: 'pm@acme.example', name: 'Avery "PM" Lee' },
  to: { address: to, name: '王芳' },
  subject: '状态报告 ACME — 第 48 周',
  html: '<h1>状态报告</h1><p>进度：<strong>按计划</strong></p>',
  text: '状态报告\n进度：按计划',
  lang: 'zh-CN',
  reference: 'report-7/stakeholder-2',
  ...overrides,
});

describe('sending through the mail provider', () => {
  it('delivers over SMTP what the app sent, both parts, in the recipient language', async () => {
    const outcome = await inInvocation(() => sender().send(report('wang.fang@client.example')));

    expect(outcome.kind).toBe('sent');
    const [received] = app.mail.list();
    expect(app.mail.list()).toHaveLength(1);
    expect(received?.envelope.to).toEqual(['wang.fang@client.example']);
    expect(received?.subject).toBe('状态报告 ACME — 第 48 周');
    expect(received?.from).toBe('"Avery \\"PM\\" Lee" <pm@acme.example>');
    expect(received?.language).toBe('zh-CN');
    expect(received?.text.trim()).toBe('状态报告\n进度：按计划');
    expect(received?.html).toContain('<strong>按计划</strong>');
  });

  it('reports a refused mailbox as rejected and delivers nothing for it', async () => {
    const outcome = await inInvocation(() => sender().send(report(`nobody@${LOCAL_REJECTED_DOMAIN}`)));

    expect(outcome).toMatchObject({ kind: 'rejected' });
    expect(outcome.kind === 'rejected' && outcome.reason).toMatch(/inactive/u);
    expect(app.mail.list()).toHaveLength(0);
  });

  it('reports a wrong API key as a settings problem, not as a failed recipient', async () => {
    const outcome = await inInvocation(() => sender('not-the-token').send(report('wang.fang@client.example')));

    expect(outcome.kind).toBe('unauthorized');
    expect(app.mail.list()).toHaveLength(0);
  });

  it('refuses an origin the manifest does not declare, as Forge egress does: a 403, and nothing sent', async () => {
    const response = await inInvocation(() => fetch('https://api.sendgrid.com/v3/mail/send', { method: 'POST', body: '{}' }));

    expect(response.status).toBe(403);
    expect(await response.text()).toMatch(/permissions\.external\.fetch\.backend/u);
  });

  it('keeps a header out of a subject or name that carries a line break', async () => {
    const outcome = await inInvocation(() =>
      sender().send(
        report('wang.fang@client.example', {
          subject: 'Weekly\r\nBcc: spy@evil.example',
          to: { address: 'wang.fang@client.example', name: 'W\r\nBcc: spy@evil.example' },
        }),
      ),
    );

    expect(outcome.kind).toBe('sent');
    const [received] = app.mail.list();
    expect(received?.envelope.to).toEqual(['wang.fang@client.example']);
    const parsed = await simpleParser(received?.raw ?? '');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
  });
});

describe('the .eml file for the PM mail client', () => {
  it('parses back with both parts, the recipients, the language and the unsent flag', async () => {
    const eml = await composeEml({
      to: [{ address: 'wang.fang@client.example', name: '王芳' }, { address: 'li.lei@client.example' }],
      subject: '状态报告 ACME',
      html: '<p>进度：<strong>按计划</strong></p>',
      text: '进度：按计划',
      lang: 'zh-CN',
      date: new Date('2026-12-04T15:00:00Z'),
    });

    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('状态报告 ACME');
    expect(parsed.text?.trim()).toBe('进度：按计划');
    expect(parsed.html).toContain('<strong>按计划</strong>');
    const to = Array.isArray(parsed.to) ? parsed.to.flatMap((a) => a.value) : (parsed.to?.value ?? []);
    expect(to.map((a) => a.address)).toEqual(['wang.fang@client.example', 'li.lei@client.example']);
    expect(to[0]?.name).toBe('王芳');
    expect(parsed.headers.get('content-language')).toBe('zh-CN');
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.date?.toISOString()).toBe('2026-12-04T15:00:00.000Z');
    expect(eml).toMatch(/Content-Type: multipart\/alternative/u);
  });

  it('never reads a file or a URL named in the content', async () => {
    const eml = await composeEml({
      to: [{ address: 'a@client.example' }],
      subject: 'x',
      html: '<img src="file:///etc/passwd"><img src="http://169.254.169.254/latest/meta-data/">',
      text: 'file:///etc/passwd',
      lang: 'en',
      date: new Date('2026-12-04T15:00:00Z'),
    });

    const parsed = await simpleParser(eml);
    expect(parsed.attachments).toHaveLength(0);
    expect(eml).not.toContain('root:');
  });
});
