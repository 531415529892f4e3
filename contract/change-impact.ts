/**
 * The vocabulary of change requests that the report shares (DESIGN.md §5.6): the lifecycle's
 * statuses and the impact. A leaf module (zod only), so the report's schemas can import it.
 */
import * as z from 'zod/mini';
import { textSchema } from './text';

/** The lifecycle, in its order. */
export const CHANGE_STATUSES = ['proposed', 'assessing', 'awaiting-client', 'approved', 'rejected', 'implemented'] as const;
export const changeStatusSchema = z.enum(CHANGE_STATUSES);
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

/**
 * Where a request may go from each status (DESIGN.md §5.6): forward along proposed → assessing →
 * awaiting client → approved | rejected → implemented, and back one step while nothing is decided
 * (an assessment reopened, a client asking for more detail). A decision is final: a rejected
 * request stays rejected (a new request is raised instead), an approved one can only be implemented.
 */
export const CHANGE_TRANSITIONS: Readonly<Record<ChangeStatus, readonly ChangeStatus[]>> = {
  proposed: ['assessing'],
  assessing: ['proposed', 'awaiting-client'],
  'awaiting-client': ['assessing', 'approved', 'rejected'],
  approved: ['implemented'],
  rejected: [],
  implemented: [],
};

/** Statuses a request reaches by the client's decision (they carry a decider and a time). */
export const DECISION_STATUSES = ['approved', 'rejected'] as const satisfies readonly ChangeStatus[];

/** ISO 4217 alphabetic currency code (`EUR`, `CNY`). */
export const currencySchema = z.string().check(z.regex(/^[A-Z]{3}$/u, 'a currency code such as EUR'));
/** A money amount with at most two decimals; negative for a change that saves money. */
export const amountSchema = z.number().check(
  z.gte(-1_000_000_000),
  z.lte(1_000_000_000),
  z.refine((n) => Number.isFinite(n) && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'an amount with at most two decimals'),
);
export const costSchema = z.strictObject({ amount: amountSchema, currency: currencySchema });
export type CostJson = z.infer<typeof costSchema>;

export const impactSchema = z.strictObject({
  /** Calendar days the change moves the schedule (negative: earlier). */
  scheduleDays: z.int().check(z.gte(-3650), z.lte(3650)),
  /** Extra effort in hours (negative: less work), quarter hours at most. */
  effortHours: z.number().check(
    z.gte(-100_000),
    z.lte(100_000),
    z.refine((n) => Number.isInteger(n * 4), 'hours in quarters (0.25)'),
  ),
  /** Null: no cost stated. */
  cost: z.nullable(costSchema),
  scopeNote: textSchema(2000),
});
export type ImpactJson = z.infer<typeof impactSchema>;

/** Impact summed over requests: days and hours add up; money per currency, never across. */
export const impactTotalsSchema = z.object({
  count: z.int().check(z.nonnegative()),
  scheduleDays: z.number(),
  effortHours: z.number(),
  /** One entry per currency, by code. */
  costs: z.array(costSchema),
});
export type ImpactTotalsJson = z.infer<typeof impactTotalsSchema>;
