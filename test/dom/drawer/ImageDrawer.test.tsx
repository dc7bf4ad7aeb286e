import '../dialogPolyfill';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { lazy, Suspense, useState } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Image } from '../../../src/api/imageTypes';
import {
  toComputeImage,
  toComputeImageDetail,
  toGlanceV1Image,
  type LegacyLinkContext,
} from '../../../src/api/legacyViews';
import ImageDrawer from '../../../src/features/drawer/ImageDrawer';
import { createImage, imageId } from '../../support/createImage';
import {
  createTestClient,
  createTestQueryClient,
  renderWithQueries,
  seedImageList,
  TEST_CONNECTION,
} from '../../support/renderWithQueries';

const { endpoint: IMS, computeEndpoint: ECS, projectId: PROJECT } = TEST_CONNECTION;
const CONTEXT: LegacyLinkContext = { computeEndpoint: ECS, imageEndpoint: IMS, projectId: PROJECT };

const server = setupServer();
const requests: string[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  requests.length = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());
server.events.on('request:start', ({ request }) => requests.push(request.url));

const IMAGE = createImage({
  id: imageId(1),
  name: 'CentOS 7.9 64bit',
  __description: 'Hardened build',
  __support_kvm: 'true',
  __support_agent_list: 'hss',
  __image_size: '10737418240',
  tags: ['team=platform', 'env=prod'],
});

/** Lets any request a render would start begin, so a test can tell none was made. */
async function settle() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 30)));
}

/** The drawer over a list page that already holds IMAGE (and another image), as the catalogue opens it. */
function openLoadedImage(id = IMAGE.id, image: Image = IMAGE) {
  const client = createTestClient();
  const queryClient = createTestQueryClient();
  seedImageList(queryClient, client, [
    { images: [createImage({ id: imageId(2), name: 'other' }), image], nextMarker: undefined },
  ]);
  const onClose = vi.fn();
  const view = renderWithQueries(<ImageDrawer imageId={id} onClose={onClose} />, { client, queryClient });
  return { ...view, onClose };
}

/** The pretty-printed records of a panel, in order. */
function jsonBlocks(panel: HTMLElement): (string | null)[] {
  return [...panel.querySelectorAll('pre')].map((block) => block.textContent);
}

async function openTab(name: string) {
  await userEvent.click(screen.getByRole('tab', { name }));
  return screen.getByRole('tabpanel');
}

describe('opening an image', () => {
  it('shows an image already in a loaded list page at once, without a request', async () => {
    openLoadedImage();
    expect(screen.getByRole('dialog', { name: 'CentOS 7.9 64bit' })).toBeVisible();
    expect(screen.getByText('Hardened build')).toBeInTheDocument();
    await settle();
    expect(requests).toEqual([]);
  });

  it('refreshes a list copy older than the stale time with one request', async () => {
    const client = createTestClient();
    const queryClient = createTestQueryClient();
    seedImageList(queryClient, client, [{ images: [IMAGE], nextMarker: undefined }], { ageMs: 60 * 60_000 });
    server.use(
      http.get(`${IMS}/v2/images/:id`, () => HttpResponse.json({ ...IMAGE, __description: 'Updated build' })),
    );
    renderWithQueries(<ImageDrawer imageId={IMAGE.id} onClose={vi.fn()} />, { client, queryClient });
    expect(screen.getByText('Hardened build')).toBeInTheDocument();
    expect(await screen.findByText('Updated build')).toBeInTheDocument();
    expect(requests).toEqual([`${IMS}/v2/images/${IMAGE.id}`]);
  });

  it('fetches a deep-linked image that no page holds, once', async () => {
    const deepLinked = createImage({ id: imageId(9), name: 'Ubuntu 22.04 server 64bit' });
    server.use(http.get(`${IMS}/v2/images/:id`, () => HttpResponse.json(deepLinked)));
    openLoadedImage(deepLinked.id);
    expect(screen.getByRole('dialog', { name: `Image ${deepLinked.id}` })).toBeVisible();
    expect(screen.getByRole('status')).toHaveTextContent('Loading image…');

    expect(await screen.findByRole('heading', { name: 'Ubuntu 22.04 server 64bit' })).toBeInTheDocument();
    await settle();
    expect(requests).toEqual([`${IMS}/v2/images/${deepLinked.id}`]);
  });

  it('says an unknown image does not exist or is not visible, and retries on demand', async () => {
    server.use(
      http.get(`${IMS}/v2/images/:id`, () =>
        HttpResponse.json(
          { code: 404, title: 'Not Found', message: 'No image found with ID gone' },
          { status: 404 },
        ),
      ),
    );
    openLoadedImage('gone');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("This image doesn't exist or isn't visible to this account");
    expect(alert).toHaveTextContent('No image found with ID gone');

    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(requests).toHaveLength(2));
  });

  it('names another failure for what it is', async () => {
    server.use(
      http.get(`${IMS}/v2/images/:id`, () => HttpResponse.json({ message: 'boom' }, { status: 500 })),
    );
    openLoadedImage('x');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The image could not be loaded');
    expect(alert).toHaveTextContent('The image service failed (HTTP 500): boom');
  });
});

