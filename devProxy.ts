// `npm start` against a real endpoint: with IMS_ENDPOINT set, Vite's dev server forwards the API paths the
// app calls to IMS and compute and serves a config.json that points the app at its own origin, so the
// browser needs no CORS from the provider. The token travels in the X-Auth-Token header the app sends;
// nothing here reads, keeps or logs it.
import type { Plugin, ProxyOptions } from 'vite';
import { cleanEndpoint, endpointProblem } from './src/config/endpoint.js';

/** The environment variables read (all optional; without IMS_ENDPOINT the dev server runs as usual). */
export interface DevProxyEnv {
  /** IMS base URL: https://ims.<region>.myhuaweicloud.com (a path is kept: https://host/image). */
  IMS_ENDPOINT?: string | undefined;
  /** Compute (ECS/Nova) base URL for the legacy views; IMS_ENDPOINT when not set. */
  IMS_COMPUTE_ENDPOINT?: string | undefined;
  /** config.json's projectId: the project whose images the compute views list. */
  IMS_PROJECT_ID?: string | undefined;
  /** config.json's apiVersion: sent as X-Api-Version ('' sends none). */
  IMS_API_VERSION?: string | undefined;
}

/** What the dev server serves as /config.json: live, every API on the dev server's own origin. */
export interface DevConfigJson {
  backend: 'live';
  endpoint: '';
  computeEndpoint: '';
  projectId: string;
  apiVersion: string;
}

export interface DevProxySetup {
  imsEndpoint: string;
  computeEndpoint: string;
  /** Vite's server.proxy: keys starting with ^ are regular expressions tested on the path and query. */
  proxy: Record<string, ProxyOptions>;
  config: DevConfigJson;
}

/**
 * Glance v2 (/v2/images[/{id}]) and Glance v1.1 (/v1.1/images/detail): to IMS. Only what the catalogue
 * reads: no image files, no member lists.
 */
export const IMS_PATHS = ['^/v2/images(?:/[^/?]+)?(?:\\?|$)', '^/v1\\.1/images/detail(?:\\?|$)'] as const;
/** Compute (/v2/{project_id}/images[/detail] and /v2.1/...): to compute. */
export const COMPUTE_PATHS = ['^/v2(?:\\.1)?/[^/?]+/images(?:/detail)?(?:\\?|$)'] as const;

function endpointUrl(name: string, value: string): string {
  const problem = endpointProblem(value);
  if (problem) throw new Error(`${name} (${value}): ${problem}`);
  return cleanEndpoint(value);
}

function forwardTo(target: string): ProxyOptions {
  return {
    target,
    // The provider routes by host name: send its own, not localhost's.
    changeOrigin: true,
    // Check the provider's certificate.
    secure: true,
    configure: (proxy) => {
      // Cookies of other projects on localhost are none of the provider's business.
      proxy.on('proxyReq', (proxyRequest) => proxyRequest.removeHeader('cookie'));
    },
  };
}

/** Reads the environment; undefined when IMS_ENDPOINT is not set (the dev server then runs as usual). */
export function devProxySetup(env: DevProxyEnv): DevProxySetup | undefined {
  const ims = env.IMS_ENDPOINT?.trim();
  if (!ims) return undefined;
  const imsEndpoint = endpointUrl('IMS_ENDPOINT', ims);
  const compute = env.IMS_COMPUTE_ENDPOINT?.trim();
  const computeEndpoint = compute ? endpointUrl('IMS_COMPUTE_ENDPOINT', compute) : imsEndpoint;
  const proxy: Record<string, ProxyOptions> = {};
  for (const path of IMS_PATHS) proxy[path] = forwardTo(imsEndpoint);
  for (const path of COMPUTE_PATHS) proxy[path] = forwardTo(computeEndpoint);
  return {
    imsEndpoint,
    computeEndpoint,
    proxy,
    config: {
      backend: 'live',
      endpoint: '',
      computeEndpoint: '',
      projectId: env.IMS_PROJECT_ID?.trim() ?? '',
      apiVersion: env.IMS_API_VERSION?.trim() ?? '',
    },
  };
}

/** Where Vite's dev server sends a request (path and query), matching as Vite does: the first key that matches. */
export function proxyTargetFor(setup: DevProxySetup, url: string): string | undefined {
  for (const [context, options] of Object.entries(setup.proxy)) {
    const matches = context.startsWith('^') ? new RegExp(context).test(url) : url.startsWith(context);
    if (matches) return typeof options.target === 'string' ? options.target : undefined;
  }
  return undefined;
}

/** The Vite plugin: the proxy table and /config.json on the dev server, when IMS_ENDPOINT is set. */
export function imsDevProxy(env: DevProxyEnv = process.env): Plugin {
  const setup = devProxySetup(env);
  return {
    name: 'ims-catalogue:dev-proxy',
    apply: 'serve',
    config: () => (setup ? { server: { proxy: setup.proxy } } : undefined),
    configureServer(server) {
      if (!setup) return;
      const body = JSON.stringify(setup.config);
      server.middlewares.use('/config.json', (request, response, next) => {
        if (request.method !== 'GET' && request.method !== 'HEAD') return next();
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      });
      server.config.logger.info(
        `  API calls go to IMS ${setup.imsEndpoint} and compute ${setup.computeEndpoint}` +
          ` (project ${setup.config.projectId || 'not set'}); /config.json says live.`,
      );
    },
  };
}
