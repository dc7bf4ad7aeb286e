// A stand-in for IMS or compute on loopback, behind a proxy under test (nginx's recipe, Vite's dev server):
// it answers JSON and records every request it gets, and can go down and come back on the same port.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface UpstreamRequest {
  method: string;
  /** Path and query string, as received. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** What the upstream answers to a request: 200 unless given, `body` as JSON. */
export interface UpstreamAnswer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Upstream {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Every request received, in order. */
  requests: UpstreamRequest[];
  /** Stops listening and drops its connections: a connection to it is refused until up(). */
  down(): Promise<void>;
  /** Listens again, on the same port. */
  up(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a stand-in upstream on a free loopback port; `answer` says what it answers to each URL. */
export async function startUpstream(answer: (url: URL) => UpstreamAnswer): Promise<Upstream> {
  const requests: UpstreamRequest[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push({ method: request.method ?? '', url, headers: request.headers });
    const { status = 200, body, headers = {} } = answer(new URL(url, 'http://upstream'));
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers }).end(JSON.stringify(body));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      // Resolves also when it was not listening (down, then closed).
      server.close(() => resolve());
      server.closeAllConnections();
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    down: stop,
    up: () => listen(port),
    close: stop,
  };
}
