import { render } from '@testing-library/react';
import {
  createConnectionStore,
  type ConnectionStorage,
  memoryStorage,
} from '../../src/config/connectionStore';
import { parseRuntimeConfig, type BackendKind } from '../../src/config/runtimeConfig';
import { App } from '../../src/features/shell/App';
import { createTestQueryClient } from './renderWithQueries';

export const TEST_ENDPOINT = 'http://ims.test';

interface RenderAppOptions {
  backend?: BackendKind;
  storage?: ConnectionStorage;
}

/**
 * The app as main.tsx assembles it, with config.json pointing at TEST_ENDPOINT and the app's own query client with
 * retries off so failures show at once.
 */
export function renderApp({
  backend = 'live',
  storage = { session: memoryStorage(), local: memoryStorage() },
}: RenderAppOptions = {}) {
  const config = parseRuntimeConfig({
    backend,
    endpoint: TEST_ENDPOINT,
    computeEndpoint: TEST_ENDPOINT,
    projectId: 'p1',
  });
  const connection = createConnectionStore(config, storage);
  const queryClient = createTestQueryClient();
  return {
    connection,
    storage,
    queryClient,
    ...render(<App connection={connection} queryClient={queryClient} running={backend} />),
  };
}
