import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import type { BackendClient } from './backend-client';
import { BackendProvider } from './BackendProvider';
import { I18nProvider } from './i18n/I18nProvider';
import type { Navigation } from './navigation';
import { NavigationProvider } from './NavigationProvider';
import { createFakeNavigation } from '../testing/fake-navigation';

/** A backend that never answers: components stay in their loading state. */
export const pendingBackend: BackendClient = {
  call: () => new Promise(() => undefined),
};

/**
 * Renders to HTML with the providers the app has. No DOM library is installed, so tests
 * assert on the server-rendered markup (effects do not run: resolvers are not called).
 */
export function renderForTest(
  ui: ReactNode,
  {
    locale = 'en-US',
    backend = pendingBackend,
    navigation = createFakeNavigation(),
  }: { locale?: string; backend?: BackendClient; navigation?: Navigation } = {},
): string {
  return renderToString(
    <I18nProvider forgeLocale={locale}>
      <BackendProvider client={backend}>
        <NavigationProvider navigation={navigation}>{ui}</NavigationProvider>
      </BackendProvider>
    </I18nProvider>,
  );
}

/** The text inside the first element carrying `data-testid`, tags stripped. */
export function textOfTestId(html: string, testId: string): string | null {
  const match = new RegExp(`<(\\w+)[^>]*data-testid="${testId}"[^>]*>([\\s\\S]*?)</\\1>`, 'u').exec(html);
  return match ? (match[2] ?? '').replace(/<[^>]+>/gu, '').replaceAll('<!-- -->', '') : null;
}
