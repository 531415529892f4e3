import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { RAG_MESSAGES } from '../../contract/i18n/rag-messages';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { SUMMARY_MESSAGES } from '../../contract/i18n/summary-messages';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { RagJson, StatusReportJson } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { JiraLink } from '../shared/JiraLink';
import { RagLozenge } from '../shared/RagLozenge';
import { TokenLozenge } from '../shared/TokenLozenge';
import type { EvidenceLink } from './to-evidence-link';
import { toHealthTiles, toOverallStatus, type HealthTile } from './to-health-tiles';

/** The tile's accent bar: the bold RAG colour; grey is a plain border colour, not a signal. */
const ACCENT: Record<RagJson, string> = {
  green: token('color.background.success.bold', '#5B7F24'),
  amber: token('color.background.warning.bold', '#FBC828'),
  red: token('color.background.danger.bold', '#C9372C'),
  grey: token('color.border.bold', '#7D818A'),
};

const subtle: CSSProperties = { color: token('color.text.subtle', '#505258') };
const plainList: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };

function tileStyle(rag: RagJson, enabled: boolean): CSSProperties {
  return {
    display: 'flex',
    flexDirection: 'column',
    gap: token('space.075', '6px'),
    padding: token('space.200', '16px'),
    borderRadius: token('radius.medium', '6px'),
    borderTop: `4px solid ${enabled ? ACCENT[rag] : token('color.border', '#0B120E24')}`,
    background: token('elevation.surface.raised', '#FFFFFF'),
    boxShadow: token('elevation.shadow.raised', '0px 1px 1px #1E1F2140, 0px 0px 1px #1E1F214f'),
    opacity: enabled ? 1 : 0.8,
  };
}

export function EvidenceLinkText({ evidence }: { evidence: EvidenceLink }) {
  const { formatCount } = useI18n();
  const t = useT(HEALTH_MESSAGES, RAG_MESSAGES, REPORT_MESSAGES);
  const [only] = evidence.keys;
  if (evidence.total === 1 && only !== undefined) return <>{t('evidence.one', { key: only })}</>;
  const count = formatCount(evidence.total);
  const described = ((): string | null => {
    switch (evidence.measureId) {
      case 'slipDays':
        return evidence.milestone === null ? null : t('evidence.slipDays', { count, milestone: evidence.milestone });
      case 'overdueShare':
        return t('evidence.overdueShare', { count });
      case 'scopeCreep':
        return t('evidence.scopeCreep', { count });
      case 'topPriorityBugs':
        return t('evidence.topPriorityBugs', { count });
      case 'reopenRate':
        return t('evidence.reopenRate', { count });
      case 'effortVariance':
        return t('evidence.effortVariance', { count });
      case 'costPerformance':
        return t('evidence.costPerformance', { count });
      default:
        return null;
    }
  })();
  if (described !== null) {
    const capped = evidence.jql === null && evidence.keys.length < evidence.total;
    return <>{capped ? t('evidence.firstOf', { link: described, shown: formatCount(evidence.keys.length) }) : described}</>;
  }
  if (evidence.jql === null && evidence.keys.length < evidence.total) {
    return <>{t('evidence.some', { shown: formatCount(evidence.keys.length), count: formatCount(evidence.total) })}</>;
  }
  return <>{t('evidence.many', { count: formatCount(evidence.total) })}</>;
}

