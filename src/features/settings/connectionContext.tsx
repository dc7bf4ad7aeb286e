import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { ConnectionState, ConnectionStore } from '../../config/connectionStore';
import type { BackendKind } from '../../config/runtimeConfig';

interface ConnectionContextValue {
  store: ConnectionStore;
  /** The backend this page started with (switching it reloads the page). */
  running: BackendKind;
}

const ConnectionContext = createContext<ConnectionContextValue | null>(null);

export function ConnectionProvider({ children, ...value }: ConnectionContextValue & { children: ReactNode }) {
  return <ConnectionContext value={value}>{children}</ConnectionContext>;
}

export function useConnection(): ConnectionContextValue & { state: ConnectionState } {
  const value = useContext(ConnectionContext);
  if (!value) throw new Error('useConnection must be used inside <ConnectionProvider>.');
  const state = useSyncExternalStore(value.store.subscribe, value.store.getState);
  return { ...value, state };
}
