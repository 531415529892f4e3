import { CLIENT_SENTENCES } from '../../contract/i18n/client-sentences';
import { HEALTH_MESSAGES } from '../../contract/i18n/health-messages';
import { RAG_MESSAGES } from '../../contract/i18n/rag-messages';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { RISK_MESSAGES } from '../../contract/i18n/risk-messages';
import { token } from '@atlaskit/tokens';
import { SUMMARY_MESSAGES } from '../../contract/i18n/summary-messages';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import type { ClientStatusReportJson, ReportListTotalsJson, StatusReportJson } from '../../contract';
import type { Language } from '../../contract/language';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink, PlainIssueKeys } from '../shared/JiraLink';
import { RagLozenge } from '../shared/RagLozenge';
import { TokenLozenge } from '../shared/TokenLozenge';
import { MilestonesTable } from './MilestonesTable';
import { ActionItemList, DecisionList, minutesOf } from './ReportMinutes';
import { ChangeRequestList } from './ReportChanges';
import { AcceptanceDecisionList, acceptanceSectionTitle } from './ReportAcceptance';
import { SinceLastSection } from './SinceLastSection';
import { SupportSummary } from './support/SupportSummary';
import { SUPPORT_MESSAGES } from '../../contract/i18n/support-messages';
import { ClientRegisterRiskList, RegisterRiskList } from './ReportRegisterRisks';
import {
  BlockedByKeys,
  CollapsibleList,
  EmptyNote,
  IssueLine,
  ReportIssueList,
  reportMetaStyle,
  WaitingIssueList,
} from './ReportIssueList';
import { toDistinctIssues } from './to-report-view';
import { toOverallStatus } from './to-health-tiles';
import { ReportDayContext } from './Overdue';
import { ReportNarrative } from './ReportNarrative';
import { useReportSectionLabel } from './report-scope';
import { reportDay, splitAtKey } from './to-needs-attention';

const h3Style: CSSProperties = {
  margin: `${token('space.300', '24px')} 0 ${token('space.100', '8px')}`,
  font: token('font.heading.small', 'normal 653 16px/20px sans-serif'),
};
const h4Style: CSSProperties = {
  margin: `${token('space.200', '16px')} 0 ${token('space.050', '4px')}`,
  font: token('font.heading.xsmall', 'normal 653 14px/16px sans-serif'),
};

