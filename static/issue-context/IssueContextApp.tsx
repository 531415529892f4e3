import { token } from '@atlaskit/tokens';
import type { PayloadOf } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import { useI18n } from '../shared/i18n/I18nProvider';
import { useResolver } from '../shared/use-resolver';
import { IssueSummaryView } from './IssueSummaryView';

/** The resolver reads the issue from the Forge context, so no key is sent. */
const SUMMARY_PAYLOAD: PayloadOf<'issue/summary'> = {};

export function IssueContextApp() {
  const { t } = useI18n();
  const { state, retry } = useResolver('issue/summary', SUMMARY_PAYLOAD);
  return (
    <main style={{ padding: token('space.100', '8px') }}>
      {state.status === 'loading' && <LoadingState label={t('issue.loading')} lines={2} />}
      {state.status === 'failed' && <ErrorState error={state.error} onRetry={retry} />}
      {state.status === 'ready' && <IssueSummaryView issue={state.data} />}
    </main>
  );
}
