import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { ReportAcceptanceJson } from '../../contract/acceptance-report';
import { ACCEPTANCE_MESSAGES } from '../../contract/i18n/acceptance-messages';
import { translator } from '../../contract/i18n/strings';
import type { Language } from '../../contract/language';
import { useI18n } from '../shared/i18n/I18nProvider';
import { TokenLozenge } from '../shared/TokenLozenge';
import { reportMetaStyle } from './ReportIssueList';

const listStyle: CSSProperties = { margin: 0, paddingInlineStart: token('space.250', '20px') };

/** The title of the report's Client acceptance section, in the report's language. */
export function acceptanceSectionTitle(lang: Language): string {
  return translator(lang, ACCEPTANCE_MESSAGES)('acceptanceReport.heading');
}

/** The client's acceptance decisions of the report's period (issue 13): milestone, decision, who and when, comment, what to fix. */
export function AcceptanceDecisionList({ decisions, lang }: { decisions: readonly ReportAcceptanceJson[]; lang: Language }) {
  const a = translator(lang, ACCEPTANCE_MESSAGES);
  const { formatInstant } = useI18n();
  return (
    <ul style={listStyle} data-testid="report-acceptance-list">
      {decisions.map((d) => (
        <li key={`${d.milestone}-${d.at}`} data-state={d.state} style={{ overflowWrap: 'anywhere' }}>
          <strong>{d.milestone}</strong>{' '}
          <TokenLozenge appearance={d.state === 'accepted' ? 'success' : 'removed'}>{a(`acceptance.state.${d.state}`)}</TokenLozenge>{' '}
          <span style={reportMetaStyle}>{a('acceptance.decidedBy', { name: d.by, time: formatInstant(d.at) })}</span>
          {d.comment !== '' && <div>{d.comment}</div>}
          {d.fixItems.length > 0 && (
            <div style={reportMetaStyle}>{a('acceptanceReport.fixItems', { items: d.fixItems.join(lang === 'zh-CN' ? '；' : '; ') })}</div>
          )}
        </li>
      ))}
    </ul>
  );
}
