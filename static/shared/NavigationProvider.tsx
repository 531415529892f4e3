import { COMMON_MESSAGES } from '../../contract/i18n/common-messages';
import { createContext, useContext, type ReactNode } from 'react';
import { useT } from './i18n/I18nProvider';
import type { Navigation } from './navigation';

const NavigationContext = createContext<Navigation | null>(null);

/** Every Jira link is described by this one hidden hint, so its text stays the key alone. */
export const NEW_TAB_HINT_ID = 'cf-link-new-tab-hint';

export function NavigationProvider({ navigation, children }: { navigation: Navigation; children: ReactNode }) {
  const t = useT(COMMON_MESSAGES);
  return (
    <NavigationContext value={navigation}>
      <span id={NEW_TAB_HINT_ID} hidden>
        {t('link.newTab')}
      </span>
      {children}
    </NavigationContext>
  );
}

/** The injected navigation; a component outside `NavigationProvider` is a wiring bug. */
export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (navigation === null) {
    throw new Error('useNavigation() needs a <NavigationProvider> above it');
  }
  return navigation;
}
