import { EMPTY_ENGAGEMENT, type EngagementJson, type KickOffChecklistJson } from '../../../contract/engagement';
import { canChangePhase, kickOffChecklist } from '../../domain/engagement';
import { AppError } from '../app-error';
import { getCommsPlan } from '../comms/comms-plan';
import { engagementKind, shareLinkKind } from '../records/record-kinds';
import { latestPublishedReport } from '../reports/published-reports';
import type { RecordStore, Revisioned } from '../storage';

/**
 * The project's engagement and its revision: the stored document, or the empty engagement
 * (kick-off) at revision 0.
 * @throws AppError STORAGE_UNAVAILABLE / RATE_LIMITED when storage cannot answer.
 */
export async function getEngagement(records: RecordStore, projectId: string): Promise<Revisioned<EngagementJson>> {
  const stored = await records.document(engagementKind, projectId).get();
  return { value: stored.value ?? EMPTY_ENGAGEMENT, revision: stored.revision };
}

/**
 * Saves the engagement if `revision` is the one stored. The phase moves only along the allowed
 * transitions; "KPIs agreed" takes the server's time the first time and keeps it after.
 * @throws AppError CONFLICT when someone saved since `revision` was read; INVALID_PAYLOAD on
 *   `engagement.phase` for a move the lifecycle does not allow.
 */
export async function saveEngagement(
  records: RecordStore,
  projectId: string,
  input: { engagement: EngagementJson; revision: number; now: Date },
): Promise<Revisioned<EngagementJson>> {
  const document = records.document(engagementKind, projectId);
  const stored = await document.get();
  if (stored.revision !== input.revision) throw new AppError('CONFLICT', 'Someone changed the engagement since you opened it');
  const previous = stored.value ?? EMPTY_ENGAGEMENT;
  const { engagement } = input;
  if (engagement.phase !== previous.phase && !canChangePhase(previous.phase, engagement.phase)) {
    const message = `The phase cannot go from ${previous.phase} to ${engagement.phase}`;
    throw new AppError('INVALID_PAYLOAD', message, { fields: [{ path: 'engagement.phase', message }] });
  }
  const kpisAgreedAt = engagement.kpisAgreedAt === null ? null : (previous.kpisAgreedAt ?? input.now.toISOString());
  return document.save({ ...engagement, kpisAgreedAt }, input.revision);
}

/**
 * The kick-off checklist from what the app holds: the plan, the engagement, the latest published
 * report and the newest share link (one read each; a link counts as sent once created).
 */
export async function readKickOffChecklist(records: RecordStore, projectId: string): Promise<KickOffChecklistJson> {
  const [plan, engagement, report, links] = await Promise.all([
    getCommsPlan(records, projectId),
    getEngagement(records, projectId),
    latestPublishedReport(records, projectId),
    records.collection(shareLinkKind, projectId).list({ order: 'newest', limit: 1 }),
  ]);
  return {
    items: kickOffChecklist({
      stakeholders: plan.value.stakeholders.length,
      touchpointSeries: plan.value.series.length,
      kpisAgreedAt: engagement.value.kpisAgreedAt,
      shareLinks: links.items.length,
      publishedReports: report === undefined ? 0 : 1,
    }),
  };
}
