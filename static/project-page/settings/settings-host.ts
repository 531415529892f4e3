/**
 * What the Settings section needs from the host besides the resolvers: the context's project,
 * Jira's own lists to choose from (custom fields, issue types, statuses, link types), a flag
 * after a save, and a file download. A port, like the backend client: the section receives it,
 * tests give it a fake, and `createBridgeSettingsHost` talks to `@forge/bridge`.
 */
import * as z from 'zod/mini';
import type { FieldOverrideKey } from './settings-form';

export interface ProjectRef {
  id: string;
  key: string;
}

export interface JiraFieldOption {
  id: string;
  name: string;
  /** `schema.type` (`number`, `date`, `array`…), '' when Jira gives none. */
  type: string;
  /** `schema.items` for arrays (`option`, `json`…), '' otherwise. */
  items: string;
  /** `schema.custom`, the field type's stable key. */
  custom: string;
}

export interface IssueTypeOption {
  id: string;
  name: string;
  subtask: boolean;
}

export interface JiraLookup {
  /** The site's custom fields. */
  customFields(): Promise<JiraFieldOption[]>;
  /** The issue types of one project. */
  issueTypes(project: ProjectRef): Promise<IssueTypeOption[]>;
  /** Every status name on the site, sorted, once each. */
  statusNames(): Promise<string[]>;
  /** Every issue link type name, sorted. */
  linkTypeNames(): Promise<string[]>;
}

export interface SettingsFlag {
  title: string;
  description?: string;
  type: 'success' | 'error' | 'info' | 'warning';
}

export interface SettingsHost {
  /** The project the page is open in, from the Forge context; null when the host does not say. */
  project(): Promise<ProjectRef | null>;
  jira: JiraLookup;
  /** A transient message in the product's flag area; nothing when the host has none. */
  showFlag(flag: SettingsFlag): void;
  /** Offers a text file to save. */
  download(fileName: string, text: string, mimeType: string): void;
}

/** What `@forge/bridge`'s `requestJira` answers, as far as the lookups read it. */
export interface JiraResponseLike {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}
export type RequestJiraFn = (restPath: string) => Promise<JiraResponseLike>;

export class JiraLookupError extends Error {
  constructor(
    readonly restPath: string,
    reason: string,
  ) {
    super(`Jira ${restPath}: ${reason}`);
    this.name = 'JiraLookupError';
  }
}

// Schemas cover what is read and let every other key through (Jira adds keys over time).
const fieldsJson = z.array(
  z.looseObject({
    id: z.string(),
    name: z.string(),
    custom: z.optional(z.boolean()),
    schema: z.optional(z.looseObject({ type: z.optional(z.string()), items: z.optional(z.string()), custom: z.optional(z.string()) })),
  }),
);
const projectJson = z.looseObject({
  issueTypes: z.optional(z.array(z.looseObject({ id: z.string(), name: z.string(), subtask: z.optional(z.boolean()) }))),
});
const statusesJson = z.array(z.looseObject({ name: z.string() }));
const linkTypesJson = z.looseObject({ issueLinkTypes: z.array(z.looseObject({ name: z.string() })) });

