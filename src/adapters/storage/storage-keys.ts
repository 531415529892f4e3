/**
 * Every KVS key and index name the app uses is built here. Keys carry a layout version
 * (`settings:v1:<projectId>`), so a layout change is a new version that reads can migrate
 * from; record shapes carry their own `schemaVersion` beside the value.
 */

/** The index every collection entity has: records of one partition, ordered by time. */
export const PARTITION_TIME_INDEX = 'by-partition-time';
/** The document entity's index: documents of one partition, by kind. */
export const DOCUMENT_PARTITION_INDEX = 'by-partition';

export function documentKey(kind: string, partition: string): string {
  return `${kind}:v1:${partition}`;
}

/** Entity keys are unique per entity, so the kind is not repeated; ids are `RECORD_ID`-safe. */
export function collectionKey(partition: string, id: string): string {
  return `${partition}:${id}`;
}

/** A project's secret (the mail provider's API key): stored with `kvs.setSecret`, never queried. */
export function secretKey(name: string, partition: string): string {
  return `secret-${name}:v1:${partition}`;
}
