import { describe, expect, it } from 'vitest';
import { SAMPLE_CUSTOM_FIELDS } from '../../testing/fake-settings-host';
import { createJiraLookup, fitsOverride, JiraLookupError, toFieldChoices, type JiraResponseLike } from './settings-host';

/** A `requestJira` answering recorded-shape JSON per path, and recording the paths asked. */
function fakeJira(answers: Record<string, { status?: number; body: unknown }>) {
  const asked: string[] = [];
  const requestJira = (restPath: string): Promise<JiraResponseLike> => {
    asked.push(restPath);
    const answer = answers[restPath];
    if (!answer) return Promise.reject(new Error(`offline: ${restPath}`));
    const status = answer.status ?? 200;
    return Promise.resolve({ ok: status < 300, status, json: () => Promise.resolve(answer.body) });
  };
  return { asked, lookup: createJiraLookup(requestJira) };
}

const FIELD_JSON = [
  { id: 'summary', key: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
  {
    id: 'customfield_10020',
    key: 'customfield_10020',
    name: 'Sprint',
    custom: true,
    clauseNames: ['cf[10020]', 'Sprint'],
    schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 },
  },
  {
    id: 'customfield_10016',
    key: 'customfield_10016',
    name: 'Story point estimate',
    custom: true,
    schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 },
  },
  { id: 'customfield_10099', name: 'Client notes', custom: true },
];

describe('createJiraLookup', () => {
  it('lists custom fields only, by name, with their schema type', async () => {
    const { lookup, asked } = fakeJira({ '/rest/api/3/field': { body: FIELD_JSON } });
    expect(await lookup.customFields()).toEqual([
      { id: 'customfield_10099', name: 'Client notes', type: '', items: '', custom: '' },
      { id: 'customfield_10020', name: 'Sprint', type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint' },
      {
        id: 'customfield_10016',
        name: 'Story point estimate',
        type: 'number',
        items: '',
        custom: 'com.pyxis.greenhopper.jira:jsw-story-points',
      },
    ]);
    expect(asked).toEqual(['/rest/api/3/field']);
  });

  it('reads the project’s issue types from the project', async () => {
    const { lookup, asked } = fakeJira({
      '/rest/api/3/project/ACME?expand=issueTypes': {
        body: {
          id: '10000',
          key: 'ACME',
          issueTypes: [
            { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
            { id: '10003', name: 'Sub-task', subtask: true },
            { id: '10004', name: 'Epic' },
          ],
        },
      },
    });
    expect(await lookup.issueTypes({ id: '10000', key: 'ACME' })).toEqual([
      { id: '10001', name: 'Story', subtask: false },
      { id: '10003', name: 'Sub-task', subtask: true },
      { id: '10004', name: 'Epic', subtask: false },
    ]);
    expect(asked).toEqual(['/rest/api/3/project/ACME?expand=issueTypes']);
  });

  it('lists status and link type names once each, sorted', async () => {
    const { lookup } = fakeJira({
      '/rest/api/3/status': {
        body: [{ name: 'To Do', id: '1' }, { name: 'Waiting for customer' }, { name: 'To Do', id: '2' }, { name: 'Done' }],
      },
      '/rest/api/3/issueLinkType': { body: { issueLinkTypes: [{ name: 'Relates' }, { name: 'Blocks', inward: 'is blocked by' }] } },
    });
    expect(await lookup.statusNames()).toEqual(['Done', 'To Do', 'Waiting for customer']);
    expect(await lookup.linkTypeNames()).toEqual(['Blocks', 'Relates']);
  });

  it('fails with a typed error on a refusal, a network failure or an unexpected shape', async () => {
    const { lookup } = fakeJira({
      '/rest/api/3/field': { status: 403, body: { errorMessages: ['no'] } },
      '/rest/api/3/status': { body: { values: [] } },
    });
    await expect(lookup.customFields()).rejects.toThrow(JiraLookupError);
    await expect(lookup.customFields()).rejects.toThrow(/HTTP 403/u);
    await expect(lookup.statusNames()).rejects.toThrow(/unexpected response/u);
    await expect(lookup.linkTypeNames()).rejects.toThrow(/offline/u);
  });
});

describe('toFieldChoices', () => {
  it('offers the fields whose type fits each override', () => {
    const ids = (key: Parameters<typeof toFieldChoices>[0]) => toFieldChoices(key, SAMPLE_CUSTOM_FIELDS, '').map((field) => field.id);
    expect(ids('storyPoints')).toEqual(['customfield_10016', 'customfield_10026']);
    expect(ids('flagged')).toEqual(['customfield_10021']);
    expect(ids('sprint')).toEqual(['customfield_10020']);
    expect(ids('startDate')).toEqual(['customfield_10015']);
  });

  it('keeps the current choice first even when its type does not fit or Jira no longer lists it', () => {
    expect(toFieldChoices('sprint', SAMPLE_CUSTOM_FIELDS, 'customfield_10019').map((field) => field.id)).toEqual([
      'customfield_10019',
      'customfield_10020',
    ]);
    expect(toFieldChoices('sprint', SAMPLE_CUSTOM_FIELDS, 'customfield_55555')[0]).toMatchObject({
      id: 'customfield_55555',
      name: 'customfield_55555',
    });
  });

  it('offers every custom field when none fits (a site with odd field types)', () => {
    const odd = SAMPLE_CUSTOM_FIELDS.filter((field) => !fitsOverride('flagged', field));
    expect(toFieldChoices('flagged', odd, '')).toHaveLength(odd.length);
  });
});
