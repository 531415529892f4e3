import type { ClientReportDataJson } from '../../../contract/client-report';
import { DIMENSION_KEYS, type ReportDataJson } from '../../../contract/report';
import { deriveBurnups } from '../../domain/derive-burnups';
import { deriveReportModel, toClientReportData, toReportData, type OverallOverride } from '../../domain/derive-status-report';
import type { SinceLastBaseline } from '../../domain/derive-since-last-report';
import { calendarDayOf } from '../../domain/issue-rules';
import type { ProjectData } from '../../domain/project-data';
import { toRiskContext } from '../../domain/score-issue-risk';
import type { Dimension, ProjectSettings } from '../../domain/settings';
import type { HealthAssessment, Rag } from '../../domain/health-types';
import { emptyStatusCategoryCounts } from '../../domain/status-category';
import type { KpiPoint, Snapshot } from '../records/record-kinds';
import type { StoredReports } from './project-cache';

/**
 * The snapshot keeps this many issue risks per audience for the project page's report; every
 * issue's own risk is in the issue cache (the issue panel), and the CLI lists them all.
 */
export const SNAPSHOT_ISSUE_RISKS = 25;
/**
 * Each issue list of the snapshot's report (completed, in progress, next up, waiting on the
 * client, flagged, blocked) keeps at most this many issues, so opening the page costs the same
 * at 1k and 100k issues. A status report that lists more is not read by anyone; the CLI lists all.
 */
export const SNAPSHOT_LIST_ISSUES = 25;

export interface DerivedSnapshot {
  head: Omit<Snapshot, 'generation' | 'bucketCount' | 'reportParts' | 'syncedFrom' | 'settingsRevision' | 'reportFormat'>;
  reports: StoredReports;
  point: KpiPoint;
  /** Issue key → milestone joined after its baseline: stored with each issue's bucket, not in the head. */
  addedAfterBaseline: ReadonlyMap<string, string>;
}

/**
 * Derives what a snapshot stores from a project's data, once for both audiences: the
 * language-neutral report data, the overview's counts and milestones, the risk context for
 * rescoring single issues, burn-ups, and today's KPI point. Pure but for being in this layer.
 */
/**
 * `previous`: the last published report — the draft's period starts where it ended, and a
 * dimension amber or red in both is sustained. Without one, the period is one cadence back.
 * `override`: the PM's reported overall status with its reason (the draft's edits).
 * `previous.since`: the last report reduced for "since last report" (absent: no such section;
 * without `previous`, the section says this is the first report).
 */
export function deriveSnapshot(
  data: ProjectData,
  settings: ProjectSettings,
  now: number,
  previous?: { periodEnd: number; dimensions: Partial<Record<Dimension, Rag>>; since?: SinceLastBaseline },
  override: OverallOverride | null = null,
): DerivedSnapshot {
  const sinceLast = previous === undefined ? null : previous.since;
  const model = deriveReportModel({
    data,
    settings,
    now,
    periodStart: previous ? previous.periodEnd : null,
    ...(sinceLast === undefined ? {} : { sinceLast }),
  });
  const projection = { ...(previous ? { previousDimensions: previous.dimensions } : {}), override };
  const counts = emptyStatusCategoryCounts();
  for (const issue of data.issues) counts[issue.status.category] += 1;
  const dimensions = Object.fromEntries(
    DIMENSION_KEYS.map((key) => {
      const dimension = model.health.dimensions[key];
      return [key, { rag: dimension.enabled ? dimension.rag : 'grey', value: dimension.measures[0]?.value ?? null }];
    }),
  ) as KpiPoint['dimensions'];
  const asOf = new Date(now).toISOString();
  const riskContext = toRiskContext(model.health);
  const burn = toBurn(model.health);
  const kpi = { overall: model.health.overall, dimensions, counts, ...(burn === null ? {} : { burn }) };
  return {
    head: {
      asOf,
      project: data.project,
      issueCount: data.issues.length,
      counts,
      milestones: [...data.milestones],
      priorityCount: data.priorityCount,
      riskContext: { medianCycleTimeMs: riskContext.medianCycleTimeMs, milestones: [...riskContext.milestones], addedAfterBaseline: [] },
      kpi,
      burnups: deriveBurnups(data.issues, model.health, settings.timeZone, now),
    },
    reports: { internal: bounded(toReportData(model, projection)), client: boundedForClient(toClientReportData(model, projection)) },
    point: { day: calendarDayOf(now, settings.timeZone), capturedAt: asOf, ...kpi },
    addedAfterBaseline: new Map(riskContext.addedAfterBaseline),
  };
}

/**
 * Burn against the engagement's hours budget for the KPI point, from the cost performance
 * measure health took (the same figures the cost tile states); null without a budget or logged time.
 */
