/**
 * A test fixture only: the client's report as the backend would give it for the same draft as
 * an internal fixture (what `renderClientReport` keeps), so UI tests can show both audiences of
 * one week without a second hand-written report.
 */
import type { ClientIssueRefJson, ClientStatusReportJson, IssueRefJson, StatusReportJson } from '../../contract';
import { DIMENSION_KEYS } from '../../contract';

function toClientRef(ref: IssueRefJson): ClientIssueRefJson {
  const { key, summary, status, type, priority, due, assignee, epicKey } = ref;
  return { key, summary, status, type, priority, due, assignee, epicKey };
}

export function toClientFixture(report: StatusReportJson): ClientStatusReportJson {
  const shown = (refs: readonly IssueRefJson[]): ClientIssueRefJson[] => refs.filter((r) => r.client.shown).map(toClientRef);
  const { sections } = report;
  const dimensions: ClientStatusReportJson['dimensions'] = [];
  for (const id of DIMENSION_KEYS) {
    const d = report.dimensions[id];
    if (!d.enabled || d.rag === 'grey') continue;
    const measures: ClientStatusReportJson['dimensions'][number]['measures'] = [];
    for (const m of d.measures) {
      if (m.rag === 'grey' || m.value === null) continue;
      measures.push({ id: m.id, label: m.label, value: m.value, display: m.display, rag: m.rag, why: m.why });
    }
    dimensions.push({ id, label: d.label, rag: d.rag, why: d.why, measures });
  }
  return {
    schemaVersion: 1,
    generatedAt: report.generatedAt,
    audience: 'client',
    lang: report.lang,
    project: report.project,
    period: report.period,
    overall: { reported: report.overall.reported, headline: report.overall.headline, headlineCode: { code: 'attention', params: {} } },
    dimensions,
    sections: {
      completed: sections.completed.map((g) => ({ epic: g.epic, issues: shown(g.issues) })).filter((g) => g.issues.length > 0),
      inProgress: shown(sections.inProgress),
      nextUp: shown(sections.nextUp),
      milestones: sections.milestones.map(
        ({ id, name, released, releaseDate, originalReleaseDate, progress, forecastDate, slipDays, rag }) => ({
          id,
          name,
          released,
          releaseDate,
          originalReleaseDate,
          progress,
          forecastDate,
          slipDays,
          rag,
        }),
      ),
      flagged: shown(sections.risks.flagged),
      blocked: sections.risks.blocked
        .filter((b) => b.issue.client.shown)
        .map((b) => ({ issue: toClientRef(b.issue), blockedBy: b.blockedBy })),
      waitingOnClient: sections.waitingOnClient.filter((w) => w.client.shown).map((w) => ({ ...toClientRef(w), wait: w.wait })),
    },
  };
}
