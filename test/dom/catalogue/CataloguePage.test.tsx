// The catalogue page as a whole, against MSW: states, paging, sorting, keyboard and URL state.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Image } from '../../../src/api/imageTypes';
import { createImage, imageId } from '../../support/createImage';
import { renderApp, setUpPageServer, TEST_ENDPOINT } from '../../support/renderWithClient';

const server = setUpPageServer();

const IMAGES_URL = `${TEST_ENDPOINT}/v2/images`;

/** A server of `count` images answering pages of `limit` after `marker`, recording every request. */
function pagedImages(count: number, overrides: (index: number) => Partial<Image> = () => ({})) {
  const images = Array.from({ length: count }, (_, index) =>
    createImage({ id: imageId(index + 1), name: `image-${index + 1}`, ...overrides(index) }),
  );
  const requests: URL[] = [];
  server.use(
    http.get(IMAGES_URL, ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      const limit = Number(url.searchParams.get('limit') ?? 25);
      const marker = url.searchParams.get('marker');
      const start = marker ? images.findIndex((image) => image.id === marker) + 1 : 0;
      const page = images.slice(start, start + limit);
      const full = page.length === limit;
      return HttpResponse.json({
        images: page,
        ...(full ? { next: `/v2/images?marker=${page.at(-1)?.id}` } : {}),
      });
    }),
  );
  return { images, requests };
}

const grid = () => screen.getByRole('grid', { name: 'Images' });

/** Scrolls the grid so that `row` (0-based) is the first one in view. */
function scrollToRow(row: number) {
  const scroller = grid().closest('.grid-scroll') as HTMLElement;
  scroller.scrollTop = row * 48;
  fireEvent.scroll(scroller);
}
const bodyRows = () => within(grid()).getAllByRole('row').slice(1);
const countLine = () => screen.getByText(/loaded|images$|Loading|Updating/, { selector: '.row-count' });

