import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createImage } from '../support/createImage';
import { renderApp, TEST_ENDPOINT } from '../support/renderWithClient';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const IMAGES_URL = `${TEST_ENDPOINT}/v2/images`;

function bodyRows() {
  const [, body] = screen.getAllByRole('rowgroup');
  return within(body as HTMLElement).queryAllByRole('row');
}

describe('the catalogue shell', () => {
  it('shows a skeleton while the first page loads, then the rows', async () => {
    server.use(
      http.get(IMAGES_URL, async () => {
        await delay(50);
        return HttpResponse.json({ images: [createImage({ id: 'a', name: 'CentOS 7.9 64bit' })] });
      }),
    );
    renderApp();
    expect(screen.getByRole('status')).toHaveTextContent('Loading images…');
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'true');

    expect(await screen.findByText('CentOS 7.9 64bit')).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveAttribute('aria-busy', 'false');
    expect(screen.getByRole('status')).toHaveTextContent('1 images');
    expect(screen.getByText('End of list')).toBeInTheDocument();
  });

  it('says so when no image is visible', async () => {
    server.use(http.get(IMAGES_URL, () => HttpResponse.json({ images: [] })));
    renderApp();
    expect(await screen.findByText('No images are visible to this account.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
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

  it('loads the next page with the marker of the last row, once', async () => {
    const requested: URL[] = [];
    server.use(
      http.get(IMAGES_URL, ({ request }) => {
        const url = new URL(request.url);
        requested.push(url);
        if (!url.searchParams.has('marker')) {
          return HttpResponse.json({
            images: [
              createImage({ id: 'first', name: 'first' }),
              createImage({ id: 'second', name: 'second' }),
            ],
            next: '/v2/images?limit=50&marker=second',
          });
        }
        return HttpResponse.json({ images: [createImage({ id: 'third', name: 'third' })] });
      }),
    );
    renderApp();
    expect(await screen.findByText('2 loaded · more available')).toHaveRole('status');

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('third')).toBeInTheDocument();
    expect(bodyRows()).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('3 images');
    expect(requested.map((url) => url.searchParams.get('marker'))).toEqual([null, 'second']);
    expect(requested[1]?.searchParams.get('limit')).toBe('50');
  });

  it('keeps the loaded rows and offers a retry when the next page fails', async () => {
    server.use(
      http.get(IMAGES_URL, ({ request }) =>
        new URL(request.url).searchParams.has('marker')
          ? HttpResponse.json({ message: 'boom' }, { status: 500 })
          : HttpResponse.json({
              images: [createImage({ id: 'x', name: 'kept' })],
              next: '/v2/images?marker=x',
            }),
      ),
    );
    renderApp();
    await userEvent.click(await screen.findByRole('button', { name: 'Load more' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The next page could not be loaded');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByText('kept')).toBeInTheDocument();
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

  it('tells which backend it is connected to', async () => {
    server.use(http.get(IMAGES_URL, () => HttpResponse.json({ images: [] })));
    renderApp({ backend: 'demo' });
    expect(screen.getByText('Demo backend')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('0 images'));
  });
});
