import { describe, expect, it } from 'vitest';
import { discoverFields } from './discover-fields';
import type { JiraFieldJson } from './jira-json';

const field = (id: string, name: string, schema?: { type?: string; custom?: string; items?: string }): JiraFieldJson => ({
  id,
  name,
  custom: id.startsWith('customfield_'),
  ...(schema ? { schema } : {}),
});

/** The custom fields of a Jira Software Cloud site, as `/rest/api/3/field` lists them. */
const CLOUD_SITE: JiraFieldJson[] = [
  field('summary', 'Summary', { type: 'string' }),
  field('customfield_10015', 'Start date', { type: 'date', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker' }),
  field('customfield_10016', 'Story point estimate', { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' }),
  field('customfield_10019', 'Rank', { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-lexo-rank' }),
  field('customfield_10020', 'Sprint', { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }),
  field('customfield_10021', 'Flagged', {
    type: 'array',
    items: 'option',
    custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
  }),
  field('customfield_10026', 'Story Points', { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' }),
];

describe('discoverFields', () => {
  it('finds every field on a Cloud site, preferring the schema-backed story points', () => {
    expect(discoverFields(CLOUD_SITE)).toEqual({
      storyPoints: ['customfield_10016', 'customfield_10026'],
      flagged: 'customfield_10021',
      sprint: 'customfield_10020',
      startDate: 'customfield_10015',
    });
  });

  it('lets settings override each field; null discovers', () => {
    expect(discoverFields(CLOUD_SITE, { storyPoints: 'customfield_10026', flagged: null, sprint: null, startDate: null })).toEqual({
      storyPoints: ['customfield_10026'],
      flagged: 'customfield_10021',
      sprint: 'customfield_10020',
      startDate: 'customfield_10015',
    });
    expect(
      discoverFields(CLOUD_SITE, {
        storyPoints: 'customfield_99',
        flagged: 'customfield_98',
        sprint: 'customfield_97',
        startDate: 'customfield_96',
      }),
    ).toEqual({ storyPoints: ['customfield_99'], flagged: 'customfield_98', sprint: 'customfield_97', startDate: 'customfield_96' });
  });

  it.each([
    [
      'ids swapped on another site (Flagged is 10020, Sprint 10021)',
      [
        field('customfield_10021', 'Sprint', { type: 'array', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }),
        field('customfield_10020', 'Flagged', {
          type: 'array',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes',
        }),
      ],
      { storyPoints: [], flagged: 'customfield_10020', sprint: 'customfield_10021', startDate: null },
    ],
    [
      'a localized site: schema keys still find Sprint and story points',
      [
        field('customfield_10030', '冲刺', { type: 'array', custom: 'com.pyxis.greenhopper.jira:gh-sprint' }),
        field('customfield_10031', '故事点估算', { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points' }),
      ],
      { storyPoints: ['customfield_10031'], flagged: null, sprint: 'customfield_10030', startDate: null },
    ],
    [
      'a classic "Story Points" number field only, and Advanced Roadmaps target start',
      [
        field('customfield_10002', 'Story Points', { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' }),
        field('customfield_10003', 'Story Points', {
          type: 'string',
          custom: 'com.atlassian.jira.plugin.system.customfieldtypes:textfield',
        }),
        field('customfield_10004', 'Target start', { type: 'date', custom: 'com.atlassian.jpo:jpo-custom-field-baseline-start' }),
      ],
      { storyPoints: ['customfield_10002'], flagged: null, sprint: null, startDate: 'customfield_10004' },
    ],
    ['no custom fields at all', [field('summary', 'Summary')], { storyPoints: [], flagged: null, sprint: null, startDate: null }],
  ])('%s', (_name, fields, expected) => {
    expect(discoverFields(fields)).toEqual(expected);
  });
});