describe('the dialog', () => {
  const LazyDrawer = lazy(() => import('../../../src/features/drawer/ImageDrawer'));

  /** A page with an opener button and the lazily loaded drawer, as the catalogue uses it. */
  function Page() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <button type="button" onClick={() => setOpen(true)}>
          Open image
        </button>
        {open ? (
          <Suspense fallback={null}>
            <LazyDrawer imageId={IMAGE.id} onClose={() => setOpen(false)} />
          </Suspense>
        ) : null}
      </>
    );
  }

  it('takes focus when it opens and gives it back to the opener when it closes', async () => {
    const client = createTestClient();
    const queryClient = createTestQueryClient();
    seedImageList(queryClient, client, [{ images: [IMAGE], nextMarker: undefined }]);
    renderWithQueries(<Page />, { client, queryClient });
    const opener = screen.getByRole('button', { name: 'Open image' });

    await userEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'CentOS 7.9 64bit' });
    expect(dialog).toHaveAttribute('open');
    expect(screen.getByRole('button', { name: 'Close image details' })).toHaveFocus();

    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it.each<[string, () => Promise<unknown>]>([
    ['Escape', () => userEvent.keyboard('{Escape}')],
    ['the close button', () => userEvent.click(screen.getByRole('button', { name: 'Close image details' }))],
    ['a click on the backdrop', () => userEvent.click(screen.getByRole('dialog'))],
  ])('asks to close on %s', async (_, close) => {
    const { onClose } = openLoadedImage();
    await close();
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('does not close on a click inside the panel, or a selection dragged out of it', async () => {
    const { onClose } = openLoadedImage();
    const text = screen.getByText('Hardened build');
    await userEvent.click(text);
    await userEvent.pointer([
      { keys: '[MouseLeft>]', target: text },
      { target: screen.getByRole('dialog') },
      { keys: '[/MouseLeft]', target: screen.getByRole('dialog') },
    ]);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('closes the native dialog when it is unmounted', () => {
    const { unmount } = openLoadedImage();
    const dialog = screen.getByRole('dialog') as HTMLDialogElement;
    unmount();
    expect(dialog.open).toBe(false);
  });
});

describe('the details', () => {
  it('shows the header, badges, sections and tags', () => {
    openLoadedImage();
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByText('active', { selector: '.status' })).toBeInTheDocument();
    expect(within(dialog).getByText(IMAGE.id, { selector: 'code' })).toBeInTheDocument();
    const badges = within(dialog).getByRole('list', { name: 'Capabilities' });
    expect(
      within(badges)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['KVM', 'Server security (HSS)']);

    const storage = within(dialog).getByRole('region', { name: 'Storage' });
    expect(within(storage).getByText('Size').nextSibling).toHaveTextContent('10.0 GB (10,737,418,240 bytes)');
    const tags = within(dialog).getByRole('region', { name: 'Tags' });
    expect(
      within(tags)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['team=platform', 'env=prod']);
  });

  it('moves between tabs with the arrow keys, Home and End', async () => {
    openLoadedImage();
    const details = screen.getByRole('tab', { name: 'Details' });
    expect(details).toHaveAttribute('aria-selected', 'true');
    details.focus();

    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Compute list' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'Compute list' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Compute list' })).toBeInTheDocument();

    await userEvent.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'JSON' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('tab', { name: 'JSON' })).toHaveAttribute('tabindex', '-1');
  });

  it('shows the raw JSON, and copies it and the id', async () => {
    const user = userEvent.setup();
    openLoadedImage();

    await user.click(screen.getByRole('button', { name: 'Copy image ID' }));
    expect(await navigator.clipboard.readText()).toBe(IMAGE.id);
    expect(screen.getByText('Copied')).toBeInTheDocument();

    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const json = JSON.stringify(IMAGE, null, 2);
    expect(
      within(screen.getByRole('tabpanel')).getByText(/"__description": "Hardened build"/).textContent,
    ).toBe(json);
    await user.click(screen.getByRole('button', { name: 'Copy JSON' }));
    expect(await navigator.clipboard.readText()).toBe(json);
  });

  it('says when the clipboard refuses', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(
      new DOMException('denied', 'NotAllowedError'),
    );
    openLoadedImage();
    await user.click(screen.getByRole('button', { name: 'Copy image ID' }));
    expect(await screen.findByText('Copy failed: select the text instead')).toBeInTheDocument();
  });

  it('renders a hostile name as text everywhere', async () => {
    const hostile = '<img src=x onerror=alert(1)>';
    openLoadedImage(imageId(3), createImage({ id: imageId(3), name: hostile, __description: hostile }));
    expect(screen.getByRole('dialog', { name: hostile })).toBeInTheDocument();
    expect(screen.getAllByText(hostile).length).toBeGreaterThanOrEqual(2);
    await openTab('Compute detail');
    await openTab('JSON');
    expect(document.querySelector('img')).toBeNull();
  });
});

