// What the demo backend holds, read straight from the generator (deterministic for a size): the browser
// tests check what the app shows against it, not against the app's own logic.
import type { Image, MemberStatus } from '../../src/api/imageTypes';
import { DEMO_PROJECT_ID, generateCatalogue } from '../../src/demo/catalogue';

export { DEMO_PROJECT_ID };

/** The catalogue size the tests' config.json asks for: several pages in every scope, quick to generate. */
export const DEMO_IMAGES = 1000;

const catalogue = generateCatalogue({ size: DEMO_IMAGES });
const byId = new Map(catalogue.images.map((image) => [image.id, image]));

export const demoImages: readonly Image[] = catalogue.images;

export function demoImage(id: string): Image {
  const image = byId.get(id);
  if (!image) throw new Error(`The demo catalogue has no image ${id}`);
  return image;
}

/** The demo user's answer to an image shared with it; undefined when it is no member of the image. */
export function viewerMemberStatus(id: string): MemberStatus | undefined {
  return catalogue.members.get(id)?.get(DEMO_PROJECT_ID);
}

/** What Glance lists without visibility or member_status: public images, the viewer's own, accepted shares. */
export function listedByDefault(image: Image): boolean {
  return (
    image.visibility === 'public' ||
    image.owner === DEMO_PROJECT_ID ||
    (image.visibility === 'shared' && viewerMemberStatus(image.id) === 'accepted')
  );
}
