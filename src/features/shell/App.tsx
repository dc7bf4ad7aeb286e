import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import type { ImsClient } from '../../api/imsClient';
import { ImsClientProvider } from '../../queries/imsClientContext';
import { CatalogueShell, type BackendKind } from './CatalogueShell';

interface AppProps {
  client: ImsClient;
  queryClient: QueryClient;
  backend: BackendKind;
}

export function App({ client, queryClient, backend }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <ImsClientProvider client={client}>
        <CatalogueShell backend={backend} />
      </ImsClientProvider>
    </QueryClientProvider>
  );
}
