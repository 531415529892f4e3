/**
 * Builders for the site-level Jira objects (users, statuses, priorities, issue types, fields,
 * link types) in the exact shapes REST v3 returns, shared by the demo and scale generators.
 */

export type JsonObject = Record<string, unknown>;

export const DEFAULT_SITE_URL = 'https://acme-agency.atlassian.net';

export const FIELD_ID = {
  storyPoints: 'customfield_10016',
  storyPointsClassic: 'customfield_10026',
  flagged: 'customfield_10021',
  sprint: 'customfield_10020',
  startDate: 'customfield_10015',
  rank: 'customfield_10019',
} as const;

export const FLAGGED_IMPEDIMENT = { self: `${DEFAULT_SITE_URL}/rest/api/3/customFieldOption/10019`, value: 'Impediment', id: '10019' };

/** Jira's timestamp form: milliseconds and an offset without a colon (`+0000`). */
export function toJiraTimestamp(date: Date, offsetMinutes = 0): string {
  const shifted = new Date(date.getTime() + offsetMinutes * 60_000);
  const iso = shifted.toISOString().slice(0, 23);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${iso}${sign}${hh}${mm}`;
}

/** Parses Jira timestamps (`+0000`, `+00:00`, `Z`) and `YYYY-MM-DD` (as UTC midnight). */
export function parseJiraTimestamp(value: string): number {
  const fixed = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(fixed) ? `${fixed}T00:00:00Z` : fixed);
}

export function toDateOnly(date: Date, offsetMinutes = 0): string {
  return new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

export interface UserSpec {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  timeZone: string;
  accountType?: 'atlassian' | 'app' | 'customer';
}

export function userJson(site: string, user: UserSpec): JsonObject {
  const initials = user.displayName
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  const avatar = (size: number) =>
    `https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/${encodeURIComponent(initials)}-0.png?size=${size}&s=${size}`;
  return {
    self: `${site}/rest/api/3/user?accountId=${user.accountId}`,
    accountId: user.accountId,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: { '48x48': avatar(48), '24x24': avatar(24), '16x16': avatar(16), '32x32': avatar(32) },
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    accountType: user.accountType ?? 'atlassian',
  };
}

export type CategoryKey = 'new' | 'indeterminate' | 'done' | 'undefined';

const CATEGORY: Record<CategoryKey, { id: number; colorName: string; name: string }> = {
  undefined: { id: 1, colorName: 'medium-gray', name: 'No Category' },
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  done: { id: 3, colorName: 'green', name: 'Done' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
};

export function statusCategoryJson(site: string, key: CategoryKey, localizedName?: string): JsonObject {
  const category = CATEGORY[key];
  return {
    self: `${site}/rest/api/3/statuscategory/${category.id}`,
    id: category.id,
    key,
    colorName: category.colorName,
    name: localizedName ?? category.name,
  };
}

export interface StatusSpec {
  id: string;
  name: string;
  category: CategoryKey;
  categoryName?: string;
  /** Team-managed projects scope their statuses to the project. */
  projectId?: string;
}

/** The status object as it appears inside an issue's `fields.status`. */
export function statusJson(site: string, status: StatusSpec): JsonObject {
  return {
    self: `${site}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${site}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: statusCategoryJson(site, status.category, status.categoryName),
  };
}

/** The status object as `GET /rest/api/3/status` lists it. */
export function statusDetailsJson(site: string, status: StatusSpec): JsonObject {
  return {
    ...statusJson(site, status),
    untranslatedName: status.name,
    ...(status.projectId ? { scope: { type: 'PROJECT', project: { id: status.projectId } } } : {}),
  };
}

export interface PrioritySpec {
  id: string;
  name: string;
  color: string;
}

