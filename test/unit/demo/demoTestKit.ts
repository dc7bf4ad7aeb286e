// The demo catalogue the emulator tests share, requests against it, and a deliberately naive oracle:
// what Glance should list, computed straight from the catalogue without the emulator's index.
import type { Image, MemberStatus } from '../../../src/api/imageTypes';
import { generateCatalogue } from '../../../src/demo/catalogue';
import { createEmulator, type Emulator, type EmulatorResponse } from '../../../src/demo/emulator';

export const ORIGIN = 'http://demo.test';
export const catalogue = generateCatalogue();
export const VIEWER = catalogue.viewerProjectId;

const sharedEmulator = createEmulator({ catalogue });

export interface CallOptions {
  accept?: string;
  method?: string;
  emulator?: Emulator;
}

export function call(
  path: string,
  { accept = 'application/json', method = 'GET', emulator = sharedEmulator }: CallOptions = {},
): EmulatorResponse {
  return emulator.handle({ method, url: `${ORIGIN}${path}`, headers: new Headers({ Accept: accept }) });
}

export interface ListBody {
  images: Image[];
  first: string;
  next?: string;
  schema: string;
}

/** GET /v2/images?query, expecting 200. */
export function list(query: string): ListBody {
  const response = call(`/v2/images${query ? `?${query}` : ''}`);
  if (response.status !== 200) throw new Error(`${query}: ${response.status} ${response.body}`);
  return JSON.parse(response.body) as ListBody;
}

/** Every page of GET /v2/images?query, following `next` until an empty or short page. */
export function listAll(query: string, limit = 1000): Image[] {
  const images: Image[] = [];
  let body = list(`${query}${query ? '&' : ''}limit=${limit}`);
  images.push(...body.images);
  while (body.next) {
    body = list(body.next.slice('/v2/images?'.length));
    images.push(...body.images);
  }
  return images;
}

export function ids(images: readonly Image[]): string[] {
  return images.map((image) => image.id);
}

/** The image as it travels: JSON drops unset fields. */
export function wire<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function findImage(description: string, predicate: (image: Image) => boolean): Image {
  const image = catalogue.images.find(predicate);
  if (!image) throw new Error(`The demo catalogue has no ${description}`);
  return image;
}

// The oracle ---------------------------------------------------------------------------------------------

export function viewerMemberStatus(image: Image): MemberStatus | undefined {
  return catalogue.members.get(image.id)?.get(VIEWER);
}

/** Public, the viewer's own, or shared with the viewer: what it may see at all. */
export function visibleToViewer(image: Image): boolean {
  return image.visibility === 'public' || image.owner === VIEWER || viewerMemberStatus(image) !== undefined;
}

/** Default listing: public, own, and shared-with-viewer images the viewer accepted; never killed ones. */
export function listedByDefault(image: Image): boolean {
  return (
    image.status !== 'killed' &&
    (image.visibility === 'public' || image.owner === VIEWER || viewerMemberStatus(image) === 'accepted')
  );
}

type Field =
  'name' | 'status' | 'container_format' | 'disk_format' | 'size' | 'id' | 'created_at' | 'updated_at';

/** Sorts by [field, dir] pairs, nulls first ascending. */
export function sortedBy(
  images: readonly Image[],
  order: readonly (readonly [Field, 'asc' | 'desc'])[],
): Image[] {
  const value = (image: Image, field: Field) => image[field] ?? null;
  return [...images].sort((a, b) => {
    for (const [field, dir] of order) {
      const x = value(a, field);
      const y = value(b, field);
      if (x === y) continue;
      const ascending = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
      return dir === 'asc' ? ascending : -ascending;
    }
    return 0;
  });
}

export function newestFirst(images: readonly Image[]): Image[] {
  return sortedBy(images, [
    ['created_at', 'desc'],
    ['id', 'desc'],
  ]);
}

/** The default listing's ids, newest first, narrowed by `predicate`. */
export function expectedIds(predicate: (image: Image) => boolean = () => true): string[] {
  return ids(newestFirst(catalogue.images.filter((image) => listedByDefault(image) && predicate(image))));
}
