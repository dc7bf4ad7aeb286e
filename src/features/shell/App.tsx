import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { BrowserRouter } from 'react-router';
import { createImsClient } from '../../api/imsClient';
import type { ConnectionStore } from '../../config/connectionStore';
import type { BackendKind } from '../../config/runtimeConfig';
import { ImsClientProvider } from '../../queries/imsClientContext';
import { CataloguePage } from '../catalogue/CataloguePage';
import { ConnectionProvider } from '../settings/connectionContext';

interface AppProps {
  connection: ConnectionStore;
  queryClient: QueryClient;
  /** The backend this page started with. */
  running: BackendKind;
  /** The demo backend's own project, when it runs. */
  demoProjectId?: string;
}

export function App({ connection, queryClient, running, demoProjectId }: AppProps) {
  const { settings } = useSyncExternalStore(connection.subscribe, connection.getState);
  // A new client for new settings; a new token needs none, as the client reads it per request.
  const client = useMemo(
    () =>
      createImsClient({
        // The demo backend answers on this site's own paths.
        ...(running === 'demo'
          ? { endpoint: '', computeEndpoint: '', projectId: demoProjectId ?? '' }
          : settings),
        apiVersion: settings.apiVersion,
        getToken: connection.token,
        onUnauthorized: connection.refuseToken,
      }),
    [running, demoProjectId, settings, connection],
  );
  return (
    <BrowserRouter>
      <QueryClientProvider client={queryClient}>
        <ConnectionProvider store={connection} running={running}>
          <ImsClientProvider client={client}>
            <CataloguePage />
          </ImsClientProvider>
        </ConnectionProvider>
      </QueryClientProvider>
    </BrowserRouter>
  );
}
