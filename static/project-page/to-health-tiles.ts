import { DIMENSION_KEYS, type ClientStatusReportJson, type DimensionKey, type RagJson, type StatusReportJson } from '../../contract';
import { toEvidenceLink, type EvidenceLink } from './to-evidence-link';

export interface HealthTile {
  key: DimensionKey;
  label: string;
  enabled: boolean;
  rag: RagJson;
  /** The deciding measure's value as a person reads it ("+8 days"); null without measures. */
  display: string | null;
  /** The deciding measure's label ("Next milestone slip"). */
  measureLabel: string | null;
  why: string;
  /** The dimension's other measures (beside the deciding one), each with its own value and why. */
  otherMeasures: { id: string; label: string; display: string; rag: RagJson; why: string; evidence: EvidenceLink | null }[];
  sustained: boolean;
  /** The deciding measure's own evidence (each other measure carries its own). */
  evidence: EvidenceLink | null;
}

/**
 * One tile per dimension, in the report's fixed order. A dimension takes the worse of its
 * measures, so the measure shown is the first one with the dimension's RAG (the one that
 * decided it), else the first measure.
 */
export function toHealthTiles(report: StatusReportJson): HealthTile[] {
  return DIMENSION_KEYS.map((key) => {
    const dimension = report.dimensions[key];
    const deciding = dimension.measures.find((measure) => measure.rag === dimension.rag) ?? dimension.measures[0] ?? null;
    return {
      key,
      label: dimension.label,
      enabled: dimension.enabled,
      rag: dimension.rag,
      display: deciding?.display ?? null,
      measureLabel: deciding?.label ?? null,
      why: dimension.why,
      otherMeasures: dimension.measures
        .filter((measure) => measure !== deciding)
        .map((measure) => {
          const { id, label, display, rag, why } = measure;
          return { id, label, display, rag, why, evidence: toEvidenceLink(measure) };
        }),
      sustained: dimension.sustained,
      evidence: toEvidenceLink(deciding ?? dimension),
    };
  });
}

type OverallRag = StatusReportJson['overall']['reported'];

export interface OverallStatus {
  /** The status everyone sees: the PM's reported one. */
  reported: OverallRag;
  /** Set only for the internal audience when the PM's status differs from the computed one. */
  override: { computed: OverallRag; reason: string | null } | null;
}

/**
 * The overall line. Internal views always show both statuses when they differ ("Reported
 * amber — computed red"); the client only ever sees the reported one.
 */
export function toOverallStatus(report: StatusReportJson | ClientStatusReportJson): OverallStatus {
  if (report.audience === 'client') return { reported: report.overall.reported, override: null };
  const { reported, computed, overrideReason } = report.overall;
  const differs = reported !== computed;
  return { reported, override: differs ? { computed, reason: overrideReason } : null };
}
