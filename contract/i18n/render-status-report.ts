/**
 * The language-neutral report data turned into the rendered report, in one language: pure, the
 * same data and language give byte-identical JSON. Backend and UI share it, so a report stored
 * as data reads the same wherever it is rendered.
 */
import type { Language } from '../language';
import {
  type ClientVisibilitySummaryJson,
  type DataQualityNoteJson,
  type DimensionDataJson,
  type DimensionKey,
  type HeadlineJson,
  type ReportDataJson,
  type StatusReportJson,
} from '../report';
import { formatDataQualityNote } from './data-quality-sentences';
import { formatEvidenceSummary } from './evidence-sentences';
import { formatterFor } from './format';
import { HEADLINE_SENTENCES } from './headline-sentences';
import { formatMeasureValue, formatWhy } from './health-sentences';
import { HEALTH_MESSAGES } from './health-messages';
import { RAG_MESSAGES } from './rag-messages';
import { REPORT_MESSAGES } from './report-messages';
import { formatRiskSignal } from './risk-sentences';
import { translator } from './strings';

/**
 * Renders every sentence of `data` in `lang`: labels of dimensions and measures, the why of
 * each, measure values, the headline, risk reasons (a sentence repeated within one issue is
 * kept once), data-quality notes and, when the client sees nothing, the PM's hint. The codes
 * stay next to the sentences (`whyCode`, `headlineCode`, `signals`, `params`). The client's
 * report has its own renderer (`renderClientReport`).
 */
export function renderStatusReport(data: ReportDataJson, lang: Language): StatusReportJson {
  const labels = HEALTH_MESSAGES[lang];
  const why = (w: DimensionDataJson['why']): string => formatWhy(w, lang);
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
        ...evidenceOf(m, lang, data.audience),
      })),
      ...evidenceOf(d, lang, data.audience),
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
    sections: data.sections,
    issueRisks: data.issueRisks.map((risk) => {
      const reasons = risk.signals.map((signal) => formatRiskSignal(signal, lang));
      // Two blockers may render to the same sentence: say it once.
      return {
        key: risk.key,
        score: risk.score,
        level: risk.level,
        reasons: reasons.length > 1 ? [...new Set(reasons)] : reasons,
        signals: risk.signals,
      };
    }),
    dataQuality: data.dataQuality.map((note) => renderNote(note, lang)),
    clientVisibility: { ...data.clientVisibility, hint: clientVisibilityHint(data.clientVisibility, lang) },
  };
}

/**
 * A measure's or dimension's evidence with its count and summary ("first 50 of 120 issues"). A
 * report stored before counts were kept lists all it has: its count is its length.
 */
function evidenceOf(
  e: Pick<DimensionDataJson, 'evidence' | 'evidenceCount' | 'evidenceJql'>,
  lang: Language,
  audience: ReportDataJson['audience'],
): Pick<StatusReportJson['dimensions'][DimensionKey], 'evidence' | 'evidenceCount' | 'evidenceJql' | 'evidenceSummary'> {
  const count = Math.max(e.evidenceCount ?? e.evidence.length, e.evidence.length);
  return {
    evidence: e.evidence,
    evidenceCount: count,
    evidenceJql: e.evidenceJql ?? null,
    evidenceSummary: formatEvidenceSummary(e.evidence.length, count, lang, audience),
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

/**
 * When the client sees no issue, how the PM shows some, for the project's visibility mode (the
 * labels as configured); null when the client sees at least one.
 */
export function clientVisibilityHint(summary: ClientVisibilitySummaryJson, lang: Language): string | null {
  if (summary.shown > 0) return null;
  const t = translator(lang, REPORT_MESSAGES);
  const { clientLabel, internalLabel } = summary;
  switch (summary.mode) {
    case 'marked':
      return t('report.clientHint.marked', { clientLabel });
    case 'types':
      return t('report.clientHint.types');
    case 'all':
      return t('report.clientHint.all', { internalLabel });
  }
}
