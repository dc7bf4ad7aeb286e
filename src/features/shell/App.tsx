import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import type { ImsClient } from '../../api/imsClient';
import { ImsClientProvider } from '../../queries/imsClientContext';
import { CataloguePage, type BackendKind } from '../catalogue/CataloguePage';

interface AppProps {
  client: ImsClient;
  queryClient: QueryClient;
  backend: BackendKind;
}

export function App({ client, queryClient, backend }: AppProps) {
  return (
    <BrowserRouter>
      <QueryClientProvider client={queryClient}>
        <ImsClientProvider client={client}>
          <CataloguePage backend={backend} />
        </ImsClientProvider>
      </QueryClientProvider>
    </BrowserRouter>
  );
}
