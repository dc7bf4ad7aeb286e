import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Image } from '../../../src/api/imageTypes';
import { createImsClient, type ImsClient } from '../../../src/api/imsClient';
import type { ComputeImageQuery, GlanceV1ImageQuery } from '../../../src/api/legacyTypes';
import { toComputeImage, toComputeImageDetail, toGlanceV1Image } from '../../../src/api/legacyViews';
import {
  computeImageDetailQueryOptions,
  computeImageQueryOptions,
  glanceV1ImageQueryOptions,
} from '../../../src/queries/legacyQueries';
import { createImage } from '../../support/createImage';

const CONTEXT = { computeEndpoint: 'https://ecs.test', imageEndpoint: 'https://ims.test', projectId: 'p' };
const WANTED = createImage({ id: 'wanted', name: 'twin' });
const TWIN = createImage({ id: 'twin-2', name: 'twin' });

/** A client whose three legacy lists answer `images` and record what they were asked. */
function fakeClient(images = [TWIN, WANTED]) {
  const calls: { api: string; query: ComputeImageQuery | GlanceV1ImageQuery; version?: string }[] = [];
  const client = createImsClient({
    endpoint: 'https://ims.test',
    computeEndpoint: 'https://ecs.test',
    projectId: 'p',
  });
  client.listComputeImages = async (query, options) => {
    calls.push({ api: 'compute list', query, version: options?.version });
    return { images: images.map((image) => toComputeImage(image, CONTEXT)) };
  };
  client.listComputeImageDetails = async (query, options) => {
    calls.push({ api: 'compute detail', query, version: options?.version });
    return { images: images.map((image) => toComputeImageDetail(image, CONTEXT)) };
  };
  client.listGlanceV1ImageDetails = async (query) => {
    calls.push({ api: 'glance v1.1', query });
    return { images: images.map(toGlanceV1Image) };
  };
  return { client, calls };
}

/** Each API's lookup, run once in a fresh cache. */
const LOOKUPS: readonly [string, (client: ImsClient, image: Image) => Promise<unknown>][] = [
  ['compute list', (client, image) => new QueryClient().fetchQuery(computeImageQueryOptions(client, image))],
  [
    'compute detail',
    (client, image) => new QueryClient().fetchQuery(computeImageDetailQueryOptions(client, image)),
  ],
  ['glance v1.1', (client, image) => new QueryClient().fetchQuery(glanceV1ImageQueryOptions(client, image))],
];

const WANTED_ENTRIES: Readonly<Record<string, unknown>> = {
  'compute list': toComputeImage(WANTED, CONTEXT),
  'compute detail': toComputeImageDetail(WANTED, CONTEXT),
  'glance v1.1': toGlanceV1Image(WANTED),
};

describe('legacy record query options', () => {
  it('key each lookup by API, version, image id and name, under the connection', () => {
    const { client } = fakeClient();
    const keys = [
      computeImageQueryOptions(client, WANTED).queryKey,
      computeImageQueryOptions(client, WANTED, 'v2.1').queryKey,
      computeImageDetailQueryOptions(client, WANTED).queryKey,
      glanceV1ImageQueryOptions(client, WANTED).queryKey,
      glanceV1ImageQueryOptions(client, TWIN).queryKey,
    ];
    expect(keys[0]).toEqual([
      'ims',
      'https://ims.test',
      'p',
      '',
      'legacy',
      'compute',
      'https://ecs.test',
      'v2',
      'list',
      { id: 'wanted', name: 'twin' },
    ]);
    expect(keys[3]).toEqual([
      'ims',
      'https://ims.test',
      'p',
      '',
      'legacy',
      'glance',
      'v1.1',
      { id: 'wanted', name: 'twin' },
    ]);
    expect(new Set(keys.map((key) => JSON.stringify(key))).size).toBe(keys.length);
  });

  it.each(LOOKUPS)('%s: lists by exact name and picks the entry with the id', async (api, lookup) => {
    const { client, calls } = fakeClient();
    expect(await lookup(client, WANTED)).toEqual(WANTED_ENTRIES[api]);
    expect(calls).toEqual([
      { api, query: { name: 'twin' }, version: api === 'glance v1.1' ? undefined : 'v2' },
    ]);
  });

  it.each(LOOKUPS)('%s: says null when the live list has no entry with the id', async (_, lookup) => {
    const { client } = fakeClient([TWIN]);
    expect(await lookup(client, WANTED)).toBeNull();
  });

  it('reads the unfiltered list for a nameless image', async () => {
    const nameless = createImage({ id: 'wanted', name: null });
    const { client, calls } = fakeClient([nameless]);
    expect(await new QueryClient().fetchQuery(glanceV1ImageQueryOptions(client, nameless))).toMatchObject({
      id: 'wanted',
    });
    expect(calls).toEqual([{ api: 'glance v1.1', query: {} }]);
  });

  it('asks the compute API in the version given', async () => {
    const { client, calls } = fakeClient();
    await new QueryClient().fetchQuery(computeImageDetailQueryOptions(client, WANTED, 'v2.1'));
    expect(calls[0]?.version).toBe('v2.1');
  });
});