describe('the legacy views', () => {
  const name = encodeURIComponent(IMAGE.name ?? '');

  it.each([
    ['Compute list', `${ECS}/v2/${PROJECT}/images?name=${name}`, toComputeImage(IMAGE, CONTEXT)],
    [
      'Compute detail',
      `${ECS}/v2/${PROJECT}/images/detail?name=${name}`,
      toComputeImageDetail(IMAGE, CONTEXT),
    ],
    ['Glance v1.1', `${IMS}/v1.1/images/detail?name=${name}`, toGlanceV1Image(IMAGE)],
  ])('%s shows its request URL and the computed record, fetching nothing', async (tab, url, computed) => {
    openLoadedImage();
    const panel = await openTab(tab);
    expect(within(panel).getByText(`GET ${url}`)).toBeInTheDocument();
    expect(jsonBlocks(panel)).toEqual([JSON.stringify(computed, null, 2)]);
    await settle();
    expect(requests).toEqual([]);
  });

  it('points the computed links at this site when the endpoints are the same origin', async () => {
    const client = createTestClient({ endpoint: '', computeEndpoint: '' });
    const queryClient = createTestQueryClient();
    seedImageList(queryClient, client, [{ images: [IMAGE], nextMarker: undefined }]);
    renderWithQueries(<ImageDrawer imageId={IMAGE.id} onClose={vi.fn()} />, { client, queryClient });
    const panel = await openTab('Compute list');
    const origin = window.location.origin;
    expect(within(panel).getByText(`GET ${origin}/v2/${PROJECT}/images?name=${name}`)).toBeInTheDocument();
    expect(within(panel).getByText(/"id": /)).toHaveTextContent(`${origin}/v2/${PROJECT}/images/${IMAGE.id}`);
  });

  it('fetches the live record once, on demand, and marks each difference', async () => {
    const computed = toComputeImage(IMAGE, CONTEXT);
    const live = { ...computed, name: 'CentOS 7.9 64bit (renamed)' };
    server.use(
      http.get(`${ECS}/v2/${PROJECT}/images`, () =>
        HttpResponse.json({ images: [toComputeImage(createImage({ id: imageId(7) }), CONTEXT), live] }),
      ),
    );
    openLoadedImage();
    const panel = await openTab('Compute list');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fetch live record' }));

    expect(await within(panel).findByText('1 difference')).toHaveRole('status');
    const table = within(panel).getByRole('table', { name: '1 difference from the live record' });
    expect(
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((row) => row.textContent),
    ).toEqual(['name"CentOS 7.9 64bit""CentOS 7.9 64bit (renamed)"']);
    expect(jsonBlocks(panel)).toEqual([JSON.stringify(computed, null, 2), JSON.stringify(live, null, 2)]);
    expect(requests).toEqual([`${ECS}/v2/${PROJECT}/images?name=${name}`]);
  });

  it('says when the live record matches the computed one', async () => {
    server.use(
      http.get(`${ECS}/v2/${PROJECT}/images/detail`, () =>
        HttpResponse.json({ images: [toComputeImageDetail(IMAGE, CONTEXT)] }),
      ),
    );
    openLoadedImage();
    const panel = await openTab('Compute detail');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fetch live record' }));
    expect(await within(panel).findByText('Matches the live record')).toBeInTheDocument();
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it('fetches again only when asked, also over a record kept from an earlier visit of the tab', async () => {
    server.use(
      http.get(`${IMS}/v1.1/images/detail`, () => HttpResponse.json({ images: [toGlanceV1Image(IMAGE)] })),
    );
    openLoadedImage();
    let panel = await openTab('Glance v1.1');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fetch live record' }));
    expect(await within(panel).findByText('Matches the live record')).toBeInTheDocument();
    await settle();
    expect(requests).toEqual([`${IMS}/v1.1/images/detail?name=${name}`]);

    await openTab('Details');
    panel = await openTab('Glance v1.1');
    expect(within(panel).getByText('Matches the live record')).toBeInTheDocument();
    await settle();
    expect(requests).toHaveLength(1);

    await userEvent.click(within(panel).getByRole('button', { name: 'Fetch live record' }));
    await waitFor(() => expect(requests).toHaveLength(2));
  });

  it('says when the live list has no entry with the image id', async () => {
    server.use(
      http.get(`${IMS}/v1.1/images/detail`, () =>
        HttpResponse.json({ images: [toGlanceV1Image(createImage({ id: imageId(8), name: IMAGE.name }))] }),
      ),
    );
    openLoadedImage();
    const panel = await openTab('Glance v1.1');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fetch live record' }));
    expect(await within(panel).findByText('Not in the live list')).toBeInTheDocument();
  });

  it('shows the typed error of a failed lookup', async () => {
    server.use(
      http.get(`${ECS}/v2/${PROJECT}/images`, () =>
        HttpResponse.json({ forbidden: { code: 403, message: 'Policy does not allow' } }, { status: 403 }),
      ),
    );
    openLoadedImage();
    const panel = await openTab('Compute list');
    await userEvent.click(within(panel).getByRole('button', { name: 'Fetch live record' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert).toHaveTextContent('The live record could not be fetched');
    expect(alert).toHaveTextContent('Access denied: Policy does not allow');
  });
});
