import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { token } from '@atlaskit/tokens';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import type { ClientIssueRefJson, IssueRefJson, WaitingIssueRefJson } from '../../contract';
import type { ClientWaitingIssueRefJson } from '../../contract/client-report';
import { formatWait } from '../../contract/i18n/day-sentences';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { TokenLozenge } from '../shared/TokenLozenge';
import { toLozengeAppearance } from '../shared/to-lozenge-appearance';
import { OverdueMark, useReportDay } from './Overdue';
import { daysOverdue } from './to-needs-attention';

const listStyle: CSSProperties = { listStyle: 'none', margin: 0, padding: 0 };
const rowStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  columnGap: token('space.100', '8px'),
  rowGap: token('space.025', '2px'),
  padding: `${token('space.075', '6px')} 0`,
  borderBottom: `1px solid ${token('color.border', '#0B120E24')}`,
};
const metaStyle: CSSProperties = {
  color: token('color.text.subtle', '#505258'),
  font: token('font.body.small', 'normal 400 12px/16px sans-serif'),
};

export function EmptyNote() {
  const t = useT(REPORT_MESSAGES);
  return <p style={{ ...metaStyle, margin: 0 }}>{t('report.empty')}</p>;
}

/**
 * One issue: its key as a link, its summary, and what a PM scans for (status, owner, due). In
 * the internal report, also whether the client sees it and why (DESIGN §5.1).
 */
export function IssueLine({
  issue,
  showStatus = true,
  children,
}: {
  issue: ClientIssueRefJson | IssueRefJson;
  showStatus?: boolean;
  children?: ReactNode;
}) {
  const { formatDay } = useI18n();
  const t = useT(REPORT_MESSAGES);
  const today = useReportDay();
  const overdue = today === null ? null : daysOverdue(issue, today);
  return (
    <li style={rowStyle} data-testid="report-issue" data-issue-key={issue.key} data-overdue={overdue === null ? undefined : 'true'}>
      <IssueKeyLink issueKey={issue.key} />
      <span>{issue.summary}</span>
      {showStatus && <TokenLozenge appearance={toLozengeAppearance(issue.status.category)}>{issue.status.name}</TokenLozenge>}
      <span style={metaStyle}>
        {issue.assignee ?? t('report.unassigned')}
        {issue.due !== null && (
          <>
            {' · '}
            {t('report.due', { date: formatDay(issue.due) })}
          </>
        )}
        {overdue !== null && (
          <>
            {' · '}
            <OverdueMark days={overdue} />
          </>
        )}
      </span>
      {'client' in issue && (
        <span style={metaStyle} data-testid="client-reason" data-shown={issue.client.shown}>
          {t(`report.clientReason.${issue.client.reason}`)}
        </span>
      )}
      {children}
    </li>
  );
}

/** Long lists show this many items until the reader asks for all of them. */
export const COLLAPSED_ITEMS = 10;

/**
 * A list that shows its first `COLLAPSED_ITEMS` items and a "Show all" button (a
 * disclosure: `aria-expanded`, `aria-controls`) when there are more; a quiet "Nothing to
 * report." when there are none, so an empty section still reads.
 */
export function CollapsibleList<T>({
  items,
  testId,
  children,
  collapsedItems = COLLAPSED_ITEMS,
}: {
  items: readonly T[];
  testId: string;
  children: (item: T) => ReactNode;
  /** How many items show until the reader asks for all. */
  collapsedItems?: number;
}) {
  const { formatCount } = useI18n();
  const t = useT(REPORT_MESSAGES);
  const listId = useId();
  const [expanded, setExpanded] = useState(false);
  if (items.length === 0) return <EmptyNote />;
  const collapsible = items.length > collapsedItems;
  const shown = collapsible && !expanded ? items.slice(0, collapsedItems) : items;
  return (
    <>
      <ul id={listId} style={listStyle} data-testid={testId} data-total={items.length}>
        {shown.map(children)}
      </ul>
      {collapsible && (
        <button
          type="button"
          className="cf-button"
          aria-expanded={expanded}
          aria-controls={listId}
          data-testid="show-all"
          style={{ marginTop: token('space.100', '8px') }}
          onClick={() => {
            setExpanded(!expanded);
          }}
        >
          {expanded ? t('report.showFewer') : t('report.showAll', { count: formatCount(items.length) })}
        </button>
      )}
    </>
  );
}

/** A list of issues, collapsed when long. */
export function ReportIssueList({
  issues,
  testId,
  showStatus = true,
}: {
  issues: readonly (ClientIssueRefJson | IssueRefJson)[];
  testId: string;
  showStatus?: boolean;
}) {
  return (
    <CollapsibleList items={issues} testId={testId}>
      {(issue) => <IssueLine key={issue.key} issue={issue} showStatus={showStatus} />}
    </CollapsibleList>
  );
}

/** Issues waiting on the client, longest wait first, each with its wait ("Waiting 12 days, since Mar 2, 2026"). */
export function WaitingIssueList({
  issues,
  testId,
}: {
  issues: readonly (WaitingIssueRefJson | ClientWaitingIssueRefJson)[];
  testId: string;
}) {
  const { formatDay, locale } = useI18n();
  const t = useT(REPORT_MESSAGES);
  return (
    <CollapsibleList items={issues} testId={testId}>
      {(issue) => {
        const wait = formatWait(issue.wait, locale);
        return (
          <IssueLine key={issue.key} issue={issue}>
            <span style={metaStyle} data-testid="report-wait">
              {issue.wait.estimated || issue.wait.days === 0 ? wait : t('report.waitSince', { wait, date: formatDay(issue.wait.since) })}
            </span>
          </IssueLine>
        );
      }}
    </CollapsibleList>
  );
}

/** "Blocked by ACME-1, ACME-2", each key a link (plain text in the client's view), on a line of its own. */
export function BlockedByKeys({ blockedBy }: { blockedBy: readonly string[] }) {
  const t = useT(REPORT_MESSAGES);
  return (
    <span style={{ flexBasis: '100%' }}>
      {t('report.blockedBy')}{' '}
      {blockedBy.map((key, index) => (
        <span key={key}>
          {index > 0 && ', '}
          <IssueKeyLink issueKey={key} />
        </span>
      ))}
    </span>
  );
}

export { metaStyle as reportMetaStyle };
