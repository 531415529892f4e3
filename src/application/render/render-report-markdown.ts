/**
 * The status report as Markdown, for pasting into an e-mail or a wiki. Pure: the report in,
 * text out. Text from Jira is escaped so a summary cannot inject links, HTML or table cells.
 */
import type { IssueRefJson, StatusReportJson } from '../../../contract/report';
import { RENDERED_ISSUE_RISKS, reportLabels, type ReportLabels } from './report-labels';
import {
  describeEvidence,
  describeIssueRef,
  describeProgress,
  describeSlip,
  describeTarget,
  dimensionEntries,
  showsDataQuality,
} from './report-text';

/** Escapes Markdown syntax (and inline HTML) in text from Jira; newlines become spaces. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/gu, ' ').replace(/[\\`*_[\]<>|#!~]/gu, (ch) => `\\${ch}`);
}

const md = escapeMarkdown;

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

function issueLine(issue: IssueRefJson, labels: ReportLabels, extra?: string): string {
  const tail = extra ? ` — ${extra}` : '';
  return `- **${md(issue.key)}** ${md(issue.summary)} (${md(describeIssueRef(issue, labels))})${tail}`;
}

function issueList(issues: readonly IssueRefJson[], labels: ReportLabels): string[] {
  return issues.length === 0 ? [labels.none] : issues.map((issue) => issueLine(issue, labels));
}

export function renderReportMarkdown(report: StatusReportJson): string {
  const l = reportLabels(report.lang);
  const { overall, sections } = report;
  const out: string[] = [];
  const blank = () => {
    if (out.at(-1) !== '') out.push('');
  };
  const heading = (level: number, text: string) => {
    blank();
    out.push(`${'#'.repeat(level)} ${text}`, '');
  };

  out.push(`# ${l.title}${l.colon}${md(report.project.name)} (${md(report.project.key)})`, '');
  out.push(
    `${l.generatedAt}${l.colon}${md(report.generatedAt)} · ${l.period}${l.colon}${md(report.period.start)} – ${md(report.period.end)} · ${l.audience}${l.colon}${l.audiences[report.audience]}`,
  );

  heading(2, l.overall);
  const computedNote = overall.computed === overall.reported ? '' : ` (${l.computed}${l.colon}${l.rag[overall.computed]})`;
  out.push(`**${l.reported}${l.colon}${l.rag[overall.reported]}**${computedNote}`, '', md(overall.headline));
  if (overall.overrideReason) out.push('', `> ${l.overrideReason}${l.colon}${md(overall.overrideReason)}`);

  heading(2, l.dimensions);
  out.push(
    ...table(
      [l.dimension, l.status, l.measure, l.why, l.evidence],
      dimensionEntries(report).map(([, d]) => {
        const status = [l.rag[d.rag], d.enabled ? '' : l.disabled, d.sustained ? l.sustained : ''].filter(Boolean).join(', ');
        const measures = d.measures.map((m) => `${md(m.label)}${l.colon}${md(m.display)} (${l.rag[m.rag]})`).join('<br>') || '—';
        const evidence = md(describeEvidence(d.evidence, l));
        return [md(d.label), status, measures, md(d.why) || '—', evidence];
      }),
    ),
  );

  heading(2, l.completed);
  if (sections.completed.length === 0) out.push(l.none);
  for (const group of sections.completed) {
    blank();
    out.push(group.epic ? `**${md(group.epic.key)} ${md(group.epic.summary)}**` : `**${l.noEpic}**`, '');
    out.push(...issueList(group.issues, l));
  }

  heading(2, l.inProgress);
  out.push(...issueList(sections.inProgress, l));
  heading(2, l.nextUp);
  out.push(...issueList(sections.nextUp, l));

  heading(2, l.milestones);
  out.push(
    ...(sections.milestones.length === 0
      ? [l.none]
      : table(
          [l.milestone, l.status, l.releaseDate, l.forecast, l.slipDays, l.progress],
          sections.milestones.map((m) => [
            md(m.name) + (m.released ? ` (${l.released})` : ''),
            l.rag[m.rag],
            md(describeTarget(m, l)),
            m.forecastDate ?? '—',
            describeSlip(m.slipDays),
            describeProgress(m.progress, l),
          ]),
        )),
  );

  heading(2, l.risks);
  heading(3, l.flagged);
  out.push(...issueList(sections.risks.flagged, l));
  heading(3, l.blocked);
  out.push(
    ...(sections.risks.blocked.length === 0
      ? [l.none]
      : sections.risks.blocked.map((b) => issueLine(b.issue, l, `${l.blockedBy} ${b.blockedBy.map(md).join(', ')}`))),
  );
  heading(3, l.topRisks);
  out.push(
    ...(sections.risks.topRisks.length === 0
      ? [l.none]
      : sections.risks.topRisks.map((r) => issueLine(r.issue, l, `${l.levels[r.level]} (${l.score} ${r.score})`))),
  );

  heading(2, l.waitingOnClient);
  out.push(...issueList(sections.waitingOnClient, l));

  heading(2, l.issueRisks);
  const shown = report.issueRisks.slice(0, RENDERED_ISSUE_RISKS);
  if (shown.length === 0) out.push(l.none);
  else {
    if (shown.length < report.issueRisks.length) out.push(l.issueRisksShown(shown.length, report.issueRisks.length), '');
    out.push(
      ...table(
        [l.key, l.score, l.level, l.reasons],
        shown.map((r) => [md(r.key), String(r.score), l.levels[r.level], r.reasons.map(md).join('; ') || '—']),
      ),
    );
  }

  if (showsDataQuality(report)) {
    heading(2, l.dataQuality);
    out.push(
      ...(report.dataQuality.length === 0
        ? [l.none]
        : report.dataQuality.map((note) => `- ${note.issueKey ? `**${md(note.issueKey)}** ` : ''}${md(note.message)}`)),
    );
  }
  return `${out.join('\n')}\n`;
}
