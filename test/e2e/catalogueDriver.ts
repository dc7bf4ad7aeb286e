// What the catalogue's browser tests share: the build served as static files under /catalogue/, one Chromium
// per test file, a fresh page per test, and a record of every API request each page makes. After every test,
// each /v2/images request is checked to carry documented parameters only, and (in demo mode) every API call
// to have been answered by the service worker.
import { SENT_QUERY_PARAMETERS } from '../../src/api/imageTypes';
import type { Browser, Locator, Page, Request, Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { putTokenInSession } from '../support/sessionToken';
import { startStaticServer, type StaticServer } from '../support/staticServer';
import { launchChromium } from './chromium';
import { DEMO_IMAGES } from './demoData';

export const PREFIX = '/catalogue/';

/** Waits for what the app does in reaction to a step: generous, as the machine may be busy. */
export const WAIT = { timeout: 15_000 } as const;

/**
 * The 32 query parameters GET /v2/images documents, and the two documented image properties the app
 * filters on server-side (Glance filters any other key by exact match).
 */
export const DOCUMENTED_LIST_PARAMETERS: ReadonlySet<string> = new Set(SENT_QUERY_PARAMETERS);

/** Glance v2, compute v2/v2.1 and Glance v1.1 paths: what the demo service worker answers. */
const API_PATH = /^\/(?:v2|v2\.1|v1\.1)\//;

/** What every list request of the default view carries besides its scope and filters. */
export const DEFAULT_LIST_QUERY = { limit: '100', sort_key: 'created_at', sort_dir: 'desc' } as const;

export interface ApiCall {
  readonly url: URL;
  readonly request: Request;
  /** Set once the answer's headers arrive. */
  response: Response | undefined;
  state: 'pending' | 'finished' | 'failed';
}

/** A query as sorted `name=value` lines: compared whole, any missing or extra parameter shows in the diff. */
export function queryLines(query: URLSearchParams | Readonly<Record<string, string>>): string[] {
  const entries = query instanceof URLSearchParams ? [...query] : Object.entries(query);
  return entries.map(([name, value]) => `${name}=${value}`).sort();
}

export interface RenderedRow {
  id: string;
  /** Position in the whole list, from aria-rowindex (the header row is 1). */
  index: number;
  /** Cell text by column header, lines joined with a newline. */
  cells: Record<string, string>;
}

export type DemoConfig = Readonly<Record<string, unknown>>;

export interface OpenOptions {
  /** The query string, with or without `?`. */
  search?: string;
  /** Served as config.json instead of a demo backend of DEMO_IMAGES images. */
  config?: DemoConfig;
  /** Whether to wait for the first rows (default true). */
  waitForRows?: boolean;
  /** A token already in this tab's sessionStorage, as after entering it and reloading. */
  sessionToken?: string;
}

export class CataloguePage {
  readonly calls: ApiCall[] = [];
  readonly grid: Locator;
  /** The filter sidebar (a search landmark). */
  readonly filters: Locator;
  readonly dialog: Locator;
  /** The row count line above the grid. */
  readonly rowCount: Locator;

  constructor(
    readonly page: Page,
    readonly demo: boolean,
  ) {
    this.grid = page.getByRole('grid', { name: 'Images' });
    this.filters = page.getByRole('search', { name: 'Filters' });
    this.dialog = page.getByRole('dialog');
    this.rowCount = page
      .getByRole('status')
      .filter({ hasText: /^(?:[\d,]+ (?:loaded · more available|images)|Loading images…|Updating…)$/ });
    const byRequest = new Map<Request, ApiCall>();
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!API_PATH.test(url.pathname)) return;
      const call: ApiCall = { url, request, response: undefined, state: 'pending' };
      byRequest.set(request, call);
      this.calls.push(call);
    });
    page.on('response', (response) => {
      const call = byRequest.get(response.request());
      if (call) call.response = response;
    });
    page.on('requestfinished', (request) => {
      const call = byRequest.get(request);
      if (call) call.state = 'finished';
    });
    page.on('requestfailed', (request) => {
      const call = byRequest.get(request);
      if (call) call.state = 'failed';
    });
  }

  /** GET /v2/images requests, in the order they were made. */
  listCalls(): ApiCall[] {
    return this.calls.filter((call) => call.url.pathname === '/v2/images');
  }

  /** GET /v2/images/{id} requests. */
  imageCalls(): ApiCall[] {
    return this.calls.filter((call) => /^\/v2\/images\/[^/]+$/.test(call.url.pathname));
  }

  lastListCall(): ApiCall {
    const call = this.listCalls().at(-1);
    if (!call) throw new Error('No GET /v2/images request was made');
    return call;
  }

  /** The ids of a list answer, in order. */
  async answeredIds(call: ApiCall): Promise<string[]> {
    const response = call.response ?? (await call.request.response());
    if (!response) throw new Error(`No answer to ${call.url.href}`);
    const body = (await response.json()) as { images: { id: string }[] };
    return body.images.map((image) => image.id);
  }

  /** Two frames and a task: React has committed and run its effects for what was on screen. */
  async nextFrames(): Promise<void> {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))),
        ),
    );
  }

  /** No API request is on its way and the app has rendered every answer. */
  async settle(): Promise<void> {
    await this.nextFrames();
    await expect.poll(() => this.calls.filter((call) => call.state === 'pending').length, WAIT).toBe(0);
    await this.nextFrames();
  }

  /**
   * Runs `step` and expects it to send exactly one API request (checked once the app has settled, so a
   * second request would be counted too); returns that request.
   */
  async expectOneApiRequest(step: () => Promise<void>): Promise<ApiCall> {
    return this.expectOne(step, () => this.calls, 'API');
  }

  /** As expectOneApiRequest, for GET /v2/images; other API requests are not counted. */
  async expectOneListRequest(step: () => Promise<void>): Promise<ApiCall> {
    return this.expectOne(step, () => this.listCalls(), 'list');
  }

  private async expectOne(step: () => Promise<void>, counted: () => ApiCall[], what: string) {
    const before = counted().length;
    await step();
    await expect.poll(() => counted().length, WAIT).toBeGreaterThan(before);
    await this.settle();
    const sent = counted().slice(before);
    expect(
      sent.map((call) => `${call.url.pathname}${call.url.search}`),
      `one ${what} request for the step`,
    ).toHaveLength(1);
    return sent[0] as ApiCall;
  }

  /** Runs `step` and expects it to send no API request at all. */
  async expectNoApiRequest(step: () => Promise<void>): Promise<void> {
    const before = this.calls.length;
    await step();
    await this.settle();
    expect(this.calls.slice(before).map((call) => call.url.href)).toEqual([]);
  }

  /** Waits for rows of a settled list: not loading, not showing the previous view's rows. */
  async waitForRows(): Promise<void> {
    await expect.poll(() => this.grid.getAttribute('aria-busy'), WAIT).toBe('false');
    await this.grid.locator('tbody tr[aria-rowindex]').first().waitFor(WAIT);
  }

  /** The rows in the DOM, in list order, with their cells keyed by column header. */
  async rows(): Promise<RenderedRow[]> {
    return this.grid.evaluate((table: HTMLTableElement) => {
      const headers = [...table.querySelectorAll('thead th')].map((th) =>
        (th.textContent ?? '').replace(/[▲▼↕]/g, '').trim(),
      );
      return [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[aria-rowindex]')]
        .map((row) => ({
          id: row.id.replace(/^image-row-/, ''),
          index: Number(row.getAttribute('aria-rowindex')) - 2,
          cells: Object.fromEntries(
            [...row.cells].map((cell, column) => [headers[column] ?? String(column), cell.innerText.trim()]),
          ),
        }))
        .sort((a, b) => a.index - b.index);
    });
  }

  async rowIds(): Promise<string[]> {
    return (await this.rows()).map((row) => row.id);
  }

  /** The first line of the Name cell of each rendered row. */
  async rowNames(): Promise<string[]> {
    return (await this.rows()).map((row) => (row.cells.Name ?? '').split('\n')[0] ?? '');
  }

  /** Every `tr` in the document. */
  async domRowCount(): Promise<number> {
    return this.page.locator('tr').count();
  }

  /** The grid's scrolling box: its nearest scrollable ancestor. */
  async scrollGrid(to: number | 'bottom'): Promise<void> {
    await this.grid.evaluate((table, target) => {
      let box = table.parentElement;
      while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
      if (!box) throw new Error('The grid has no scrolling box');
      box.scrollTop = target === 'bottom' ? box.scrollHeight : target;
    }, to);
  }

  async gridScrollTop(): Promise<number> {
    return this.grid.evaluate((table) => {
      let box = table.parentElement;
      while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement;
      return box?.scrollTop ?? Number.NaN;
    });
  }

  /** The page's query string without `?`. */
  search(): string {
    return new URL(this.page.url()).search.replace(/^\?/, '');
  }

  searchParams(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }

  async isFocused(locator: Locator): Promise<boolean> {
    return locator.evaluate((element) => element === document.activeElement);
  }

  /** The grid's column headers, in order. */
  async columnLabels(): Promise<string[]> {
    const labels = await this.grid.getByRole('columnheader').allTextContents();
    return labels.map((label) => label.replace(/[▲▼↕]/g, '').trim());
  }

  /** A header cell of the grid by its label. */
  columnHeader(label: string): Locator {
    return this.grid.getByRole('columnheader', { name: label, exact: true });
  }

  /** Clicks a column's sort button. */
  async sortBy(label: string): Promise<void> {
    await this.grid.getByRole('button', { name: label, exact: true }).click();
  }

  scopeTab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Scope' }).getByRole('tab', { name, exact: true });
  }

  memberStatusButton(name: 'Accepted' | 'Pending' | 'Rejected'): Locator {
    return this.page.getByRole('group', { name: 'Member status' }).getByRole('button', { name, exact: true });
  }

  /** A sidebar control by its label. */
  filter(label: string): Locator {
    return this.filters.getByLabel(label, { exact: true });
  }

  /**
   * Clicks a sidebar checkbox and waits for it to show the new state. (Playwright's check() reads the box
   * right after the click; the app applies it in a navigation transition, a moment later.)
   */
  async toggle(label: string, on: boolean): Promise<void> {
    const box = this.filter(label);
    expect(await box.isChecked(), `${label} before the click`).toBe(!on);
    await box.click();
    await expect.poll(() => box.isChecked(), WAIT).toBe(on);
  }

  /** The labels of the active filter chips, read from their remove buttons. */
  async chipLabels(): Promise<string[]> {
    const buttons = this.page.getByRole('list', { name: 'Active filters' }).getByRole('button');
    const labels = await buttons.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    return labels.map((label) => label.replace(/^Remove filter /, ''));
  }

  /** A chip's remove button. */
  removeChip(label: string): Locator {
    return this.page
      .getByRole('list', { name: 'Active filters' })
      .getByRole('button', { name: `Remove filter ${label}`, exact: true });
  }

  /** What aria-describedby says about an element. */
  async description(locator: Locator): Promise<string> {
    return locator.evaluate((element) =>
      (element.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' '),
    );
  }
}

