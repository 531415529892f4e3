import type { ClientReportDataJson } from '../../../contract/client-report';
import type { ReportDraftJson } from '../../../contract/reports';
import type { StoredReports } from '../snapshot/project-cache';

/**
 * The snapshot's report data as the client's live status page reads it (issue 12). The snapshot
 * carries the PM's unpublished draft edits (the draft preview needs them); the client must only
 * read what the PM published:
 * - the status is the computed one (a reported status and its reason belong to a report);
 * - client wording is the published one; a line is hidden when the draft or the last published
 *   report hides it (hiding only takes away, so it applies at once);
 * - the narrative is the one the app drafts from the live data, never the PM's unpublished text.
 */
export function toLiveReports(current: StoredReports, published: ReportDraftJson | undefined): StoredReports {
  const hiddenLines = [...new Set([...(current.texts?.hiddenLines ?? []), ...(published?.hiddenLines ?? [])])];
  return {
    ...current,
    client: withComputedStatus(current.client, current.internal.overall.computed, current.internal.overall.headline),
    texts: {
      ...(published?.clientWording === undefined ? {} : { clientWording: published.clientWording }),
      ...(hiddenLines.length === 0 ? {} : { hiddenLines }),
    },
  };
}

/**
 * The client's overall status with the computed RAG, its headline chosen by the rules of the
 * client's report (a driver the client sees, "needs attention", or on track with the next
 * milestone the team's headline names).
 */
export function withComputedStatus(
  client: ClientReportDataJson,
  computed: ClientReportDataJson['overall']['reported'],
  teamHeadline: StoredReports['internal']['overall']['headline'],
): ClientReportDataJson {
  if (client.overall.reported === computed) return client;
  let headline: ClientReportDataJson['overall']['headline'];
  if (computed !== 'green') {
    const driver = client.dimensions.find((d) => d.rag === computed);
    headline = driver === undefined ? { code: 'attention', params: {} } : { code: 'driver', params: { dimension: driver.id } };
  } else if (client.dimensions.some((d) => d.rag !== 'green')) {
    headline = { code: 'attention', params: {} };
  } else {
    headline = teamHeadline.code === 'onTrackWithMilestone' ? teamHeadline : { code: 'onTrack', params: {} };
  }
  return { ...client, overall: { reported: computed, headline } };
}
