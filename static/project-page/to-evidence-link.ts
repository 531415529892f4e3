/**
 * At most this many keys go into one search link: `key in (…)` grows about 15 URL
 * characters a key, and 100 keys stay well under the URL lengths servers accept.
 */
export const MAX_SEARCH_KEYS = 100;

export interface EvidenceLink {
  /** The keys the link opens, in report order, without duplicates. */
  keys: string[];
  /** How many distinct evidence issues there are (more than `keys` when capped). */
  total: number;
}

/** The link to a measure's evidence issues; null when there is no evidence to show. */
export function toEvidenceLink(evidence: readonly string[], max = MAX_SEARCH_KEYS): EvidenceLink | null {
  const distinct = [...new Set(evidence)];
  if (distinct.length === 0) return null;
  return { keys: distinct.slice(0, max), total: distinct.length };
}
