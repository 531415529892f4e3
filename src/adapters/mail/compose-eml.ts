/**
 * An `.eml` file (RFC 5322, MIME multipart/alternative: text then HTML, UTF-8) the PM opens
 * in their own mail client and sends from there (DESIGN.md §6 "E-mail", way 1). Composed with
 * nodemailer's MailComposer; files and URLs are never read, so content cannot pull anything in.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import { formatAddress } from './postmark-mail-sender';
import type { MailAddress } from '../../application/delivery/mail-sender';

export interface EmlDraft {
  from?: MailAddress;
  to: readonly MailAddress[];
  subject: string;
  html: string;
  text: string;
  lang: string;
  date: Date;
}

export async function composeEml(draft: EmlDraft): Promise<string> {
  const composer = new MailComposer({
    ...(draft.from ? { from: formatAddress(draft.from) } : {}),
    to: draft.to.map(formatAddress),
    subject: draft.subject,
    text: draft.text,
    html: draft.html,
    date: draft.date,
    headers: {
      'Content-Language': draft.lang,
      // Opens as a draft to send in Outlook and Thunderbird rather than as a received message.
      'X-Unsent': '1',
    },
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const message = await composer.compile().build();
  return message.toString('utf8');
}
