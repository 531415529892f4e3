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

/** Jira sends ids as strings, but some endpoints and older sites send numbers. */
const jiraIdJson = z.union([z.string(), z.number()]).transform(String);

export const jiraFieldJson = z.looseObject({
  id: z.string(),
  name: z.string(),
  custom: z.boolean().optional(),
  schema: z
    .looseObject({
      type: z.string().optional(),
      items: z.string().optional(),
      custom: z.string().optional(),
      system: z.string().optional(),
    })
    .optional(),
});
export type JiraFieldJson = z.infer<typeof jiraFieldJson>;

export const jiraStatusJson = z.looseObject({
  id: jiraIdJson,
  name: z.string(),
  statusCategory: jiraStatusCategoryJson.nullish(),
});
export type JiraStatusJson = z.infer<typeof jiraStatusJson>;

export const jiraPriorityJson = z.looseObject({ id: jiraIdJson, name: z.string() });
export type JiraPriorityJson = z.infer<typeof jiraPriorityJson>;

/** A page of `GET /priority/search` (offset-paged: `startAt`/`maxResults`/`isLast`). */
export const jiraPriorityPageJson = z.looseObject({
  values: z.array(jiraPriorityJson),
  startAt: z.number().int().optional(),
  maxResults: z.number().int().optional(),
  total: z.number().int().optional(),
  isLast: z.boolean().optional(),
});

export const jiraIssueLinkTypeJson = z.looseObject({
  id: jiraIdJson,
  name: z.string(),
  inward: z.string(),
  outward: z.string(),
});
export type JiraIssueLinkTypeJson = z.infer<typeof jiraIssueLinkTypeJson>;

export const jiraIssueLinkTypesJson = z.looseObject({ issueLinkTypes: z.array(jiraIssueLinkTypeJson) });

/**
 * The page envelope of `/search/jql`. Issues stay `unknown` here: they go through the
 * hand-checked mapper in `to-issue.ts`, because a zod pass over 100k nested issues would cost
 * more than the JSON parse itself (see the benchmark).
 */
export const jiraSearchPageJson = z.looseObject({
  issues: z.array(z.unknown()),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
});

/** A page of `/changelog/bulkfetch`; histories are checked by hand like issues. */
export const jiraBulkChangelogPageJson = z.looseObject({
  issueChangeLogs: z.array(
    z.looseObject({
      issueId: jiraIdJson,
      changeHistories: z.array(z.unknown()).optional(),
    }),
  ),
  nextPageToken: z.string().nullish(),
});
