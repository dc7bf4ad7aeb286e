// The Glance test/live/globalSetup.ts started for this run, as a test file sees it.
import { inject } from 'vitest';
import type { GlanceEndpoint } from './glanceServer';

/**
 * Where the run's Glance is and its tokens; undefined where Glance could not run here (the globalSetup has
 * said why, or failed the run under IMS_REQUIRE_SERVERS=1): skip the tests that need it.
 */
export function liveGlance(): GlanceEndpoint | undefined {
  const glance = inject('glance');
  return 'skipped' in glance ? undefined : glance;
}
