/**
 * The client's report data rendered in one language: pure, the same data and language give
 * byte-identical JSON. Built field by field into `ClientStatusReportJson`, which has no room for
 * anything internal.
 */
import type { ClientSinceLastSectionJson } from '../since-last-report';
import type {
  ClientHeadlineJson,
  ClientIssueRefJson,
  ClientReportDataJson,
  ClientSectionsJson,
  ClientStatusReportJson,
} from '../client-report';
import type { Language } from '../language';
import { HIDDEN_ISSUE_MARKER } from '../report';
import { CLIENT_SENTENCES } from './client-sentences';
import { formatterFor } from './format';
import { HEADLINE_SENTENCES } from './headline-sentences';
import { HEALTH_MESSAGES } from './health-messages';
import { RAG_MESSAGES } from './rag-messages';
import { REPORT_MESSAGES } from './report-messages';

/**
 * Renders the labels, the dimensions' plain sentences and the headline of the client's report in
 * `lang`.
 * The marker of a hidden issue reads "an internal task"; in Chinese the spaces setting it apart
 * from Chinese words go with it.
 */
export function renderClientReport(data: ClientReportDataJson, lang: Language): ClientStatusReportJson {
  const text = hiddenIssueText(lang);
  const labels = HEALTH_MESSAGES[lang];
  const dimensions = data.dimensions.map((d) => ({
    id: d.id,
    label: labels[`dimension.${d.id}`],
    rag: d.rag,
    why: CLIENT_SENTENCES[lang].dimension(d.rag),
  }));
  return {
    schemaVersion: 1,
    generatedAt: data.generatedAt,
    audience: 'client',
    lang,
    project: data.project,
    period: data.period,
    overall: {
      reported: data.overall.reported,
      headline: renderClientHeadline(data, lang, dimensions),
      headlineCode: data.overall.headline,
    },
    dimensions,
    sections: renderSections(data.sections, text),
  };
}

/** The reported status, then plain words: never the computed status's reasoning. */
function renderClientHeadline(
  data: ClientReportDataJson,
  lang: Language,
  dimensions: readonly { id: string; label: string; rag: 'green' | 'amber' | 'red' }[],
): string {
  const sentences = HEADLINE_SENTENCES[lang];
  const headline: ClientHeadlineJson = data.overall.headline;
  let detail: string;
  switch (headline.code) {
    case 'driver': {
      const { dimension } = headline.params;
      const shown = dimensions.find((d) => d.id === dimension);
      detail = shown === undefined ? sentences.attention() : CLIENT_SENTENCES[lang].driver({ dimension: shown.label, rag: shown.rag });
      break;
    }
    case 'attention':
      detail = sentences.attention();
      break;
    case 'onTrack':
      detail = sentences.onTrack();
      break;
    case 'onTrackWithMilestone':
      detail = sentences.onTrackWithMilestone({ milestone: headline.params.milestone, date: formatterFor(lang).day(headline.params.date) });
      break;
  }
  return sentences.status({ rag: RAG_MESSAGES[lang][`rag.${data.overall.reported}`], detail });
}

function renderSections(sections: ClientSectionsJson, text: (t: string) => string): ClientSectionsJson {
  const ref = <T extends ClientIssueRefJson>(issue: T): T => {
    const summary = text(issue.summary);
    return summary === issue.summary ? issue : { ...issue, summary };
  };
  return {
    completed: sections.completed.map((group) => ({
      epic: group.epic === null ? null : { key: group.epic.key, summary: text(group.epic.summary) },
      issues: group.issues.map(ref),
    })),
    inProgress: sections.inProgress.map(ref),
    nextUp: sections.nextUp.map(ref),
    milestones: sections.milestones,
    flagged: sections.flagged.map(ref),
    blocked: sections.blocked.map((b) => ({ issue: ref(b.issue), blockedBy: b.blockedBy, hiddenBlockers: b.hiddenBlockers })),
    waitingOnClient: sections.waitingOnClient.map(ref),
    ...(sections.changeRequests === undefined
      ? {}
      : {
          changeRequests: {
            totals: sections.changeRequests.totals,
            items: sections.changeRequests.items.map((c) => ({
              ...c,
              title: text(c.title),
              description: text(c.description),
              impact: { ...c.impact, scopeNote: text(c.impact.scopeNote) },
              decision: c.decision === null ? null : { ...c.decision, reason: text(c.decision.reason) },
            })),
          },
        }),
    ...(sections.registerRisks === undefined ? {} : { registerRisks: sections.registerRisks.map((r) => ({ ...r, text: text(r.text) })) }),
    ...(sections.decisions === undefined ? {} : { decisions: sections.decisions.map((d) => ({ ...d, text: text(d.text) })) }),
    ...(sections.actionItems === undefined ? {} : { actionItems: sections.actionItems.map((a) => ({ ...a, text: text(a.text) })) }),
    ...(sections.sinceLast === undefined ? {} : { sinceLast: withSinceLastText(sections.sinceLast, text) }),
    ...(sections.acceptance === undefined
      ? {}
      : {
          acceptance: sections.acceptance.map((d) => ({
            ...d,
            comment: text(d.comment),
            fixItems: d.fixItems.map(text),
          })),
        }),
    ...(sections.support === undefined
      ? {}
      : { support: { ...sections.support, overdue: sections.support.overdue.map((i) => ({ ...i, summary: text(i.summary) })) } }),
  };
}

/** The shared risks' wording with the hidden-issue marker replaced. */
function withSinceLastText(section: ClientSinceLastSectionJson, text: (t: string) => string): ClientSinceLastSectionJson {
  if (section.kind === 'first') return section;
  const { registerRisks } = section;
  return {
    ...section,
    registerRisks: {
      new: registerRisks.new.map((r) => ({ ...r, text: text(r.text) })),
      resolved: registerRisks.resolved.map((r) => ({ text: text(r.text) })),
    },
  };
}

const MARKER = new RegExp(`( ?)${HIDDEN_ISSUE_MARKER.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}( ?)`, 'gu');

/**
 * Replaces the hidden-issue marker with "an internal task" in `lang`. In Chinese the single
 * spaces around it go when the character beyond them is not ASCII (Chinese text or full-width
 * punctuation takes no space before a Chinese word).
 */
function hiddenIssueText(lang: Language): (text: string) => string {
  const placeholder = REPORT_MESSAGES[lang]['report.internalIssue'];
  const beside = (t: string, at: number, space: string): string => (lang === 'zh-CN' && t.charCodeAt(at) > 0x7f ? '' : space);
  return (t) =>
    !t.includes(HIDDEN_ISSUE_MARKER)
      ? t
      : t.replace(
          MARKER,
          (match: string, before: string, after: string, offset: number) =>
            beside(t, offset - 1, before) + placeholder + beside(t, offset + match.length, after),
        );
}
