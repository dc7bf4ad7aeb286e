// Figures for the bar: how much JavaScript a live start-up downloads, and that no demo code is in it.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, inject, it } from 'vitest';

const START_UP_BUDGET_GZIP_BYTES = 130 * 1024;

/** The entry script and every module it preloads: what the browser fetches before anything lazy. */
async function startupScripts(distDir: string): Promise<string[]> {
  const html = await readFile(join(distDir, 'index.html'), 'utf8');
  const references = [
    ...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+)"/g),
  ];
  return references.map((match) => match[1] ?? '').filter((src) => src.endsWith('.js'));
}

it('keeps the start-up JavaScript within budget and free of the demo backend', async () => {
  const distDir = inject('distDir');
  const scripts = await startupScripts(distDir);
  expect(scripts.length).toBeGreaterThan(0);

  let gzipBytes = 0;
  for (const script of scripts) {
    const code = await readFile(join(distDir, script), 'utf8');
    gzipBytes += gzipSync(code, { level: 9 }).length;
    // Markers of the demo chunk: MSW's log prefix and the demo catalogue's image names.
    expect(code, `${script} must not contain msw`).not.toContain('[MSW]');
    expect(code, `${script} must not contain the demo catalogue`).not.toContain('Datacenter');
  }
  console.info(`start-up JavaScript: ${scripts.length} file(s), ${(gzipBytes / 1024).toFixed(1)} KB gzip`);
  expect(gzipBytes).toBeLessThanOrEqual(START_UP_BUDGET_GZIP_BYTES);
});

it('publishes no source maps: no map file in the build, and no script points to one', async () => {
  const distDir = inject('distDir');
  const files = await readdir(distDir, { recursive: true });
  expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
  for (const file of files.filter((name) => name.endsWith('.js') || name.endsWith('.css'))) {
    expect(await readFile(join(distDir, file), 'utf8'), file).not.toContain('sourceMappingURL');
  }
});
