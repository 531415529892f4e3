/**
 * The UI's way to open Jira: a port, like the backend client, so components stay testable
 * and the issue panel does not learn about the host. Links carry a real `href` (copyable,
 * readable by screen readers); a plain click goes through the host router, because a
 * Custom UI iframe may not navigate the top window itself.
 */
export interface Navigation {
  /** The issue's page on the site (`/browse/KEY`). */
  issueUrl(issueKey: string): string;
  /** An issue search listing exactly these issues. */
  searchUrl(issueKeys: readonly string[]): string;
  /** An issue search for a JQL query (a measure's evidence, expressed as the measure). */
  jqlUrl(jql: string): string;
  openIssue(issueKey: string): void;
  openSearch(issueKeys: readonly string[]): void;
  openJql(jql: string): void;
}

/** What `@forge/bridge`'s `router` offers, as far as the app uses it. */
export interface RouterLike {
  open(location: string | { target: 'issue'; issueKey: string }): Promise<void>;
}

/** JQL for a set of issue keys, in the order given. */
export function toIssueKeysJql(issueKeys: readonly string[]): string {
  return `key in (${issueKeys.join(', ')})`;
}

const bridgeRouter: RouterLike = {
  async open(location) {
    // Lazy for the same reason as `invoke` in backend-client.ts: Node tests import this module.
    const { router } = await import('@forge/bridge');
    await router.open(location);
  },
};

/**
 * Navigation through the host router. `siteUrl` comes from the Forge context; without it
 * the URLs are site-relative, which the host resolves against the Jira site. When the
 * router refuses, the link's URL is opened directly, as a plain link would be.
 */
export function createBridgeNavigation(siteUrl: string | null, router: RouterLike = bridgeRouter): Navigation {
  const base = siteUrl?.replace(/\/+$/u, '') ?? '';
  const issueUrl = (issueKey: string) => `${base}/browse/${encodeURIComponent(issueKey)}`;
  const jqlUrl = (jql: string) => `${base}/issues/?jql=${encodeURIComponent(jql)}`;
  const searchUrl = (issueKeys: readonly string[]) => jqlUrl(toIssueKeysJql(issueKeys));
  const fallback = (url: string) => () => {
    window.open(url, '_blank', 'noopener');
  };
  return {
    issueUrl,
    searchUrl,
    jqlUrl,
    openIssue(issueKey) {
      router.open({ target: 'issue', issueKey }).catch(fallback(issueUrl(issueKey)));
    },
    openSearch(issueKeys) {
      const [only] = issueKeys;
      if (issueKeys.length === 1 && only !== undefined) {
        this.openIssue(only);
        return;
      }
      this.openJql(toIssueKeysJql(issueKeys));
    },
    openJql(jql) {
      const url = jqlUrl(jql);
      router.open(url).catch(fallback(url));
    },
  };
}
