import { z } from 'zod';
import * as zm from 'zod/mini';
import { clientReportDataSchema } from '../../../contract/client-report';
import { reportDataSchema } from '../../../contract/report';
import { reportDraftTextsSchema } from '../../../contract/report-narrative';
import type { Issue } from '../../domain/issue';
import { AppError } from '../app-error';
import {
  bucketId,
  issueBucketKind,
  issueDeltaKind,
  reportPartKind,
  snapshotKind,
  syncPageKind,
  type IssueDelta,
  type Snapshot,
} from '../records/record-kinds';
import type { CollectionKind } from '../records/record-kind';
import { listAll, MAX_PAGE_SIZE, type Collection, type RecordStore, type Revisioned } from '../storage';
import { bucketOf } from './bucket-of';

/** A bucket is written when its JSON is at most this many bytes: Forge's 240 KiB less the envelope. */
const MAX_BUCKET_BYTES = 200 * 1024;
/** Buckets are sized for about this much, so one that grows between syncs still fits. */
const TARGET_BUCKET_BYTES = 100 * 1024;
/** Report text per part: at most 3 UTF-8 bytes per UTF-16 unit once JSON-escaped, under 240 KiB. */
const REPORT_PART_CHARS = 70_000;
/**
 * The shape of the stored report data (both audiences). Raise it with any change the stored
 * report's schema does not read back: a snapshot of an older shape is then re-derived when
 * opened (`openSnapshot`) instead of failing to read.
 */
export const STORED_REPORT_FORMAT = 2;
/** Reads of one generation's values run this many at a time. */
const READ_CONCURRENCY = 8;

/** `texts`: the PM's narratives, client wording and hidden lines of the draft (absent when none were saved). */
export const storedReportsSchema = zm.object({
  internal: reportDataSchema,
  client: clientReportDataSchema,
  texts: zm.optional(reportDraftTextsSchema),
});
export type StoredReports = zm.infer<typeof storedReportsSchema>;

export async function readSnapshot(records: RecordStore, projectId: string): Promise<Revisioned<Snapshot | undefined>> {
  return records.document(snapshotKind, projectId).get();
}

async function inBatches<T, R>(items: readonly T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += READ_CONCURRENCY) out.push(...(await Promise.all(items.slice(i, i + READ_CONCURRENCY).map(run))));
  return out;
}

/** Every delta of the project (pages of 100), oldest first. */
export async function readDeltas(records: RecordStore, projectId: string): Promise<IssueDelta[]> {
  return listAll(records.collection(issueDeltaKind, projectId));
}

/** Deltas newer than the snapshot's read win over its issues; older ones were read by the sync. */
export function isNewerThan(delta: IssueDelta, snapshot: Pick<Snapshot, 'syncedFrom'>): boolean {
  return delta.at >= snapshot.syncedFrom;
}

/**
 * The project's issues as the cache knows them now: the snapshot's buckets with the newer
 * deltas applied (changed issues replaced, deleted ones removed, new ones added).
 * @throws AppError STORAGE_UNAVAILABLE when a bucket the snapshot names is missing.
 */
export async function readCachedIssues(records: RecordStore, snapshot: Snapshot): Promise<Issue[]> {
  const buckets = records.collection(issueBucketKind, snapshot.project.id);
  const ids = Array.from({ length: snapshot.bucketCount }, (_, n) => bucketId(snapshot.generation, n));
  const read = await inBatches(ids, (id) => buckets.get(id));
  const byId = new Map<string, Issue>();
  for (const [index, bucket] of read.entries()) {
    if (!bucket) throw new AppError('STORAGE_UNAVAILABLE', `The issue cache lost bucket ${String(index)}; a full refresh rebuilds it`);
    for (const issue of bucket.issues) byId.set(issue.id, issue);
  }
  for (const delta of await readDeltas(records, snapshot.project.id)) {
    if (!isNewerThan(delta, snapshot)) continue;
    if (delta.issue === null) byId.delete(delta.issueId);
    else byId.set(delta.issueId, delta.issue);
  }
  return [...byId.values()];
}

/** One cached issue by key (and id when known): its bucket, then its delta. Undefined when not cached. */
export async function readCachedIssue(
  records: RecordStore,
  snapshot: Snapshot,
  issue: { key: string; id?: string },
): Promise<{ issue: Issue | undefined; delta: IssueDelta | undefined; addedAfterBaseline: string | undefined }> {
  const bucket = await records
    .collection(issueBucketKind, snapshot.project.id)
    .get(bucketId(snapshot.generation, bucketOf(issue.key, snapshot.bucketCount)));
  const cached = bucket?.issues.find((i) => i.key === issue.key || (issue.id !== undefined && i.id === issue.id));
  const id = issue.id ?? cached?.id;
  const delta = id === undefined ? undefined : await records.collection(issueDeltaKind, snapshot.project.id).get(id);
  const addedAfterBaseline = bucket?.addedAfterBaseline[issue.key];
  if (delta && isNewerThan(delta, snapshot)) return { issue: delta.issue ?? undefined, delta, addedAfterBaseline };
  return { issue: cached, delta, addedAfterBaseline };
}

/** The snapshot's risk context completed with one issue's "added after the baseline" milestone. */
export function riskContextFor(snapshot: Snapshot, issueKey: string, addedAfterBaseline: string | undefined): Snapshot['riskContext'] {
  return { ...snapshot.riskContext, addedAfterBaseline: addedAfterBaseline === undefined ? [] : [[issueKey, addedAfterBaseline]] };
}

