/**
 * The issue panel's part of the resolver contract, in a module of its own: the panel bundles
 * only the schemas it calls (its budget is 120 KB gzip), not every resolver's.
 */
import * as z from 'zod/mini';
import { languageSchema } from './language';
import { issueRiskSchema } from './report';

const issueKeySchema = z.string().check(z.regex(/^[A-Z][A-Z0-9_]*-[1-9][0-9]*$/u, 'a Jira issue key'));

export const statusCategoryKeySchema = z.enum(['new', 'indeterminate', 'done', 'undefined']);
export type StatusCategoryKey = z.infer<typeof statusCategoryKeySchema>;

export const issueRiskViewSchema = z.object({
  key: z.string(),
  summary: z.string(),
  status: z.object({ name: z.string(), category: statusCategoryKeySchema }),
  dueDate: z.nullable(z.string()),
  /** Null for a done issue: done issues carry no risk. */
  risk: z.nullable(issueRiskSchema),
  /** Unresolved issues blocking this one, to link to. */
  blockedBy: z.array(z.object({ key: z.string(), statusName: z.string() })),
});
export type IssueRiskView = z.infer<typeof issueRiskViewSchema>;

export const issueRiskContract = {
  /** The context issue's client risk: score, level, reasons, blockers. */
  'issue/risk': {
    payload: z.strictObject({ issueKey: z.optional(issueKeySchema), lang: z.optional(languageSchema) }),
    response: issueRiskViewSchema,
  },
};