describe('the catalogue page', () => {
  it('shows a skeleton, then the first rows of the server-ordered list', async () => {
    server.use(
      http.get(IMAGES_URL, async () => {
        await delay(50);
        return HttpResponse.json({ images: [createImage({ id: 'a', name: 'CentOS 7.9 64bit' })] });
      }),
    );
    renderApp();
    expect(countLine()).toHaveTextContent('Loading images…');
    expect(grid()).toHaveAttribute('aria-busy', 'true');

    expect(await screen.findByText('CentOS 7.9 64bit')).toBeInTheDocument();
    expect(grid()).toHaveAttribute('aria-busy', 'false');
    expect(countLine()).toHaveTextContent('1 images');
    expect(screen.getByText('End of list · 1 images')).toBeInTheDocument();
  });

  it('renders only the rows in view, and asks for the next page once, before the bottom', async () => {
    const { requests } = pagedImages(250);
    renderApp();
    await screen.findByText('image-1');
    // 480 px of 48 px rows plus overscan: far fewer rows than loaded, and no page asked for yet.
    expect(bodyRows().length).toBeLessThan(30);
    await act(() => delay(50));
    expect(requests).toHaveLength(1);

    // Still 50 rows above the bottom of the loaded list: the next page is already on its way.
    scrollToRow(40);
    await waitFor(() => expect(requests).toHaveLength(2));
    scrollToRow(42);
    expect(requests.map((url) => url.searchParams.get('marker'))).toEqual([null, imageId(100)]);
    expect(requests.every((url) => url.searchParams.get('limit') === '100')).toBe(true);
    await waitFor(() => expect(countLine()).toHaveTextContent('200 loaded · more available'));
    // Nothing more is asked for until the user scrolls.
    await act(() => delay(50));
    expect(requests).toHaveLength(2);
  });

  it('says which filters emptied the list and resets them in one click', async () => {
    window.history.replaceState(null, '', '/?platform=CentOS&tag=env%3Dprod');
    const requests: URL[] = [];
    server.use(
      http.get(IMAGES_URL, ({ request }) => {
        const url = new URL(request.url);
        requests.push(url);
        return HttpResponse.json({
          images: url.searchParams.has('__platform') ? [] : [createImage({ name: 'any' })],
        });
      }),
    );
    renderApp();
    const empty = await screen.findByText('No images match this view');
    const panel = empty.closest('.empty-result') as HTMLElement;
    expect(panel).toHaveTextContent('Platform: CentOS');
    expect(panel).toHaveTextContent('Tag: env=prod');

    await userEvent.click(within(panel).getByRole('button', { name: 'Reset filters' }));
    expect(await screen.findByText('any')).toBeInTheDocument();
    expect(window.location.search).toBe('');
    expect(requests.at(-1)?.searchParams.has('__platform')).toBe(false);
  });

  it('shows the typed error with its request id, and retries on demand', async () => {
    let calls = 0;
    server.use(
      http.get(IMAGES_URL, () => {
        calls += 1;
        if (calls === 1) {
          return HttpResponse.json(
            { error: { code: 'IMS.0010', message: 'Service busy' } },
            { status: 503, headers: { 'X-Openstack-Request-Id': 'req-42' } },
          );
        }
        return HttpResponse.json({ images: [createImage({ id: 'b', name: 'Ubuntu 22.04 server 64bit' })] });
      }),
    );
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The images could not be listed');
    expect(alert).toHaveTextContent('unavailable (HTTP 503): Service busy');
    expect(alert).toHaveTextContent('IMS.0010');
    expect(alert).toHaveTextContent('req-42');

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Ubuntu 22.04 server 64bit')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  /** A first page of 100 images; every next page fails with `status`. Records the markers asked. */
  function failingNextPage(status: number) {
    const markers: (string | null)[] = [];
    server.use(
      http.get(IMAGES_URL, ({ request }) => {
        const marker = new URL(request.url).searchParams.get('marker');
        markers.push(marker);
        if (marker) {
          return HttpResponse.json(
            { message: `No image found with ID ${marker}`, code: `${status}`, title: 'Failed' },
            { status },
          );
        }
        return HttpResponse.json({
          images: Array.from({ length: 100 }, (_, index) =>
            createImage({ id: imageId(index), name: `kept-${index}` }),
          ),
          next: `/v2/images?marker=${imageId(99)}`,
        });
      }),
    );
    return markers;
  }

  it('keeps the loaded rows when the next page fails, asks it again only on Retry', async () => {
    const user = userEvent.setup();
    const markers = failingNextPage(500);
    renderApp();
    await screen.findByText('kept-0');
    scrollToRow(60);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The next page could not be loaded');
    expect(screen.getByText('kept-60')).toBeInTheDocument();
    expect(countLine()).toHaveTextContent('100 loaded · more available');
    // Scrolling on does not ask again: a failing page is not hammered.
    scrollToRow(70);
    scrollToRow(60);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(markers).toEqual([null, imageId(99)]);

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(markers).toEqual([null, imageId(99), imageId(99)]));
  });

  it('reloads the list from the top when the next page’s marker is gone (400)', async () => {
    const user = userEvent.setup();
    const markers = failingNextPage(400);
    renderApp();
    await screen.findByText('kept-0');
    scrollToRow(60);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the list changed on the server since it was loaded');
    expect(alert).toHaveTextContent(`No image found with ID ${imageId(99)}`);
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
    await user.click(within(alert).getByRole('button', { name: 'Reload the list' }));
    // From the top: the first page again, whose last image gives the marker to go on from.
    await waitFor(() => expect(markers.slice(0, 3)).toEqual([null, imageId(99), null]));
  });

  it('sorts on the server from a header, keeping the old rows until the new ones arrive', async () => {
    const { requests } = pagedImages(3);
    renderApp();
    await screen.findByText('image-1');
    const nameHeader = within(grid()).getByRole('columnheader', { name: /Name/ });
    expect(nameHeader).not.toHaveAttribute('aria-sort');

    await userEvent.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(requests.at(-1)?.searchParams.get('sort_key')).toBe('name'));
    expect(requests.at(-1)?.searchParams.get('sort_dir')).toBe('asc');
    expect(window.location.search).toBe('?sort=name:asc');
    await waitFor(() => expect(nameHeader).toHaveAttribute('aria-sort', 'ascending'));
    expect(screen.getByText('image-1')).toBeInTheDocument();

    await userEvent.click(within(nameHeader).getByRole('button'));
    await waitFor(() => expect(nameHeader).toHaveAttribute('aria-sort', 'descending'));
    // Columns the server cannot sort by offer no sort control.
    expect(
      within(within(grid()).getByRole('columnheader', { name: 'Platform / OS' })).queryByRole('button'),
    ).toBeNull();
  });

  it('moves between rows with the keyboard and opens the active one with Enter', async () => {
    pagedImages(5);
    server.use(http.get(`${TEST_ENDPOINT}/v2/images/:id`, () => HttpResponse.json(createImage())));
    renderApp();
    await screen.findByText('image-1');
    grid().focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}');
    const active = bodyRows().find((row) => row.getAttribute('aria-selected') === 'true');
    expect(active).toHaveTextContent('image-3');
    expect(grid()).toHaveAttribute('aria-activedescendant', active?.id);

    await userEvent.keyboard('{End}');
    expect(grid().getAttribute('aria-activedescendant')).toBe(`image-row-${imageId(5)}`);
    await userEvent.keyboard('{Home}{Enter}');
    expect(new URLSearchParams(window.location.search).get('image')).toBe(imageId(1));
  });

  it('drops what it cannot use from the address, says so, and shows the rest of the view', async () => {
    window.history.replaceState(null, '', '/?scope=public&platform=Plan9&bogus=1&sort=name:sideways');
    const { requests } = pagedImages(2);
    renderApp();
    await screen.findByText('image-1');
    const notice = screen
      .getByText('Some of the address could not be used')
      .closest('.notice') as HTMLElement;
    expect(notice).toHaveTextContent('platform "Plan9"');
    expect(notice).toHaveTextContent('unknown parameter "bogus"');
    expect(notice).toHaveTextContent('sort "name:sideways"');
    expect(window.location.search).toBe('?scope=public');
    const sent = requests[0]?.searchParams;
    expect(sent?.get('__imagetype')).toBe('gold');
    expect(sent?.has('__platform')).toBe(false);
    expect(sent?.has('bogus')).toBe(false);

    await userEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('Some of the address could not be used')).not.toBeInTheDocument();
  });

  it('shows and hides columns from the chooser, and keeps the choice in the address', async () => {
    pagedImages(1);
    renderApp();
    await screen.findByText('image-1');
    await userEvent.click(screen.getByText('Columns'));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Boot mode' }));
    expect(within(grid()).getByRole('columnheader', { name: 'Boot mode' })).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get('cols')).toContain('bootMode');
    expect(screen.getByRole('checkbox', { name: 'Name' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Default columns' }));
    expect(within(grid()).queryByRole('columnheader', { name: 'Boot mode' })).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('renders names from other tenants as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.hacked=1">';
    server.use(
      http.get(IMAGES_URL, () => HttpResponse.json({ images: [createImage({ id: 'h', name: hostile })] })),
    );
    const { container } = renderApp();
    expect(await screen.findByText(hostile)).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('tells which live endpoint it is connected to', async () => {
    server.use(http.get(IMAGES_URL, () => HttpResponse.json({ images: [] })));
    renderApp();
    expect(screen.getByText('Live endpoint · ims.test')).toBeInTheDocument();
    expect(await screen.findByText('No images are visible to this account.')).toBeInTheDocument();
  });

  it('asks the demo backend on this site’s own paths, whatever config.json names', async () => {
    server.use(http.get(`${window.location.origin}/v2/images`, () => HttpResponse.json({ images: [] })));
    renderApp({ backend: 'demo' });
    expect(screen.getByText('Demo backend')).toBeInTheDocument();
    expect(await screen.findByText('No images are visible to this account.')).toBeInTheDocument();
  });
});
