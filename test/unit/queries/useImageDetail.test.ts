import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ImagePage } from '../../../src/api/imageTypes';
import { createImsClient } from '../../../src/api/imsClient';
import { imageDetailQueryOptions, imageListQueryOptions } from '../../../src/queries/imageQueries';
import { findCachedImage } from '../../../src/queries/useImageDetail';
import { createImage } from '../../support/createImage';

const client = createImsClient({ endpoint: 'https://ims.test', computeEndpoint: '', projectId: 'p' });

function cacheList(queryClient: QueryClient, query: object, pages: ImagePage[], updatedAt: number) {
  queryClient.setQueryData(
    imageListQueryOptions(client, query).queryKey,
    { pages, pageParams: pages.map(() => undefined) },
    { updatedAt },
  );
}

describe('findCachedImage', () => {
  it('finds an image on any page of any list view, in its freshest copy', () => {
    const queryClient = new QueryClient();
    const old = createImage({ id: 'x', name: 'old copy' });
    const fresh = createImage({ id: 'x', name: 'fresh copy' });
    cacheList(
      queryClient,
      { limit: 50 },
      [
        { images: [createImage({ id: 'a' })], nextMarker: 'a' },
        { images: [old], nextMarker: undefined },
      ],
      1_000,
    );
    cacheList(queryClient, { __platform: 'CentOS' }, [{ images: [fresh], nextMarker: undefined }], 2_000);
    cacheList(
      queryClient,
      { __platform: 'Ubuntu' },
      [{ images: [createImage({ id: 'y' })], nextMarker: undefined }],
      3_000,
    );

    expect(findCachedImage(queryClient, client, 'x')).toEqual({ image: fresh, updatedAt: 2_000 });
  });

  it('finds nothing for an image no list holds, or one held by another connection', () => {
    const queryClient = new QueryClient();
    const other = createImsClient({ endpoint: 'https://other.test', computeEndpoint: '', projectId: 'p' });
    cacheList(queryClient, {}, [{ images: [createImage({ id: 'x' })], nextMarker: undefined }], 1_000);
    queryClient.setQueryData(imageDetailQueryOptions(client, 'z').queryKey, createImage({ id: 'z' }));

    expect(findCachedImage(queryClient, client, 'missing')).toBeUndefined();
    expect(findCachedImage(queryClient, other, 'x')).toBeUndefined();
    expect(findCachedImage(queryClient, client, 'z')).toBeUndefined();
  });
});
