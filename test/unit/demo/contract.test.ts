// The image API contract (test/contract) on the demo emulator, over the live tests' seed as the demo would
// hold it; and over the same seed with the statuses and visibility Glance's seed cannot hold (deleted,
// killed, saving, deactivated, community), so that those rules of the demo are checked too.
import type { Image } from '../../../src/api/imageTypes';
import type { Catalogue } from '../../../src/demo/catalogue';
import { defineImageApiContract, demoBackend } from '../../contract/imageApiContract';
import { SEED_PROJECTS, seedCatalogue } from '../../live/seedPlan';

const OTHER_STATUSES = ['deleted', 'killed', 'saving', 'deactivated'] as const;

/** Every seventh image in another status; the peer's first private image made community. */
function withOtherStatuses(catalogue: Catalogue): Catalogue {
  const community = catalogue.images.find(
    (image) => image.owner === SEED_PROJECTS.peer && image.visibility === 'private',
  );
  const images = catalogue.images.map((image, index): Image => {
    const status =
      index % 7 === 3 ? OTHER_STATUSES[Math.floor(index / 7) % OTHER_STATUSES.length] : undefined;
    return {
      ...image,
      ...(status ? { status } : {}),
      ...(image === community ? { visibility: 'community' } : {}),
    };
  });
  return { ...catalogue, images };
}

defineImageApiContract('the image API contract on the demo emulator, over the seed', () =>
  demoBackend(seedCatalogue(), SEED_PROJECTS.peer),
);

defineImageApiContract('the image API contract on the demo emulator, over the seed in more statuses', () =>
  demoBackend(withOtherStatuses(seedCatalogue()), SEED_PROJECTS.peer),
);
