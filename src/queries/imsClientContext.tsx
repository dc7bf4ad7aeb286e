import { createContext, useContext, type ReactNode } from 'react';
import type { ImsClient } from '../api/imsClient';

const ImsClientContext = createContext<ImsClient | null>(null);

export function ImsClientProvider({ client, children }: { client: ImsClient; children: ReactNode }) {
  return <ImsClientContext value={client}>{children}</ImsClientContext>;
}

export function useImsClient(): ImsClient {
  const client = useContext(ImsClientContext);
  if (!client) throw new Error('useImsClient must be used inside <ImsClientProvider>.');
  return client;
}
