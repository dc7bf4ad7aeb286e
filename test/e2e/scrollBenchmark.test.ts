// A benchmark that prints figures, not a timed test: how soon the first rows show after the list
// response, and how 100,000 loaded rows scroll in real Chromium. It asserts only what cannot flake:
// every row loaded, one request per page, and a DOM that stays small.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../support/staticServer';
import { launchChromium } from './chromium';

/** About 70% of the demo catalogue is visible to the demo project: this gives over 100,000 rows. */
const CATALOGUE_IMAGES = 145_000;
const TARGET_ROWS = 100_000;
const PAGE_SIZE = 100;
const MAX_DOM_NODES = 1_500;

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer(inject('distDir'), '/');
  browser = await launchChromium(inject('chromePath'));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Records, from the very start, when the first body row enters the DOM. */
function watchFirstRow() {
  const win = window as unknown as { firstRowAt?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('tbody.grid-body:not(.grid-skeleton) tr')) {
      win.firstRowAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}

async function firstRowsDelay(page: Page): Promise<number> {
  return page.evaluate(() => {
    const [response] = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname === '/v2/images') as PerformanceResourceTiming[];
    const firstRowAt = (window as unknown as { firstRowAt?: number }).firstRowAt;
    return response && firstRowAt ? firstRowAt - response.responseEnd : Number.NaN;
  });
}

interface ScrollFigures {
  frames: number;
  meanFrameMs: number;
  p95FrameMs: number;
  maxNodes: number;
}

/** Scrolls `pixelsPerFrame` on every animation frame for `frames` frames, timing each frame. */
function scrollAndTime(page: Page, pixelsPerFrame: number, frames: number): Promise<ScrollFigures> {
  return page.evaluate(
    async ({ pixelsPerFrame, frames }) => {
      const scroller = document.querySelector<HTMLElement>('.grid-scroll');
      if (!scroller) throw new Error('no grid');
      scroller.scrollTop = 0;
      const durations: number[] = [];
      let maxNodes = 0;
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let frame = 0; frame < frames; frame += 1) {
        scroller.scrollTop += pixelsPerFrame;
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        durations.push(now - last);
        last = now;
        maxNodes = Math.max(maxNodes, document.getElementsByTagName('*').length);
      }
      durations.sort((a, b) => a - b);
      return {
        frames: durations.length,
        meanFrameMs: durations.reduce((sum, duration) => sum + duration, 0) / durations.length,
        p95FrameMs: durations[Math.floor(durations.length * 0.95)] ?? 0,
        maxNodes,
      };
    },
    { pixelsPerFrame, frames },
  );
}

function describeScroll(label: string, figures: ScrollFigures): string {
  const fps = (1000 / figures.meanFrameMs).toFixed(0);
  return (
    `${label}: ${figures.frames} frames, mean ${figures.meanFrameMs.toFixed(1)} ms (${fps} fps), ` +
    `p95 ${figures.p95FrameMs.toFixed(1)} ms, DOM nodes at most ${figures.maxNodes}`
  );
}

it(`loads ${TARGET_ROWS.toLocaleString('en-US')}+ rows page by page and scrolls them with a small DOM`, async () => {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  let listRequests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v2/images') listRequests += 1;
  });
  await page.route('**/config.json', (route) =>
    route.fulfill({ json: { backend: 'demo', demo: { images: CATALOGUE_IMAGES } } }),
  );
  await page.addInitScript(watchFirstRow);
  await page.goto(server.url);
  await page.waitForSelector('tbody.grid-body:not(.grid-skeleton) tr', { timeout: 60_000 });
  const firstRowsMs = await firstRowsDelay(page);

  // Keep the viewport at the bottom until the list ends: each page is asked for ahead of it.
  const loadStarted = Date.now();
  const loaded = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.grid-scroll');
    const count = () => document.querySelector('.row-count')?.textContent ?? '';
    while (scroller && !/^[\d,]+ images$/.test(count())) {
      scroller.scrollTop = scroller.scrollHeight;
      await new Promise((resolve) => setTimeout(resolve, 4));
    }
    return count();
  });
  const loadSeconds = (Date.now() - loadStarted) / 1000;

  // A mouse wheel moves a few rows a frame; a fling moves a whole screen a frame.
  const wheel = await scrollAndTime(page, 240, 600);
  const fling = await scrollAndTime(page, 900, 300);
  const heapMb = await page.evaluate(
    () =>
      ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) /
      2 ** 20,
  );

  const rows = Number(loaded.replace(/\D/g, ''));
  console.info(
    [
      `first rows after the list response: ${firstRowsMs.toFixed(1)} ms`,
      `${loaded} loaded in ${loadSeconds.toFixed(1)} s with ${listRequests} list requests`,
      describeScroll('wheel scroll (240 px/frame)', wheel),
      describeScroll('fling scroll (900 px/frame)', fling),
      `JS heap (demo catalogue included): ${heapMb.toFixed(0)} MB`,
    ].join('\n'),
  );
  expect(rows).toBeGreaterThanOrEqual(TARGET_ROWS);
  // One request per page; a full last page is followed by the empty page that ends the list.
  expect(listRequests).toBe(Math.floor(rows / PAGE_SIZE) + 1);
  expect(Math.max(wheel.maxNodes, fling.maxNodes)).toBeLessThanOrEqual(MAX_DOM_NODES);
  await page.close();
}, 900_000);
