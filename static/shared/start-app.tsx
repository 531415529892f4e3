import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { view } from '@forge/bridge';
import { applyHostTheme } from './apply-host-theme';
import { BackendProvider } from './BackendProvider';
import { createBridgeBackendClient, type ContractPart } from './backend-client';
import { GlobalStyles } from './GlobalStyles';
import { I18nProvider } from './i18n/I18nProvider';
import { toIntlLocale } from './i18n/i18n';
import { createBridgeNavigation } from './navigation';
import { NavigationProvider } from './NavigationProvider';
import { toHostSettings } from './to-host-settings';

const THEME_WAIT_MS = 800;
const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/**
 * Boots one Custom UI entry inside the Forge host: reads the context (locale, theme),
 * follows the host theme, and renders `app` with the real backend client. `prepare` runs
 * alongside the context read (the project page creates its history there).
 */
export async function startApp<T>(contract: ContractPart, prepare: () => Promise<T>, app: (prepared: T) => ReactNode): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('Custom UI page has no #root element');

  const [context, prepared] = await Promise.all([view.getContext().catch(() => null), prepare()]);
  const settings = toHostSettings(context);
  document.documentElement.lang = toIntlLocale(settings.forgeLocale);
  // Wait briefly for the theme so a dark-mode user does not see a light flash; never
  // longer than THEME_WAIT_MS, since a page in fallback colours beats a blank one.
  await Promise.race([applyHostTheme(), delay(THEME_WAIT_MS)]);

  createRoot(container).render(
    <StrictMode>
      <I18nProvider forgeLocale={settings.forgeLocale}>
        <BackendProvider client={createBridgeBackendClient(contract)}>
          <NavigationProvider navigation={createBridgeNavigation(settings.siteUrl)}>
            <GlobalStyles />
            {app(prepared)}
          </NavigationProvider>
        </BackendProvider>
      </I18nProvider>
    </StrictMode>,
  );
}