export interface CatalogueSuite {
  readonly server: StaticServer;
  readonly browser: Browser;
  /** A fresh page on the built app under /catalogue/; closed after the test. */
  open(options?: OpenOptions): Promise<CataloguePage>;
}

/** Registers the file's hooks: a server and a browser for the file, a fresh checked page per test. */
export function setUpCatalogueSuite(): CatalogueSuite {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  let opened: CataloguePage[] = [];

  beforeAll(async () => {
    server = await startStaticServer(inject('distDir'), PREFIX);
    browser = await launchChromium(inject('chromePath'));
  });

  afterEach(async () => {
    const pages = opened;
    opened = [];
    try {
      for (const catalogue of pages) {
        for (const call of catalogue.listCalls()) {
          const undocumented = [...call.url.searchParams.keys()].filter(
            (name) => !DOCUMENTED_LIST_PARAMETERS.has(name),
          );
          expect(undocumented, `undocumented parameters in ${call.url.search}`).toEqual([]);
        }
        if (catalogue.demo) {
          const notFromWorker = catalogue.calls
            .filter((call) => call.response && !call.response.fromServiceWorker())
            .map((call) => call.url.href);
          expect(notFromWorker, 'API calls the demo service worker did not answer').toEqual([]);
        }
      }
    } finally {
      await Promise.all(pages.map((catalogue) => catalogue.page.context().close()));
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const suite: CatalogueSuite = {
    get server() {
      if (!server) throw new Error('The server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser starts in beforeAll');
      return browser;
    },
    async open({ search = '', config, waitForRows = true, sessionToken }: OpenOptions = {}) {
      const context = await suite.browser.newContext({ viewport: { width: 1400, height: 900 } });
      if (sessionToken) await putTokenInSession(context, sessionToken);
      const page = await context.newPage();
      const served = config ?? { backend: 'demo', demo: { images: DEMO_IMAGES } };
      await page.route('**/config.json', (route) => route.fulfill({ json: served }));
      const catalogue = new CataloguePage(page, served.backend === 'demo');
      opened.push(catalogue);
      const query = search.replace(/^\?/, '');
      await page.goto(`${suite.server.url}${query ? `?${query}` : ''}`);
      if (waitForRows) await catalogue.waitForRows();
      return catalogue;
    },
  };
  return suite;
}
