import { render } from '@testing-library/react';
import { setupServer, type SetupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  createConnectionStore,
  type ConnectionStorage,
  memoryStorage,
} from '../../src/config/connectionStore';
import { parseRuntimeConfig, type BackendKind } from '../../src/config/runtimeConfig';
import { App } from '../../src/features/shell/App';
import { giveGridAViewport } from './gridLayout';
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

/**
 * The file's hooks for page-level tests: an MSW server that fails on any request no handler answers, a grid
 * with a viewport (jsdom lays nothing out), and each test starting at the site's root address.
 */
export function setUpPageServer(): SetupServer {
  const server = setupServer();
  let restoreLayout: () => void = () => undefined;
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    restoreLayout = giveGridAViewport();
  });
  beforeEach(() => window.history.replaceState(null, '', '/'));
  afterEach(() => server.resetHandlers());
  afterAll(() => {
    server.close();
    restoreLayout();
  });
  return server;
}
