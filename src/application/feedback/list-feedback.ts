import type { COMPLAINT_FILTERS, FeedbackEntryJson, FeedbackSource } from '../../../contract/feedback';
import { toZonedInstant } from '../../domain/cadence';
import { addCalendarDays } from '../../domain/issue-rules';
import { feedbackKind } from '../records/record-kinds';
import { DEFAULT_PAGE_SIZE, type ListOptions, type RecordStore } from '../storage';

export interface FeedbackFilter {
  source?: FeedbackSource | undefined;
  ratingMin?: number | undefined;
  ratingMax?: number | undefined;
  stakeholderId?: string | undefined;
  /** Calendar days in the project's zone, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
  complaint?: (typeof COMPLAINT_FILTERS)[number] | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

/** Store pages one call may read when a rating range filters in memory: bounds the work of a page. */
export const MAX_SCAN_PAGES = 5;

/**
 * A page of feedback, newest first. Source, stakeholder, complaint state and period filter in
 * the store; a rating range filters the pages read, so a page may hold fewer entries than
 * `limit` (even none) and still have a cursor: the list reads at most `MAX_SCAN_PAGES` store
 * pages per call, never the whole collection.
 */
export async function listFeedback(
  records: RecordStore,
  projectId: string,
  filter: FeedbackFilter,
  timeZone: string,
): Promise<{ items: FeedbackEntryJson[]; cursor: string | null }> {
  const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
  const where: Record<string, string | boolean> = {};
  if (filter.source) where.source = filter.source;
  if (filter.stakeholderId) where.stakeholder = filter.stakeholderId;
  if (filter.complaint === 'unresolved') where.unresolved = true;
  else if (filter.complaint) where.complaint = filter.complaint;
  const options: ListOptions = { order: 'newest', limit, ...(Object.keys(where).length > 0 ? { where } : {}) };
  if (filter.from) options.from = toZonedInstant(filter.from, '00:00', timeZone).toISOString();
  // The day after `to` starts one millisecond after the last instant `to` holds.
  if (filter.to) options.to = new Date(toZonedInstant(addCalendarDays(filter.to, 1), '00:00', timeZone).getTime() - 1).toISOString();
  const inRange = (f: FeedbackEntryJson) => f.rating >= (filter.ratingMin ?? 1) && f.rating <= (filter.ratingMax ?? 5);
  const ranged = filter.ratingMin !== undefined || filter.ratingMax !== undefined;
  const collection = records.collection(feedbackKind, projectId);
  const items: FeedbackEntryJson[] = [];
  let cursor = filter.cursor;
  for (let pages = 0; pages < (ranged ? MAX_SCAN_PAGES : 1); pages += 1) {
    const page = await collection.list({ ...options, ...(cursor ? { cursor } : {}) });
    items.push(...page.items.filter(inRange));
    cursor = page.cursor;
    if (!cursor || items.length >= limit) break;
  }
  return { items, cursor: cursor ?? null };
}
