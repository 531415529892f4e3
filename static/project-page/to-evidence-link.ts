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
  /** A search expressing the measure, which finds all `total` issues; null when only keys can say it. */
  jql: string | null;
  /** What the issues are: the measure's id, and the milestone its sentence names (slip). */
  measureId: string | null;
  milestone: string | null;
}

/** What the report says of a measure's evidence (`evidenceCount` and `evidenceJql` are absent in older reports). */
export interface MeasureEvidence {
  id?: string;
  whyCode?: { params: object };
  evidence: readonly string[];
  evidenceCount?: number | undefined;
  evidenceJql?: string | null | undefined;
}

/**
 * The link to a measure's evidence issues; null when there is no evidence to show. The count
 * is the measure's own (the report keeps only the first keys of a long list); the link opens the
 * measure's JQL when it has one, so what it finds is what the count says, else the keys.
 */
export function toEvidenceLink(measure: MeasureEvidence, max = MAX_SEARCH_KEYS): EvidenceLink | null {
  const distinct = [...new Set(measure.evidence)];
  const total = Math.max(distinct.length, measure.evidenceCount ?? 0);
  if (total === 0) return null;
  const params: Record<string, unknown> = { ...measure.whyCode?.params };
  const milestone = typeof params['milestone'] === 'string' ? params['milestone'] : null;
  return { keys: distinct.slice(0, max), total, jql: measure.evidenceJql ?? null, measureId: measure.id ?? null, milestone };
}
