import { DIMENSION_KEYS } from '../../../contract/report';
import { deriveBurnups } from '../../domain/derive-burnups';
import { deriveReportModel, toReportData } from '../../domain/derive-status-report';
import { calendarDayOf } from '../../domain/issue-rules';
import type { ProjectData } from '../../domain/project-data';
import { toRiskContext } from '../../domain/score-issue-risk';
import type { ProjectSettings } from '../../domain/settings';
import { emptyStatusCategoryCounts } from '../../domain/status-category';
import type { KpiPoint, Snapshot } from '../records/record-kinds';
import type { StoredReports } from './project-cache';

/**
 * The snapshot keeps this many issue risks per audience for the project page's report; every
 * issue's own risk is in the issue cache (the issue panel), and the CLI lists them all.
 */
export const SNAPSHOT_ISSUE_RISKS = 200;

export interface DerivedSnapshot {
  head: Omit<Snapshot, 'generation' | 'bucketCount' | 'reportParts' | 'syncedFrom' | 'settingsRevision'>;
  reports: StoredReports;
  point: KpiPoint;
}

/**
 * Derives what a snapshot stores from a project's data, once for both audiences: the
 * language-neutral report data, the overview's counts and milestones, the risk context for
 * rescoring single issues, burn-ups, and today's KPI point. Pure but for being in this layer.
 */
export function deriveSnapshot(data: ProjectData, settings: ProjectSettings, now: number): DerivedSnapshot {
  const model = deriveReportModel({ data, settings, now, periodStart: null });
  const trimmed = (audience: 'internal' | 'client') => {
    const report = toReportData(model, { audience });
    return { ...report, issueRisks: report.issueRisks.slice(0, SNAPSHOT_ISSUE_RISKS) };
  };
  const counts = emptyStatusCategoryCounts();
  for (const issue of data.issues) counts[issue.status.category] += 1;
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((key) => {
      const dimension = model.health.dimensions[key];
      return [key, { rag: dimension.enabled ? dimension.rag : 'grey', value: dimension.measures[0]?.value ?? null }];
    }),
  ) as KpiPoint['dimensions'];
  const asOf = new Date(now).toISOString();
  const kpi = { overall: model.health.overall, dimensions, counts };
  return {
    head: {
      asOf,
      project: data.project,
      issueCount: data.issues.length,
      counts,
      milestones: [...data.milestones],
      priorityCount: data.priorityCount,
      riskContext: toRiskContext(model.health) as Snapshot['riskContext'],
      kpi,
      burnups: deriveBurnups(data.issues, model.health, settings.timeZone, now),
    },
    reports: { internal: trimmed('internal'), client: trimmed('client') },
    point: { day: calendarDayOf(now, settings.timeZone), capturedAt: asOf, ...kpi },
  };
}
