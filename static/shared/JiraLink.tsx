import { createContext, useContext, type MouseEvent, type ReactNode } from 'react';
import { NEW_TAB_HINT_ID, useNavigation } from './NavigationProvider';

/** A modified click (new tab, new window) is left to the browser and the real `href`. */
function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey;
}

/** True inside `PlainIssueKeys`: links into Jira are plain text there. */
const PlainKeysContext = createContext(false);

/**
 * Inside, every `JiraLink` and `IssueKeyLink` is plain text: the client's view (DESIGN §5.1),
 * whose reader cannot open Jira, so keys are references and nothing links into Jira.
 */
export function PlainIssueKeys({ children }: { children: ReactNode }) {
  return <PlainKeysContext.Provider value={true}>{children}</PlainKeysContext.Provider>;
}

/**
 * A link into Jira: a real anchor (focusable, copyable, announced as a link) whose plain
 * click opens through the host router in a new tab. One issue opens the issue itself;
 * several open an issue search.
 */
export function JiraLink({
  issueKeys,
  jql = null,
  testId,
  children,
}: {
  issueKeys: readonly string[];
  /** A search that expresses what the keys are (a measure's evidence); opened instead of the keys. */
  jql?: string | null;
  testId?: string;
  children: ReactNode;
}) {
  const navigation = useNavigation();
  const plain = useContext(PlainKeysContext);
  const [only] = issueKeys;
  if (plain) return <span data-testid={testId}>{children}</span>;
  const href =
    jql !== null
      ? navigation.jqlUrl(jql)
      : issueKeys.length === 1 && only !== undefined
        ? navigation.issueUrl(only)
        : navigation.searchUrl(issueKeys);
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="cf-link"
      aria-describedby={NEW_TAB_HINT_ID}
      data-testid={testId}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        if (jql !== null) navigation.openJql(jql);
        else navigation.openSearch(issueKeys);
      }}
    >
      {children}
    </a>
  );
}

/** An issue key as a link to the issue. */
export function IssueKeyLink({ issueKey, testId }: { issueKey: string; testId?: string }) {
  return (
    <JiraLink issueKeys={[issueKey]} {...(testId === undefined ? {} : { testId })}>
      {issueKey}
    </JiraLink>
  );
}
