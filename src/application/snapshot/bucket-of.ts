/**
 * The bucket an issue key lives in: FNV-1a of the key, so the issue panel reads one bucket
 * (computed, no index to store) and the buckets of a generation fill evenly.
 */
export function bucketOf(issueKey: string, bucketCount: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < issueKey.length; i += 1) {
    hash ^= issueKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % bucketCount;
}
