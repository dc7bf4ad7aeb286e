// A `fetch` stand-in that records every request and answers from a function of the call.
import type { Connection } from '../../../src/api/http';

export interface RecordedRequest {
  url: string;
  method: string | undefined;
  headers: Headers;
  signal: AbortSignal | undefined;
}

export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: typeof fetch;
  requests: RecordedRequest[];
}

export function fakeFetch(responder: Responder): FakeFetch {
  const requests: RecordedRequest[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request: RecordedRequest = {
      url: input instanceof Request ? input.url : String(input),
      method: init?.method,
      headers: new Headers(init?.headers),
      signal: init?.signal ?? undefined,
    };
    requests.push(request);
    return responder(request, requests.length - 1);
  };
  return { fetch, requests };
}

/** A JSON answer, with the given status and headers. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersInit } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...Object.fromEntries(new Headers(init.headers)) },
  });
}

/** A `fetch` that never answers, and rejects with the signal's reason once its signal aborts. */
export const hangingFetch: typeof fetch = (_input, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (!signal) return;
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

export const ENDPOINT = 'https://ims.example.com';
export const COMPUTE_ENDPOINT = 'https://ecs.example.com';

/** The connection of every client test, with a fake fetch and any overrides. */
export function testConnection(
  fetch: typeof globalThis.fetch,
  overrides: Partial<Connection> = {},
): Connection {
  return { endpoint: ENDPOINT, computeEndpoint: COMPUTE_ENDPOINT, projectId: 'p1', fetch, ...overrides };
}
