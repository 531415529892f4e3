/**
 * The status report's change-request section (DESIGN.md §5.2, issue 10), for both audiences:
 * requests new or decided in the period and those awaiting the client's decision, with their
 * impact and totals. The client's form has no internal note, no Jira key and no request still
 * inside the team (proposed, assessing).
 */
import * as z from 'zod/mini';
import { changeStatusSchema, impactSchema, impactTotalsSchema } from './change-impact';

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/u));

const reportChangeFields = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  status: changeStatusSchema,
  requester: z.string(),
  /** Raised in the period. */
  isNew: z.boolean(),
  /** Approved or rejected in the period. */
  decidedInPeriod: z.boolean(),
  /** `day` is the decision's calendar day in the project's zone. */
  decision: z.nullable(z.object({ outcome: z.enum(['approved', 'rejected']), by: z.string(), day, reason: z.string() })),
  impact: impactSchema,
  /** The milestone it moves: its target before and after the change. */
  milestone: z.nullable(z.object({ name: z.string(), originalTarget: z.nullable(day), newTarget: z.nullable(day) })),
};

export const reportChangeRequestSchema = z.object({ ...reportChangeFields, linkedIssueKeys: z.array(z.string()) });
export type ReportChangeRequestJson = z.infer<typeof reportChangeRequestSchema>;
export const clientChangeRequestSchema = z.object(reportChangeFields);
export type ClientChangeRequestJson = z.infer<typeof clientChangeRequestSchema>;

const changeTotalsSchema = z.object({
  /** Raised in the period. */
  new: z.int().check(z.nonnegative()),
  /** Approved in the period, with their impact summed. */
  approved: impactTotalsSchema,
  rejected: z.int().check(z.nonnegative()),
  /** Awaiting the client's decision now, with their impact summed. */
  awaitingClient: impactTotalsSchema,
});
export type ChangeTotalsJson = z.infer<typeof changeTotalsSchema>;

export const changeSectionSchema = z.object({ items: z.array(reportChangeRequestSchema), totals: changeTotalsSchema });
export type ChangeSectionJson = z.infer<typeof changeSectionSchema>;
export const clientChangeSectionSchema = z.object({ items: z.array(clientChangeRequestSchema), totals: changeTotalsSchema });
export type ClientChangeSectionJson = z.infer<typeof clientChangeSectionSchema>;
