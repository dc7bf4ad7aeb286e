// MSW request handlers that answer the app's API calls from the emulator, on any origin.
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { Emulator } from './emulator';

export interface DemoHandlerOptions {
  /** A fixed delay before every answer, to see loading states. */
  latencyMs?: number;
}

/** The dev server's own files (`/src/...`, `/node_modules/...`, `/@vite/...`) are never API calls. */
const DEV_SERVER_PATH = /^\/(?:src|node_modules|@[\w-]+)\//;
/** Glance v2, compute v2/v2.1 and Glance v1/v1.1 paths, after any gateway prefix. */
const API_PATH = /\/v(?:1|1\.1|2|2\.1)\//;

export function isDemoApiPath(pathname: string): boolean {
  return API_PATH.test(pathname) && !DEV_SERVER_PATH.test(pathname);
}

export function createDemoHandlers(
  emulator: Emulator,
  { latencyMs = 0 }: DemoHandlerOptions = {},
): HttpHandler[] {
  return [
    http.all(
      ({ request }) => isDemoApiPath(new URL(request.url).pathname),
      async ({ request }) => {
        if (latencyMs > 0) await delay(latencyMs);
        const { status, headers, body } = emulator.handle({
          method: request.method,
          url: request.url,
          headers: request.headers,
        });
        return new HttpResponse(body, { status, headers });
      },
    ),
  ];
}
