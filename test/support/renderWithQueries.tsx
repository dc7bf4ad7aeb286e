// Any component under the app's providers: a client bound to test endpoints and the app's own query
// defaults (stale time included), with retries off so failures show at once.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import type { Connection } from '../../src/api/http';
import type { ImagePage } from '../../src/api/imageTypes';
import { createImsClient, type ImsClient } from '../../src/api/imsClient';
import { imageListQueryOptions } from '../../src/queries/imageQueries';
import { ImsClientProvider } from '../../src/queries/imsClientContext';
import { createQueryClient } from '../../src/queries/queryClient';

export const TEST_CONNECTION: Readonly<Connection> = {
  endpoint: 'http://ims.test',
  computeEndpoint: 'http://ecs.test',
  projectId: 'p1',
};

export function createTestQueryClient(): QueryClient {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return queryClient;
}

export function createTestClient(connection: Partial<Connection> = {}): ImsClient {
  return createImsClient({ ...TEST_CONNECTION, ...connection });
}

interface RenderOptions {
  client?: ImsClient;
  queryClient?: QueryClient;
}

export function renderWithQueries(
  ui: ReactNode,
  { client = createTestClient(), queryClient = createTestQueryClient() }: RenderOptions = {},
) {
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ImsClientProvider client={client}>{ui}</ImsClientProvider>
    </QueryClientProvider>,
  );
  return { client, queryClient, ...view };
}

/** Puts `pages` in the cache as a loaded list view, as if the catalogue had fetched them `ageMs` ago. */
export function seedImageList(
  queryClient: QueryClient,
  client: ImsClient,
  pages: ImagePage[],
  { ageMs = 0 }: { ageMs?: number } = {},
): void {
  queryClient.setQueryData(
    imageListQueryOptions(client, { limit: 50 }).queryKey,
    { pages, pageParams: pages.map((_, index) => (index === 0 ? undefined : `marker-${index}`)) },
    { updatedAt: Date.now() - ageMs },
  );
}
