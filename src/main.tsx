// The composition root: read config.json and the user's own connection settings, start the demo backend
// when asked, and render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browserStorage, createConnectionStore } from './config/connectionStore';
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
  const connection = createConnectionStore(config, browserStorage());
  const running = connection.getState().settings.backend;
  let demoProjectId: string | undefined;
  if (running === 'demo') {
    // A chunk of its own, fetched only in demo mode: the live start-up path never loads it.
    const { startDemoBackend } = await import('./demo/browser');
    ({ projectId: demoProjectId } = await startDemoBackend({
      size: config.demo.images,
      latencyMs: config.demo.latencyMs,
      failEvery: config.demo.failEvery,
      failStatus: config.demo.failStatus,
      workerUrl: besideIndex('mockServiceWorker.js'),
    }));
  }
  root.render(
    <StrictMode>
      <App
        connection={connection}
        queryClient={createQueryClient()}
        running={running}
        demoProjectId={demoProjectId}
      />
    </StrictMode>,
  );
}

start().catch((error: unknown) => root.render(<StartupError error={error} />));
