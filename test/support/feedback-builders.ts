import type { FeedbackInputJson } from '../../contract/feedback';

/** Test-data builders for client feedback. */
export function aFeedbackInput(overrides: Partial<FeedbackInputJson> = {}): FeedbackInputJson {
  return {
    rating: 4,
    nps: 9,
    comment: 'Good progress this sprint.',
    source: 'pm',
    stakeholderId: 'client',
    submissionId: 's1',
    ...overrides,
  };
}

/** A survey export with one answer per `[day, rating, nps, comment]`. */
export function aSurveyCsv(rows: readonly (readonly [string, number | string, number | string, string])[]): string {
  const quote = (v: string) => (/[",\n]/u.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return ['date,rating,nps,comment', ...rows.map(([d, r, n, c]) => [d, String(r), String(n), quote(c)].join(','))].join('\r\n');
}
