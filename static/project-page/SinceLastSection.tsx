import { token } from '@atlaskit/tokens';
import { useId, type CSSProperties } from 'react';
import type { ClientStatusReportJson, StatusReportJson } from '../../contract';
import { describeSinceLast } from '../../contract/i18n/since-last-sentences';
import { useI18n } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { reportMetaStyle } from './ReportIssueList';
import { useReportSectionLabel } from './report-scope';

const h3Style: CSSProperties = {
  margin: `${token('space.300', '24px')} 0 ${token('space.100', '8px')}`,
  font: token('font.heading.small', 'normal 653 16px/20px sans-serif'),
};
const h4Style: CSSProperties = {
  margin: `${token('space.150', '12px')} 0 ${token('space.050', '4px')}`,
  font: token('font.heading.xsmall', 'normal 653 14px/16px sans-serif'),
};
const listStyle: CSSProperties = { margin: 0, paddingInlineStart: token('space.250', '20px') };

/**
 * "Since the last report": what changed against the last published report, in the report's
 * language (the same text as its exports). Issue keys link to Jira for the team; inside the
 * client's view (`PlainIssueKeys`) they are plain. Nothing for a report derived without it.
 */
export function SinceLastSection({ report }: { report: StatusReportJson | ClientStatusReportJson }) {
  const { formatInstant } = useI18n();
  const headingId = useId();
  // Inside a preview, the section's name includes the preview's, so two previews' sections differ (axe landmark-unique).
  const labelledBy = useReportSectionLabel(headingId);
  const section = report.sections.sinceLast;
  if (section === undefined) return null;
  const text = describeSinceLast(section, report.lang, report.audience, formatInstant);
  return (
    <section aria-labelledby={labelledBy} data-testid="report-since-last" data-kind={section.kind}>
      <h3 id={headingId} style={h3Style}>
        {text.title}
      </h3>
      <p style={{ ...reportMetaStyle, margin: 0 }} data-testid="report-since-last-intro">
        {text.intro}
      </p>
      {text.nothing !== null && (
        <p style={{ margin: `${token('space.100', '8px')} 0 0` }} data-testid="report-since-last-nothing">
          {text.nothing}
        </p>
      )}
      {text.groups.map((group) => (
        <div key={group.id} data-testid={`report-since-last-${group.id}`}>
          <h4 style={h4Style}>{group.heading}</h4>
          <ul style={listStyle}>
            {group.lines.map((line, index) => (
              <li key={`${line.key ?? ''}-${String(index)}`}>
                {line.key !== null && (
                  <>
                    <IssueKeyLink issueKey={line.key} />{' '}
                  </>
                )}
                {line.text}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {text.notes.map((note) => (
        <p key={note} role="note" style={{ ...reportMetaStyle, margin: `${token('space.100', '8px')} 0 0` }}>
          {note}
        </p>
      ))}
    </section>
  );
}