/** A report section: a heading, and its content labelled by it. */
function ReportSection({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={useReportSectionLabel(id)} data-testid={testId}>
      <h3 id={id} style={h3Style}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * A long report list folded away under its title and count: the title is a heading holding a
 * disclosure button (`aria-expanded`, `aria-controls`), the list stays in the page, hidden.
 */
export function FoldedSection({
  title,
  count,
  total = count,
  testId,
  children,
}: {
  title: string;
  /** How many issues the list shows. */
  count: number;
  /** How many there are in all, when the stored report kept only the first ones. */
  total?: number;
  testId: string;
  children: ReactNode;
}) {
  const { formatCount } = useI18n();
  const t = useT(SUMMARY_MESSAGES);
  const headingId = useId();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  return (
    <section aria-labelledby={useReportSectionLabel(headingId)} data-testid={testId} data-count={Math.max(count, total)}>
      <h3 id={headingId} style={h3Style}>
        <button
          type="button"
          className="cf-disclosure"
          aria-expanded={open}
          aria-controls={panelId}
          data-testid="fold-toggle"
          onClick={() => {
            setOpen(!open);
          }}
        >
          {t('summary.listCount', { title, count: formatCount(Math.max(count, total)) })}
        </button>
      </h3>
      <div id={panelId} hidden={!open}>
        {total > count && (
          <p data-testid="fold-first-of" style={{ ...reportMetaStyle, margin: `0 0 ${token('space.100', '8px')}` }}>
            {t('summary.listFirstOf', { shown: formatCount(count), total: formatCount(total) })}
          </p>
        )}
        {children}
      </div>
    </section>
  );
}

/** A data-quality note with its issue key linked where the sentence names it, not written twice. */
function DataQualityNote({ issueKey, message }: { issueKey: string | null; message: string }) {
  if (issueKey === null) return <>{message}</>;
  const parts = splitAtKey(message, issueKey);
  if (parts === null) {
    return (
      <>
        <IssueKeyLink issueKey={issueKey} /> {message}
      </>
    );
  }
  return (
    <>
      {parts.before}
      <IssueKeyLink issueKey={issueKey} />
      {parts.after}
    </>
  );
}

const distinctCount = (keys: readonly string[]) => new Set(keys).size;

const LEVEL_APPEARANCE = { high: 'removed', medium: 'moved', low: 'success' } as const;

function RisksSection({
  risks,
  totals,
  registerRisks,
}: {
  risks: StatusReportJson['sections']['risks'];
  totals: ReportListTotalsJson | undefined;
  registerRisks?: StatusReportJson['sections']['registerRisks'];
}) {
  const { formatCount } = useI18n();
  const t = useT(REPORT_MESSAGES, HEALTH_MESSAGES, RAG_MESSAGES, RISK_MESSAGES);
  const count =
    distinctCount([
      ...risks.flagged.map((issue) => issue.key),
      ...risks.blocked.map((entry) => entry.issue.key),
      ...risks.topRisks.map((entry) => entry.issue.key),
    ]) + (registerRisks?.length ?? 0);
  return (
    <FoldedSection
      title={t('report.risks')}
      count={count}
      // Parts overlap, so a cut part gives only a lower bound for the whole.
      total={Math.max(count, totals?.flagged ?? 0, totals?.blocked ?? 0, totals?.topRisks ?? 0)}
      testId="report-risks"
    >
      <h4 style={h4Style}>{t('report.flagged')}</h4>
      <ReportIssueList issues={risks.flagged} testId="report-flagged" />
      <h4 style={h4Style}>{t('report.blocked')}</h4>
      <CollapsibleList items={risks.blocked} testId="report-blocked">
        {({ issue, blockedBy }) => (
          <IssueLine key={issue.key} issue={issue}>
            <BlockedByKeys blockedBy={blockedBy} />
          </IssueLine>
        )}
      </CollapsibleList>
      <h4 style={h4Style}>{t('report.topRisks')}</h4>
      <CollapsibleList items={risks.topRisks} testId="report-top-risks">
        {({ issue, score, level }) => (
          <IssueLine key={issue.key} issue={issue} showStatus={false}>
            <TokenLozenge appearance={LEVEL_APPEARANCE[level]}>{t(`risk.level.${level}`)}</TokenLozenge>
            <span style={reportMetaStyle}>
              {t('risk.score')} {t('risk.scoreValue', { score: formatCount(score) })}
            </span>
          </IssueLine>
        )}
      </CollapsibleList>
      <h4 style={h4Style}>{t('report.registerRisks')}</h4>
      <RegisterRiskList risks={registerRisks ?? []} />
    </FoldedSection>
  );
}

/**
 * The dimensions the client sees, as its HTML report lists them: the colour and a plain
 * sentence, no measure or figure (those count internal issues too).
 */
function ClientDimensions({ dimensions }: { dimensions: ClientStatusReportJson['dimensions'] }) {
  const t = useT(REPORT_MESSAGES);
  if (dimensions.length === 0) return null;
  return (
    <ReportSection title={t('report.dimensions')} testId="report-client-dimensions">
      <ul style={{ margin: 0, padding: 0, listStyle: 'none', display: 'grid', gap: token('space.075', '6px') }}>
        {dimensions.map((d) => (
          <li
            key={d.id}
            data-testid="report-client-dimension"
            data-dimension={d.id}
            style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: token('space.100', '8px') }}
          >
            <span style={{ fontWeight: token('font.weight.semibold', '600'), minWidth: '8rem' }}>{d.label}</span>
            <RagLozenge rag={d.rag} />
            <span style={reportMetaStyle}>{d.why}</span>
          </li>
        ))}
      </ul>
    </ReportSection>
  );
}

