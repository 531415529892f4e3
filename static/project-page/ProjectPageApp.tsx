import { APP_MESSAGES } from '../../contract/i18n/app-messages';
import { token } from '@atlaskit/tokens';
import { useCallback, useSyncExternalStore } from 'react';
import type { AppHistory } from '../shared/app-history';
import { useT } from '../shared/i18n/I18nProvider';
import { ChangesSection } from './changes/ChangesSection';
import { CommunicationSection } from './comms/CommunicationSection';
import { EngagementSection } from './engagement/EngagementSection';
import { FeedbackSection } from './feedback/FeedbackSection';
import { OverviewSection } from './OverviewSection';
import { RisksSection } from './risks/RisksSection';
import { ReportsSection } from './reports/ReportsSection';
import { PANEL_ID, SectionTabs, tabIdOf } from './SectionTabs';
import { toPath, toSection, type SectionId } from './sections';
import { SettingsSection } from './settings/SettingsSection';
import { ShareSection } from './share/ShareSection';

function usePathname(history: AppHistory): string {
  const subscribe = useCallback((onChange: () => void) => history.listen(onChange), [history]);
  const read = () => history.pathname;
  return useSyncExternalStore(subscribe, read, read);
}

/** The project page: section tabs routed through the host history, and the open section. */
export function ProjectPageApp({ history }: { history: AppHistory }) {
  const t = useT(APP_MESSAGES);
  const section = toSection(usePathname(history));
  const select = (next: SectionId) => {
    if (next !== section) history.push(toPath(next));
  };
  return (
    <main style={{ padding: `${token('space.200', '16px')} ${token('space.300', '24px')}` }}>
      <h1 className="cf-visually-hidden">{t('app.title')}</h1>
      <SectionTabs current={section} onSelect={select} />
      <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabIdOf(section)} tabIndex={0} data-testid={`section-${section}`}>
        {section === 'overview' ? (
          <OverviewSection />
        ) : section === 'reports' ? (
          <ReportsSection />
        ) : section === 'communication' ? (
          <CommunicationSection />
        ) : section === 'changes' ? (
          <ChangesSection />
        ) : section === 'risks' ? (
          <RisksSection />
        ) : section === 'engagement' ? (
          <EngagementSection />
        ) : section === 'feedback' ? (
          <FeedbackSection />
        ) : section === 'share' ? (
          <ShareSection />
        ) : (
          <SettingsSection />
        )}
      </div>
    </main>
  );
}
