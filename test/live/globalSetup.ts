// Once per run of the browser and server tests: a real OpenStack Glance on loopback, seeded with the seed
// plan, for every live test file. Where Glance cannot run (not root, no apt-get), the live tests are
// skipped with a line saying why, unless IMS_REQUIRE_SERVERS=1 (as .ci/run sets): then the run fails.
import type { TestProject } from 'vitest/node';
import { findGlance, startGlance, type GlanceEndpoint } from './glanceServer';
import { skipOrFail } from '../support/requiredServers';
import { seedGlance } from './seedGlance';

/** What the live tests get of the started Glance: where it is and its tokens, or why there is none. */
export type LiveGlance = GlanceEndpoint | { skipped: string };

declare module 'vitest' {
  export interface ProvidedContext {
    glance: LiveGlance;
  }
}

export default async function setup(project: TestProject) {
  const availability = findGlance();
  if (!availability.ok) {
    skipOrFail('The live Glance tests', availability.reason);
    project.provide('glance', { skipped: availability.reason });
    return undefined;
  }
  const glance = await startGlance();
  try {
    await seedGlance(glance);
  } catch (error) {
    await glance.stop();
    throw error;
  }
  const { url, tokens, databasePath } = glance;
  project.provide('glance', { url, tokens, databasePath });
  return () => glance.stop();
}
