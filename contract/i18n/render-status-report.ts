/**
 * The language-neutral report data turned into the rendered report, in one language: pure, the
 * same data and language give byte-identical JSON. Backend and UI share it, so a report stored
 * as data reads the same wherever it is rendered.
 */
import type { Language } from '../language';
import {
  HIDDEN_ISSUE_MARKER,
  type DataQualityNoteJson,
  type DimensionDataJson,
  type DimensionKey,
  type HeadlineJson,
  type IssueRefJson,
  type ReportDataJson,
  type ReportSectionsJson,
  type StatusReportJson,
} from '../report';
import { formatDataQualityNote } from './data-quality-sentences';
import { formatterFor } from './format';
import { HEADLINE_SENTENCES } from './headline-sentences';
import { formatMeasureValue, formatWhy } from './health-sentences';
import { HEALTH_MESSAGES } from './health-messages';
import { RAG_MESSAGES } from './rag-messages';
import { REPORT_MESSAGES } from './report-messages';
import { formatRiskSignal } from './risk-sentences';

/**
 * Renders every sentence of `data` in `lang`: labels of dimensions and measures, the why of
 * each, measure values, the headline, risk reasons (a sentence repeated within one issue is
 * kept once) and data-quality notes. The codes stay next to the sentences (`whyCode`,
 * `headlineCode`, `signals`, `params`). In client data, the marker of a hidden issue reads "an
 * internal task"; in Chinese the spaces setting it apart from Chinese words go with it.
 */
export function renderStatusReport(data: ReportDataJson, lang: Language): StatusReportJson {
  const text = hiddenIssueText(data.audience, lang);
  const labels = HEALTH_MESSAGES[lang];
  const why = (w: DimensionDataJson['why']): string => text(formatWhy(w, lang));
  const dimension = (key: DimensionKey): StatusReportJson['dimensions'][DimensionKey] => {
    const d = data.dimensions[key];
    return {
      rag: d.rag,
      enabled: d.enabled,
      label: labels[`dimension.${key}`],
      why: why(d.why),
      whyCode: d.why,
      measures: d.measures.map((m) => ({
        id: m.id,
        label: labels[`measure.${m.id}`],
        value: m.value,
        display: formatMeasureValue(m, lang),
        rag: m.rag,
        why: why(m.why),
        whyCode: m.why,
        evidence: m.evidence,
      })),
      evidence: d.evidence,
      sustained: d.sustained,
    };
  };
  const { overall } = data;
  return {
    schemaVersion: 1,
    generatedAt: data.generatedAt,
    audience: data.audience,
    lang,
    project: data.project,
    period: data.period,
    overall: {
      computed: overall.computed,
      reported: overall.reported,
      overrideReason: overall.overrideReason,
      headline: renderHeadline(data, lang, why),
      headlineCode: overall.headline,
    },
    dimensions: {
      schedule: dimension('schedule'),
      scope: dimension('scope'),
      quality: dimension('quality'),
      cost: dimension('cost'),
      satisfaction: dimension('satisfaction'),
      communication: dimension('communication'),
    },
    sections: data.audience === 'internal' ? data.sections : renderSections(data.sections, text),
    issueRisks: data.issueRisks.map((risk) => {
      const reasons = risk.signals.map((signal) => text(formatRiskSignal(signal, lang)));
      // Two hidden blockers render to the same sentence: say it once.
      return {
        key: risk.key,
        score: risk.score,
        level: risk.level,
        reasons: reasons.length > 1 ? [...new Set(reasons)] : reasons,
        signals: risk.signals,
      };
    }),
    dataQuality: data.dataQuality.map((note) => renderNote(note, lang)),
  };
}

/** The headline's status, then what drives it (see `HeadlineJson`). */
function renderHeadline(data: ReportDataJson, lang: Language, why: (w: DimensionDataJson['why']) => string): string {
  const sentences = HEADLINE_SENTENCES[lang];
  const rag = RAG_MESSAGES[lang];
  const labels = HEALTH_MESSAGES[lang];
  const headline: HeadlineJson = data.overall.headline;
  let detail: string;
  switch (headline.code) {
    case 'driver': {
      const { dimension } = headline.params;
      detail = sentences.driver({ dimension: labels[`dimension.${dimension}`], why: why(data.dimensions[dimension].why) });
      break;
    }
    case 'notEnoughData':
      detail = sentences.notEnoughData({ dimensions: headline.params.dimensions.map((d) => labels[`dimension.${d}`]) });
      break;
    case 'onTrack':
      detail = sentences.onTrack();
      break;
    case 'onTrackWithMilestone':
      // A calendar day, written as every other day of the report is.
      detail = sentences.onTrackWithMilestone({ milestone: headline.params.milestone, date: formatterFor(lang).day(headline.params.date) });
      break;
  }
  const { computed, reported } = data.overall;
  return computed === reported
    ? sentences.status({ rag: rag[`rag.${reported}`], detail })
    : sentences.overridden({ reported: rag[`rag.${reported}`], computed: rag[`rag.${computed}`], detail });
}

function renderSections(sections: ReportSectionsJson, text: (t: string) => string): ReportSectionsJson {
  const ref = <T extends IssueRefJson>(issue: T): T => {
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
    risks: {
      flagged: sections.risks.flagged.map(ref),
      blocked: sections.risks.blocked.map((b) => ({ issue: ref(b.issue), blockedBy: b.blockedBy })),
      topRisks: sections.risks.topRisks.map((r) => ({ issue: ref(r.issue), score: r.score, level: r.level })),
    },
    waitingOnClient: sections.waitingOnClient.map(ref),
  };
}

/**
 * A note as the rendered report lists it: its sentence, and its fields as `params`. A "…and N
 * more" note carries the code of the notes it continues, and every remaining key.
 */
function renderNote(note: DataQualityNoteJson, lang: Language): StatusReportJson['dataQuality'][number] {
  const message = formatDataQualityNote(note, lang);
  if (note.code === 'more') return { code: note.of, issueKey: null, message, params: { count: note.count, issueKeys: note.issueKeys } };
  const { code, issueKey, ...params } = note;
  return { code, issueKey, message, params };
}

const MARKER = new RegExp(`( ?)${HIDDEN_ISSUE_MARKER.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}( ?)`, 'gu');

/**
 * For client data, replaces the hidden-issue marker with "an internal task" in `lang`. In
 * Chinese the single spaces around it go when the character beyond them is not ASCII (Chinese
 * text or full-width punctuation takes no space before a Chinese word).
 */
function hiddenIssueText(audience: ReportDataJson['audience'], lang: Language): (text: string) => string {
  if (audience === 'internal') return (t) => t;
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
