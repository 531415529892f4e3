/**
 * A published report as an e-mail for the PM's own mail client (DESIGN.md §6 "E-mail", way 1):
 * the audience's version in one language, HTML with the text beside it, addressed to the
 * stakeholders of that audience who receive reports in that language.
 */
import type { StakeholderJson } from '../../../contract/comms';
import { REPORTS_MESSAGES } from '../../../contract/i18n/reports-messages';
import { translator } from '../../../contract/i18n/strings';
import type { Language } from '../../../contract/language';
import type { PublishedReportHead } from '../../../contract/reports';
import type { MailAddress } from '../delivery/mail-sender';

/** Composes the `.eml` text (the mail adapter's `composeEml`). */
export type EmlComposer = (draft: {
  to: readonly MailAddress[];
  subject: string;
  html: string;
  text: string;
  lang: string;
  date: Date;
}) => Promise<string>;

/** Who receives the report in `lang`: the audience's side, with an e-mail address, reports on. */
export function reportRecipients(stakeholders: readonly StakeholderJson[], audience: 'internal' | 'client', lang: Language): MailAddress[] {
  return stakeholders
    .filter((s) => s.receivesReports && s.side === audience && s.language === lang && s.email !== null && s.email !== '')
    .map((s) => ({ name: s.name, address: s.email ?? '' }));
}

export async function toReportEmail(
  compose: EmlComposer,
  input: {
    head: PublishedReportHead;
    project: { key: string; name: string };
    audience: 'internal' | 'client';
    lang: Language;
    html: string;
    text: string;
    stakeholders: readonly StakeholderJson[];
    now: Date;
    /** A subject of the report's own (the closing report's); else the status report's. */
    subject?: string;
  },
): Promise<{
  filename: string;
  text: string;
  recipients: { name: string; email: string }[];
  parts: { subject: string; html: string; text: string };
}> {
  const t = translator(input.lang, REPORTS_MESSAGES);
  const to = reportRecipients(input.stakeholders, input.audience, input.lang);
  const subject = input.subject ?? t('reports.email.subject', { project: input.project.name, version: String(input.head.version) });
  const eml = await compose({
    to,
    subject,
    html: input.html,
    text: input.text,
    lang: input.lang,
    date: input.now,
  });
  return {
    filename: `${input.project.key}-status-report-v${String(input.head.version)}-${input.audience}-${input.lang}.eml`,
    text: eml,
    recipients: to.map((r) => ({ name: r.name ?? '', email: r.address })),
    // The same parts, for "Copy as e-mail" (the clipboard takes text/html and text/plain).
    parts: { subject, html: input.html, text: input.text },
  };
}
