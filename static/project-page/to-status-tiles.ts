import type { ProjectOverview, StatusCategoryKey } from '../../contract';

export interface StatusTile {
  category: StatusCategoryKey;
  count: number;
}

const ALWAYS_SHOWN = ['new', 'indeterminate', 'done'] as const;

/**
 * The status-category tiles, in Jira's board order. "No category" (`undefined`) only
 * appears when some issue has it: it is a data problem worth seeing, not a column.
 */
export function toStatusTiles(counts: ProjectOverview['counts']): StatusTile[] {
  const tiles: StatusTile[] = ALWAYS_SHOWN.map((category) => ({ category, count: counts[category] }));
  if (counts.undefined > 0) tiles.push({ category: 'undefined', count: counts.undefined });
  return tiles;
}
