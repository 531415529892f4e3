import { createContext, useContext, type ReactNode } from 'react';
import type { BackendClient } from './backend-client';

const BackendContext = createContext<BackendClient | null>(null);

export function BackendProvider({ client, children }: { client: BackendClient; children: ReactNode }) {
  return <BackendContext value={client}>{children}</BackendContext>;
}

/** The injected backend client; a component outside `BackendProvider` is a wiring bug. */
export function useBackend(): BackendClient {
  const client = useContext(BackendContext);
  if (client === null) {
    throw new Error('useBackend() needs a <BackendProvider> above it');
  }
  return client;
}
