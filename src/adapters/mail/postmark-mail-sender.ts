/**
 * The mail provider: Postmark's single-message API (`POST https://api.postmarkapp.com/email`,
 * server token in `X-Postmark-Server-Token`). Its host is declared under the manifest's
 * `permissions.external.fetch.backend`; the token is a KVS secret the admin enters.
 *
 * Every answer maps to a `SendOutcome`, so a caller never has to read an HTTP status:
 * 200 with ErrorCode 0 is sent; 401, ErrorCode 10 and sender-signature codes (400, 401, 405,
 * 412, 413) mean the admin must fix the provider settings; 406 (inactive recipient) and 300
 * (invalid request) refuse this message for good; 429, 5xx and network failures are retryable.
 */
import { z } from 'zod';
import type { MailAddress, MailSender, OutgoingMail, SendOutcome } from '../../application/delivery/mail-sender';

export const POSTMARK_API_ORIGIN = 'https://api.postmarkapp.com';

const postmarkAnswerSchema = z.looseObject({
  ErrorCode: z.number().int(),
  Message: z.string().default(''),
  MessageID: z.string().optional(),
});

/** Account-level refusals: no message goes through until the admin acts. */
const ACCOUNT_ERROR_CODES = new Set([10, 400, 401, 405, 412, 413]);

type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body: string }) => Promise<Response>;

/** `Name <address>` with the name quoted, as RFC 5322 wants when it holds specials or non-ASCII. */
export function formatAddress({ name, address }: MailAddress): string {
  if (!name) return address;
  const escaped = name.replace(/[\\"]/gu, (c) => `\\${c}`).replace(/[\r\n]+/gu, ' ');
  return `"${escaped}" <${address}>`;
}

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

export function createPostmarkMailSender(options: { serverToken: string; messageStream?: string; fetch: FetchLike }): MailSender {
  return {
    async send(mail: OutgoingMail): Promise<SendOutcome> {
      const body = {
        From: formatAddress(mail.from),
        To: formatAddress(mail.to),
        ...(mail.replyTo ? { ReplyTo: formatAddress(mail.replyTo) } : {}),
        Subject: mail.subject,
        HtmlBody: mail.html,
        TextBody: mail.text,
        Headers: [{ Name: 'Content-Language', Value: mail.lang }],
        Metadata: { reference: mail.reference },
        MessageStream: options.messageStream ?? 'outbound',
      };
      let response: Response;
      try {
        response = await options.fetch(`${POSTMARK_API_ORIGIN}/email`, {
          method: 'POST',
          headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Postmark-Server-Token': options.serverToken },
          body: JSON.stringify(body),
        });
      } catch (error) {
        return {
          kind: 'unavailable',
          reason: `The mail provider could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
      if (response.status === 401) return { kind: 'unauthorized', reason: 'The mail provider refused the API token.' };
      if (response.status === 429 || response.status >= 500) {
        const after = retryAfter(response);
        return {
          kind: 'unavailable',
          reason: `The mail provider answered ${String(response.status)}.`,
          ...(after ? { retryAfterSeconds: after } : {}),
        };
      }
      const answer = postmarkAnswerSchema.safeParse(await response.json().catch(() => null));
      if (!answer.success)
        return { kind: 'unavailable', reason: `The mail provider gave an unreadable answer (${String(response.status)}).` };
      const { ErrorCode: code, Message: message, MessageID: id } = answer.data;
      if (response.ok && code === 0) {
        return id
          ? { kind: 'sent', providerMessageId: id }
          : { kind: 'unavailable', reason: 'The mail provider accepted the message without an id.' };
      }
      if (code === 429) return { kind: 'unavailable', reason: message };
      if (ACCOUNT_ERROR_CODES.has(code)) return { kind: 'unauthorized', reason: message };
      return { kind: 'rejected', reason: message || `The mail provider refused the message (${String(code)}).` };
    },
  };
}