/** The client's risks: flagged and blocked work and the client-visible register risks, no scores (DESIGN §5.1). */
function ClientRisksSection({ sections, lang }: { sections: ClientStatusReportJson['sections']; lang: Language }) {
  const t = useT(REPORT_MESSAGES);
  const count =
    distinctCount([...sections.flagged.map((issue) => issue.key), ...sections.blocked.map((entry) => entry.issue.key)]) +
    (sections.registerRisks?.length ?? 0);
  return (
    <FoldedSection title={t('report.risks')} count={count} testId="report-risks">
      <h4 style={h4Style}>{t('report.flagged')}</h4>
      <ReportIssueList issues={sections.flagged} testId="report-flagged" />
      <h4 style={h4Style}>{t('report.blocked')}</h4>
      <CollapsibleList items={sections.blocked} testId="report-blocked">
        {({ issue, blockedBy, hiddenBlockers }) => (
          <IssueLine key={issue.key} issue={issue}>
            {(blockedBy.length > 0 || hiddenBlockers > 0) && (
              <span style={{ flexBasis: '100%' }} data-testid="report-blocked-by">
                {CLIENT_SENTENCES[lang].blockedBy({ keys: blockedBy, hidden: hiddenBlockers })}
              </span>
            )}
          </IssueLine>
        )}
      </CollapsibleList>
      <h4 style={h4Style}>{t('report.registerRisks')}</h4>
      <ClientRegisterRiskList risks={sections.registerRisks ?? []} />
    </FoldedSection>
  );
}

/**
 * The status report, rendered from its JSON for either audience. Every sentence in the
 * JSON is already in the report's language; only the frame is translated here. The client's
 * version shows issue keys as plain text (clients cannot open Jira) and no risk scores.
 */
/** `publishedAt`: the report is a published one (not the live draft), published then. */
export function ReportView({ report, publishedAt }: { report: StatusReportJson | ClientStatusReportJson; publishedAt?: string }) {
  return report.audience === 'client' ? (
    <PlainIssueKeys>
      <ReportBody report={report} publishedAt={publishedAt} />
    </PlainIssueKeys>
  ) : (
    <ReportBody report={report} publishedAt={publishedAt} />
  );
}

