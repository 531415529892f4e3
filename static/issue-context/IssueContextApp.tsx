import { ISSUE_MESSAGES } from '../../contract/i18n/issue-messages';
import { token } from '@atlaskit/tokens';
import type { PayloadOf } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import type { AppLocale } from '../shared/i18n/i18n';
import { useI18n, useT } from '../shared/i18n/I18nProvider';
import { useResolver } from '../shared/use-resolver';
import { IssueRiskPanel } from './IssueRiskPanel';

/**
 * The resolver reads the issue from the Forge context, so no key is sent; only the UI's
 * language, for the reasons' sentences. Constants, so `useResolver` does not refetch.
 */
const RISK_PAYLOADS: Readonly<Record<AppLocale, PayloadOf<'issue/risk'>>> = { en: { lang: 'en' }, 'zh-CN': { lang: 'zh-CN' } };

export function IssueContextApp() {
  const { locale } = useI18n();
  const t = useT(ISSUE_MESSAGES);
  const { state, retry } = useResolver('issue/risk', RISK_PAYLOADS[locale]);
  return (
    <main style={{ padding: token('space.100', '8px') }}>
      {state.status === 'loading' && <LoadingState label={t('issue.loading')} lines={3} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <IssueRiskPanel issue={state.data} />}
    </main>
  );
}