function Tile({ tile }: { tile: HealthTile }) {
  const t = useT(HEALTH_MESSAGES, RAG_MESSAGES, REPORT_MESSAGES, SUMMARY_MESSAGES);
  return (
    <li data-testid={`health-tile-${tile.key}`} data-rag={tile.enabled ? tile.rag : 'off'} style={tileStyle(tile.rag, tile.enabled)}>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.075', '6px') }}>
        <h3 style={{ margin: 0, marginInlineEnd: 'auto', font: token('font.heading.xsmall', 'normal 653 14px/16px sans-serif') }}>
          {tile.label}
        </h3>
        {tile.enabled ? <RagLozenge rag={tile.rag} testId="health-rag" /> : <TokenLozenge>{t('health.off')}</TokenLozenge>}
        {tile.enabled && tile.sustained && (
          <span data-testid="health-sustained">
            <TokenLozenge appearance="new">{t('health.sustained')}</TokenLozenge>
            <span className="cf-visually-hidden">: {t('health.sustainedHint')}</span>
          </span>
        )}
      </div>
      {tile.enabled ? (
        <>
          {tile.display !== null && (
            <p style={{ margin: 0 }}>
              <span data-testid="health-measure" style={{ font: token('font.heading.large', 'normal 653 24px/28px sans-serif') }}>
                {tile.display}
              </span>
              {tile.measureLabel !== null && (
                <span style={{ ...subtle, display: 'block', font: token('font.body.small', 'normal 400 12px/16px sans-serif') }}>
                  {tile.measureLabel}
                </span>
              )}
            </p>
          )}
          <p data-testid="health-why" style={{ margin: 0 }}>
            {tile.why}
          </p>
          {tile.evidence !== null && (
            <p style={{ margin: 0 }}>
              <JiraLink issueKeys={tile.evidence.keys} jql={tile.evidence.jql} testId="evidence-link">
                <EvidenceLinkText evidence={tile.evidence} />
              </JiraLink>
            </p>
          )}
          {tile.otherMeasures.length > 0 && (
            <ul
              aria-label={t('summary.otherMeasures', { dimension: tile.label })}
              style={{ ...plainList, display: 'grid', gap: token('space.075', '6px') }}
            >
              {tile.otherMeasures.map((measure) => (
                <li
                  key={measure.id}
                  data-testid="health-other-measure"
                  data-measure={measure.id}
                  style={{ paddingTop: token('space.075', '6px'), borderTop: `1px solid ${token('color.border', '#0B120E24')}` }}
                >
                  <span style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: token('space.100', '8px') }}>
                    <span style={{ font: token('font.heading.small', 'normal 653 16px/20px sans-serif') }}>{measure.display}</span>
                    <span style={{ ...subtle, font: token('font.body.small', 'normal 400 12px/16px sans-serif') }}>{measure.label}</span>
                    {measure.rag !== tile.rag && <RagLozenge rag={measure.rag} />}
                  </span>
                  <span style={{ display: 'block' }}>{measure.why}</span>
                  {measure.evidence !== null && (
                    <span style={{ display: 'block' }}>
                      <JiraLink issueKeys={measure.evidence.keys} jql={measure.evidence.jql} testId="evidence-link">
                        <EvidenceLinkText evidence={measure.evidence} />
                      </JiraLink>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p style={{ ...subtle, margin: 0 }}>{t('health.offWhy')}</p>
      )}
    </li>
  );
}

/** Overall health and the six dimension tiles, from the internal draft report. */
export function HealthView({ report }: { report: StatusReportJson }) {
  const t = useT(HEALTH_MESSAGES, RAG_MESSAGES, REPORT_MESSAGES);
  const overall = toOverallStatus(report);
  return (
    <>
      <div style={{ display: 'grid', gap: token('space.050', '4px'), marginBottom: token('space.200', '16px') }}>
        <p data-testid="health-headline" style={{ margin: 0, font: token('font.heading.small', 'normal 653 16px/20px sans-serif') }}>
          {report.overall.headline}
        </p>
        <p data-testid="overall-status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), margin: 0 }}>
          <span style={{ fontWeight: token('font.weight.semibold', '600') }}>{t('health.overall')}</span>
          <RagLozenge rag={overall.reported} testId="overall-rag" />
        </p>
        {overall.override !== null && (
          <p data-testid="overall-override" style={{ ...subtle, margin: 0 }}>
            {t('health.reportedVsComputed', {
              reported: t(`ragInline.${overall.reported}`),
              computed: t(`ragInline.${overall.override.computed}`),
            })}
            {overall.override.reason !== null && <> · {t('health.overrideReason', { reason: overall.override.reason })}</>}
          </p>
        )}
      </div>
      <ul
        aria-label={t('report.dimensions')}
        data-testid="health-tiles"
        style={{
          ...plainList,
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(15rem, 1fr))',
          gap: token('space.200', '16px'),
        }}
      >
        {toHealthTiles(report).map((tile) => (
          <Tile key={tile.key} tile={tile} />
        ))}
      </ul>
    </>
  );
}
