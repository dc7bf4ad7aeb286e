// The typed client of the four image APIs, bound to one connection.
import { getJson, type Connection, type RequestOptions } from './http';
import { imageUrl, imagesUrl, toImagePage } from './imageQuery';
import type { Image, ImagePage, ImageQuery } from './imageTypes';
import { computeImagesUrl, glanceV1ImagesUrl } from './legacyQuery';
import type {
  ComputeImage,
  ComputeImageDetail,
  ComputeImageList,
  ComputeImageQuery,
  ComputeVersion,
  GlanceV1ImageList,
  GlanceV1ImageQuery,
} from './legacyTypes';
import {
  parseComputeImageDetailList,
  parseComputeImageList,
  parseGlanceV1ImageList,
  parseImage,
  parseImageList,
} from './schemas';

export interface ComputeRequestOptions extends RequestOptions {
  version?: ComputeVersion;
}

export interface ImsClient {
  readonly connection: Connection;
  /** One page of GET /v2/images; the next page is asked for with this same query plus `nextMarker`. */
  listImages(query: ImageQuery, options?: RequestOptions): Promise<ImagePage>;
  getImage(id: string, options?: RequestOptions): Promise<Image>;
  listComputeImages(
    query: ComputeImageQuery,
    options?: ComputeRequestOptions,
  ): Promise<ComputeImageList<ComputeImage>>;
  listComputeImageDetails(
    query: ComputeImageQuery,
    options?: ComputeRequestOptions,
  ): Promise<ComputeImageList<ComputeImageDetail>>;
  listGlanceV1ImageDetails(query: GlanceV1ImageQuery, options?: RequestOptions): Promise<GlanceV1ImageList>;
}

export function createImsClient(connection: Connection): ImsClient {
  const { endpoint, computeEndpoint, projectId } = connection;
  return {
    connection,
    async listImages(query, options) {
      // Glance's own `next` link drops repeated tag/sort_key values, so the request is always rebuilt
      // from the typed query; only the marker is taken from the answer.
      const response = await getJson(connection, imagesUrl(endpoint, query), parseImageList, options);
      return toImagePage(response, query.marker);
    },
    getImage: (id, options) => getJson(connection, imageUrl(endpoint, id), parseImage, options),
    listComputeImages: (query, options = {}) =>
      getJson(
        connection,
        computeImagesUrl(computeEndpoint, projectId, query, 'list', options.version),
        parseComputeImageList,
        options,
      ),
    listComputeImageDetails: (query, options = {}) =>
      getJson(
        connection,
        computeImagesUrl(computeEndpoint, projectId, query, 'detail', options.version),
        parseComputeImageDetailList,
        options,
      ),
    listGlanceV1ImageDetails: (query, options) =>
      getJson(connection, glanceV1ImagesUrl(endpoint, query), parseGlanceV1ImageList, options),
  };
}
