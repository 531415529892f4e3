import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { SUMMARY_MESSAGES } from '../../contract/i18n/summary-messages';
import { token } from '@atlaskit/tokens';
import { useId, type CSSProperties, type ReactNode } from 'react';
import type { StatusReportJson } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { OverdueMark, ReportDayContext } from './Overdue';
import { formatWait } from '../../contract/i18n/day-sentences';
import { BlockedByKeys, CollapsibleList, IssueLine, reportMetaStyle } from './ReportIssueList';
import { reportDay, toNeedsAttention, type NeedsAttentionOptions } from './to-needs-attention';

/** Each group shows this many issues until the reader asks for all of them. */
export const ATTENTION_ITEMS = 5;

const h2Style: CSSProperties = {
  margin: `0 0 ${token('space.100', '8px')}`,
  font: token('font.heading.medium', 'normal 653 20px/24px sans-serif'),
};
const h3Style: CSSProperties = {
  margin: `${token('space.200', '16px')} 0 ${token('space.050', '4px')}`,
  font: token('font.heading.xsmall', 'normal 653 14px/16px sans-serif'),
};

const bareLineStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  columnGap: token('space.100', '8px'),
  padding: `${token('space.075', '6px')} 0`,
  borderBottom: `1px solid ${token('color.border', '#0B120E24')}`,
};

/** One group under its heading; not a landmark of its own (the report below has same-named sections). */
function Group({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  return (
    <div data-testid={testId}>
      <h3 style={h3Style}>{title}</h3>
      {children}
    </div>
  );
}

/**
 * "Needs attention", right under health: the open issues past their due date (most overdue
 * first, each marked), the blocked ones with their blockers, and those waiting on the client.
 * Only the groups that have issues show; each shows its count and its first few issues.
 */
export function NeedsAttention({ report, options }: { report: StatusReportJson; options?: NeedsAttentionOptions }) {
  const { formatCount, locale } = useI18n();
  const t = useT(SUMMARY_MESSAGES, REPORT_MESSAGES);
  const headingId = useId();
  const { overdue, overdueTotal, blocked, waiting, waitingByLength } = toNeedsAttention(report, options);
  const count = (n: number) => formatCount(n);
  return (
    <ReportDayContext.Provider value={reportDay(report)}>
      <section aria-labelledby={headingId} data-testid="needs-attention" style={{ marginBottom: token('space.400', '32px') }}>
        <h2 id={headingId} style={h2Style}>
          {t('summary.attention')}
        </h2>
        {overdue.length === 0 && blocked.length === 0 && waiting.length === 0 && (
          <p data-testid="attention-none" style={{ margin: 0 }}>
            {t('summary.attentionNone')}
          </p>
        )}
        {overdue.length > 0 && (
          <Group title={t('summary.overdue', { count: count(overdueTotal) })} testId="attention-overdue">
            <CollapsibleList items={overdue} testId="attention-overdue-list" collapsedItems={ATTENTION_ITEMS}>
              {({ key, issue, days }) =>
                issue !== null ? (
                  <IssueLine key={key} issue={issue} />
                ) : (
                  <li key={key} style={bareLineStyle} data-testid="report-issue" data-issue-key={key}>
                    <IssueKeyLink issueKey={key} />
                    {days !== null && <OverdueMark days={days} />}
                  </li>
                )
              }
            </CollapsibleList>
            {overdue.length < overdueTotal && (
              <p data-testid="attention-overdue-more" style={{ margin: `${token('space.100', '8px')} 0 0` }}>
                {t('summary.firstOf', { shown: count(overdue.length), total: count(overdueTotal) })}
              </p>
            )}
          </Group>
        )}
        {blocked.length > 0 && (
          <Group title={t('summary.blocked', { count: count(blocked.length) })} testId="attention-blocked">
            <CollapsibleList items={blocked} testId="attention-blocked-list" collapsedItems={ATTENTION_ITEMS}>
              {({ issue, blockedBy }) => (
                <IssueLine key={issue.key} issue={issue}>
                  <BlockedByKeys blockedBy={blockedBy} />
                </IssueLine>
              )}
            </CollapsibleList>
          </Group>
        )}
        {waiting.length > 0 && (
          <Group
            title={t(waitingByLength ? 'summary.waiting' : 'summary.waitingInOrder', { count: count(waiting.length) })}
            testId="attention-waiting"
          >
            <CollapsibleList items={waiting} testId="attention-waiting-list" collapsedItems={ATTENTION_ITEMS}>
              {({ issue, days }) => (
                <IssueLine key={issue.key} issue={issue}>
                  {days !== null && (
                    <span style={reportMetaStyle} data-testid="attention-wait">
                      {formatWait({ ...issue.wait, days }, locale)}
                    </span>
                  )}
                </IssueLine>
              )}
            </CollapsibleList>
          </Group>
        )}
      </section>
    </ReportDayContext.Provider>
  );
}
