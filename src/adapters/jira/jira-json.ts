/**
 * Zod schemas for the Jira REST v3 responses the app reads. They cover only the fields we
 * use and let everything else through, because sites add keys freely.
 */
import { z } from 'zod';

export const jiraProjectJson = z.looseObject({
  id: z.string(),
  key: z.string(),
  name: z.string(),
});
export type JiraProjectJson = z.infer<typeof jiraProjectJson>;

export const jiraVersionJson = z.looseObject({
  id: z.string(),
  name: z.string(),
  released: z.boolean().optional(),
  archived: z.boolean().optional(),
  releaseDate: z.string().optional(),
  startDate: z.string().optional(),
});
export type JiraVersionJson = z.infer<typeof jiraVersionJson>;

export const jiraApproximateCountJson = z.looseObject({ count: z.number().int().nonnegative() });

const jiraStatusCategoryJson = z.looseObject({ key: z.string() });

export const jiraIssueHeadlineJson = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.looseObject({
    summary: z.string().nullish(),
    duedate: z.string().nullish(),
    status: z.looseObject({ name: z.string(), statusCategory: jiraStatusCategoryJson.nullish() }),
    project: z.looseObject({ key: z.string() }),
  }),
});
export type JiraIssueHeadlineJson = z.infer<typeof jiraIssueHeadlineJson>;