function toBurn(health: HealthAssessment): NonNullable<KpiPoint['burn']> | null {
  const measure = health.dimensions.cost.measures.find((m) => m.id === 'costPerformance');
  if (measure === undefined || measure.rag === 'grey' || measure.why.code !== 'costPerformance') return null;
  const { spentHours, earnedHours, budgetHours } = measure.why.params;
  return { spentHours, earnedHours, budgetHours, rag: measure.rag };
}

const cap = <T>(items: readonly T[]) => items.slice(0, SNAPSHOT_LIST_ISSUES);

/** The completed groups with at most `SNAPSHOT_LIST_ISSUES` issues in all. */
function boundedGroups<G extends { issues: readonly unknown[] }>(groups: readonly G[]): G[] {
  let left = SNAPSHOT_LIST_ISSUES;
  const completed: G[] = [];
  for (const group of groups) {
    if (left <= 0) break;
    const issues = group.issues.slice(0, left);
    left -= issues.length;
    completed.push({ ...group, issues });
  }
  return completed;
}

/** The client's report with its issue lists bounded as the internal one's are. */
function boundedForClient(report: ClientReportDataJson): ClientReportDataJson {
  const { sections } = report;
  return {
    ...report,
    sections: {
      ...sections,
      completed: boundedGroups(sections.completed),
      inProgress: cap(sections.inProgress),
      nextUp: cap(sections.nextUp),
      waitingOnClient: cap(sections.waitingOnClient),
      flagged: cap(sections.flagged),
      blocked: cap(sections.blocked),
      ...(sections.registerRisks === undefined ? {} : { registerRisks: cap(sections.registerRisks) }),
      // Decisions and action items too: the log's free text could otherwise outgrow a stored value (overdue items come first).
      ...(sections.changeRequests === undefined
        ? {}
        : { changeRequests: { ...sections.changeRequests, items: cap(sections.changeRequests.items) } }),
      ...(sections.decisions === undefined ? {} : { decisions: cap(sections.decisions) }),
      ...(sections.actionItems === undefined ? {} : { actionItems: cap(sections.actionItems) }),
    },
  };
}

/** The report with its per-issue lists bounded (see `SNAPSHOT_LIST_ISSUES`, `SNAPSHOT_ISSUE_RISKS`). */
function bounded(report: ReportDataJson): ReportDataJson {
  const completed = boundedGroups(report.sections.completed);
  const { sections } = report;
  return {
    ...report,
    sections: {
      ...sections,
      // The PM's page says "50 of 60" (internal only: the client's gets no count of what it is not shown).
      totals: listTotals(sections),
      completed,
      inProgress: cap(sections.inProgress),
      nextUp: cap(sections.nextUp),
      waitingOnClient: cap(sections.waitingOnClient),
      risks: { flagged: cap(sections.risks.flagged), blocked: cap(sections.risks.blocked), topRisks: cap(sections.risks.topRisks) },
      ...(sections.registerRisks === undefined ? {} : { registerRisks: cap(sections.registerRisks) }),
      // Decisions and action items too: the log's free text could otherwise outgrow a stored value (overdue items come first).
      ...(sections.changeRequests === undefined
        ? {}
        : { changeRequests: { ...sections.changeRequests, items: cap(sections.changeRequests.items) } }),
      ...(sections.decisions === undefined ? {} : { decisions: cap(sections.decisions) }),
      ...(sections.actionItems === undefined ? {} : { actionItems: cap(sections.actionItems) }),
    },
    issueRisks: report.issueRisks.slice(0, SNAPSHOT_ISSUE_RISKS),
    // "…and N more" keeps its count; the page names the first keys (the CLI names them all).
    dataQuality: report.dataQuality.map((note) =>
      note.code === 'more' ? { ...note, issueKeys: note.issueKeys.slice(0, SNAPSHOT_LIST_ISSUES) } : note,
    ),
  };
}

/** How many distinct issues each list of a report holds (before bounding). */
function listTotals(sections: ReportDataJson['sections']): NonNullable<ReportDataJson['sections']['totals']> {
  const distinct = (keys: readonly string[]) => new Set(keys).size;
  return {
    completed: distinct(sections.completed.flatMap((group) => group.issues.map((issue) => issue.key))),
    inProgress: distinct(sections.inProgress.map((issue) => issue.key)),
    nextUp: distinct(sections.nextUp.map((issue) => issue.key)),
    waitingOnClient: distinct(sections.waitingOnClient.map((issue) => issue.key)),
    flagged: distinct(sections.risks.flagged.map((issue) => issue.key)),
    blocked: distinct(sections.risks.blocked.map((entry) => entry.issue.key)),
    topRisks: distinct(sections.risks.topRisks.map((entry) => entry.issue.key)),
    // Not issues: every decision and action item counts, so the page can say "…and N more".
    ...(sections.decisions === undefined ? {} : { decisions: sections.decisions.length }),
    ...(sections.actionItems === undefined ? {} : { actionItems: sections.actionItems.length }),
  };
}
