import { token } from '@atlaskit/tokens';
import { Fragment, useId, type CSSProperties } from 'react';
import type { ClientStatusReportJson, StatusReportJson } from '../../contract';
import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { NARRATIVE_MESSAGES } from '../../contract/i18n/narrative-messages';
import { NARRATIVE_TOPICS, type NarrativeEvidenceJson, type NarrativeSentenceJson } from '../../contract/report-narrative';
import { DIMENSION_KEYS, type DimensionKey } from '../../contract/report';
import { useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { reportMetaStyle } from './ReportIssueList';
import { useReportSectionLabel } from './report-scope';

const paragraphStyle: CSSProperties = { margin: `${token('space.100', '8px')} 0 0`, whiteSpace: 'pre-line' };
const refsStyle: CSSProperties = { ...reportMetaStyle, marginInlineStart: token('space.050', '4px') };
const isDimension = (id: string): id is DimensionKey => (DIMENSION_KEYS as readonly string[]).includes(id);

/** One ref of a drafted sentence in the team's view: an issue as a link to Jira, the rest by name. */
function EvidenceRef({ evidence, report }: { evidence: NarrativeEvidenceJson; report: StatusReportJson }) {
  const t = useT(NARRATIVE_MESSAGES, HEALTH_MESSAGES);
  switch (evidence.kind) {
    case 'issue':
      return <IssueKeyLink issueKey={evidence.id} />;
    case 'dimension':
      return <>{isDimension(evidence.id) ? t(`dimension.${evidence.id}`) : evidence.id}</>;
    case 'milestone':
      return (
        <>{t('narrative.evidence.milestone', { id: report.sections.milestones.find((m) => m.id === evidence.id)?.name ?? evidence.id })}</>
      );
    case 'changeRequest':
      return (
        <>
          {t('narrative.evidence.changeRequest', {
            id: report.sections.changeRequests?.items.find((c) => c.id === evidence.id)?.title ?? evidence.id,
          })}
        </>
      );
    case 'risk':
      return <>{t('narrative.evidence.risk', { id: evidence.id })}</>;
  }
}

function Sentence({
  sentence,
  report,
  joiner,
}: {
  sentence: NarrativeSentenceJson;
  report: StatusReportJson | ClientStatusReportJson;
  joiner: string;
}) {
  const t = useT(NARRATIVE_MESSAGES);
  const evidence = report.audience === 'internal' ? (sentence.evidence ?? []) : [];
  return (
    <>
      {sentence.text}
      {evidence.length > 0 && report.audience === 'internal' && (
        <span style={refsStyle} data-testid="narrative-evidence">
          <span className="cf-visually-hidden">{t('narrative.evidence')}: </span>[
          {evidence.map((e, index) => (
            <Fragment key={`${e.kind}:${e.id}`}>
              {index > 0 && ', '}
              <EvidenceRef evidence={e} report={report} />
            </Fragment>
          ))}
          ]
        </span>
      )}
      {joiner}
    </>
  );
}

/**
 * The report's narrative: the PM's text, or the sentences the app drafted, a paragraph per topic.
 * In the team's version each drafted sentence shows its evidence (issues linked to Jira); the
 * client's is plain prose.
 */
export function ReportNarrative({ report }: { report: StatusReportJson | ClientStatusReportJson }) {
  const t = useT(NARRATIVE_MESSAGES);
  const id = useId();
  const labelledBy = useReportSectionLabel(id);
  const { narrative } = report;
  if (!narrative || narrative.text.trim() === '') return null;
  const joiner = report.lang === 'zh-CN' ? '' : ' ';
  return (
    <section aria-labelledby={labelledBy} data-testid="report-narrative" data-source={narrative.source}>
      <h3
        id={id}
        style={{ margin: `${token('space.300', '24px')} 0 0`, font: token('font.heading.small', 'normal 653 16px/20px sans-serif') }}
      >
        {t('narrative.heading')}
      </h3>
      <p style={{ ...reportMetaStyle, margin: `${token('space.050', '4px')} 0 0` }}>
        {t(narrative.source === 'pm' ? 'narrative.pm' : 'narrative.drafted')}
      </p>
      {narrative.source === 'pm'
        ? narrative.text
            .split(/\n\s*\n/u)
            .filter((p) => p.trim() !== '')
            .map((paragraph, index) => (
              <p key={index} style={paragraphStyle}>
                {paragraph.trim()}
              </p>
            ))
        : NARRATIVE_TOPICS.map((topic) => {
            const sentences = narrative.sentences.filter((s) => s.topic === topic);
            return sentences.length === 0 ? null : (
              <p key={topic} style={paragraphStyle} data-topic={topic}>
                {sentences.map((sentence, index) => (
                  <Sentence key={index} sentence={sentence} report={report} joiner={index < sentences.length - 1 ? joiner : ''} />
                ))}
              </p>
            );
          })}
    </section>
  );
}
