import type { PayloadOf } from '../../contract';
import { ErrorState } from '../shared/ErrorState';
import { LoadingState } from '../shared/LoadingState';
import { useI18n } from '../shared/i18n/I18nProvider';
import { useResolver } from '../shared/use-resolver';
import { OverviewView } from './OverviewView';

/** The resolver authorizes the project from the Forge context, so no key is sent. */
const OVERVIEW_PAYLOAD: PayloadOf<'project/overview'> = {};

export function OverviewSection() {
  const { t } = useI18n();
  const { state, retry } = useResolver('project/overview', OVERVIEW_PAYLOAD);
  switch (state.status) {
    case 'loading':
      return <LoadingState label={t('overview.loading')} lines={4} />;
    case 'failed':
      return <ErrorState error={state.error} onRetry={retry} />;
    case 'ready':
      return <OverviewView overview={state.data} />;
  }
}
