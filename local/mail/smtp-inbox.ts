/**
 * A real SMTP server the local runtime starts (smtp-server), keeping every message it accepts
 * so the host's Mail page shows exactly what a client would receive. Loopback only, no auth,
 * no TLS: it is the last hop of the local mail relay, never an open relay.
 *
 * Recipients whose domain is in `rejectDomains` are refused at RCPT TO with 550, as a mailbox
 * that does not exist is: the way tests and the PM see a failing recipient.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** The domain the local inbox refuses: `someone@bounce.invalid` always fails. */
export const LOCAL_REJECTED_DOMAIN = 'bounce.invalid';
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** The inbox keeps the newest messages only, so a long session never grows without bound. */
const KEPT_MESSAGES = 500;

export interface ReceivedMail {
  id: string;
  receivedAt: string;
  envelope: { from: string; to: string[] };
  from: string;
  to: string;
  subject: string;
  language: string | null;
  text: string;
  html: string | null;
  /** The message as it came over the wire. */
  raw: string;
}

export interface SmtpInboxOptions {
  rejectDomains?: readonly string[];
  now?: () => Date;
}

export class SmtpInbox {
  private readonly server: SMTPServer;
  private readonly messages: ReceivedMail[] = [];
  private sequence = 0;
  private readonly rejectDomains: Set<string>;
  private readonly now: () => Date;

  constructor(options: SmtpInboxOptions = {}) {
    this.rejectDomains = new Set((options.rejectDomains ?? [LOCAL_REJECTED_DOMAIN]).map((d) => d.toLowerCase()));
    this.now = options.now ?? (() => new Date());
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: MAX_MESSAGE_BYTES,
      logger: false,
      banner: 'Client Follow-up local inbox',
      onRcptTo: (address, _session, callback) => {
        const domain = address.address.split('@').pop()?.toLowerCase() ?? '';
        if (this.rejectDomains.has(domain)) {
          const refusal = Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 });
          callback(refusal);
          return;
        }
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (stream.sizeExceeded) {
            callback(Object.assign(new Error('5.3.4 Message too big'), { responseCode: 552 }));
            return;
          }
          const raw = Buffer.concat(chunks);
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          this.keep(raw, envelope).then(
            () => callback(),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
        });
      },
    });
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return this.port;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  /** Newest first. */
  list(): readonly ReceivedMail[] {
    return [...this.messages].reverse();
  }

  get(id: string): ReceivedMail | undefined {
    return this.messages.find((m) => m.id === id);
  }

  clear(): void {
    this.messages.length = 0;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async keep(raw: Buffer, envelope: ReceivedMail['envelope']): Promise<void> {
    const parsed = await simpleParser(raw, { skipImageLinks: true });
    this.sequence += 1;
    const language = parsed.headers.get('content-language');
    this.messages.push({
      id: `m${String(this.sequence)}`,
      receivedAt: this.now().toISOString(),
      envelope,
      from: parsed.from?.text ?? '',
      to: Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? ''),
      subject: parsed.subject ?? '',
      language: typeof language === 'string' ? language : null,
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : null,
      raw: raw.toString('utf8'),
    });
    if (this.messages.length > KEPT_MESSAGES) this.messages.splice(0, this.messages.length - KEPT_MESSAGES);
  }
}
