import { DEFAULT_PROJECT_SETTINGS, type FieldOverridesJson } from '../../../contract/settings';
import type { JiraFieldJson } from './jira-json';

/** Custom field ids of one site. Ids never leave `adapters/jira`: the domain sees values only. */
export interface DiscoveredFields {
  /** Candidates in preference order; an issue's story points are the first non-null. */
  storyPoints: readonly string[];
  flagged: string | null;
  sprint: string | null;
  startDate: string | null;
}

const STORY_POINTS_SCHEMAS = ['com.pyxis.greenhopper.jira:jsw-story-points', 'com.pyxis.greenhopper.jira:gh-story-points'];
const STORY_POINTS_NAMES = ['story point estimate', 'story points'];
const SPRINT_SCHEMA = 'com.pyxis.greenhopper.jira:gh-sprint';
const MULTI_CHECKBOXES = 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes';
const DATE_PICKER = 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker';
/** Advanced Roadmaps' "Target start", used when a site has no "Start date" field. */
const TARGET_START_SCHEMA = 'com.atlassian.jpo:jpo-custom-field-baseline-start';

/**
 * Finds Story Points, Flagged, Sprint and Start date among `/rest/api/3/field`, because their
 * ids differ per site (`customfield_10021` is Flagged on one site and Sprint on another).
 * Schema keys are stable across languages; names are the fallback. Overrides from settings win;
 * a null override means "discover".
 *
 * Story points: team-managed projects use "Story point estimate" (`jsw-story-points`), older
 * company-managed ones a number field "Story Points"; both may exist on one site, so both are
 * read and the schema-backed one is preferred when an issue has both.
 */
export function discoverFields(
  fields: readonly JiraFieldJson[],
  overrides: FieldOverridesJson = DEFAULT_PROJECT_SETTINGS.fieldOverrides,
): DiscoveredFields {
  const custom = fields.filter((f) => f.custom !== false && f.id.startsWith('customfield_'));
  const named = (f: JiraFieldJson, names: readonly string[]) => names.includes(f.name.trim().toLowerCase());
  const schemaOf = (f: JiraFieldJson) => f.schema?.custom ?? '';

  const storyPoints: string[] = [];
  const addPoints = (id: string) => {
    if (!storyPoints.includes(id)) storyPoints.push(id);
  };
  for (const schema of STORY_POINTS_SCHEMAS) for (const f of custom) if (schemaOf(f) === schema) addPoints(f.id);
  for (const name of STORY_POINTS_NAMES) {
    for (const f of custom) if (named(f, [name]) && (f.schema?.type ?? 'number') === 'number') addPoints(f.id);
  }

  const flagged =
    custom.find((f) => named(f, ['flagged']) && schemaOf(f) === MULTI_CHECKBOXES) ?? custom.find((f) => named(f, ['flagged']));
  const sprint = custom.find((f) => schemaOf(f) === SPRINT_SCHEMA) ?? custom.find((f) => named(f, ['sprint']));
  const startDate =
    custom.find((f) => named(f, ['start date']) && schemaOf(f) === DATE_PICKER) ??
    custom.find((f) => named(f, ['start date']) && f.schema?.type === 'date') ??
    custom.find((f) => schemaOf(f) === TARGET_START_SCHEMA);

  return {
    storyPoints: overrides.storyPoints !== null ? [overrides.storyPoints] : storyPoints,
    flagged: overrides.flagged ?? flagged?.id ?? null,
    sprint: overrides.sprint ?? sprint?.id ?? null,
    startDate: overrides.startDate ?? startDate?.id ?? null,
  };
}

/**
 * Whether `discoverFields` could pick this field: what a cached copy of `/field` must keep.
 * A site can have thousands of custom fields; the cache keeps the few candidates (overrides
 * from settings name their field by id and need no list).
 */
export function isDiscoveryCandidate(field: JiraFieldJson): boolean {
  if (field.custom === false || !field.id.startsWith('customfield_')) return false;
  const schema = field.schema?.custom ?? '';
  const name = field.name.trim().toLowerCase();
  return (
    STORY_POINTS_SCHEMAS.includes(schema) ||
    schema === SPRINT_SCHEMA ||
    schema === TARGET_START_SCHEMA ||
    [...STORY_POINTS_NAMES, 'flagged', 'sprint', 'start date'].includes(name)
  );
}
