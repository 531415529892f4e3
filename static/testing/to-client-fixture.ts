/**
 * A test fixture only: the client's report as the backend would give it for the same draft as
 * an internal fixture (what `renderClientReport` keeps), so UI tests can show both audiences of
 * one week without a second hand-written report.
 */
import type { ClientIssueRefJson, ClientStatusReportJson, IssueRefJson, StatusReportJson } from '../../contract';
import { DIMENSION_KEYS } from '../../contract';
import { CLIENT_SENTENCES } from '../../contract/i18n/client-sentences';
import { HEADLINE_SENTENCES } from '../../contract/i18n/headline-sentences';
import { RAG_MESSAGES } from '../../contract/i18n/rag-messages';

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
    dimensions.push({ id, label: d.label, rag: d.rag, why: CLIENT_SENTENCES[report.lang].dimension(d.rag) });
  }
  const sentences = HEADLINE_SENTENCES[report.lang];
  const headline = sentences.status({ rag: RAG_MESSAGES[report.lang][`rag.${report.overall.reported}`], detail: sentences.attention() });
  return {
    schemaVersion: 1,
    generatedAt: report.generatedAt,
    audience: 'client',
    lang: report.lang,
    project: report.project,
    period: report.period,
    overall: { reported: report.overall.reported, headline, headlineCode: { code: 'attention', params: {} } },
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
          progress: {
            percentDone: progress.issuesTotal === 0 ? null : Math.floor((progress.issuesDone / progress.issuesTotal) * 100),
          },
          forecastDate,
          slipDays,
          rag,
        }),
      ),
      flagged: shown(sections.risks.flagged),
      blocked: sections.risks.blocked
        .filter((b) => b.issue.client.shown)
        .map((b) => ({ issue: toClientRef(b.issue), blockedBy: b.blockedBy, hiddenBlockers: 0 })),
      waitingOnClient: sections.waitingOnClient.filter((w) => w.client.shown).map((w) => ({ ...toClientRef(w), wait: w.wait })),
    },
  };
}
