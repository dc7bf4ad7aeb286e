import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { BrowserRouter } from 'react-router';
import { createImsClient } from '../../api/imsClient';
import type { ConnectionStore } from '../../config/connectionStore';
import type { BackendKind } from '../../config/runtimeConfig';
import { scopeOf } from '../../queries/imageQueries';
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
  const { settings, tokenEntered } = useSyncExternalStore(connection.subscribe, connection.getState);
  // A new client for new settings; a new token needs none, as the client reads it per request.
  const client = useMemo(
    () =>
      createImsClient(
        running === 'demo'
          ? // The demo backend answers on this site's own paths, and is never sent the live token.
            {
              endpoint: '',
              computeEndpoint: '',
              projectId: demoProjectId ?? '',
              apiVersion: settings.apiVersion,
            }
          : { ...settings, getToken: connection.token, onUnauthorized: connection.refuseToken },
      ),
    [running, demoProjectId, settings, connection],
  );

  // A token entered retries what failed for want of it: this connection's lists and images on screen
  // only. (After the render, so that the queries ask through the client of the settings just saved.)
  const retried = useRef(tokenEntered);
  useEffect(() => {
    if (retried.current === tokenEntered) return;
    retried.current = tokenEntered;
    void queryClient.refetchQueries({
      queryKey: scopeOf(client),
      type: 'active',
      predicate: (query) => query.state.status === 'error',
    });
  }, [tokenEntered, client, queryClient]);
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
