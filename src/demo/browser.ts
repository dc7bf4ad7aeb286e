// Starts the demo backend in the browser: the catalogue, the emulator, and MSW's service worker in front
// of them. Loaded lazily by the app, in demo mode only.
import { setupWorker } from 'msw/browser';
import { generateCatalogue } from './catalogue';
import { createEmulator, type FailStatus } from './emulator';
import { createDemoHandlers } from './handlers';

export interface DemoBackendOptions {
  /** Number of images in the catalogue (2,000 by default). */
  size?: number;
  latencyMs?: number;
  /** Every Nth request fails with `failStatus` (0 or absent: never). */
  failEvery?: number;
  failStatus?: FailStatus;
  /** Where `mockServiceWorker.js` is served. */
  workerUrl: string;
}

/** Resolves once the worker intercepts requests, with the project the demo user is signed in to. */
export async function startDemoBackend(options: DemoBackendOptions): Promise<{ projectId: string }> {
  const { size, latencyMs, failEvery, failStatus, workerUrl } = options;
  const catalogue = generateCatalogue({ size });
  const emulator = createEmulator({ catalogue, faults: { failEvery, failStatus } });
  const worker = setupWorker(...createDemoHandlers(emulator, { latencyMs }));
  await worker.start({ serviceWorker: { url: workerUrl }, onUnhandledRequest: 'bypass', quiet: true });
  return { projectId: catalogue.viewerProjectId };
}
