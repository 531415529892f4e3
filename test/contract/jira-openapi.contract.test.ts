/**
 * Contract: every endpoint the Jira emulator implements answers with a body that validates
 * against the response schema of the same operation in Atlassian's published OpenAPI spec
 * (../shared/jira-openapi/swagger-v3.v3.json). Error bodies are checked against
 * ErrorCollection, Jira's documented error shape, where the spec declares no body.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDatasets } from '../../local/jira/demo-generator';
import { JiraEmulator } from '../../local/jira/emulator';

const here = dirname(fileURLToPath(import.meta.url));
const SPEC_PATH = resolve(here, '../../../shared/jira-openapi/swagger-v3.v3.json');
const SPEC_ID = 'jira-openapi.json';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
}

function loadSpec(): Spec {
  const spec = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Spec;
  // Known spec-vs-site deviations, kept narrow on purpose: real sites send null for an unset
  // side of a change item (e.g. a status set for the first time), which the spec omits.
  const changeDetails = spec.components.schemas['ChangeDetails']?.['properties'] as Record<string, Record<string, unknown>> | undefined;
  for (const key of ['from', 'fromString', 'to', 'toString']) {
    const property = changeDetails?.[key];
    if (property) property['nullable'] = true;
  }
  return spec;
}

function createAjv(spec: Spec): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  // Why: Jira's date-times carry offsets without a colon ("+0000"), which RFC 3339 forbids.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i);
  for (const name of ['int32', 'int64', 'float', 'double', 'binary']) ajv.addFormat(name, true);
  ajv.addSchema({ $id: SPEC_ID, components: spec.components });
  return ajv;
}

function withSpecRefs(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${SPEC_ID}#/components/`));
}

let spec: Spec;
let ajv: Ajv;
const validators = new Map<string, ValidateFunction>();

function validatorFor(method: string, template: string, status: number): ValidateFunction | 'no-body' | 'any' {
  const key = `${method} ${template} ${status}`;
  const cached = validators.get(key);
  if (cached) return cached;
  const operation = spec.paths[template]?.[method.toLowerCase()];
  if (!operation) throw new Error(`The spec has no operation ${method} ${template}`);
  const response = operation.responses[String(status)];
  let schema = response?.content?.['application/json']?.schema;
  if (status >= 400 && !schema) schema = { $ref: '#/components/schemas/ErrorCollection' };
  if (!response && status < 400) throw new Error(`The spec declares no ${status} response for ${method} ${template}`);
  if (!schema) return 'no-body';
  if (typeof schema === 'object' && Object.keys(schema).length === 0) return 'any';
  const validate = ajv.compile(withSpecRefs(schema) as object);
  validators.set(key, validate);
  return validate;
}

interface Case {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  template: string;
  path: string;
  body?: unknown;
  status: number;
}

const ADF = {
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Weekly report shared with Acme.' }] }],
};

const CASES: Case[] = [
  {
    name: 'search ids only',
    method: 'GET',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql?jql=project%20%3D%20ACME&maxResults=500',
    status: 200,
  },
  {
    name: 'search *all with changelog, names, schema',
    method: 'GET',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql?jql=project%20in%20(ACME%2C%20HZ)%20ORDER%20BY%20updated%20DESC&fields=*all&expand=changelog,names,schema&maxResults=100',
    status: 200,
  },
  {
    name: 'search HZ *all',
    method: 'GET',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql?jql=project%20%3D%20HZ&fields=*all&expand=changelog&maxResults=100',
    status: 200,
  },
  {
    name: 'search POST with properties',
    method: 'POST',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql',
    body: {
      jql: 'project = ACME AND statusCategory != Done',
      fields: ['summary', 'status', 'customfield_10016'],
      properties: ['clientRisk'],
      maxResults: 20,
    },
    status: 200,
  },
  {
    name: 'search unbounded',
    method: 'GET',
    template: '/rest/api/3/search/jql',
    path: '/rest/api/3/search/jql?jql=order%20by%20key',
    status: 400,
  },
  {
    name: 'approximate count',
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    path: '/rest/api/3/search/approximate-count',
    body: { jql: 'project = ACME' },
    status: 200,
  },
  {
    name: 'approximate count unbounded',
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    path: '/rest/api/3/search/approximate-count',
    body: { jql: '' },
    status: 400,
  },
  {
    name: 'bulk changelog',
    method: 'POST',
    template: '/rest/api/3/changelog/bulkfetch',
    path: '/rest/api/3/changelog/bulkfetch',
    body: { issueIdsOrKeys: ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-20', 'HZ-3'], maxResults: 30 },
    status: 200,
  },
  {
    name: 'bulk changelog invalid',
    method: 'POST',
    template: '/rest/api/3/changelog/bulkfetch',
    path: '/rest/api/3/changelog/bulkfetch',
    body: { issueIdsOrKeys: [] },
    status: 400,
  },
  {
    name: 'get issue',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: '/rest/api/3/issue/ACME-12?expand=changelog,names,schema&properties=clientRisk',
    status: 200,
  },
  {
    name: 'get issue missing',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: '/rest/api/3/issue/ACME-99999',
    status: 404,
  },
  {
    name: 'set property (create)',
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    path: '/rest/api/3/issue/ACME-12/properties/clientRisk',
    body: { level: 'high', score: 70 },
    status: 201,
  },
  {
    name: 'set property (update)',
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    path: '/rest/api/3/issue/ACME-12/properties/clientRisk',
    body: { level: 'medium', score: 40 },
    status: 200,
  },
  {
    name: 'get property',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    path: '/rest/api/3/issue/ACME-12/properties/clientRisk',
    status: 200,
  },
  {
    name: 'list properties',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties',
    path: '/rest/api/3/issue/ACME-12/properties',
    status: 200,
  },
  {
    name: 'delete property',
    method: 'DELETE',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    path: '/rest/api/3/issue/ACME-12/properties/clientRisk',
    status: 204,
  },
  {
    name: 'get deleted property',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    path: '/rest/api/3/issue/ACME-12/properties/clientRisk',
    status: 404,
  },
  {
    name: 'project versions',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/versions',
    path: '/rest/api/3/project/ACME/versions',
    status: 200,
  },
  {
    name: 'project versions missing',
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/versions',
    path: '/rest/api/3/project/NOPE/versions',
    status: 404,
  },
  {
    name: 'project search',
    method: 'GET',
    template: '/rest/api/3/project/search',
    path: '/rest/api/3/project/search?maxResults=1',
    status: 200,
  },
  { name: 'project', method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', path: '/rest/api/3/project/ACME', status: 200 },
  { name: 'project HZ', method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', path: '/rest/api/3/project/10010', status: 200 },
  { name: 'fields', method: 'GET', template: '/rest/api/3/field', path: '/rest/api/3/field', status: 200 },
  { name: 'statuses', method: 'GET', template: '/rest/api/3/status', path: '/rest/api/3/status', status: 200 },
  { name: 'priorities', method: 'GET', template: '/rest/api/3/priority/search', path: '/rest/api/3/priority/search', status: 200 },
  {
    name: 'all priorities (the list the app reads)',
    method: 'GET',
    template: '/rest/api/3/priority',
    path: '/rest/api/3/priority',
    status: 200,
  },
  { name: 'issue link types', method: 'GET', template: '/rest/api/3/issueLinkType', path: '/rest/api/3/issueLinkType', status: 200 },
  {
    name: 'my permissions',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: '/rest/api/3/mypermissions?projectKey=ACME&permissions=BROWSE_PROJECTS,CREATE_ISSUES,ADD_COMMENTS',
    status: 200,
  },
  {
    name: 'my permissions without keys',
    method: 'GET',
    template: '/rest/api/3/mypermissions',
    path: '/rest/api/3/mypermissions',
    status: 400,
  },
  { name: 'myself', method: 'GET', template: '/rest/api/3/myself', path: '/rest/api/3/myself', status: 200 },
  {
    name: 'create issue',
    method: 'POST',
    template: '/rest/api/3/issue',
    path: '/rest/api/3/issue',
    body: {
      fields: {
        project: { key: 'ACME' },
        issuetype: { name: 'Task' },
        summary: 'Schedule acceptance review with Acme',
        description: ADF,
        duedate: '2026-06-30',
      },
    },
    status: 201,
  },
  {
    name: 'create issue invalid',
    method: 'POST',
    template: '/rest/api/3/issue',
    path: '/rest/api/3/issue',
    body: { fields: { project: { key: 'NOPE' } } },
    status: 400,
  },
  {
    name: 'add comment',
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    path: '/rest/api/3/issue/ACME-12/comment',
    body: { body: ADF },
    status: 201,
  },
  {
    name: 'add comment invalid',
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/comment',
    path: '/rest/api/3/issue/ACME-12/comment',
    body: { body: 'plain text' },
    status: 400,
  },
  {
    name: 'edit issue',
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: '/rest/api/3/issue/ACME-12',
    body: { fields: { summary: 'Renamed by contract test', priority: { name: 'High' } }, update: { labels: [{ add: 'client' }] } },
    status: 204,
  },
  {
    name: 'transitions',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    path: '/rest/api/3/issue/ACME-12/transitions',
    status: 200,
  },
  {
    name: 'transition to done',
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    path: '/rest/api/3/issue/ACME-12/transitions',
    body: { transition: { id: '10003' } },
    status: 204,
  },
  {
    name: 'transition invalid',
    method: 'POST',
    template: '/rest/api/3/issue/{issueIdOrKey}/transitions',
    path: '/rest/api/3/issue/ACME-12/transitions',
    body: { transition: { id: '99999' } },
    status: 400,
  },
  {
    name: 'edit issue invalid',
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: '/rest/api/3/issue/ACME-12',
    body: { fields: { unknownfield: 1 } },
    status: 400,
  },
  {
    name: 'get edited issue',
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    path: '/rest/api/3/issue/ACME-12?expand=changelog',
    status: 200,
  },
];

describe('Jira emulator responses match the Jira OpenAPI spec', () => {
  const emulator = new JiraEmulator({
    datasets: generateDemoDatasets({ now: new Date('2026-06-12T08:00:00Z') }),
    now: () => new Date('2026-06-12T08:00:00Z'),
  });

  beforeAll(() => {
    spec = loadSpec();
    ajv = createAjv(spec);
  });

  it.each(CASES)('$method $template ($name) -> $status', async ({ method, template, path, body, status }) => {
    const request = new Request(`https://local.invalid${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    const response = await emulator.handle(request);
    const text = await response.text();
    expect(response.status, text.slice(0, 500)).toBe(status);
    const validate = validatorFor(method, template, status);
    if (validate === 'no-body') {
      expect(text).toBe('');
      return;
    }
    if (validate === 'any') return;
    const json: unknown = JSON.parse(text);
    const valid = validate(json);
    expect(valid, ajv.errorsText(validate.errors, { separator: '\n' })).toBe(true);
  });

  it('every implemented endpoint is covered', () => {
    const covered = new Set(CASES.map((c) => `${c.method} ${c.template}`));
    for (const endpoint of [
      'GET /rest/api/3/search/jql',
      'POST /rest/api/3/search/jql',
      'POST /rest/api/3/search/approximate-count',
      'POST /rest/api/3/changelog/bulkfetch',
      'GET /rest/api/3/issue/{issueIdOrKey}',
      'PUT /rest/api/3/issue/{issueIdOrKey}',
      'POST /rest/api/3/issue',
      'POST /rest/api/3/issue/{issueIdOrKey}/comment',
      'GET /rest/api/3/issue/{issueIdOrKey}/properties',
      'GET /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'PUT /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'DELETE /rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
      'GET /rest/api/3/project/{projectIdOrKey}/versions',
      'GET /rest/api/3/project/search',
      'GET /rest/api/3/project/{projectIdOrKey}',
      'GET /rest/api/3/field',
      'GET /rest/api/3/status',
      'GET /rest/api/3/priority/search',
      'GET /rest/api/3/priority',
      'GET /rest/api/3/issueLinkType',
      'GET /rest/api/3/mypermissions',
      'GET /rest/api/3/myself',
    ]) {
      expect(covered, endpoint).toContain(endpoint);
    }
  });

  it('fails a response that breaks the schema (the check has teeth)', () => {
    const validate = validatorFor('GET', '/rest/api/3/project/{projectIdOrKey}/versions', 200);
    if (typeof validate === 'string') throw new Error('expected a schema');
    expect(validate([{ id: '1', name: 'M1', releaseDate: 'next week' }])).toBe(false);
    expect(validate([{ id: '1', name: 'M1', notInTheSpec: true }])).toBe(false);
    const search = validatorFor('GET', '/rest/api/3/search/jql', 200);
    if (typeof search === 'string') throw new Error('expected a schema');
    expect(search({ issues: [], isLast: true, total: 0 })).toBe(false);
  });
});
