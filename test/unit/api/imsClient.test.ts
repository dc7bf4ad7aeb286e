import { describe, expect, it } from 'vitest';
import { imagesUrl } from '../../../src/api/imageQuery';
import type { ImageQuery } from '../../../src/api/imageTypes';
import { createImsClient } from '../../../src/api/imsClient';
import { createImage, createImageList, imageId } from '../../support/createImage';
import { ENDPOINT, fakeFetch, jsonResponse, testConnection } from './fakeFetch';
import {
  GLANCE_V1_EXAMPLE_RESPONSE,
  IMS_V2_EXAMPLE_RESPONSE,
  NOVA_DETAIL_EXAMPLE_ENTRY,
  NOVA_LIST_EXAMPLE_RESPONSE,
} from '../../support/referenceExamples';

describe('listImages', () => {
  it('asks for the typed query and answers the page with the marker of the next', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(IMS_V2_EXAMPLE_RESPONSE));
    const client = createImsClient(testConnection(fetch));
    const page = await client.listImages({ __isregistered: true, __imagetype: 'gold', limit: 2 });
    expect(requests.map((request) => request.url)).toEqual([
      'https://ims.example.com/v2/images?__isregistered=true&__imagetype=gold&limit=2',
    ]);
    expect(page.images.map((image) => image.id)).toEqual([
      'bc6bed6e-ba3a-4447-afcc-449174a3eb52',
      '0328c25e-c840-4496-81ac-c4e01b214b1f',
    ]);
    expect(page.images[0]).toEqual(IMS_V2_EXAMPLE_RESPONSE.images[0]);
    expect(page.nextMarker).toBe('0328c25e-c840-4496-81ac-c4e01b214b1f');
  });

  it('rebuilds page 2 from the query, keeping every tag and sort key Glance dropped from its next link', async () => {
    const query: ImageQuery = {
      __imagetype: 'private',
      tag: ['prod', 'web', 'eu'],
      sort_key: ['name', 'created_at'],
      sort_dir: ['asc', 'desc'],
      limit: 2,
    };
    const pages = [
      // Glance's own next link keeps only one of each repeated value.
      {
        images: createImageList(2),
        next: `/v2/images?tag=prod&sort_key=name&sort_dir=asc&limit=2&marker=${imageId(2)}`,
      },
      { images: createImageList(1, { id: imageId(3) }) },
    ];
    const { fetch, requests } = fakeFetch((_request, index) => jsonResponse(pages[index]));
    const client = createImsClient(testConnection(fetch));

    const first = await client.listImages(query);
    expect(first.nextMarker).toBe(imageId(2));
    const second = await client.listImages({ ...query, marker: first.nextMarker });
    expect(second.nextMarker).toBeUndefined();

    const [url1, url2] = requests.map((request) => request.url);
    expect(url1).toBe(imagesUrl(ENDPOINT, query));
    expect(url2).toBe(
      `${ENDPOINT}/v2/images?__imagetype=private&marker=${imageId(2)}&limit=2` +
        '&sort_key=name&sort_key=created_at&sort_dir=asc&sort_dir=desc&tag=prod&tag=web&tag=eu',
    );
    const params = new URL(url2 ?? '').searchParams;
    expect(params.getAll('tag')).toEqual(['prod', 'web', 'eu']);
    expect(params.getAll('sort_key')).toEqual(['name', 'created_at']);
    expect(params.getAll('sort_dir')).toEqual(['asc', 'desc']);
  });

  it('ends on an empty page after a full one', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ images: [], next: `/v2/images?marker=${imageId(2)}` }));
    const page = await createImsClient(testConnection(fetch)).listImages({ marker: imageId(2), limit: 2 });
    expect(page).toEqual({ images: [], nextMarker: undefined });
  });

  it('ends when the next link repeats the marker just asked for', async () => {
    const { fetch } = fakeFetch(() =>
      jsonResponse({ images: createImageList(2), next: `/v2/images?marker=${imageId(9)}` }),
    );
    const page = await createImsClient(testConnection(fetch)).listImages({ marker: imageId(9) });
    expect(page.nextMarker).toBeUndefined();
  });

  it('refuses an invalid limit before any request is made', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse({ images: [] }));
    await expect(createImsClient(testConnection(fetch)).listImages({ limit: -1 })).rejects.toThrow(
      RangeError,
    );
    expect(requests).toHaveLength(0);
  });
});

describe('getImage', () => {
  it('gets one image by its encoded id', async () => {
    const image = createImage({ id: 'a/b c' });
    const { fetch, requests } = fakeFetch(() => jsonResponse(image));
    const result = await createImsClient(testConnection(fetch)).getImage('a/b c');
    expect(requests[0]?.url).toBe('https://ims.example.com/v2/images/a%2Fb%20c');
    expect(result).toEqual(image);
  });

  it('rejects an answer that is not an image, naming the field', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ ...createImage(), status: 7 }));
    const error = await createImsClient(testConnection(fetch))
      .getImage('x')
      .then(
        () => undefined,
        (reason: unknown) => reason,
      );
    expect(error).toMatchObject({ kind: 'malformed-response' });
    expect((error as Error).message).toContain('status');
  });
});

describe('legacy views', () => {
  it('lists compute images under the compute endpoint and project, v2 by default', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(NOVA_LIST_EXAMPLE_RESPONSE));
    const client = createImsClient(testConnection(fetch));
    const list = await client.listComputeImages({ name: 'image1' });
    expect(requests[0]?.url).toBe('https://ecs.example.com/v2/p1/images?name=image1');
    expect(list).toEqual(NOVA_LIST_EXAMPLE_RESPONSE);
  });

  it('lists compute image details under v2.1 when asked', async () => {
    const body = { images: [NOVA_DETAIL_EXAMPLE_ENTRY] };
    const { fetch, requests } = fakeFetch(() => jsonResponse(body));
    const client = createImsClient(testConnection(fetch, { projectId: 'proj 9' }));
    const list = await client.listComputeImageDetails({ minDisk: 2 }, { version: 'v2.1' });
    expect(requests[0]?.url).toBe('https://ecs.example.com/v2.1/proj%209/images/detail?minDisk=2');
    expect(list).toEqual(body);
  });

  it('lists Glance v1 details under the image endpoint', async () => {
    const { fetch, requests } = fakeFetch(() => jsonResponse(GLANCE_V1_EXAMPLE_RESPONSE));
    const client = createImsClient(testConnection(fetch, { getToken: () => 'tok' }));
    const list = await client.listGlanceV1ImageDetails({ disk_format: 'qcow2' });
    expect(requests[0]?.url).toBe('https://ims.example.com/v1.1/images/detail?disk_format=qcow2');
    expect(requests[0]?.headers.get('X-Auth-Token')).toBe('tok');
    expect(list).toEqual(GLANCE_V1_EXAMPLE_RESPONSE);
  });

  it('rejects a compute list whose entries lack links', async () => {
    const { fetch } = fakeFetch(() => jsonResponse({ images: [{ id: 'x', name: 'y' }] }));
    await expect(createImsClient(testConnection(fetch)).listComputeImages({})).rejects.toMatchObject({
      kind: 'malformed-response',
      problem: expect.stringContaining('images.0.links'),
    });
  });
});
