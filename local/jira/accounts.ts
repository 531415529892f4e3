/**
 * The accounts of the local Jira site, one definition for the emulator, the local host's account
 * switcher, `GET /__local/admin/users` and the tests. Project permissions hold in every project the
 * emulator serves (one permission scheme for the whole local site); global permissions are the
 * ones every site user has.
 */
import { ALL_PROJECT_PERMISSIONS, type GlobalPermissionKey, type ProjectPermissionKey } from './jira-permissions';
import type { UserSpec } from './site-catalog';

export type AccountRole = 'pm' | 'member' | 'viewer' | 'outsider';

export interface LocalAccount extends UserSpec {
  role: AccountRole;
  projectPermissions: readonly ProjectPermissionKey[];
  globalPermissions: readonly GlobalPermissionKey[];
}

const SITE_USER: readonly GlobalPermissionKey[] = ['USER_PICKER', 'CREATE_SHARED_OBJECTS'];

export const LOCAL_ACCOUNTS = {
  /** Administers the projects: every project permission. */
  pm: {
    accountId: '557058:local-pm',
    displayName: 'Pat Morgan (PM)',
    emailAddress: 'pat.morgan@brightpath.agency',
    timeZone: 'Europe/London',
    role: 'pm',
    projectPermissions: ALL_PROJECT_PERMISSIONS,
    globalPermissions: SITE_USER,
  },
  /** Works on the projects: browses, creates, edits and comments, administers nothing. */
  member: {
    accountId: '557058:local-member',
    displayName: 'Morgan Lee (Team member)',
    emailAddress: 'morgan.lee@brightpath.agency',
    timeZone: 'Europe/Berlin',
    role: 'member',
    projectPermissions: ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES', 'ADD_COMMENTS'],
    globalPermissions: SITE_USER,
  },
  /** Reads the projects and nothing more. */
  viewer: {
    accountId: '557058:local-viewer',
    displayName: 'Vera Quinn (Viewer)',
    emailAddress: 'vera.quinn@brightpath.agency',
    timeZone: 'America/New_York',
    role: 'viewer',
    projectPermissions: ['BROWSE_PROJECTS'],
    globalPermissions: SITE_USER,
  },
  /** A site user without access to any project. */
  outsider: {
    accountId: '557058:local-outsider',
    displayName: 'Owen Price (No access)',
    emailAddress: 'owen.price@example.com',
    timeZone: 'UTC',
    role: 'outsider',
    projectPermissions: [],
    globalPermissions: SITE_USER,
  },
} as const satisfies Record<AccountRole, LocalAccount>;

/** Switcher order: most rights first. */
export const LOCAL_ACCOUNT_LIST: readonly LocalAccount[] = [
  LOCAL_ACCOUNTS.pm,
  LOCAL_ACCOUNTS.member,
  LOCAL_ACCOUNTS.viewer,
  LOCAL_ACCOUNTS.outsider,
];

/** The app's own user: who `asApp()` calls act as (sees every project, authors the app's writes). */
export const APP_ACCOUNT: UserSpec = {
  accountId: '557058:local-app',
  displayName: 'Client Follow-up',
  timeZone: 'UTC',
  accountType: 'app',
};

export function findLocalAccount(accountId: string, accounts: readonly LocalAccount[] = LOCAL_ACCOUNT_LIST): LocalAccount | undefined {
  return accounts.find((account) => account.accountId === accountId);
}

/** What `GET /__local/admin/users` lists for one account. */
export interface AccountSummary {
  accountId: string;
  displayName: string;
  role: AccountRole;
  globalPermissions: string[];
  /** Project key → the account's permission keys there (empty: the project is invisible to it). */
  projectPermissions: Record<string, string[]>;
}

export function toAccountSummary(account: LocalAccount, projectKeys: readonly string[]): AccountSummary {
  return {
    accountId: account.accountId,
    displayName: account.displayName,
    role: account.role,
    globalPermissions: [...account.globalPermissions],
    projectPermissions: Object.fromEntries(projectKeys.map((key) => [key, [...account.projectPermissions]])),
  };
}