async function getJson<T>(requestJira: RequestJiraFn, restPath: string, schema: z.ZodMiniType<T>): Promise<T> {
  let response: JiraResponseLike;
  try {
    response = await requestJira(restPath);
  } catch (error: unknown) {
    throw new JiraLookupError(restPath, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw new JiraLookupError(restPath, `HTTP ${String(response.status)}`);
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) throw new JiraLookupError(restPath, 'unexpected response');
  return parsed.data;
}

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
const uniqueSorted = (names: readonly string[]) =>
  [...new Set(names.map((name) => name.trim()).filter((name) => name !== ''))].sort(byName);

/** Jira lookups over a `requestJira` (as the user: they see what their permissions allow). */
export function createJiraLookup(requestJira: RequestJiraFn): JiraLookup {
  return {
    /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-fields/#api-rest-api-3-field-get */
    async customFields() {
      const fields = await getJson(requestJira, '/rest/api/3/field', fieldsJson);
      return fields
        .filter((field) => field.custom !== false && field.id.startsWith('customfield_'))
        .map((field) => ({
          id: field.id,
          name: field.name,
          type: field.schema?.type ?? '',
          items: field.schema?.items ?? '',
          custom: field.schema?.custom ?? '',
        }))
        .sort((a, b) => byName(a.name, b.name) || byName(a.id, b.id));
    },
    /**
     * The project's own issue types, as Jira lists them on the project.
     * @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-projectidorkey-get
     */
    async issueTypes(project) {
      const json = await getJson(requestJira, `/rest/api/3/project/${encodeURIComponent(project.key)}?expand=issueTypes`, projectJson);
      return (json.issueTypes ?? []).map((type) => ({ id: type.id, name: type.name, subtask: type.subtask ?? false }));
    },
    /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-workflow-statuses/#api-rest-api-3-status-get */
    async statusNames() {
      return uniqueSorted((await getJson(requestJira, '/rest/api/3/status', statusesJson)).map((status) => status.name));
    },
    /** @see https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-link-types/#api-rest-api-3-issuelinktype-get */
    async linkTypeNames() {
      return uniqueSorted((await getJson(requestJira, '/rest/api/3/issueLinkType', linkTypesJson)).issueLinkTypes.map((type) => type.name));
    },
  };
}

const SPRINT_SCHEMA = 'com.pyxis.greenhopper.jira:gh-sprint';

/** Whether a custom field could hold the value an override reads (its schema type fits). */
export function fitsOverride(key: FieldOverrideKey, field: JiraFieldOption): boolean {
  switch (key) {
    case 'storyPoints':
      return field.type === 'number';
    case 'flagged':
      return field.type === 'array' && field.items === 'option';
    case 'sprint':
      return field.custom === SPRINT_SCHEMA || (field.type === 'array' && field.items === 'json');
    case 'startDate':
      return field.type === 'date' || field.type === 'datetime';
  }
}

/**
 * The fields to offer for an override: those whose type fits (every custom field when none
 * does, since a site may use an odd type), and the current choice even if Jira no longer
 * lists it (shown by its id, so the PM sees what is set and can change it).
 */
export function toFieldChoices(key: FieldOverrideKey, fields: readonly JiraFieldOption[], current: string): JiraFieldOption[] {
  const fitting = fields.filter((field) => fitsOverride(key, field));
  const choices = fitting.length > 0 ? fitting : [...fields];
  if (current !== '' && !choices.some((field) => field.id === current)) {
    const known = fields.find((field) => field.id === current);
    choices.unshift(known ?? { id: current, name: current, type: '', items: '', custom: '' });
  }
  return choices;
}

// ---------------------------------------------------------------------------------------------
// The bridge adapter.

const contextJson = z.looseObject({
  extension: z.looseObject({ project: z.optional(z.looseObject({ id: z.coerce.string(), key: z.string() })) }),
});

/** `@forge/bridge` is imported lazily, as in backend-client.ts: Node tests load this module. */
const bridgeRequestJira: RequestJiraFn = async (restPath) => {
  const { requestJira } = await import('@forge/bridge');
  return requestJira(restPath, { headers: { Accept: 'application/json' } });
};

let flagSequence = 0;

function downloadInBrowser(fileName: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by the time the next task runs.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

export function createBridgeSettingsHost(requestJira: RequestJiraFn = bridgeRequestJira): SettingsHost {
  return {
    async project() {
      try {
        const { view } = await import('@forge/bridge');
        const parsed = contextJson.safeParse(await view.getContext());
        return parsed.success ? (parsed.data.extension.project ?? null) : null;
      } catch {
        return null;
      }
    },
    jira: createJiraLookup(requestJira),
    showFlag(flag) {
      flagSequence += 1;
      void import('@forge/bridge')
        .then(({ showFlag }) => {
          showFlag({ id: `cf-settings-${String(flagSequence)}`, isAutoDismiss: flag.type === 'success', ...flag });
        })
        .catch(() => undefined);
    },
    download: downloadInBrowser,
  };
}
