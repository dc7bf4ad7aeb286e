// The image API contract (test/contract) on a real OpenStack Glance seeded with the seed plan
// (test/live/globalSetup.ts starts it once per run), and on the demo emulator holding exactly Glance's
// records, read back as the admin sees them: the demo and Glance answer the same questions on the same data.
// Skipped, with the reason printed by the globalSetup, where Glance cannot run (unless IMS_REQUIRE_SERVERS=1,
// which fails the run instead).
import { afterAll, beforeAll, describe } from 'vitest';
import type { Catalogue } from '../../src/demo/catalogue';
import {
  defineImageApiContract,
  demoBackend,
  type Backend,
  type TokenName,
} from '../contract/imageApiContract';
import type { GlanceEndpoint } from './glanceServer';
import { liveGlance } from './liveGlance';
import { readGlanceCatalogue } from './seedGlance';
import { SEED_PROJECTS } from './seedPlan';

const live = liveGlance();

/** Glance as a contract backend: each request with the named token, as the app sends it. */
function glanceBackend(endpoint: GlanceEndpoint, catalogue: Catalogue): Backend {
  const tokenHeader = (token: TokenName): Record<string, string> => {
    if (token === 'none') return {};
    if (token === 'bad') return { 'X-Auth-Token': 'a-token-nobody-issued' };
    return { 'X-Auth-Token': endpoint.tokens[token] };
  };
  return {
    kind: 'glance',
    catalogue,
    peerProjectId: SEED_PROJECTS.peer,
    get: async (pathAndQuery, { token = 'viewer', accept = 'application/json' } = {}) => {
      const response = await fetch(`${endpoint.url}${pathAndQuery}`, {
        headers: { Accept: accept, ...tokenHeader(token) },
      });
      return { status: response.status, headers: response.headers, body: await response.text() };
    },
  };
}

/** Both backends over Glance's records as they are now (another live test file may have deleted one). */
async function liveBackends(endpoint: GlanceEndpoint): Promise<Record<'glance' | 'demo', Backend>> {
  const catalogue = await readGlanceCatalogue(endpoint);
  return {
    glance: glanceBackend(endpoint, catalogue),
    demo: demoBackend(catalogue, SEED_PROJECTS.peer),
  };
}

describe.skipIf(!live)('the image API contract on a live Glance', () => {
  let backends: Record<'glance' | 'demo', Backend> | undefined;
  let started = 0;

  beforeAll(async () => {
    if (!live) throw new Error('no Glance');
    started = performance.now();
    backends = await liveBackends(live);
  }, 120_000);

  afterAll(() => {
    console.info(
      `The contract on Glance and on the demo over Glance's records: ${Math.round(performance.now() - started)} ms`,
    );
  });

  const backend = (name: 'glance' | 'demo') => () => {
    if (!backends) throw new Error('Glance’s records could not be read');
    return backends[name];
  };

  defineImageApiContract('on OpenStack Glance, seeded with the seed plan', backend('glance'));
  defineImageApiContract('on the demo emulator holding Glance’s records', backend('demo'));
});
