/** Plain-text pieces both renderers share, so Markdown and HTML say the same thing. */
import type { IssueRefJson, MilestoneReportJson, StatusReportJson } from '../../../contract/report';
import { DIMENSION_KEYS, type DimensionKey } from '../../../contract/report';
import { RENDERED_EVIDENCE_KEYS, type ReportLabels } from './report-labels';

/** "In Progress · due 2026-12-01 · Ana Souza": what a reader wants next to an issue's summary. */
export function describeIssueRef(issue: IssueRefJson, labels: ReportLabels): string {
  const parts = [issue.status.name];
  if (issue.due) parts.push(`${labels.due} ${issue.due}`);
  if (issue.assignee) parts.push(issue.assignee);
  return parts.join(' · ');
}

/** "12/20 issues · 30/55 points" (points only when the milestone has estimates). */
export function describeProgress(progress: MilestoneReportJson['progress'], labels: ReportLabels): string {
  const issues = `${progress.issuesDone}/${progress.issuesTotal} ${labels.issuesUnit}`;
  return progress.pointsTotal > 0 ? `${issues} · ${progress.pointsDone}/${progress.pointsTotal} ${labels.pointsUnit}` : issues;
}

export function describeSlip(slipDays: number | null): string {
  if (slipDays === null) return '—';
  return slipDays > 0 ? `+${slipDays}` : String(slipDays);
}

export function describeTarget(milestone: MilestoneReportJson, labels: ReportLabels): string {
  const target = milestone.releaseDate ?? '—';
  return milestone.originalReleaseDate ? `${target} (${labels.originalReleaseDate} ${milestone.originalReleaseDate})` : target;
}

/** The dimensions in contract order, with their keys. */
export function dimensionEntries(report: StatusReportJson): [DimensionKey, StatusReportJson['dimensions'][DimensionKey]][] {
  return DIMENSION_KEYS.map((key) => [key, report.dimensions[key]]);
}

/** Data quality notes are for the team only: the client version never shows the section. */
export function showsDataQuality(report: StatusReportJson): boolean {
  return report.audience === 'internal';
}

/** "ACME-1, ACME-2, … +12 more", or "—" when there is none. */
export function describeEvidence(keys: readonly string[], labels: ReportLabels): string {
  if (keys.length === 0) return '—';
  const shown = keys.slice(0, RENDERED_EVIDENCE_KEYS).join(', ');
  return keys.length > RENDERED_EVIDENCE_KEYS ? `${shown} ${labels.moreEvidence(keys.length - RENDERED_EVIDENCE_KEYS)}` : shown;
}
