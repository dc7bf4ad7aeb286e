// The image API contract (test/contract) on a real OpenStack Glance seeded with the seed plan
// (test/live/globalSetup.ts starts it once per run), and on the demo emulator holding exactly Glance's
// records, read back as the admin sees them: the demo and Glance answer the same questions on the same data.
// Skipped, with the reason printed by the globalSetup, where Glance cannot run (unless IMS_REQUIRE_SERVERS=1,
// which fails the run instead).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/imageTypes';
import type { Catalogue } from '../../src/demo/catalogue';
import {
  DELETED_IMAGE,
  defineImageApiContract,
  demoBackend,
  type Backend,
  type TokenName,
} from '../contract/imageApiContract';
import type { GlanceEndpoint } from './glanceServer';
import { liveGlance } from './liveGlance';
import { glanceFetch, listGlanceImages, readGlanceCatalogue } from './seedGlance';
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

  // Glance's catalogue never holds a deleted image, so the contract cannot show Glance's side of this
  // difference: an image is deleted here, in the scratch tenant, which no seed project sees.
  it(`on Glance, ${DELETED_IMAGE.behaviour} ${DELETED_IMAGE.glance} (one in the scratch tenant)`, async () => {
    if (!live) throw new Error('no Glance');
    const created = await glanceFetch(live, {
      method: 'POST',
      path: '/v2/images',
      as: 'scratch',
      json: { name: 'contract-deleted', disk_format: 'qcow2', container_format: 'bare' },
    });
    const { id } = (await created.json()) as Image;
    const status = async (as: 'scratch' | 'admin') =>
      (
        await fetch(`${live.url}/v2/images/${id}`, {
          headers: { Accept: 'application/json', 'X-Auth-Token': live.tokens[as] },
        })
      ).status;
    const listed = async (query: string) =>
      (await listGlanceImages(live, 'scratch', `/v2/images?${query}`)).map((image) => image.id);
    expect(await status('scratch')).toBe(200);
    expect(await listed('limit=100')).toContain(id);

    await glanceFetch(live, { method: 'DELETE', path: `/v2/images/${id}`, as: 'scratch' });

    // Gone for its owner and for the admin alike, and listed under no status, deleted included.
    expect(await status('scratch')).toBe(404);
    expect(await status('admin')).toBe(404);
    expect(await listed('limit=100')).not.toContain(id);
    expect(await listed('status=deleted&limit=100')).not.toContain(id);
    expect(await listed('visibility=all&limit=100')).not.toContain(id);
  });
});
