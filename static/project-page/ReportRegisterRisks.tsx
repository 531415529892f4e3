import { token } from '@atlaskit/tokens';
import type { CSSProperties } from 'react';
import { REPORT_MESSAGES } from '../../contract/i18n/report-messages';
import { RISK_MESSAGES } from '../../contract/i18n/risk-messages';
import type { ClientStatusReportJson, ReportRegisterRiskJson } from '../../contract';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { IssueKeyLink } from '../shared/JiraLink';
import { TokenLozenge } from '../shared/TokenLozenge';
import { EmptyNote, reportMetaStyle } from './ReportIssueList';

type ClientRegisterRisk = NonNullable<ClientStatusReportJson['sections']['registerRisks']>[number];

const listStyle: CSSProperties = { margin: 0, paddingInlineStart: token('space.250', '20px') };
const LEVEL_APPEARANCE = { high: 'removed', medium: 'moved', low: 'success' } as const;

/** The register's open risks in the team's report: level, rating, status, owner, mitigation (overdue flagged), keys. */
export function RegisterRiskList({ risks }: { risks: readonly ReportRegisterRiskJson[] }) {
  const t = useT(REPORT_MESSAGES, RISK_MESSAGES);
  const { formatDay } = useI18n();
  if (risks.length === 0) return <EmptyNote />;
  return (
    <ul style={listStyle} data-testid="report-register-risks">
      {risks.map((r, index) => (
        <li key={`${r.title}-${String(index)}`} data-testid="report-register-risk" data-overdue={r.overdue}>
          <TokenLozenge appearance={LEVEL_APPEARANCE[r.level]}>{t(`risk.level.${r.level}`)}</TokenLozenge> {r.title}{' '}
          <span style={reportMetaStyle}>
            — {t('report.registerRisk.rating', { score: r.score, probability: r.probability, impact: r.impact })} ·{' '}
            {t(`report.registerRisk.status.${r.status}`)}
            {r.ownerName !== '' && ` · ${t('report.registerRisk.owner', { owner: r.ownerName })}`}
            {r.mitigation !== '' && ` · ${t('report.registerRisk.mitigation', { mitigation: r.mitigation })}`}
            {r.due !== null && ` · ${t(r.overdue ? 'report.registerRisk.overdue' : 'report.registerRisk.due', { date: formatDay(r.due) })}`}
            {r.clientVisible && ` · ${t('report.registerRisk.clientVisible')}`}
          </span>
          {[...r.linkedIssueKeys, ...(r.jiraIssueKey ? [r.jiraIssueKey] : [])].map((key) => (
            <span key={key}>
              {' '}
              <IssueKeyLink issueKey={key} />
            </span>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** The client-visible open risks, in their client wording, with a plain level and status. */
export function ClientRegisterRiskList({ risks }: { risks: readonly ClientRegisterRisk[] }) {
  const t = useT(REPORT_MESSAGES, RISK_MESSAGES);
  if (risks.length === 0) return <EmptyNote />;
  return (
    <ul style={listStyle} data-testid="report-register-risks">
      {risks.map((r, index) => (
        <li key={`${r.text}-${String(index)}`} data-testid="report-register-risk">
          {r.text}{' '}
          <span style={reportMetaStyle}>
            — {t(`risk.level.${r.level}`)} · {t(`report.registerRisk.status.${r.status}`)}
          </span>
        </li>
      ))}
    </ul>
  );
}