function ReportBody({ report, publishedAt }: { report: StatusReportJson | ClientStatusReportJson; publishedAt: string | undefined }) {
  const { formatInstant, formatPeriod } = useI18n();
  const t = useT(REPORT_MESSAGES, HEALTH_MESSAGES, RAG_MESSAGES, RISK_MESSAGES);
  const overall = toOverallStatus(report);
  const { sections } = report;
  const waiting = toDistinctIssues(sections.waitingOnClient);
  const totals = report.audience === 'internal' ? report.sections.totals : undefined;
  const minutes = minutesOf(report);
  const tSupport = useT(SUPPORT_MESSAGES);
  return (
    <ReportDayContext.Provider value={reportDay(report)}>
      <article data-testid="report" data-audience={report.audience}>
        <p data-testid="report-headline" style={{ margin: 0, font: token('font.heading.medium', 'normal 653 20px/24px sans-serif') }}>
          {report.overall.headline}
        </p>
        <p style={{ ...reportMetaStyle, margin: `${token('space.050', '4px')} 0 0` }}>
          <span data-testid="report-period">{t('report.period', { range: formatPeriod(report.period.start, report.period.end) })}</span>
          {' · '}
          {publishedAt === undefined
            ? t('report.generated', { time: formatInstant(report.generatedAt) })
            : t('report.published', { time: formatInstant(publishedAt), asOf: formatInstant(report.generatedAt) })}
        </p>
        <p
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            gap: token('space.100', '8px'),
            margin: `${token('space.100', '8px')} 0 0`,
          }}
        >
          <span style={{ fontWeight: token('font.weight.semibold', '600') }}>{t('report.status')}</span>
          <RagLozenge rag={overall.reported} testId="report-status" />
          {overall.override !== null && (
            <span style={reportMetaStyle} data-testid="report-override">
              {t('health.reportedVsComputed', {
                reported: t(`ragInline.${overall.reported}`),
                computed: t(`ragInline.${overall.override.computed}`),
              })}
              {/* The team's version only: the client's has no override (toOverallStatus). */}
              {overall.override.reason !== null && (
                <span data-testid="report-override-reason"> · {t('health.overrideReason', { reason: overall.override.reason })}</span>
              )}
            </span>
          )}
        </p>

        <ReportNarrative report={report} />

        {report.audience === 'client' && <ClientDimensions dimensions={report.dimensions} />}

        <SinceLastSection report={report} />

        <ReportSection title={t('report.milestones')} testId="report-milestones-section">
          {sections.milestones.length === 0 ? <EmptyNote /> : <MilestonesTable milestones={sections.milestones} />}
        </ReportSection>

        <FoldedSection
          title={t('report.completed')}
          count={sections.completed.reduce((sum, group) => sum + group.issues.length, 0)}
          total={totals?.completed ?? 0}
          testId="report-completed"
        >
          {sections.completed.length === 0 ? (
            <EmptyNote />
          ) : (
            sections.completed.map((group) => (
              <div key={group.epic?.key ?? ''}>
                <h4 style={h4Style}>
                  {group.epic === null ? (
                    t('report.noEpic')
                  ) : (
                    <>
                      <IssueKeyLink issueKey={group.epic.key} /> {group.epic.summary}
                    </>
                  )}
                </h4>
                <ReportIssueList issues={group.issues} testId="report-completed-issues" showStatus={false} />
              </div>
            ))
          )}
        </FoldedSection>

        <FoldedSection
          title={t('report.inProgress')}
          count={distinctCount(sections.inProgress.map((i) => i.key))}
          total={totals?.inProgress ?? 0}
          testId="report-in-progress"
        >
          <ReportIssueList issues={sections.inProgress} testId="report-in-progress-issues" />
        </FoldedSection>

        <FoldedSection
          title={t('report.nextUp')}
          count={distinctCount(sections.nextUp.map((i) => i.key))}
          total={totals?.nextUp ?? 0}
          testId="report-next-up"
        >
          <ReportIssueList issues={sections.nextUp} testId="report-next-up-issues" />
        </FoldedSection>

        {report.audience === 'internal' ? (
          <RisksSection risks={report.sections.risks} totals={report.sections.totals} registerRisks={report.sections.registerRisks} />
        ) : (
          <ClientRisksSection sections={report.sections} lang={report.lang} />
        )}

        <FoldedSection
          title={report.audience === 'client' ? t('report.waitingOnYou') : t('report.waitingOnClient')}
          count={waiting.length}
          total={totals?.waitingOnClient ?? 0}
          testId="report-waiting"
        >
          <WaitingIssueList issues={waiting} testId="report-waiting-issues" />
        </FoldedSection>

        {report.sections.support !== undefined && (
          <FoldedSection title={tSupport('support.heading')} count={report.sections.support.overdueTotal} testId="report-support">
            <SupportSummary section={report.sections.support} lang={report.lang} />
          </FoldedSection>
        )}

        {report.sections.changeRequests !== undefined && (
          <FoldedSection title={t('report.changeRequests')} count={report.sections.changeRequests.items.length} testId="report-changes">
            <ChangeRequestList section={report.sections.changeRequests} audience={report.audience} lang={report.lang} />
          </FoldedSection>
        )}

        {report.sections.acceptance !== undefined && report.sections.acceptance.length > 0 && (
          <FoldedSection title={acceptanceSectionTitle(report.lang)} count={report.sections.acceptance.length} testId="report-acceptance">
            <AcceptanceDecisionList decisions={report.sections.acceptance} lang={report.lang} />
          </FoldedSection>
        )}

        <FoldedSection
          title={t('report.decisions')}
          count={minutes.decisions.length}
          total={totals?.decisions ?? 0}
          testId="report-decisions"
        >
          <DecisionList decisions={minutes.decisions} />
        </FoldedSection>

        <FoldedSection
          title={t('report.actionItems')}
          count={minutes.actionItems.length}
          total={totals?.actionItems ?? 0}
          testId="report-action-items"
        >
          <ActionItemList items={minutes.actionItems} />
        </FoldedSection>

        {report.audience === 'internal' && report.dataQuality.length > 0 && (
          <FoldedSection title={t('report.dataQuality')} count={report.dataQuality.length} testId="report-data-quality">
            <ul style={{ margin: 0, paddingInlineStart: token('space.250', '20px') }}>
              {report.dataQuality.map((note, index) => (
                <li key={`${note.code}-${note.issueKey ?? String(index)}`} data-testid="data-quality-note">
                  <DataQualityNote issueKey={note.issueKey} message={note.message} />
                </li>
              ))}
            </ul>
          </FoldedSection>
        )}
      </article>
    </ReportDayContext.Provider>
  );
}
