/**
 * The report's narrative in the exports (Markdown, HTML, e-mail): the PM's text, or the drafted
 * sentences. The team's drafted sentences carry their issue evidence (linked to Jira when the
 * rendering has a site); the client's version is plain prose (keys the client sees are already in
 * its words, as plain text).
 */
import type { ClientStatusReportJson } from '../../../contract/client-report';
import { NARRATIVE_SENTENCES } from '../../../contract/i18n/narrative-sentences';
import { NARRATIVE_TOPICS, type NarrativeEvidenceJson } from '../../../contract/report-narrative';
import type { StatusReportJson } from '../../../contract/report';

/** One sentence (or a PM paragraph) and the issue keys it rests on (team's drafted narrative only). */
export interface NarrativePiece {
  text: string;
  issueKeys: string[];
}

const issueKeysOf = (evidence: readonly NarrativeEvidenceJson[] = []) => evidence.filter((e) => e.kind === 'issue').map((e) => e.id);

/** The narrative as paragraphs of pieces; none when the report has no narrative or it is empty. */
export function narrativeParagraphs(report: StatusReportJson | ClientStatusReportJson): NarrativePiece[][] {
  const { narrative } = report;
  if (!narrative) return [];
  if (narrative.source === 'pm') {
    return (
      narrative.text
        .split(/\n\s*\n/u)
        // The PM's line breaks stay (list lines, addresses): each renderer shows them as lines.
        .map((p) => p.replace(/[ \t]*\n\s*/gu, '\n').trim())
        .filter((p) => p !== '')
        .map((text) => [{ text, issueKeys: [] }])
    );
  }
  const withEvidence = report.audience === 'internal';
  return NARRATIVE_TOPICS.map((topic) =>
    narrative.sentences
      .filter((s) => s.topic === topic)
      .map((s) => ({ text: s.text, issueKeys: withEvidence ? issueKeysOf(s.evidence) : [] })),
  ).filter((p) => p.length > 0);
}

/** What separates two sentences of a paragraph in `lang`. */
export function sentenceJoiner(report: StatusReportJson | ClientStatusReportJson): string {
  return NARRATIVE_SENTENCES[report.lang].joiner;
}
