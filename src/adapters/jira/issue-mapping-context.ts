import type { Issue } from '../../domain/issue';
import { toStatusCategoryKey, type StatusCategoryKey } from '../../domain/status-category';
import type { DiscoveredFields } from './discover-fields';
import type { JiraIssueLinkTypeJson, JiraPriorityJson, JiraStatusJson } from './jira-json';

/** Which linked issue of a blocking link blocks the issue that carries the link. */
export type BlockerSide = 'inward' | 'outward';

/**
 * What the issue mapper needs from the site-level reads of one refresh, plus caches that let
 * thousands of issues share one status/type/priority/user object (memory for 100k issues).
 */
export interface IssueMappingContext {
  fields: DiscoveredFields;
  /** The project's IANA zone: the calendar day of a date-time value where the domain wants a day. */
  timeZone: string;
  statusCategoryById: ReadonlyMap<string, StatusCategoryKey>;
  statusCategoryByName: ReadonlyMap<string, StatusCategoryKey>;
  priorityRankById: ReadonlyMap<string, number>;
  priorityRankByName: ReadonlyMap<string, number>;
  priorityCount: number;
  blockerSideByLinkTypeId: Map<string, BlockerSide | null>;
  blockingLinkTypeNames: ReadonlySet<string>;
  /** The statuses that mean "waiting on the client", trimmed and lower-cased (settings). */
  waitingStatusNames: ReadonlySet<string>;
  cache: {
    /** Per status id, every (name, category) seen: one id can carry several (see `toStatus`). */
    statuses: Map<string, Issue['status'][]>;
    types: Map<string, Issue['type']>;
    priorities: Map<string, NonNullable<Issue['priority']>>;
    users: Map<string, NonNullable<Issue['assignee']>>;
  };
}

export interface IssueMappingInputs {
  fields: DiscoveredFields;
  statuses: readonly JiraStatusJson[];
  /** In the scheme's order, highest first (as `/priority/search` lists them). */
  priorities: readonly JiraPriorityJson[];
  linkTypes: readonly JiraIssueLinkTypeJson[];
  /** Link type names that block besides those recognised by their texts (settings). */
  blockingLinkTypes: readonly string[];
  /** The project's IANA zone (settings). */
  timeZone: string;
  /** Status names that mean "waiting on the client" (settings): their changelog dates the wait. */
  waitingStatuses: readonly string[];
}

export function toIssueMappingContext(inputs: IssueMappingInputs): IssueMappingContext {
  const statusCategoryById = new Map<string, StatusCategoryKey>();
  const statusCategoryByName = new Map<string, StatusCategoryKey>();
  for (const status of inputs.statuses) {
    const category = toStatusCategoryKey(status.statusCategory?.key);
    statusCategoryById.set(status.id, category);
    // Names can repeat across team-managed projects; the first wins, ids are tried first anyway.
    const name = status.name.toLowerCase();
    if (!statusCategoryByName.has(name)) statusCategoryByName.set(name, category);
  }
  const priorityRankById = new Map<string, number>();
  const priorityRankByName = new Map<string, number>();
  inputs.priorities.forEach((priority, rank) => {
    if (!priorityRankById.has(priority.id)) priorityRankById.set(priority.id, rank);
    if (!priorityRankByName.has(priority.name)) priorityRankByName.set(priority.name, rank);
  });
  const blockingLinkTypeNames = new Set(inputs.blockingLinkTypes.map((name) => name.trim().toLowerCase()));
  const blockerSideByLinkTypeId = new Map<string, BlockerSide | null>();
  for (const type of inputs.linkTypes) blockerSideByLinkTypeId.set(type.id, toBlockerSide(type, blockingLinkTypeNames));
  return {
    fields: inputs.fields,
    timeZone: inputs.timeZone,
    statusCategoryById,
    statusCategoryByName,
    priorityRankById,
    priorityRankByName,
    priorityCount: priorityRankById.size,
    blockerSideByLinkTypeId,
    blockingLinkTypeNames,
    waitingStatusNames: new Set(inputs.waitingStatuses.map((name) => name.trim().toLowerCase())),
    cache: { statuses: new Map(), types: new Map(), priorities: new Map(), users: new Map() },
  };
}

const BLOCKED_BY = 'is blocked by';
const BLOCKS = 'blocks';

/**
 * Names vary ("Blocks", "Blocker", localized), so a type blocks when its texts say so: with
 * the usual texts (inward "is blocked by" / outward "blocks") the inward issue is the blocker;
 * a type defined the other way round makes the outward issue the blocker. A type named in
 * settings with other texts follows Jira's convention (inward = blocker). Null: not blocking.
 */
export function toBlockerSide(
  type: { name?: string | undefined; inward?: string | undefined; outward?: string | undefined },
  blockingLinkTypeNames: ReadonlySet<string>,
): BlockerSide | null {
  const inward = type.inward?.trim().toLowerCase() ?? '';
  const outward = type.outward?.trim().toLowerCase() ?? '';
  if (inward === BLOCKED_BY || outward === BLOCKS) return 'inward';
  if (outward === BLOCKED_BY || inward === BLOCKS) return 'outward';
  return blockingLinkTypeNames.has(type.name?.trim().toLowerCase() ?? '') ? 'inward' : null;
}
