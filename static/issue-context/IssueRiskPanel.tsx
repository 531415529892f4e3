import { ISSUE_MESSAGES } from '../../contract/i18n/issue-messages';
import { RISK_MESSAGES } from '../../contract/i18n/risk-messages';
import { formatRiskSignal } from '../../contract/i18n/risk-sentences';
import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import type { IssueRiskView } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { TokenLozenge } from '../shared/TokenLozenge';
import { toLozengeAppearance } from '../shared/to-lozenge-appearance';
import { toRiskAppearance } from './to-risk-appearance';

const termStyle: CSSProperties = {
  color: token('color.text.subtle', '#505258'),
  font: token('font.body.small', 'normal 400 12px/16px sans-serif'),
};
const definitionStyle: CSSProperties = { margin: 0 };
const listStyle: CSSProperties = { margin: 0, paddingInlineStart: token('space.200', '16px') };

/**
 * The issue panel for loaded data: the issue, its client risk (level, score, reasons) and
 * the issues blocking it. A done issue carries no risk and says so. An issue waiting on the
 * client says for how long first ("Waiting on the client for 17 days"), not again among the
 * reasons: the wait is not the team's risk. Stateless.
 */
export function IssueRiskPanel({ issue }: { issue: IssueRiskView }) {
  const { formatDay, formatCount, locale } = useI18n();
  const t = useT(ISSUE_MESSAGES, RISK_MESSAGES);
  const { risk } = issue;
  const waitSignal = risk?.signals.find((signal) => signal.code === 'waitingOnClient');
  const waiting = waitSignal === undefined ? null : formatRiskSignal(waitSignal, locale);
  const reasons = risk === null ? [] : risk.reasons.filter((reason) => reason !== waiting);
  return (
    <section aria-labelledby="cf-issue-heading">
      <h1 id="cf-issue-heading" className="cf-visually-hidden">
        {t('issue.heading', { key: issue.key })}
      </h1>
      <p style={{ margin: `0 0 ${token('space.100', '8px')}` }}>
        <strong data-testid="issue-key">{issue.key}</strong>{' '}
        <span style={{ color: token('color.text.subtle', '#505258') }}>{issue.summary}</span>
      </p>
      {waiting !== null && (
        <p
          data-testid="issue-waiting"
          style={{ margin: `0 0 ${token('space.100', '8px')}`, fontWeight: token('font.weight.semibold', '600') }}
        >
          {waiting}
        </p>
      )}
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
        <dt style={termStyle}>{t('risk.level')}</dt>
        <dd style={definitionStyle}>
          {risk === null ? (
            <TokenLozenge appearance="success" testId="risk-done">
              {t('risk.done')}
            </TokenLozenge>
          ) : (
            <TokenLozenge appearance={toRiskAppearance(risk.level)} testId="risk-level">
              {t(`risk.level.${risk.level}`)}
            </TokenLozenge>
          )}
        </dd>
        {risk !== null && (
          <>
            <dt style={termStyle}>{t('risk.score')}</dt>
            <dd style={definitionStyle} data-testid="risk-score">
              {t('risk.scoreValue', { score: formatCount(risk.score) })}
            </dd>
          </>
        )}
      </dl>
      {risk !== null && (
        <>
          <h2 style={{ ...termStyle, margin: `${token('space.150', '12px')} 0 ${token('space.050', '4px')}` }}>{t('risk.reasons')}</h2>
          {reasons.length === 0 ? (
            <p style={definitionStyle}>{t('risk.noReasons')}</p>
          ) : (
            <ul data-testid="risk-reasons" style={listStyle}>
              {reasons.map((reason, index) => (
                <li key={`${String(index)}:${reason}`}>{reason}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {issue.blockedBy.length > 0 && (
        <>
          <h2 style={{ ...termStyle, margin: `${token('space.150', '12px')} 0 ${token('space.050', '4px')}` }}>{t('risk.blockedBy')}</h2>
          <ul data-testid="risk-blockers" style={listStyle}>
            {issue.blockedBy.map((blocker) => (
              <li key={blocker.key}>
                <IssueKeyLink issueKey={blocker.key} testId="blocker-link" />{' '}
                <span style={{ color: token('color.text.subtle', '#505258') }}>({blocker.statusName})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
