/**
 * The local Jira site's accounts, for tests that act as one of them. One definition lives in
 * `local/jira/accounts.ts`; the emulator answers `asUser` calls with exactly these permissions.
 *
 * | account    | project permissions (in every project)                        |
 * | ---------- | ------------------------------------------------------------- |
 * | `pm`       | all, including `ADMINISTER_PROJECTS` and `DELETE_ISSUES`       |
 * | `member`   | `BROWSE_PROJECTS`, `CREATE_ISSUES`, `EDIT_ISSUES`, `ADD_COMMENTS` |
 * | `viewer`   | `BROWSE_PROJECTS`                                              |
 * | `outsider` | none (projects and issues answer 404, searches are empty)      |
 */
import { LOCAL_ACCOUNTS, LOCAL_ACCOUNT_LIST, type AccountRole, type LocalAccount } from '../../local/jira/accounts';

export { LOCAL_ACCOUNTS as ACCOUNTS, LOCAL_ACCOUNT_LIST as ACCOUNT_LIST, type AccountRole, type LocalAccount };
