import { AppError } from '../../application/app-error';
import type { CategoryTransition, Issue, IssueHistory, VersionChange } from '../../domain/issue';
import type { StatusCategoryKey } from '../../domain/status-category';
import type { IssueMappingContext } from './issue-mapping-context';
import { asArray, asRecord, asString } from './json-values';
import { toEpochMs } from './to-epoch-ms';
import { isIssueDone } from './to-issue';

/**
 * Changelog fields the history needs, as `/changelog/bulkfetch` filters them (`fieldIds`, at most
 * 10): status (category transitions), resolution (completion of issues resolved outside a done
 * category), fix versions (scope changes) and links (since when a blocker blocks).
 * Flagged history is not read: no rule uses it, only the current value.
 */
export const HISTORY_FIELD_IDS = ['status', 'resolution', 'fixVersions', 'issuelinks'] as const;

/** One changelog entry reduced to what the history needs. */
export interface ChangeEntry {
  at: number;
  items: readonly ChangeItem[];
}

export interface ChangeItem {
  kind: 'status' | 'resolution' | 'fixVersion' | 'link';
  from: string | null;
  fromText: string | null;
  to: string | null;
  toText: string | null;
}

export interface DerivedHistory {
  history: IssueHistory;
  /** When each still-linked issue key was last linked (from "Link" entries). */
  linkedAt: ReadonlyMap<string, number>;
}

function kindOf(field: string | undefined, fieldId: string | undefined): ChangeItem['kind'] | null {
  // Items carry `fieldId` on Cloud; the display name `field` covers older recordings.
  const id = fieldId ?? field;
  if (id === 'status') return 'status';
  if (id === 'resolution') return 'resolution';
  if (id === 'fixVersions' || field === 'Fix Version') return 'fixVersion';
  if (id === 'issuelinks' || field === 'Link') return 'link';
  return null;
}

function nullableString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/**
 * Reduces one raw changelog history (`{created, items[]}`) to a `ChangeEntry`, keeping only
 * the items the history uses; null when none is left.
 * @throws AppError JIRA_UNAVAILABLE when the entry has no readable `created` instant.
 */
export function toChangeEntry(raw: unknown): ChangeEntry | null {
  const json = asRecord(raw);
  const items: ChangeItem[] = [];
  for (const rawItem of asArray(json?.['items']) ?? []) {
    const item = asRecord(rawItem);
    if (!item) continue;
    const kind = kindOf(asString(item['field']), asString(item['fieldId']));
    if (kind === null) continue;
    items.push({
      kind,
      from: nullableString(item['from']),
      fromText: nullableString(item['fromString']),
      to: nullableString(item['to']),
      // Own property only: `toString` would otherwise find Object.prototype's method.
      toText: nullableString(Object.getOwnPropertyDescriptor(item, 'toString')?.value),
    });
  }
  if (items.length === 0) return null;
  const created = asString(json?.['created']);
  const at = created === undefined ? null : toEpochMs(created);
  if (at === null) throw new AppError('JIRA_UNAVAILABLE', 'Jira returned a changelog entry without a readable date');
  return { at, items };
}

function categoryOf(id: string | null, name: string | null, context: IssueMappingContext): StatusCategoryKey {
  // Status ids are stable; names are localized and may repeat, so they are only the fallback.
  return (
    (id === null ? undefined : context.statusCategoryById.get(id)) ??
    (name === null ? undefined : context.statusCategoryByName.get(name.toLowerCase())) ??
    'undefined'
  );
}

/**
 * An issue's history from its changelog (entries in any order):
 * - transitions: status changes whose category differs (status ids mapped through `/status`),
 *   except that the last status change leads into the issue's current status, whose category
 *   is the one the issue itself carries (a status id's category can change over time; the
 *   issue's own wins, as in `toIssue`);
 * - startedAt: first entry into `indeterminate`;
 * - reopenCount: transitions from `done` to any other category;
 * - completedAt (only for done issues, DESIGN §4): the last entry into `done` when the category
 *   is done; else the last time a resolution was set; else the resolution date, else `updated`
 *   (then `completedAtEstimated`);
 * - versionChanges: fix-version items (`to` = added version id, `from` = removed);
 * - statusSince: the instant of the last status change (the entry into the current status);
 *   the creation instant when the changelog holds no status change;
 * - linkedAt: the latest "Link" addition per linked key, minus links removed since.
 */
export function toIssueHistory(issue: Issue, entries: readonly ChangeEntry[], context: IssueMappingContext): DerivedHistory {
  const ordered = isSorted(entries) ? entries : [...entries].sort((a, b) => a.at - b.at);
  const lastStatusItem = findLastStatusItem(ordered);
  const transitions: CategoryTransition[] = [];
  const versionChanges: VersionChange[] = [];
  const linkedAt = new Map<string, number>();
  let startedAt: number | null = null;
  let reopenCount = 0;
  let lastDoneEntry: number | null = null;
  let lastResolutionSet: number | null = null;
  let statusSince = issue.created;
  for (const entry of ordered) {
    for (const item of entry.items) {
      switch (item.kind) {
        case 'status': {
          statusSince = entry.at;
          const from = categoryOf(item.from, item.fromText, context);
          const to = item === lastStatusItem ? issue.status.category : categoryOf(item.to, item.toText, context);
          if (from === to) break;
          transitions.push({ at: entry.at, from, to });
          if (to === 'indeterminate' && startedAt === null) startedAt = entry.at;
          if (to === 'done') lastDoneEntry = entry.at;
          if (from === 'done') reopenCount++;
          break;
        }
        case 'resolution':
          if (item.to !== null || item.toText !== null) lastResolutionSet = entry.at;
          break;
        case 'fixVersion':
          if (item.from !== null) versionChanges.push({ at: entry.at, versionId: item.from, change: 'removed' });
          if (item.to !== null) versionChanges.push({ at: entry.at, versionId: item.to, change: 'added' });
          break;
        case 'link':
          if (item.from !== null) linkedAt.delete(item.from);
          if (item.to !== null) linkedAt.set(item.to, entry.at);
          break;
      }
    }
  }
  let completedAt: number | null = null;
  let completedAtEstimated = false;
  if (isIssueDone(issue)) {
    const fromChangelog =
      (issue.status.category === 'done' ? lastDoneEntry : null) ?? (issue.resolution !== null ? lastResolutionSet : null);
    if (fromChangelog !== null) {
      completedAt = fromChangelog;
    } else {
      completedAt = issue.resolved ?? issue.updated;
      completedAtEstimated = true;
    }
  }
  return {
    history: { transitions, completedAt, completedAtEstimated, startedAt, reopenCount, versionChanges, statusSince, complete: true },
    linkedAt,
  };
}

function findLastStatusItem(entries: readonly ChangeEntry[]): ChangeItem | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const items = entries[i]?.items ?? [];
    for (let j = items.length - 1; j >= 0; j--) if (items[j]?.kind === 'status') return items[j];
  }
  return undefined;
}

function isSorted(entries: readonly ChangeEntry[]): boolean {
  for (let i = 1; i < entries.length; i++) if ((entries[i]?.at ?? 0) < (entries[i - 1]?.at ?? 0)) return false;
  return true;
}