/** The stored report data for both audiences. */
export async function readReports(records: RecordStore, snapshot: Snapshot): Promise<StoredReports> {
  const parts = records.collection(reportPartKind, snapshot.project.id);
  const ids = Array.from({ length: snapshot.reportParts }, (_, n) => `g${String(snapshot.generation)}-p${String(n)}`);
  const read = await inBatches(ids, (id) => parts.get(id));
  const text = read
    .map((part, index) => {
      if (!part) throw new AppError('STORAGE_UNAVAILABLE', `The snapshot lost report part ${String(index)}; a refresh rebuilds it`);
      return part.text;
    })
    .join('');
  const parsed = z.safeParse(storedReportsSchema, JSON.parse(text));
  if (!parsed.success) throw new AppError('STORAGE_UNAVAILABLE', 'The stored report does not read; a refresh rebuilds it');
  return parsed.data;
}

/** How many buckets hold `issues` with each under the size limit. */
export function toBuckets(issues: readonly Issue[]): Issue[][] {
  let bytes = 0;
  const sizes = issues.map((issue) => {
    const size = Buffer.byteLength(JSON.stringify(issue));
    bytes += size;
    return size;
  });
  for (let count = Math.max(1, Math.ceil(bytes / TARGET_BUCKET_BYTES)); ; count *= 2) {
    const buckets: Issue[][] = Array.from({ length: count }, () => []);
    const filled = new Array<number>(count).fill(0);
    issues.forEach((issue, index) => {
      const b = bucketOf(issue.key, count);
      buckets[b]?.push(issue);
      filled[b] = (filled[b] ?? 0) + (sizes[index] ?? 0);
    });
    if (filled.every((size) => size <= MAX_BUCKET_BYTES)) return buckets;
    // One issue alone over the limit cannot be split by key: refuse rather than loop.
    if (count > issues.length) throw new AppError('INTERNAL', 'An issue is too large for the issue cache');
  }
}

/** Report data as text parts, each under Forge's value limit. */
export function toReportParts(reports: StoredReports): string[] {
  const text = JSON.stringify(reports);
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += REPORT_PART_CHARS) parts.push(text.slice(i, i + REPORT_PART_CHARS));
  return parts.length > 0 ? parts : [''];
}

/** Writes one generation's buckets and report parts (the head is saved last, by the caller). */
export async function writeGeneration(
  records: RecordStore,
  projectId: string,
  generation: number,
  at: string,
  buckets: readonly Issue[][],
  parts: readonly string[],
  addedAfterBaseline: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const bucketStore = records.collection(issueBucketKind, projectId);
  await inBatches([...buckets.entries()], ([bucket, issues]) => {
    const added: Record<string, string> = {};
    for (const issue of issues) {
      const milestone = addedAfterBaseline.get(issue.key);
      if (milestone !== undefined) added[issue.key] = milestone;
    }
    return bucketStore.put({ generation, bucket, at, issues, addedAfterBaseline: added });
  });
  const partStore = records.collection(reportPartKind, projectId);
  await inBatches([...parts.entries()], ([index, text]) => partStore.put({ generation, index, at, text }));
}

/** What a sync knows of the generations around the one it switched to. */
export interface GenerationSwitch {
  /** The generation now in use. */
  keep: number;
  /** The snapshot it replaced, if any: its buckets and report parts are named, not listed. */
  previous?: Pick<Snapshot, 'generation' | 'bucketCount' | 'reportParts'>;
  /** How many pages this sync staged (generation `keep`). */
  pagesRead: number;
}

/**
 * After a switch to generation `keep`: the previous generation's buckets and report parts go,
 * then what a sync that died between writing and switching left (the generations between the
 * previous one and `keep`, found by a filtered query), then every staged sync page. Nothing of
 * generation `keep` is read: at 100k issues it is as large as the issue cache, and listing it
 * here would double the sync's peak memory.
 */
export async function deleteOtherGenerations(records: RecordStore, projectId: string, generations: GenerationSwitch): Promise<void> {
  const { keep, previous, pagesRead } = generations;
  const buckets = records.collection(issueBucketKind, projectId);
  const parts = records.collection(reportPartKind, projectId);
  const pages = records.collection(syncPageKind, projectId);
  if (previous && previous.generation !== keep) {
    const g = previous.generation;
    await inBatches(range(previous.bucketCount), (n) => buckets.delete(bucketId(g, n)));
    await inBatches(range(previous.reportParts), (n) => parts.delete(`g${String(g)}-p${String(n)}`));
  }
  for (let g = (previous?.generation ?? 0) + 1; g < keep; g += 1) {
    await deleteGeneration(buckets, issueBucketKind, g);
    await deleteGeneration(parts, reportPartKind, g);
  }
  await inBatches(range(pagesRead), (n) => pages.delete(`g${String(keep)}-p${String(n)}`));
  // Pages of an abandoned sync (normally none left, so this reads nothing).
  await pages.clear();
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, n) => n);
}

async function deleteGeneration<T extends { generation: number }>(
  collection: Collection<T>,
  kind: CollectionKind<T>,
  generation: number,
): Promise<void> {
  const stale: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await collection.list({ limit: MAX_PAGE_SIZE, where: { generation }, ...(cursor ? { cursor } : {}) });
    stale.push(...page.items.map((item) => kind.idOf(item)));
    cursor = page.cursor;
  } while (cursor);
  await inBatches(stale, (id) => collection.delete(id));
}
