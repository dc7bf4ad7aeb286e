import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createImsClient } from '../../src/api/imsClient';
import type { BackendKind } from '../../src/features/catalogue/CataloguePage';
import { App } from '../../src/features/shell/App';

export const TEST_ENDPOINT = 'http://ims.test';

/** The app as main.tsx assembles it, against TEST_ENDPOINT, with retries off so failures show at once. */
export function renderApp({ backend = 'live' }: { backend?: BackendKind } = {}) {
  const client = createImsClient({
    endpoint: TEST_ENDPOINT,
    computeEndpoint: TEST_ENDPOINT,
    projectId: 'p1',
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    client,
    queryClient,
    ...render(<App client={client} queryClient={queryClient} backend={backend} />),
  };
}
