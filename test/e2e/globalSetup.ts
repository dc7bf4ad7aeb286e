// Once per run: find (or install) Chromium and build the app exactly as it ships.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    chromePath: string;
    distDir: string;
  }
}

/** Vitest runs with NODE_ENV=test, which would make Vite bundle React's development build. */
async function buildForProduction(outDir: string) {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export default async function setup(project: TestProject) {
  const chromePath = ensureChromium();
  const distDir = await mkdtemp(join(tmpdir(), 'ims-catalogue-dist-'));
  await buildForProduction(distDir);
  project.provide('chromePath', chromePath);
  project.provide('distDir', distDir);
  return () => rm(distDir, { recursive: true, force: true });
}
