// The composition root: read config.json, start the demo backend when asked, and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createImsClient } from './api/imsClient';
import { loadRuntimeConfig } from './config/runtimeConfig';
import { App } from './features/shell/App';
import { StartupError } from './features/shell/StartupError';
import { createQueryClient } from './queries/queryClient';
import './styles.css';

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element.');
const root = createRoot(rootElement);

/** Files beside index.html, wherever the app is hosted. */
const besideIndex = (file: string) => new URL(file, document.baseURI).href;

async function start() {
  const config = await loadRuntimeConfig(besideIndex('config.json'));
  let { projectId } = config;
  if (config.backend === 'demo') {
    // A chunk of its own, fetched only in demo mode: the live start-up path never loads it.
    const { startDemoBackend } = await import('./demo/browser');
    ({ projectId } = await startDemoBackend({
      size: config.demo.images,
      latencyMs: config.demo.latencyMs,
      failEvery: config.demo.failEvery,
      failStatus: config.demo.failStatus,
      workerUrl: besideIndex('mockServiceWorker.js'),
    }));
  }
  const client = createImsClient({
    endpoint: config.endpoint,
    computeEndpoint: config.computeEndpoint,
    projectId,
    ...(config.apiVersion ? { apiVersion: config.apiVersion } : {}),
  });
  root.render(
    <StrictMode>
      <App client={client} queryClient={createQueryClient()} backend={config.backend} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => root.render(<StartupError error={error} />));
