import type { IssueTypeOption, JiraFieldOption, ProjectRef, SettingsFlag, SettingsHost } from '../project-page/settings/settings-host';

export interface FakeSettingsHost extends SettingsHost {
  /** Flags shown, in order. */
  readonly flags: SettingsFlag[];
  /** Files offered for download, in order. */
  readonly downloads: { fileName: string; text: string; mimeType: string }[];
}

/** Custom fields as a Jira Cloud site lists them (after `createJiraLookup`'s mapping). */
export const SAMPLE_CUSTOM_FIELDS: JiraFieldOption[] = [
  {
    id: 'customfield_10015',
    name: 'Start date',
    type: 'date',
    items: '',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker',
  },
  {
    id: 'customfield_10016',
    name: 'Story point estimate',
    type: 'number',
    items: '',
    custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
  },
  { id: 'customfield_10019', name: 'Rank', type: 'any', items: '', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' },
  { id: 'customfield_10020', name: 'Sprint', type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
  {
    id: 'customfield_10021',
    name: 'Flagged',
    type: 'array',
    items: 'option',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
  },
  {
    id: 'customfield_10026',
    name: 'Story Points',
    type: 'number',
    items: '',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float',
  },
];

export const SAMPLE_ISSUE_TYPES: IssueTypeOption[] = [
  { id: '10001', name: 'Story', subtask: false },
  { id: '10002', name: 'Bug', subtask: false },
  { id: '10003', name: 'Sub-task', subtask: true },
];

/** A host with the sample lists, or failing lookups (`jiraDown`), recording flags and downloads. */
export function createFakeSettingsHost({
  project = { id: '10000', key: 'ACME' },
  jiraDown = false,
}: { project?: ProjectRef | null; jiraDown?: boolean } = {}): FakeSettingsHost {
  const flags: SettingsFlag[] = [];
  const downloads: FakeSettingsHost['downloads'] = [];
  const answer = <T>(value: T): Promise<T> => (jiraDown ? Promise.reject(new Error('Jira is down')) : Promise.resolve(value));
  return {
    flags,
    downloads,
    project: () => Promise.resolve(project),
    jira: {
      customFields: () => answer(SAMPLE_CUSTOM_FIELDS),
      issueTypes: () => answer(SAMPLE_ISSUE_TYPES),
      statusNames: () => answer(['Done', 'In Progress', 'To Do', 'Waiting for customer']),
      linkTypeNames: () => answer(['Blocks', 'Cloners', 'Relates']),
    },
    showFlag: (flag) => {
      flags.push(flag);
    },
    download: (fileName, text, mimeType) => {
      downloads.push({ fileName, text, mimeType });
    },
  };
}
