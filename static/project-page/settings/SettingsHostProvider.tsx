import { createContext, useContext, type ReactNode } from 'react';
import { createBridgeSettingsHost, type SettingsHost } from './settings-host';

const SettingsHostContext = createContext<SettingsHost | null>(null);

let bridgeHost: SettingsHost | undefined;

/** Gives the Settings section its host; tests pass a fake. */
export function SettingsHostProvider({ host, children }: { host: SettingsHost; children: ReactNode }) {
  return <SettingsHostContext value={host}>{children}</SettingsHostContext>;
}

/** The injected host, or the Forge bridge's when none is (the app itself). */
export function useSettingsHost(): SettingsHost {
  const host = useContext(SettingsHostContext);
  if (host !== null) return host;
  bridgeHost ??= createBridgeSettingsHost();
  return bridgeHost;
}
