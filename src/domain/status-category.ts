/**
 * Jira's status categories. Status names are localized and arbitrary; only the category
 * key is stable. `undefined` is Jira's own key for "No Category", not a missing value.
 */
export const STATUS_CATEGORY_KEYS = ['new', 'indeterminate', 'done', 'undefined'] as const;
export type StatusCategoryKey = (typeof STATUS_CATEGORY_KEYS)[number];

/** Maps any category key a site returns to a known one; unknown keys count as "No Category". */
export function toStatusCategoryKey(raw: string | null | undefined): StatusCategoryKey {
  return (STATUS_CATEGORY_KEYS as readonly string[]).includes(raw ?? '') ? (raw as StatusCategoryKey) : 'undefined';
}

export type StatusCategoryCounts = Record<StatusCategoryKey, number>;

export function emptyStatusCategoryCounts(): StatusCategoryCounts {
  return { new: 0, indeterminate: 0, done: 0, undefined: 0 };
}

export function totalOf(counts: StatusCategoryCounts): number {
  return counts.new + counts.indeterminate + counts.done + counts.undefined;
}
