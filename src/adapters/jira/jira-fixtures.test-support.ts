/**
 * Recorded-shape JSON for the mapper tests: responses of the Jira emulator for the demo
 * projects (ACME, HZ), with exactly the fields `JiraProjectReader` asks for. Regenerate by
 * reading the demo through the emulator if the requested fields change.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_PROJECT_SETTINGS, type FieldOverridesJson } from '../../../contract/settings';
import { discoverFields } from './discover-fields';
import { toIssueMappingContext, type IssueMappingContext } from './issue-mapping-context';
import { jiraFieldJson, jiraIssueLinkTypesJson, jiraPriorityPageJson, jiraStatusJson } from './jira-json';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
}

const siteJson = z.looseObject({
  fields: z.array(jiraFieldJson),
  statuses: z.array(jiraStatusJson),
  priorities: jiraPriorityPageJson,
  issueLinkTypes: jiraIssueLinkTypesJson,
});

export const demoSite = siteJson.parse(fixture('demo-site.json'));

/** Issues ACME-21/54/97/151/192/338/371/372 and HZ-2/19/22 as one `/search/jql` page. */
export const demoSearchPage = z
  .looseObject({ issues: z.array(z.looseObject({ key: z.string() })) })
  .parse(fixture('demo-search-page.json'));

/** `/changelog/bulkfetch` for the same issues, filtered to the history fields. */
export const demoChangelogs = z
  .looseObject({ issueChangeLogs: z.array(z.looseObject({ issueId: z.string(), changeHistories: z.array(z.unknown()) })) })
  .parse(fixture('demo-changelogs.json'));

export function demoContext(
  options: {
    blockingLinkTypes?: readonly string[];
    timeZone?: string;
    fieldOverrides?: FieldOverridesJson;
    waitingStatuses?: readonly string[];
  } = {},
): IssueMappingContext {
  return toIssueMappingContext({
    fields: discoverFields(demoSite.fields, options.fieldOverrides),
    statuses: demoSite.statuses,
    priorities: demoSite.priorities.values,
    linkTypes: demoSite.issueLinkTypes.issueLinkTypes,
    blockingLinkTypes: options.blockingLinkTypes ?? [],
    timeZone: options.timeZone ?? 'UTC',
    waitingStatuses: options.waitingStatuses ?? DEFAULT_PROJECT_SETTINGS.waitingOnClientStatuses,
  });
}

export function demoIssueJson(key: string): Record<string, unknown> {
  const issue = demoSearchPage.issues.find((i) => i.key === key);
  if (!issue) throw new Error(`no ${key} in the fixture`);
  return structuredClone(issue);
}
