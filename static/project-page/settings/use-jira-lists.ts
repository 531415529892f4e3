import { useEffect, useState } from 'react';
import type { IssueTypeOption, JiraFieldOption, ProjectRef, SettingsHost } from './settings-host';

/** A list read from Jira: the form works without it (it falls back to typing), so a failure carries no detail. */
export type Lookup<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed' };

export interface JiraLists {
  fields: Lookup<JiraFieldOption[]>;
  issueTypes: Lookup<IssueTypeOption[]>;
  statuses: Lookup<string[]>;
  linkTypes: Lookup<string[]>;
}

const LOADING: JiraLists = {
  fields: { status: 'loading' },
  issueTypes: { status: 'loading' },
  statuses: { status: 'loading' },
  linkTypes: { status: 'loading' },
};

/**
 * Jira's own lists for the form's pickers, read once when the form opens, each on its own (one
 * failing leaves the others). Without a project there are no issue types to list.
 */
export function useJiraLists(host: SettingsHost, project: ProjectRef | null): JiraLists {
  const [lists, setLists] = useState<JiraLists>(LOADING);
  useEffect(() => {
    let current = true;
    const settle = <K extends keyof JiraLists>(key: K, load: () => Promise<JiraLists[K] extends Lookup<infer T> ? T : never>) => {
      load().then(
        (data) => {
          if (current) setLists((previous) => ({ ...previous, [key]: { status: 'ready', data } }));
        },
        () => {
          if (current) setLists((previous) => ({ ...previous, [key]: { status: 'failed' } }));
        },
      );
    };
    settle('fields', () => host.jira.customFields());
    settle('statuses', () => host.jira.statusNames());
    settle('linkTypes', () => host.jira.linkTypeNames());
    settle('issueTypes', () => (project === null ? Promise.reject(new Error('no project in the context')) : host.jira.issueTypes(project)));
    return () => {
      current = false;
    };
  }, [host, project]);
  return lists;
}
