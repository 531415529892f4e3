import { toIssueKeysJql, type Navigation } from '../shared/navigation';

export interface FakeNavigation extends Navigation {
  /** What the UI asked to open, in order: an issue key, or the JQL of a search. */
  readonly opened: string[];
}

/** Navigation on a fixed test site that records what it was asked to open. */
export function createFakeNavigation(siteUrl = 'https://acme.example'): FakeNavigation {
  const opened: string[] = [];
  return {
    opened,
    issueUrl: (issueKey) => `${siteUrl}/browse/${issueKey}`,
    searchUrl: (issueKeys) => `${siteUrl}/issues/?jql=${encodeURIComponent(toIssueKeysJql(issueKeys))}`,
    jqlUrl: (jql) => `${siteUrl}/issues/?jql=${encodeURIComponent(jql)}`,
    openIssue: (issueKey) => {
      opened.push(issueKey);
    },
    openSearch: (issueKeys) => {
      opened.push(issueKeys.length === 1 ? (issueKeys[0] ?? '') : toIssueKeysJql(issueKeys));
    },
    openJql: (jql) => {
      opened.push(jql);
    },
  };
}
