/**
 * Sending one e-mail through the HTTPS mail provider the admin configured (DESIGN.md §6
 * "E-mail": Forge opens no SMTP connection). One message per recipient, so each recipient's
 * result is known and a retry can address only those not yet delivered.
 */

export interface MailAddress {
  address: string;
  name?: string;
}

export interface OutgoingMail {
  from: MailAddress;
  to: MailAddress;
  replyTo?: MailAddress;
  subject: string;
  /** The same content twice: HTML for mail clients that show it, plain text for the rest. */
  html: string;
  text: string;
  /** BCP 47 language of the content (`Content-Language`). */
  lang: string;
  /** Ties the message to its delivery record (provider metadata), for support and audits. */
  reference: string;
}

/**
 * What became of one message:
 * - `sent`: the provider accepted it;
 * - `rejected`: the provider refused this recipient or this message for good (a retry would
 *   fail the same way): fix the address or the content;
 * - `unauthorized`: the provider refused the API key or the sender: the admin must fix the
 *   mail settings; nothing else will go through either;
 * - `unavailable`: the provider could not be reached or asked to slow down: retry later.
 */
export type SendOutcome =
  | { kind: 'sent'; providerMessageId: string }
  | { kind: 'rejected'; reason: string }
  | { kind: 'unauthorized'; reason: string }
  | { kind: 'unavailable'; reason: string; retryAfterSeconds?: number };

export interface MailSender {
  send(mail: OutgoingMail): Promise<SendOutcome>;
}
