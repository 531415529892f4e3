import { describe, expect, it } from 'vitest';
import { createPostmarkMailSender, formatAddress } from './postmark-mail-sender';
import type { OutgoingMail } from '../../application/delivery/mail-sender';

const mail: OutgoingMail = {
  from: { address: 'pm@acme.example' },
  to: { address: 'client@example.com' },
  subject: 'Status',
  html: '<p>ok</p>',
  text: 'ok',
  lang: 'en',
  reference: 'r1',
};

function senderAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  const calls: { url: string; headers: Record<string, string>; body: unknown }[] = [];
  const sender = createPostmarkMailSender({
    serverToken: 'T',
    fetch: (url, init) => {
      calls.push({ url, headers: init.headers, body: JSON.parse(init.body) as unknown });
      return Promise.resolve(new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }));
    },
  });
  return { sender, calls };
}

describe('Postmark answers as outcomes', () => {
  it.each([
    [200, { ErrorCode: 0, Message: 'OK', MessageID: 'm-1' }, { kind: 'sent', providerMessageId: 'm-1' }],
    [401, { ErrorCode: 10, Message: 'Bad token' }, { kind: 'unauthorized' }],
    [422, { ErrorCode: 10, Message: 'Bad or missing API token' }, { kind: 'unauthorized' }],
    [422, { ErrorCode: 400, Message: 'Sender signature not found' }, { kind: 'unauthorized' }],
    [422, { ErrorCode: 406, Message: 'Inactive recipient' }, { kind: 'rejected', reason: 'Inactive recipient' }],
    [422, { ErrorCode: 300, Message: 'Invalid email request' }, { kind: 'rejected', reason: 'Invalid email request' }],
    [429, { ErrorCode: 429, Message: 'Rate limit' }, { kind: 'unavailable' }],
    [500, 'oops', { kind: 'unavailable' }],
    [503, '', { kind: 'unavailable' }],
    [200, '<html>proxy page</html>', { kind: 'unavailable' }],
    [200, { ErrorCode: 0, Message: 'OK' }, { kind: 'unavailable' }],
  ])('HTTP %i %j → %j', async (status, body, expected) => {
    const { sender } = senderAnswering(status, body);
    expect(await sender.send(mail)).toMatchObject(expected);
  });

  it('takes the wait from Retry-After', async () => {
    const { sender } = senderAnswering(429, { ErrorCode: 429, Message: 'slow down' }, { 'retry-after': '30' });
    expect(await sender.send(mail)).toEqual({ kind: 'unavailable', reason: 'The mail provider answered 429.', retryAfterSeconds: 30 });
  });

  it('reports a network failure as unavailable', async () => {
    const sender = createPostmarkMailSender({ serverToken: 'T', fetch: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await sender.send(mail)).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining('fetch failed') as unknown });
  });

  it('sends one message with the token, both parts, the language and the reference', async () => {
    const { sender, calls } = senderAnswering(200, { ErrorCode: 0, Message: 'OK', MessageID: 'm-1' });
    await sender.send(mail);
    expect(calls).toEqual([
      {
        url: 'https://api.postmarkapp.com/email',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Postmark-Server-Token': 'T' },
        body: {
          From: 'pm@acme.example',
          To: 'client@example.com',
          Subject: 'Status',
          HtmlBody: '<p>ok</p>',
          TextBody: 'ok',
          Headers: [{ Name: 'Content-Language', Value: 'en' }],
          Metadata: { reference: 'r1' },
          MessageStream: 'outbound',
        },
      },
    ]);
  });
});

describe('formatAddress', () => {
  it.each([
    [{ address: 'a@b.example' }, 'a@b.example'],
    [{ address: 'a@b.example', name: 'Ann' }, '"Ann" <a@b.example>'],
    [{ address: 'a@b.example', name: 'Lee, "Ann" \\ Co' }, '"Lee, \\"Ann\\" \\\\ Co" <a@b.example>'],
    [{ address: 'a@b.example', name: 'Ann\r\nBcc: x@evil.example' }, '"Ann Bcc: x@evil.example" <a@b.example>'],
  ])('%j → %s', (input, expected) => {
    expect(formatAddress(input)).toBe(expected);
  });
});
