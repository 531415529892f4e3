import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { IssueSummary } from '../../contract';
import { useI18n } from '../shared/i18n/I18nProvider';
import { TokenLozenge } from '../shared/TokenLozenge';
import { toLozengeAppearance } from './to-lozenge-appearance';

const termStyle: CSSProperties = {
  color: token('color.text.subtle', '#505258'),
  font: token('font.body.small', 'normal 400 12px/16px sans-serif'),
};
const definitionStyle: CSSProperties = { margin: 0 };

/** The issue panel for loaded data. Stateless, so it renders the same in tests. */
export function IssueSummaryView({ issue }: { issue: IssueSummary }) {
  const { t, formatDay } = useI18n();
  return (
    <section aria-labelledby="cf-issue-heading">
      <h1 id="cf-issue-heading" className="cf-visually-hidden">
        {t('issue.heading', { key: issue.key })}
      </h1>
      <p style={{ margin: `0 0 ${token('space.100', '8px')}` }}>
        <strong data-testid="issue-key">{issue.key}</strong>{' '}
        <span style={{ color: token('color.text.subtle', '#505258') }}>{issue.summary}</span>
      </p>
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'max-content 1fr',
          alignItems: 'center',
          gap: `${token('space.050', '4px')} ${token('space.200', '16px')}`,
          margin: 0,
        }}
      >
        <dt style={termStyle}>{t('issue.status')}</dt>
        <dd style={definitionStyle}>
          <TokenLozenge appearance={toLozengeAppearance(issue.status.category)} testId="issue-status">
            {issue.status.name}
          </TokenLozenge>
        </dd>
        <dt style={termStyle}>{t('issue.due')}</dt>
        <dd style={definitionStyle} data-testid="issue-due">
          {issue.dueDate === null ? t('issue.noDueDate') : <time dateTime={issue.dueDate}>{formatDay(issue.dueDate)}</time>}
        </dd>
      </dl>
    </section>
  );
}
