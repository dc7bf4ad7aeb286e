import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { imsDevProxy } from './devProxy.js';

export default defineConfig({
  // Relative asset URLs: one build runs from any path prefix of any static host.
  base: './',
  // With IMS_ENDPOINT set, `npm start` proxies the API to it and serves a live config.json (devProxy.ts).
  plugins: [react(), imsDevProxy()],
  server: { port: 5173, strictPort: false },
  // No source maps by default: the copy step ships all of dist/, and maps would publish the source. For an
  // error tracker, `npx vite build --sourcemap hidden` writes maps no file points to; keep them out of the copy.
  build: { target: 'es2022', sourcemap: false },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/dom/**/*.test.tsx'],
          setupFiles: ['test/dom/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts', 'test/live/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts', 'test/live/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
