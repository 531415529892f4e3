/**
 * Jira's built-in permissions as `GET /rest/api/3/mypermissions` names them: key, id, display
 * name, type and description. Only these keys are accepted, as on a site (an unknown key is a 400).
 * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-permissions/#api-rest-api-3-mypermissions-get
 */

export interface JiraPermissionSpec {
  id: string;
  name: string;
  type: 'PROJECT' | 'GLOBAL';
  description: string;
}

const project = (id: string, name: string, description: string) => ({ id, name, type: 'PROJECT' as const, description });
const global = (id: string, name: string, description: string) => ({ id, name, type: 'GLOBAL' as const, description });

export const JIRA_PERMISSIONS = {
  BROWSE_PROJECTS: project('10', 'Browse Projects', 'Ability to browse projects and the issues within them.'),
  CREATE_ISSUES: project('11', 'Create Issues', 'Ability to create issues.'),
  EDIT_ISSUES: project('12', 'Edit Issues', 'Ability to edit issues.'),
  ASSIGN_ISSUES: project('13', 'Assign Issues', 'Ability to assign issues to other people.'),
  RESOLVE_ISSUES: project('14', 'Resolve Issues', 'Ability to resolve and reopen issues. This includes the ability to set a fix version.'),
  ADD_COMMENTS: project('15', 'Add Comments', 'Ability to comment on issues.'),
  DELETE_ISSUES: project('16', 'Delete Issues', 'Ability to delete issues.'),
  ASSIGNABLE_USER: project('17', 'Assignable User', 'Users with this permission may be assigned to issues.'),
  CLOSE_ISSUES: project('18', 'Close Issues', 'Ability to close issues.'),
  CREATE_ATTACHMENTS: project('19', 'Create Attachments', 'Users with this permission may create attachments.'),
  WORK_ON_ISSUES: project('20', 'Work On Issues', 'Ability to log work done against an issue.'),
  LINK_ISSUES: project('21', 'Link Issues', 'Ability to link issues together and create linked issues.'),
  ADMINISTER_PROJECTS: project('23', 'Administer Projects', 'Ability to administer a project in Jira.'),
  MOVE_ISSUES: project('25', 'Move Issues', 'Ability to move issues between projects or between workflows of the same project.'),
  SET_ISSUE_SECURITY: project('26', 'Set Issue Security', 'Ability to set the level of security on an issue.'),
  SCHEDULE_ISSUES: project('28', 'Schedule Issues', "Ability to view or edit an issue's due date."),
  VIEW_DEV_TOOLS: project('29', 'View Development Tools', 'Allows users to view development-related information on the issue.'),
  MODIFY_REPORTER: project('30', 'Modify Reporter', 'Ability to modify the reporter when creating or editing an issue.'),
  VIEW_VOTERS_AND_WATCHERS: project('31', 'View Voters and Watchers', 'Ability to view the voters and watchers of an issue.'),
  MANAGE_WATCHERS: project('32', 'Manage Watchers', 'Ability to manage the watchers of an issue.'),
  EDIT_ALL_COMMENTS: project('34', 'Edit All Comments', 'Ability to edit all comments made on issues.'),
  EDIT_OWN_COMMENTS: project('35', 'Edit Own Comments', 'Ability to edit own comments made on issues.'),
  DELETE_ALL_COMMENTS: project('36', 'Delete All Comments', 'Ability to delete all comments made on issues.'),
  DELETE_OWN_COMMENTS: project('37', 'Delete Own Comments', 'Ability to delete own comments made on issues.'),
  DELETE_ALL_ATTACHMENTS: project('38', 'Delete All Attachments', 'Users with this permission may delete all attachments.'),
  DELETE_OWN_ATTACHMENTS: project('39', 'Delete Own Attachments', 'Users with this permission may delete own attachments.'),
  EDIT_OWN_WORKLOGS: project('40', 'Edit Own Worklogs', 'Ability to edit own worklogs made on issues.'),
  EDIT_ALL_WORKLOGS: project('41', 'Edit All Worklogs', 'Ability to edit all worklogs made on issues.'),
  DELETE_OWN_WORKLOGS: project('42', 'Delete Own Worklogs', 'Ability to delete own worklogs made on issues.'),
  DELETE_ALL_WORKLOGS: project('43', 'Delete All Worklogs', 'Ability to delete all worklogs made on issues.'),
  VIEW_READONLY_WORKFLOW: project(
    '45',
    'View Read-Only Workflow',
    'Users with this permission may view a read-only version of a workflow.',
  ),
  TRANSITION_ISSUES: project('46', 'Transition Issues', 'Ability to transition issues.'),
  ADMINISTER: global(
    '0',
    'Administer Jira',
    'Create and administer projects, issue types, fields, workflows, and schemes for all projects.',
  ),
  USER_PICKER: global('27', 'Browse users and groups', 'View and select users or groups from the user picker.'),
  CREATE_SHARED_OBJECTS: global('22', 'Share dashboards and filters', 'Share dashboards and filters with other users.'),
  BULK_CHANGE: global('33', 'Make bulk changes', 'Modify collections of issues at once.'),
  SYSTEM_ADMIN: global('44', 'Administer Jira system', 'Configure Jira system settings.'),
} as const satisfies Record<string, JiraPermissionSpec>;

export type JiraPermissionKey = keyof typeof JIRA_PERMISSIONS;

export type ProjectPermissionKey = {
  [K in JiraPermissionKey]: (typeof JIRA_PERMISSIONS)[K]['type'] extends 'PROJECT' ? K : never;
}[JiraPermissionKey];

export type GlobalPermissionKey = Exclude<JiraPermissionKey, ProjectPermissionKey>;

export function isJiraPermissionKey(key: string): key is JiraPermissionKey {
  return Object.hasOwn(JIRA_PERMISSIONS, key);
}

/** Every project permission, in id order: what a project administrator holds. */
export const ALL_PROJECT_PERMISSIONS: readonly ProjectPermissionKey[] = (Object.keys(JIRA_PERMISSIONS) as JiraPermissionKey[]).filter(
  (key): key is ProjectPermissionKey => JIRA_PERMISSIONS[key].type === 'PROJECT',
);
