/**
 * Sending a published report to the stakeholders who receive reports, through the project's
 * mail provider (issue 11): each their side's version in their language, one message each.
 *
 * Never twice: each recipient's delivery record is claimed (a revisioned write that only one
 * request wins) before the provider is called, as `unknown`; the answer then makes it `sent`,
 * `rejected` or `failed`. A retry sends only to `failed` and `rejected` recipients. A record left
 * `unknown` (the attempt stopped before the answer was recorded) is not sent again: it may have
 * gone out, and the PM is told to check — a duplicate to a client is worse than asking.
 */
import { createHash } from 'node:crypto';
import type { StakeholderJson } from '../../../contract/comms';
import type { DeliveryJson, MailSenderJson } from '../../../contract/delivery';
import type { Language } from '../../../contract/language';
import { isAppError } from '../app-error';
import { persistently } from '../issues/create-issue-once';
import { deliveryKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';
import type { MailSender, SendOutcome } from './mail-sender';

type Audience = 'internal' | 'client';
type StoredDelivery = DeliveryJson & { id: string };

/** A message for one audience in one language: the rendered report. */
export interface ReportMessage {
  subject: string;
  html: string;
  text: string;
}

export interface SendReportDeps {
  records: RecordStore;
  sender: MailSender;
  now: () => Date;
}

export function deliveryId(reportId: string, email: string, audience: Audience, lang: Language): string {
  const hash = createHash('sha256').update(`${email.toLowerCase()}\u0000${audience}\u0000${lang}`).digest('hex');
  return `${reportId}-${hash.slice(0, 24)}`;
}

interface Recipient {
  name: string;
  email: string;
  audience: Audience;
  lang: Language;
}

/** Every stakeholder who receives reports and has an address, once per address. */
export function reportRecipientsOf(stakeholders: readonly StakeholderJson[]): Recipient[] {
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const s of stakeholders) {
    if (!s.receivesReports || s.email === null || s.email === '') continue;
    const key = s.email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    recipients.push({ name: s.name, email: s.email, audience: s.side, lang: s.language });
  }
  return recipients;
}

const RETRYABLE: ReadonlySet<DeliveryJson['state']> = new Set(['failed', 'rejected']);

function stateOf(outcome: SendOutcome): Pick<DeliveryJson, 'state' | 'reason' | 'providerMessageId'> {
  switch (outcome.kind) {
    case 'sent':
      return { state: 'sent', reason: null, providerMessageId: outcome.providerMessageId };
    case 'rejected':
      return { state: 'rejected', reason: outcome.reason, providerMessageId: null };
    case 'unauthorized':
      return { state: 'failed', reason: `The mail provider refused the API key or the sender: ${outcome.reason}`, providerMessageId: null };
    case 'unavailable':
      return { state: 'failed', reason: outcome.reason, providerMessageId: null };
  }
}

/**
 * Sends report `reportId` to `stakeholders` (see the module comment for "never twice").
 * `message(audience, lang)` renders the report for one audience and language.
 * @returns every recipient's delivery, as stored now.
 */
export async function sendReport(
  deps: SendReportDeps,
  projectId: string,
  request: {
    reportId: string;
    from: MailSenderJson;
    stakeholders: readonly StakeholderJson[];
    message: (audience: Audience, lang: Language) => ReportMessage;
  },
): Promise<StoredDelivery[]> {
  const deliveries = deps.records.collection(deliveryKind, projectId);
  const results: StoredDelivery[] = [];
  let refusedKey: string | null = null;
  for (const recipient of reportRecipientsOf(request.stakeholders)) {
    const id = deliveryId(request.reportId, recipient.email, recipient.audience, recipient.lang);
    const current = await deliveries.getRevisioned(id);
    if (current.value && !RETRYABLE.has(current.value.state)) {
      results.push(current.value);
      continue;
    }
    const base = {
      id,
      reportId: request.reportId,
      name: recipient.name,
      email: recipient.email,
      lang: recipient.lang,
      audience: recipient.audience,
    };
    if (refusedKey !== null) {
      // The provider refused the key for an earlier recipient: the others would be refused too.
      const failed: StoredDelivery = {
        ...base,
        state: 'failed',
        reason: refusedKey,
        at: deps.now().toISOString(),
        providerMessageId: null,
      };
      await deliveries.save(failed, current.revision).catch(() => undefined);
      results.push(failed);
      continue;
    }
    const claim: StoredDelivery = { ...base, state: 'unknown', reason: 'Sending', at: deps.now().toISOString(), providerMessageId: null };
    let claimed: number;
    try {
      claimed = (await deliveries.save(claim, current.revision)).revision;
    } catch (error) {
      // Another send of this report claimed the recipient first: theirs is the delivery.
      if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
      const theirs = await deliveries.get(id);
      if (theirs) results.push(theirs);
      continue;
    }
    const message = request.message(recipient.audience, recipient.lang);
    const outcome = await deps.sender.send({
      from: request.from,
      to: { address: recipient.email, name: recipient.name },
      subject: message.subject,
      html: message.html,
      text: message.text,
      lang: recipient.lang,
      reference: id,
    });
    if (outcome.kind === 'unauthorized') refusedKey = stateOf(outcome).reason;
    const done: StoredDelivery = { ...base, ...stateOf(outcome), at: deps.now().toISOString() };
    // The answer must reach storage; if it does not, the record stays `unknown` and is not resent.
    await persistently(() => deliveries.save(done, claimed));
    results.push(done);
  }
  return results;
}

/** The deliveries of a report to the stakeholders who receive reports now (one read each). */
export async function listDeliveries(
  records: RecordStore,
  projectId: string,
  reportId: string,
  stakeholders: readonly StakeholderJson[],
): Promise<StoredDelivery[]> {
  const deliveries = records.collection(deliveryKind, projectId);
  const found = await Promise.all(
    reportRecipientsOf(stakeholders).map((r) => deliveries.get(deliveryId(reportId, r.email, r.audience, r.lang))),
  );
  return found.filter((d): d is StoredDelivery => d !== undefined);
}
