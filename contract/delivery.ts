/**
 * Delivering published reports by e-mail through the HTTPS mail provider the project's admin
 * configures (issue 11, DESIGN.md §6 "E-mail", way 3). The provider's API key is kept as a KVS
 * secret and never sent back to the page.
 */
import * as z from 'zod/mini';
import { emailSchema } from './comms';
import { languageSchema } from './language';
import { publishedReportIdSchema } from './reports';
import { requiredTextSchema } from './text';

const projectKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]{0,254}$/u, 'a Jira project key'));

export const mailSenderSchema = z.object({ name: requiredTextSchema(120), address: emailSchema });
export type MailSenderJson = z.infer<typeof mailSenderSchema>;

export const mailSettingsViewSchema = z.object({
  provider: z.literal('postmark'),
  /** The sender the provider knows (a confirmed sender signature); null until configured. */
  from: z.nullable(mailSenderSchema),
  /** Whether an API key is stored (the key itself is never answered). */
  keyStored: z.boolean(),
  canEdit: z.boolean(),
});
export type MailSettingsView = z.infer<typeof mailSettingsViewSchema>;

export const DELIVERY_STATES = ['sent', 'rejected', 'failed', 'unknown'] as const;
export const deliveryStateSchema = z.enum(DELIVERY_STATES);

/** One recipient's delivery of one report. */
export const deliverySchema = z.object({
  reportId: publishedReportIdSchema,
  name: z.string(),
  email: z.string(),
  lang: languageSchema,
  audience: z.enum(['internal', 'client']),
  /**
   * `sent`: the provider accepted it (never sent again); `rejected`: refused for this address
   * (fix it, then retry); `failed`: the provider could not be reached or refused the key (retry
   * sends it); `unknown`: an attempt stopped before its answer was recorded — it may have gone
   * out, so a retry does not resend it (send it from your mail client if it did not arrive).
   */
  state: deliveryStateSchema,
  reason: z.nullable(z.string()),
  at: z.iso.datetime(),
  providerMessageId: z.nullable(z.string()),
});
export type DeliveryJson = z.infer<typeof deliverySchema>;

export const deliveryResultsSchema = z.object({ deliveries: z.array(deliverySchema) });

export const deliveryResolverContract = {
  /** The project's mail provider settings (Administer Projects edits them). */
  'mail/settings-get': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: mailSettingsViewSchema,
  },
  /** Saves the sender and, when given, a new API key (omitted: the stored one stays). */
  'mail/settings-save': {
    payload: z.strictObject({
      projectKey: z.optional(projectKeySchema),
      from: mailSenderSchema,
      apiKey: z.optional(z.string().check(z.trim(), z.minLength(8), z.maxLength(200), z.regex(/^[\x21-\x7E]+$/u, 'an API key'))),
    }),
    response: mailSettingsViewSchema,
  },
  /**
   * Sends a published report to every stakeholder who receives reports, each their side's
   * version in their language, one message per recipient. A retry sends only what did not go:
   * `sent` and `unknown` recipients are never sent again.
   */
  'report/send': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), id: publishedReportIdSchema }),
    response: deliveryResultsSchema,
  },
  /**
   * Who a send reaches, before sending: every stakeholder of the communication plan who receives
   * reports, with an address, once per address, with their side and language (what `report/send`
   * sends each). Addresses are personal data: Edit Issues, as sending.
   */
  'report/recipients': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema) }),
    response: z.object({
      recipients: z.array(
        z.object({ name: z.string(), email: z.string(), audience: z.enum(['internal', 'client']), lang: languageSchema }),
      ),
    }),
  },
  /** What became of each recipient of a report. */
  'report/deliveries': {
    payload: z.strictObject({ projectKey: z.optional(projectKeySchema), id: publishedReportIdSchema }),
    response: deliveryResultsSchema,
  },
} as const;
