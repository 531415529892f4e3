import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { ChangeSectionJson, ClientChangeSectionJson } from '../../contract/change-report';
import type { ChangeStatus } from '../../contract/change-impact';
import {
  describeChangeDetails,
  describeChangeState,
  describeChangeTotals,
  describeRequestImpact,
} from '../../contract/i18n/change-sentences';
import type { Language } from '../../contract/language';
import { TokenLozenge } from '../shared/TokenLozenge';
import { EmptyNote, reportMetaStyle } from './ReportIssueList';

const listStyle: CSSProperties = { margin: 0, paddingInlineStart: token('space.250', '20px') };

/** Lozenge appearance per status, as Jira colours its statuses. */
export const CHANGE_STATUS_APPEARANCE = {
  proposed: 'default',
  assessing: 'inprogress',
  'awaiting-client': 'moved',
  approved: 'success',
  rejected: 'removed',
  implemented: 'success',
} as const satisfies Record<ChangeStatus, 'default' | 'inprogress' | 'moved' | 'success' | 'removed'>;

/** The report's change requests: totals, then each request with its state, impact and milestone move. */
export function ChangeRequestList({
  section,
  audience,
  lang,
}: {
  section: ChangeSectionJson | ClientChangeSectionJson;
  audience: 'internal' | 'client';
  lang: Language;
}) {
  if (section.items.length === 0) return <EmptyNote />;
  return (
    <>
      <p style={{ margin: `0 0 ${token('space.100', '8px')}` }} data-testid="report-change-totals">
        {describeChangeTotals(section.totals, lang)}
      </p>
      <ul style={listStyle} data-testid="report-change-list">
        {section.items.map((item) => (
          <li key={item.id} data-testid="report-change">
            <strong>{item.title}</strong>
            {item.description !== '' && `: ${item.description}`}{' '}
            <TokenLozenge appearance={CHANGE_STATUS_APPEARANCE[item.status]}>{describeChangeState(item, lang, audience)}</TokenLozenge>{' '}
            {describeRequestImpact(item.impact, lang)}
            <span style={reportMetaStyle}> · {describeChangeDetails(item, lang)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
