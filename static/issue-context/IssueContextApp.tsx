import { token } from '@atlaskit/tokens';
import type { PayloadOf } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import { useI18n } from '../shared/i18n/I18nProvider';
import { useResolver } from '../shared/use-resolver';
import { IssueRiskPanel } from './IssueRiskPanel';

/** The resolver reads the issue from the Forge context, so no key is sent. */
const RISK_PAYLOAD: PayloadOf<'issue/risk'> = {};

export function IssueContextApp() {
  const { t } = useI18n();
  const { state, retry } = useResolver('issue/risk', RISK_PAYLOAD);
  return (
    <main style={{ padding: token('space.100', '8px') }}>
      {state.status === 'loading' && <LoadingState label={t('issue.loading')} lines={3} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <IssueRiskPanel issue={state.data} />}
    </main>
  );
}
