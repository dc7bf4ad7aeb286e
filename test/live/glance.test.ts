// The live tests' Glance itself: it starts, the token filter stands in for Keystone, the seed lands as
// planned, the viewer sees what the plan says, IMS properties filter server-side, CORS lets the app in,
// and readGlanceCatalogue gives back every record. It uses the Glance test/live/globalSetup.ts started, and is
// skipped with it.
import { describe, expect, it } from 'vitest';
import type { Image } from '../../src/api/imageTypes';
import type { GlanceEndpoint } from './glanceServer';
import { liveGlance } from './liveGlance';
import { listGlanceImages, readGlanceCatalogue } from './seedGlance';
import {
  SEED_IMAGES,
  SEED_PROJECTS,
  defaultListingOf,
  seedCatalogue,
  seedImageVisibleTo,
  type SeedImage,
} from './seedPlan';

const live = liveGlance();

const ids = (images: readonly (Image | SeedImage)[]) => images.map((image) => image.id).sort();

function only<T>(items: readonly T[], test: (item: T) => boolean): T {
  const item = items.find(test);
  if (item === undefined) throw new Error('the seed plan lacks an image this test needs');
  return item;
}

describe.skipIf(!live)('a real Glance seeded with the seed plan', () => {
  const server = (): GlanceEndpoint => {
    if (!live) throw new Error('Glance did not start');
    return live;
  };
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${server().url}${path}`, { headers: { Accept: 'application/json', ...headers } });
  const asViewer = (path: string, headers: Record<string, string> = {}) =>
    get(path, { 'X-Auth-Token': server().tokens.viewer, ...headers });

  it.each([
    ['no token', {}],
    ['an unknown token', { 'X-Auth-Token': 'not-a-token' }],
    // The filter drops identity headers a client sends: they forge nothing.
    [
      'forged identity headers',
      { 'X-Identity-Status': 'Confirmed', 'X-Project-Id': SEED_PROJECTS.viewer, 'X-Roles': 'admin' },
    ],
  ])('answers 401 with Keystone’s JSON body to %s', async (_case, headers) => {
    const response = await get('/v2/images', headers);

    expect(response.status).toBe(401);
    expect(response.headers.get('WWW-Authenticate')).toMatch(/^Keystone uri=/);
    expect(await response.json()).toEqual({
      error: {
        code: 401,
        title: 'Unauthorized',
        message: 'The request you have made requires authentication.',
      },
    });
  });

  it('lists the viewer’s public, own and accepted images by default, over several marker pages', async () => {
    const pages: number[] = [];
    const listed: Image[] = [];
    let next: string | undefined = '/v2/images?limit=100';
    while (next !== undefined) {
      const response = await asViewer(next);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { images: Image[]; next?: string };
      pages.push(page.images.length);
      listed.push(...page.images);
      next = page.next;
    }

    const expected = defaultListingOf('viewer');
    expect(expected.length).toBeGreaterThanOrEqual(260);
    expect(listed).toHaveLength(expected.length);
    expect(ids(listed)).toEqual(ids(expected));
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it('shows the viewer a public image and hides the peer’s private one', async () => {
    const publicImage = only(SEED_IMAGES, (image) => image.visibility === 'public');
    const peerPrivate = only(
      SEED_IMAGES,
      (image) => image.owner === 'peer' && image.visibility === 'private',
    );
    expect(seedImageVisibleTo(peerPrivate, 'viewer')).toBe(false);

    const shown = await asViewer(`/v2/images/${publicImage.id}`);
    expect(shown.status).toBe(200);
    expect(((await shown.json()) as Image).name).toBe(publicImage.name);
    expect((await asViewer(`/v2/images/${peerPrivate.id}`)).status).toBe(404);
    // Not even the admin role in a forged header opens it.
    expect((await asViewer(`/v2/images/${peerPrivate.id}`, { 'X-Roles': 'admin' })).status).toBe(404);
  });

  it('lists the pending shares under member_status=pending&visibility=shared, with the viewer’s own shared images', async () => {
    const listed = await listGlanceImages(
      server(),
      'viewer',
      '/v2/images?visibility=shared&member_status=pending',
    );

    // Glance lists an owner's shared images whatever member_status is asked for.
    const expected = SEED_IMAGES.filter(
      (image) =>
        image.visibility === 'shared' && (image.owner === 'viewer' || image.members?.viewer === 'pending'),
    );
    expect(expected.some((image) => image.owner === 'peer')).toBe(true);
    expect(ids(listed)).toEqual(ids(expected));
  });

  it('filters by an IMS property server-side', async () => {
    const listed = await listGlanceImages(server(), 'viewer', '/v2/images?__platform=Ubuntu&limit=1000');

    const expected = defaultListingOf('viewer').filter((image) => image.properties.__platform === 'Ubuntu');
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(listed)).toEqual(ids(expected));
    expect(listed.every((image) => image.__platform === 'Ubuntu')).toBe(true);
  });

  it('lets a page on another origin send X-Auth-Token (CORS preflight and answer)', async () => {
    const origin = 'http://127.0.0.1:1';
    const preflight = await fetch(`${server().url}/v2/images?limit=1`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'x-auth-token,x-api-version',
      },
    });
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeTruthy();
    expect(preflight.headers.get('Access-Control-Allow-Headers')?.toLowerCase()).toContain('x-auth-token');

    const answer = await asViewer('/v2/images?limit=1', { Origin: origin });
    expect(answer.headers.get('Access-Control-Allow-Origin')).toBeTruthy();
    expect(answer.headers.get('Access-Control-Expose-Headers')).toContain('X-Openstack-Request-Id');
  });

  it('reads every seeded image back, with its members, as the seed catalogue has it but for the times', async () => {
    const catalogue = await readGlanceCatalogue(server());
    const planned = seedCatalogue();

    expect(catalogue.viewerProjectId).toBe(SEED_PROJECTS.viewer);
    expect(ids(catalogue.images)).toEqual(ids(SEED_IMAGES));
    expect(catalogue.members).toEqual(planned.members);
    const withoutTimes = ({ created_at: _created, updated_at: _updated, tags, ...rest }: Image) => ({
      ...rest,
      // Glance keeps tags in a set: their order is its own.
      tags: [...tags].sort(),
    });
    const byId = new Map(catalogue.images.map((image) => [image.id, withoutTimes(image)]));
    for (const image of planned.images) expect(byId.get(image.id)).toEqual(withoutTimes(image));
    // Times are whole seconds (seedGlance cuts SQLite's hidden microseconds), several images a second.
    expect(
      catalogue.images.every((image) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(image.created_at)),
    ).toBe(true);
    expect(new Set(catalogue.images.map((image) => image.created_at)).size).toBeLessThan(
      catalogue.images.length,
    );
  });
});
