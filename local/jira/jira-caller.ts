/**
 * Who a request to the emulator runs as. An `asUser` call carries an account and gets exactly that
 * account's rights; the app (`asApp`) and the local host's own pages see every project.
 */
import { APP_ACCOUNT, LOCAL_ACCOUNTS, type LocalAccount } from './accounts';
import type { JiraPermissionKey } from './jira-permissions';
import type { UserSpec } from './site-catalog';

export class JiraCaller {
  private constructor(
    /** The user whose permissions apply; `undefined` for the app and the host, who see everything. */
    readonly account: LocalAccount | undefined,
    /** Who writes, comments and `currentUser()` refer to. */
    readonly user: UserSpec,
  ) {}

  static app(): JiraCaller {
    return new JiraCaller(undefined, APP_ACCOUNT);
  }

  /** Jira's own page traffic in the local host: the PM at the keyboard, seeing every project. */
  static host(): JiraCaller {
    return new JiraCaller(undefined, LOCAL_ACCOUNTS.pm);
  }

  static user(account: LocalAccount): JiraCaller {
    return new JiraCaller(account, account);
  }

  /** The app itself (`asApp`): its changes are the ones `filter.ignoreSelf` leaves out. */
  get isApp(): boolean {
    return this.user.accountId === APP_ACCOUNT.accountId;
  }

  /** A stable name for caches that must not leak one caller's results to another. */
  get cacheKey(): string {
    return this.account?.accountId ?? '*';
  }

  /** Project permissions hold in every project of the local site (one permission scheme). */
  has(permission: JiraPermissionKey): boolean {
    if (!this.account) return true;
    return (
      (this.account.projectPermissions as readonly string[]).includes(permission) ||
      (this.account.globalPermissions as readonly string[]).includes(permission)
    );
  }

  canBrowse(): boolean {
    return this.has('BROWSE_PROJECTS');
  }
}
