/**
 * The local stand-in for the mail provider's HTTPS API: the subset of Postmark's
 * `POST /email` the app uses, answered the way Postmark answers, and delivered for real
 * through SMTP (nodemailer) to the local inbox. The app's request is the one it sends on
 * Forge; only the host differs, and the local runtime routes that host here.
 */
import nodemailer from 'nodemailer';
import { z } from 'zod';

/** The server token the relay accepts; enter it as the API key in the app's mail settings. */
export const LOCAL_POSTMARK_TOKEN = 'local-postmark-token';

const address = z.string().min(3).max(2_000);
const emailBodySchema = z.looseObject({
  From: address,
  To: address,
  Cc: address.optional(),
  Bcc: address.optional(),
  ReplyTo: address.optional(),
  Subject: z.string().max(2_000),
  HtmlBody: z.string().optional(),
  TextBody: z.string().optional(),
  Headers: z.array(z.object({ Name: z.string().min(1), Value: z.string() })).optional(),
  Metadata: z.record(z.string(), z.string()).optional(),
  MessageStream: z.string().optional(),
});

function answer(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

interface SmtpFailure {
  responseCode?: number;
  response?: string;
  rejected?: unknown[];
  message?: string;
}

export interface PostmarkRelayOptions {
  smtpPort: number;
  token?: string;
  now?: () => Date;
}

/** A fetch handler for `https://api.postmarkapp.com/*`. */
export function createPostmarkRelay(options: PostmarkRelayOptions): (request: Request) => Promise<Response> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: options.smtpPort, secure: false, ignoreTLS: true });
  const token = options.token ?? LOCAL_POSTMARK_TOKEN;
  const now = options.now ?? (() => new Date());

  return async (request) => {
    const url = new URL(request.url);
    if (request.method !== 'POST' || url.pathname !== '/email') return answer(404, { ErrorCode: 404, Message: 'Not found' });
    if (request.headers.get('x-postmark-server-token') !== token) {
      return answer(401, { ErrorCode: 10, Message: 'Request does not contain a valid Server token.' });
    }
    const json: unknown = await request.json().catch(() => undefined);
    if (json === undefined) return answer(422, { ErrorCode: 402, Message: 'Received invalid JSON input.' });
    const parsed = emailBodySchema.safeParse(json);
    if (!parsed.success)
      return answer(422, { ErrorCode: 300, Message: `Invalid email request: ${parsed.error.issues[0]?.path.join('.') ?? ''}` });
    const mail = parsed.data;
    if (!mail.HtmlBody && !mail.TextBody)
      return answer(422, { ErrorCode: 300, Message: 'Provide either email TextBody or HtmlBody or both.' });
    try {
      const info = await transport.sendMail({
        from: mail.From,
        to: mail.To,
        ...(mail.Cc ? { cc: mail.Cc } : {}),
        ...(mail.Bcc ? { bcc: mail.Bcc } : {}),
        ...(mail.ReplyTo ? { replyTo: mail.ReplyTo } : {}),
        subject: mail.Subject,
        ...(mail.TextBody ? { text: mail.TextBody } : {}),
        ...(mail.HtmlBody ? { html: mail.HtmlBody } : {}),
        headers: Object.fromEntries((mail.Headers ?? []).map((h) => [h.Name, h.Value])),
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return answer(200, { To: mail.To, SubmittedAt: now().toISOString(), MessageID: info.messageId, ErrorCode: 0, Message: 'OK' });
    } catch (error) {
      const failure = error as SmtpFailure;
      if (failure.responseCode !== undefined && failure.responseCode >= 500 && failure.responseCode < 600) {
        // A refused mailbox is what Postmark reports as an inactive recipient.
        return answer(422, {
          ErrorCode: 406,
          Message: `You tried to send to recipient(s) that have been marked as inactive. Found inactive addresses: ${mail.To}. (${failure.response ?? ''})`,
        });
      }
      return answer(500, { ErrorCode: 500, Message: failure.message ?? 'Internal server error' });
    }
  };
}