export const PRIORITIES: readonly PrioritySpec[] = [
  { id: '1', name: 'Highest', color: '#d04437' },
  { id: '2', name: 'High', color: '#f15C75' },
  { id: '3', name: 'Medium', color: '#f79232' },
  { id: '4', name: 'Low', color: '#707070' },
  { id: '5', name: 'Lowest', color: '#999999' },
];

export function priorityJson(site: string, priority: PrioritySpec): JsonObject {
  return {
    self: `${site}/rest/api/3/priority/${priority.id}`,
    iconUrl: `${site}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: priority.id,
  };
}

/** The priority object as `GET /rest/api/3/priority/search` lists it. */
export function priorityDetailsJson(site: string, priority: PrioritySpec): JsonObject {
  return {
    ...priorityJson(site, priority),
    statusColor: priority.color,
    description: `${priority.name} priority.`,
    isDefault: priority.name === 'Medium',
  };
}

export interface IssueTypeSpec {
  id: string;
  name: string;
  description: string;
  subtask: boolean;
  hierarchyLevel: number;
  avatarId: number;
  projectId?: string;
}

export function issueTypeJson(site: string, type: IssueTypeSpec): JsonObject {
  return {
    self: `${site}/rest/api/3/issuetype/${type.id}`,
    id: type.id,
    description: type.description,
    iconUrl: `${site}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`,
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
    ...(type.projectId ? { scope: { type: 'PROJECT', project: { id: type.projectId } } } : {}),
  };
}

export const ISSUE_TYPES: Record<'epic' | 'story' | 'task' | 'bug' | 'subtask', IssueTypeSpec> = {
  epic: {
    id: '10000',
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    subtask: false,
    hierarchyLevel: 1,
    avatarId: 10307,
  },
  story: {
    id: '10001',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    subtask: false,
    hierarchyLevel: 0,
    avatarId: 10315,
  },
  task: { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', subtask: false, hierarchyLevel: 0, avatarId: 10318 },
  bug: { id: '10003', name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0, avatarId: 10303 },
  subtask: {
    id: '10004',
    name: 'Sub-task',
    description: 'A small piece of work that is part of a larger task.',
    subtask: true,
    hierarchyLevel: -1,
    avatarId: 10316,
  },
};

export const BLOCKS_LINK_TYPE = { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' };
const OTHER_LINK_TYPES = [
  { id: '10001', name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: '10002', name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: '10003', name: 'Relates', inward: 'relates to', outward: 'relates to' },
];

export function issueLinkTypesJson(site: string): JsonObject[] {
  return [BLOCKS_LINK_TYPE, ...OTHER_LINK_TYPES].map((type) => ({ ...type, self: `${site}/rest/api/3/issueLinkType/${type.id}` }));
}

interface FieldSpec {
  id: string;
  name: string;
  navigable?: boolean;
  orderable?: boolean;
  searchable?: boolean;
  clauseNames?: string[];
  schema?: JsonObject;
}

const SYSTEM_FIELDS: FieldSpec[] = [
  { id: 'summary', name: 'Summary', schema: { type: 'string', system: 'summary' } },
  { id: 'issuetype', name: 'Issue Type', clauseNames: ['issuetype', 'type'], schema: { type: 'issuetype', system: 'issuetype' } },
  { id: 'parent', name: 'Parent', clauseNames: ['parent'], orderable: false },
  { id: 'project', name: 'Project', schema: { type: 'project', system: 'project' } },
  { id: 'status', name: 'Status', schema: { type: 'status', system: 'status' } },
  { id: 'statusCategory', name: 'Status Category', orderable: false, searchable: true, clauseNames: ['statusCategory'] },
  {
    id: 'statuscategorychangedate',
    name: 'Status Category Changed',
    clauseNames: ['statusCategoryChangedDate'],
    schema: { type: 'datetime', system: 'statuscategorychangedate' },
  },
  { id: 'priority', name: 'Priority', schema: { type: 'priority', system: 'priority' } },
  { id: 'resolution', name: 'Resolution', schema: { type: 'resolution', system: 'resolution' } },
  {
    id: 'resolutiondate',
    name: 'Resolved',
    clauseNames: ['resolutiondate', 'resolved'],
    schema: { type: 'datetime', system: 'resolutiondate' },
  },
  { id: 'created', name: 'Created', clauseNames: ['created', 'createdDate'], schema: { type: 'datetime', system: 'created' } },
  { id: 'updated', name: 'Updated', clauseNames: ['updated', 'updatedDate'], schema: { type: 'datetime', system: 'updated' } },
  { id: 'duedate', name: 'Due date', clauseNames: ['due', 'duedate'], schema: { type: 'date', system: 'duedate' } },
  { id: 'labels', name: 'Labels', schema: { type: 'array', items: 'string', system: 'labels' } },
  { id: 'components', name: 'Components', clauseNames: ['component'], schema: { type: 'array', items: 'component', system: 'components' } },
  {
    id: 'fixVersions',
    name: 'Fix versions',
    clauseNames: ['fixVersion'],
    schema: { type: 'array', items: 'version', system: 'fixVersions' },
  },
  {
    id: 'versions',
    name: 'Affects versions',
    clauseNames: ['affectedVersion'],
    schema: { type: 'array', items: 'version', system: 'versions' },
  },
  { id: 'assignee', name: 'Assignee', schema: { type: 'user', system: 'assignee' } },
  { id: 'reporter', name: 'Reporter', schema: { type: 'user', system: 'reporter' } },
  { id: 'creator', name: 'Creator', schema: { type: 'user', system: 'creator' } },
  { id: 'description', name: 'Description', schema: { type: 'string', system: 'description' } },
  { id: 'environment', name: 'Environment', schema: { type: 'string', system: 'environment' } },
  {
    id: 'issuelinks',
    name: 'Linked Issues',
    clauseNames: ['issueLink'],
    orderable: false,
    schema: { type: 'array', items: 'issuelinks', system: 'issuelinks' },
  },
  {
    id: 'subtasks',
    name: 'Sub-tasks',
    clauseNames: ['subtasks'],
    orderable: false,
    schema: { type: 'array', items: 'issuelinks', system: 'subtasks' },
  },
  {
    id: 'timetracking',
    name: 'Time tracking',
    navigable: true,
    orderable: false,
    searchable: false,
    clauseNames: [],
    schema: { type: 'timetracking', system: 'timetracking' },
  },
  {
    id: 'timeoriginalestimate',
    name: 'Original estimate',
    clauseNames: ['originalEstimate', 'timeoriginalestimate'],
    schema: { type: 'number', system: 'timeoriginalestimate' },
  },
  {
    id: 'timeestimate',
    name: 'Remaining Estimate',
    clauseNames: ['remainingEstimate', 'timeestimate'],
    schema: { type: 'number', system: 'timeestimate' },
  },
  { id: 'timespent', name: 'Time Spent', clauseNames: ['timespent'], schema: { type: 'number', system: 'timespent' } },
  {
    id: 'aggregatetimeoriginalestimate',
    name: 'Σ Original Estimate',
    clauseNames: [],
    schema: { type: 'number', system: 'aggregatetimeoriginalestimate' },
  },
  {
    id: 'aggregatetimeestimate',
    name: 'Σ Remaining Estimate',
    clauseNames: [],
    schema: { type: 'number', system: 'aggregatetimeestimate' },
  },
  { id: 'aggregatetimespent', name: 'Σ Time Spent', clauseNames: [], schema: { type: 'number', system: 'aggregatetimespent' } },
  { id: 'progress', name: 'Progress', clauseNames: ['progress'], schema: { type: 'progress', system: 'progress' } },
  { id: 'aggregateprogress', name: 'Σ Progress', clauseNames: [], schema: { type: 'progress', system: 'aggregateprogress' } },
  { id: 'workratio', name: 'Work Ratio', clauseNames: ['workratio'], schema: { type: 'number', system: 'workratio' } },
  {
    id: 'worklog',
    name: 'Log Work',
    navigable: false,
    orderable: true,
    clauseNames: [],
    schema: { type: 'array', items: 'worklog', system: 'worklog' },
  },
  { id: 'comment', name: 'Comment', navigable: false, clauseNames: ['comment'], schema: { type: 'comments-page', system: 'comment' } },
  {
    id: 'attachment',
    name: 'Attachment',
    clauseNames: ['attachments'],
    schema: { type: 'array', items: 'attachment', system: 'attachment' },
  },
  { id: 'votes', name: 'Votes', clauseNames: ['votes'], schema: { type: 'votes', system: 'votes' } },
  { id: 'watches', name: 'Watchers', clauseNames: ['watchers'], schema: { type: 'watches', system: 'watches' } },
  { id: 'lastViewed', name: 'Last Viewed', clauseNames: ['lastViewed'], schema: { type: 'datetime', system: 'lastViewed' } },
  { id: 'security', name: 'Security Level', clauseNames: ['level'], schema: { type: 'securitylevel', system: 'security' } },
  {
    id: 'issuerestriction',
    name: 'Restrict to',
    orderable: false,
    clauseNames: [],
    schema: { type: 'issuerestriction', system: 'issuerestriction' },
  },
  { id: 'issuekey', name: 'Key', orderable: false, clauseNames: ['id', 'issue', 'issuekey', 'key'] },
  { id: 'thumbnail', name: 'Images', orderable: false, searchable: false, clauseNames: [] },
];

const CUSTOM_FIELDS: FieldSpec[] = [
  {
    id: FIELD_ID.startDate,
    name: 'Start date',
    schema: { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker', customId: 10015 },
  },
  {
    id: FIELD_ID.storyPoints,
    name: 'Story point estimate',
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
  },
  { id: FIELD_ID.rank, name: 'Rank', schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank', customId: 10019 } },
  {
    id: FIELD_ID.sprint,
    name: 'Sprint',
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
  },
  {
    id: FIELD_ID.flagged,
    name: 'Flagged',
    schema: {
      type: 'array',
      items: 'option',
      custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
      customId: 10021,
    },
  },
  {
    id: FIELD_ID.storyPointsClassic,
    name: 'Story Points',
    schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10026 },
  },
];

export function fieldsJson(): JsonObject[] {
  const system = SYSTEM_FIELDS.map((field) => ({
    id: field.id,
    key: field.id,
    name: field.name,
    custom: false,
    orderable: field.orderable ?? true,
    navigable: field.navigable ?? true,
    searchable: field.searchable ?? true,
    clauseNames: field.clauseNames ?? [field.id],
    ...(field.schema ? { schema: field.schema } : {}),
  }));
  const custom = CUSTOM_FIELDS.map((field) => {
    const number = field.id.replace('customfield_', '');
    return {
      id: field.id,
      key: field.id,
      name: field.name,
      custom: true,
      orderable: true,
      navigable: true,
      searchable: true,
      clauseNames: [`cf[${number}]`, field.name, `${field.name}[${field.schema?.['type'] === 'number' ? 'Number' : 'Date'}]`],
      ...(field.schema ? { schema: field.schema } : {}),
    };
  });
  return [...system, ...custom];
}

/** `2w 1d 4h 30m` with Jira's default 8-hour day and 5-day week. */
export function formatDuration(seconds: number): string {
  if (seconds <= 0) return '0m';
  const parts: string[] = [];
  let rest = Math.round(seconds / 60);
  const units: [string, number][] = [
    ['w', 5 * 8 * 60],
    ['d', 8 * 60],
    ['h', 60],
    ['m', 1],
  ];
  for (const [unit, minutes] of units) {
    const count = Math.floor(rest / minutes);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * minutes;
  }
  return parts.join(' ');
}
