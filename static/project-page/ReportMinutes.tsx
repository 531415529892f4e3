import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import type { ClientStatusReportJson, StatusReportJson } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { TokenLozenge } from '../shared/TokenLozenge';
import { EmptyNote, reportMetaStyle } from './ReportIssueList';

type Decision = NonNullable<ClientStatusReportJson['sections']['decisions']>[number];
type ActionItem = NonNullable<ClientStatusReportJson['sections']['actionItems']>[number] & { jiraIssueKey?: string | null };

const listStyle: CSSProperties = { margin: 0, paddingInlineStart: token('space.250', '20px') };

/** The decisions of the period's touchpoints, each with its series and day. */
export function DecisionList({ decisions }: { decisions: readonly Decision[] }) {
  const t = useT(REPORT_MESSAGES);
  const { formatDay } = useI18n();
  if (decisions.length === 0) return <EmptyNote />;
  return (
    <ul style={listStyle} data-testid="report-decisions-list">
      {decisions.map((d, index) => (
        <li key={`${d.date}-${String(index)}`} data-testid="report-decision">
          {d.text}{' '}
          <span style={reportMetaStyle}>
            — {t('report.decisionSource', { series: d.seriesTitle ?? t('report.adHocTouchpoint'), date: formatDay(d.date) })}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Open action items (overdue first) and those closed in the period: owner, due day, status, Jira issue. */
export function ActionItemList({ items }: { items: readonly ActionItem[] }) {
  const t = useT(REPORT_MESSAGES);
  const { formatDay } = useI18n();
  if (items.length === 0) return <EmptyNote />;
  return (
    <ul style={listStyle} data-testid="report-action-items-list">
      {items.map((item, index) => {
        const side = t(`report.ownerSide.${item.ownerSide}`);
        return (
          <li key={`${item.text}-${String(index)}`} data-testid="report-action-item" data-overdue={item.overdue}>
            {item.text}{' '}
            <span style={reportMetaStyle}>
              — {item.ownerName === '' ? side : `${side}${t('report.colon')}${item.ownerName}`}
              {item.due !== null && ` · ${t('report.due', { date: formatDay(item.due) })}`}
            </span>{' '}
            <TokenLozenge appearance={item.overdue ? 'removed' : item.status === 'open' ? 'inprogress' : 'default'}>
              {item.overdue ? t('report.overdue') : t(`report.actionStatus.${item.status}`)}
            </TokenLozenge>
            {item.jiraIssueKey != null && (
              <>
                {' '}
                <IssueKeyLink issueKey={item.jiraIssueKey} />
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The sections both audiences' reports carry (absent in reports stored before the touchpoint log). */
export function minutesOf(report: StatusReportJson | ClientStatusReportJson): {
  decisions: readonly Decision[];
  actionItems: readonly ActionItem[];
} {
  return { decisions: report.sections.decisions ?? [], actionItems: report.sections.actionItems ?? [] };
}
