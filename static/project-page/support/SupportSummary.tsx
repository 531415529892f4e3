/**
 * Client-reported issues against the support targets (issue 13): what the report's support
 * section holds, for the Overview's panel and the report alike. Keys link into Jira for the team;
 * inside `PlainIssueKeys` (the client's view) they are plain references.
 */
import { SUPPORT_MESSAGES } from '../../../contract/i18n/support-messages';
import { describeSupportOverdue, describeSupportTotal, supportTargetLines } from '../../../contract/i18n/support-sentences';
import type { Language } from '../../../contract/language';
import type { SupportSectionJson } from '../../../contract/support-report';
import { token } from '@atlaskit/tokens';
import { useId, type CSSProperties } from 'react';
import { useI18n, useT } from '../../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../../shared/JiraLink';

const metaStyle: CSSProperties = {
  color: token('color.text.subtle', '#505258'),
  font: token('font.body.small', 'normal 400 12px/16px sans-serif'),
};
const h4Style: CSSProperties = {
  margin: `${token('space.200', '16px')} 0 ${token('space.050', '4px')}`,
  font: token('font.heading.xsmall', 'normal 653 14px/16px sans-serif'),
};
const nowrap: CSSProperties = { whiteSpace: 'nowrap' };
const rowStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  columnGap: token('space.100', '8px'),
  padding: `${token('space.075', '6px')} 0`,
  borderBottom: `1px solid ${token('color.border', '#0B120E24')}`,
};

/** `overdueHeading`: the level of the "Overdue" heading, one below the section's own. */
export function SupportSummary({
  section,
  lang,
  overdueHeading = 'h4',
  limit = section.overdue.length,
}: {
  section: SupportSectionJson;
  lang: Language;
  overdueHeading?: 'h3' | 'h4';
  /** How many overdue issues to list (the Overview's panel stays short); "…and N more" counts the rest. */
  limit?: number;
}) {
  const OverdueHeading = overdueHeading;
  const listed = section.overdue.slice(0, limit);
  const t = useT(SUPPORT_MESSAGES);
  const { formatCount } = useI18n();
  const captionId = useId();
  const overdueId = useId();
  const more = section.overdueTotal - Math.min(limit, section.overdue.length);
  return (
    <div data-testid="support-summary">
      <p style={{ margin: `0 0 ${token('space.100', '8px')}` }} data-testid="support-total">
        {describeSupportTotal(section, lang)}
      </p>
      {/* A phone may scroll the table sideways; a scrolling region must be reachable by keyboard (WCAG 2.1.1). */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
      <div className="cf-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="cf-table" data-testid="support-targets">
          <caption id={captionId}>{t('support.targetsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('support.col.target')}</th>
              <th scope="col" style={nowrap}>
                {t('support.col.met')}
              </th>
              <th scope="col" style={nowrap}>
                {t('support.col.breached')}
              </th>
              <th scope="col" style={nowrap}>
                {t('support.col.running')}
              </th>
              <th scope="col" style={nowrap}>
                {t('support.col.overdue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {supportTargetLines(section, lang).map((line) => (
              <tr key={line.kind} data-testid={`support-target-${line.kind}`}>
                <th scope="row">{line.label}</th>
                <td>{formatCount(line.counts.met)}</td>
                <td>{formatCount(line.counts.breached)}</td>
                <td>{formatCount(line.counts.running)}</td>
                <td>{formatCount(line.counts.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <OverdueHeading id={overdueId} style={h4Style}>
        {t('support.overdueHeading')}
      </OverdueHeading>
      {section.overdue.length === 0 ? (
        <p style={{ ...metaStyle, margin: 0 }} data-testid="support-none-overdue">
          {t('support.noneOverdue')}
        </p>
      ) : (
        <ul aria-labelledby={overdueId} style={{ listStyle: 'none', margin: 0, padding: 0 }} data-testid="support-overdue">
          {listed.map((issue) => (
            <li key={issue.key} style={rowStyle} data-testid="support-overdue-issue" data-issue-key={issue.key}>
              <IssueKeyLink issueKey={issue.key} />
              <span>{issue.summary}</span>
              <span style={metaStyle}>{describeSupportOverdue(issue, lang)}</span>
            </li>
          ))}
          {more > 0 && (
            <li style={{ ...rowStyle, ...metaStyle }} data-testid="support-more">
              {t('support.more', { count: formatCount(more) })}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
