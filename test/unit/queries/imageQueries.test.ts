import { QueryClient, InfiniteQueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/api/apiError';
import type { ImagePage, ImageQuery } from '../../../src/api/imageTypes';
import { createImsClient } from '../../../src/api/imsClient';
import { imageKeys, imageListQueryOptions } from '../../../src/queries/imageQueries';
import { retryDelay, shouldRetry } from '../../../src/queries/queryClient';
import { flattenPages } from '../../../src/queries/useImageList';
import { createImage } from '../../support/createImage';

function fakeClient(pages: Record<string, ImagePage>) {
  const calls: ImageQuery[] = [];
  const client = createImsClient({ endpoint: 'https://ims.test', computeEndpoint: '', projectId: 'p' });
  client.listImages = async (query) => {
    calls.push(query);
    const page = pages[query.marker ?? ''];
    if (!page) throw new Error(`no page for marker ${query.marker}`);
    return page;
  };
  return { client, calls };
}

describe('imageListQueryOptions', () => {
  it('keys the list by the typed query, never by the marker', () => {
    const { client } = fakeClient({});
    const options = imageListQueryOptions(client, { __platform: 'CentOS', limit: 50 });
    expect(options.queryKey).toEqual([
      'ims',
      'https://ims.test',
      'p',
      '',
      'images',
      'list',
      { __platform: 'CentOS', limit: 50 },
    ]);
    expect(JSON.stringify(options.queryKey)).not.toContain('marker');
    expect(imageKeys.detail(client, 'x')).toEqual([
      'ims',
      'https://ims.test',
      'p',
      '',
      'images',
      'detail',
      'x',
    ]);
  });

  it('keeps the caches of different API versions apart, and the same cache for a new token', () => {
    const base = { endpoint: 'https://ims.test', computeEndpoint: '', projectId: 'p' };
    const key = (connection: Parameters<typeof createImsClient>[0]) =>
      JSON.stringify(imageKeys.lists(createImsClient(connection)));
    expect(key({ ...base, apiVersion: 'Q' })).not.toBe(key(base));
    expect(key({ ...base, projectId: 'p2' })).not.toBe(key(base));
    expect(key({ ...base, getToken: () => 'another' })).toBe(key(base));
  });

  it('asks each next page with the same query plus the marker of the previous one, once each', async () => {
    const { client, calls } = fakeClient({
      '': { images: [createImage({ id: 'a' })], nextMarker: 'a' },
      a: { images: [createImage({ id: 'b' })], nextMarker: undefined },
    });
    const queryClient = new QueryClient();
    const observer = new InfiniteQueryObserver(
      queryClient,
      imageListQueryOptions(client, { tag: ['x', 'y'] }),
    );
    await observer.refetch();
    await observer.fetchNextPage();
    const result = observer.getCurrentResult();
    expect(result.hasNextPage).toBe(false);
    expect(flattenPages(result.data?.pages).map((image) => image.id)).toEqual(['a', 'b']);
    expect(calls).toEqual([{ tag: ['x', 'y'] }, { tag: ['x', 'y'], marker: 'a' }]);
  });
});

describe('flattenPages', () => {
  it('keeps each image once, at its first place, even when pages overlap', () => {
    const page = (...ids: string[]) => ({ images: ids.map((id) => createImage({ id })) });
    expect(flattenPages([page('a', 'b'), page('b', 'c'), page('a', 'd')]).map((image) => image.id)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(flattenPages(undefined)).toEqual([]);
  });
});

describe('retry policy', () => {
  const error = (kind: ApiError['kind'], extra: { retryAfterSeconds?: number } = {}) =>
    new ApiError({ kind, method: 'GET', url: '/v2/images', ...extra });

  it.each([
    ['rate-limited', true],
    ['server-error', true],
    ['unavailable', true],
    ['network', true],
    ['timeout', true],
    ['bad-request', false],
    ['unauthorized', false],
    ['forbidden', false],
    ['not-found', false],
    ['malformed-response', false],
    ['aborted', false],
  ] as const)('%s is retried: %s', (kind, retried) => {
    expect(shouldRetry(0, error(kind))).toBe(retried);
  });

  it('gives up after two retries and never retries a plain Error', () => {
    expect(shouldRetry(2, error('unavailable'))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });

  it('waits as long as Retry-After says, else backs off exponentially up to 8 s', () => {
    expect(retryDelay(1, error('rate-limited', { retryAfterSeconds: 3 }))).toBe(3000);
    expect(retryDelay(0, error('unavailable'))).toBe(1000);
    expect(retryDelay(1, error('unavailable'))).toBe(2000);
    expect(retryDelay(10, error('unavailable'))).toBe(8000);
  });
});
