/**
 * The version numbers ("Report 3") of published reports named by id, for lists that name a
 * report by its id (the Share section's report-scoped links). Bounded: one read per distinct id
 * of the page the caller lists (at most the page's size).
 */
import { publishedReportKind } from '../records/record-kinds';
import type { RecordStore } from '../storage';

export async function publishedReportVersions(
  records: RecordStore,
  projectId: string,
  ids: readonly string[],
): Promise<ReadonlyMap<string, number>> {
  const heads = records.collection(publishedReportKind, projectId);
  const distinct = [...new Set(ids)];
  const found = await Promise.all(distinct.map(async (id) => [id, (await heads.get(id))?.version] as const));
  return new Map(found.filter((entry): entry is readonly [string, number] => entry[1] !== undefined));
}
