// Connecting at run time, at the page level against MSW: the token prompt after a 401, the settings panel,
// and where the token goes (a header, this tab's storage) and never goes (URLs, the page, localStorage).
import '../dialogPolyfill';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  SETTINGS_KEY,
  TOKEN_KEY,
  type ConnectionStorage,
  memoryStorage,
} from '../../../src/config/connectionStore';
import { createImage } from '../../support/createImage';
import { renderApp, setUpPageServer, TEST_ENDPOINT } from '../../support/renderWithClient';

const server = setUpPageServer();

const GOOD_TOKEN = 'gAAAAA-good-token';

interface Seen {
  url: string;
  token: string | null;
  apiVersion: string | null;
}

/** An endpoint that lists one image for GOOD_TOKEN and answers 401 to anything else. */
function guardedEndpoint(endpoint = TEST_ENDPOINT, name = 'centos-7', delayMs = 0) {
  const seen: Seen[] = [];
  server.use(
    http.get(`${endpoint}/v2/images`, async ({ request }) => {
      const token = request.headers.get('X-Auth-Token');
      seen.push({ url: request.url, token, apiVersion: request.headers.get('X-Api-Version') });
      await delay(delayMs);
      if (token !== GOOD_TOKEN) {
        return HttpResponse.json(
          {
            error: {
              code: 401,
              title: 'Unauthorized',
              message: 'The request you have made requires authentication.',
            },
          },
          { status: 401 },
        );
      }
      return HttpResponse.json({ images: [createImage({ id: 'img-1', name })] });
    }),
  );
  return seen;
}

/** Storage as a reload finds it, with a token kept in this tab or on the device. */
function tokenStored(token: string, where: keyof ConnectionStorage): ConnectionStorage {
  const storage = { session: memoryStorage(), local: memoryStorage() };
  storage[where].setItem(TOKEN_KEY, token);
  return storage;
}

async function enterToken(user: ReturnType<typeof userEvent.setup>, token: string, remember = false) {
  await user.click(await screen.findByRole('button', { name: 'Enter a new token' }));
  const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
  const field = within(dialog).getByLabelText(/token/i, { selector: 'input[type=password]' });
  await waitFor(() => expect(field).toHaveFocus());
  await user.type(field, token);
  if (remember) await user.click(within(dialog).getByLabelText('Remember the token on this device'));
  await user.click(within(dialog).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('the token', () => {
  it('is asked for when the endpoint needs one, then sent as X-Auth-Token and the list loads', async () => {
    const user = userEvent.setup();
    const seen = guardedEndpoint();
    const { storage } = renderApp();
    expect(await screen.findByText('The endpoint needs an IAM token.')).toBeInTheDocument();
    await enterToken(user, GOOD_TOKEN);
    expect(await screen.findByText('centos-7')).toBeInTheDocument();
    expect(screen.queryByText('The endpoint needs an IAM token.')).toBeNull();
    expect(seen.map((request) => request.token)).toEqual([null, GOOD_TOKEN]);
    expect(storage.session.getItem(TOKEN_KEY)).toBe(GOOD_TOKEN);
    expect(storage.local.getItem(TOKEN_KEY)).toBeNull();
    for (const { url } of seen) expect(url).not.toContain(GOOD_TOKEN);
    expect(document.body.innerHTML).not.toContain(GOOD_TOKEN);
    expect(window.location.href).not.toContain(GOOD_TOKEN);
  });

  it('is forgotten when refused with a 401, with a prompt for a new one that recovers the list', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    const { storage } = renderApp({ storage: tokenStored('expired-token', 'local') });
    expect(await screen.findByText(/The endpoint refused the IAM token \(HTTP 401\)/)).toBeInTheDocument();
    expect(storage.local.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.session.getItem(TOKEN_KEY)).toBeNull();
    await enterToken(user, GOOD_TOKEN);
    expect(await screen.findByText('centos-7')).toBeInTheDocument();
    // The remember choice stays: the new token is kept on the device, as the old one was.
    expect(storage.local.getItem(TOKEN_KEY)).toBe(GOOD_TOKEN);
  });

  it('is kept on the device only when asked, and the panel warns about it', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    const { storage } = renderApp();
    await user.click(await screen.findByRole('button', { name: 'Enter a new token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    const remember = within(dialog).getByLabelText('Remember the token on this device');
    expect(remember).toHaveAccessibleDescription(/anyone using this browser profile.*can read it/);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await enterToken(user, GOOD_TOKEN, true);
    expect(await screen.findByText('centos-7')).toBeInTheDocument();
    expect(storage.local.getItem(TOKEN_KEY)).toBe(GOOD_TOKEN);
    expect(storage.session.getItem(TOKEN_KEY)).toBeNull();
  });

  it('is never shown back: the panel says one is set and offers to forget it', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    const { connection } = renderApp({ storage: tokenStored(GOOD_TOKEN, 'session') });
    expect(await screen.findByText('centos-7')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Connection settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    const field = within(dialog).getByLabelText('New token');
    expect(field).toHaveValue('');
    expect(field).toHaveAccessibleDescription(/A token is set for this tab/);
    expect(dialog.innerHTML).not.toContain(GOOD_TOKEN);
    await user.click(within(dialog).getByRole('button', { name: 'Forget the token' }));
    expect(connection.token()).toBeUndefined();
  });
});

describe('the connection settings', () => {
  it('switch the endpoint, project, API version and token at run time, and keep the settings for the next visit', async () => {
    const user = userEvent.setup();
    const other = 'https://ims.other.test';
    guardedEndpoint();
    const seenOther = guardedEndpoint(other, 'from-the-other-endpoint', 200);
    const { connection, storage } = renderApp({ storage: tokenStored(GOOD_TOKEN, 'session') });
    expect(await screen.findByText('centos-7')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Connection settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    const endpoint = within(dialog).getByLabelText('IMS endpoint');
    await user.clear(endpoint);
    await user.type(endpoint, `${other}/`);
    await user.clear(within(dialog).getByLabelText('Project id'));
    await user.type(within(dialog).getByLabelText('Project id'), 'p2');
    await user.selectOptions(within(dialog).getByLabelText('API behaviour'), 'Queens (X-Api-Version: Q)');
    expect(within(dialog).getByLabelText('New token')).toHaveAccessibleDescription(
      'Another endpoint forgets the token: enter the one for the new endpoint.',
    );
    await user.type(within(dialog).getByLabelText('New token'), GOOD_TOKEN);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    // While the other endpoint answers, the first one's rows are not passed off as its own.
    await waitFor(() => expect(seenOther).toHaveLength(1));
    expect(screen.queryByText('centos-7')).toBeNull();

    expect(await screen.findByText('from-the-other-endpoint')).toBeInTheDocument();
    expect(screen.getByText('Live endpoint · ims.other.test')).toBeInTheDocument();
    expect(seenOther).toEqual([
      expect.objectContaining({
        token: GOOD_TOKEN,
        apiVersion: 'Q',
        url: expect.stringMatching(/^https:\/\/ims\.other\.test\/v2\/images\?/),
      }),
    ]);
    expect(connection.getState().settings).toMatchObject({
      endpoint: other,
      projectId: 'p2',
      apiVersion: 'Q',
    });
    const kept = storage.local.getItem(SETTINGS_KEY) ?? '';
    expect(JSON.parse(kept)).toMatchObject({ endpoint: other, projectId: 'p2' });
    expect(kept).not.toContain(GOOD_TOKEN);
  });

  it('never send the token on to another endpoint: without a new one, it is forgotten', async () => {
    const user = userEvent.setup();
    const other = 'https://ims.other.test';
    guardedEndpoint();
    const seenOther = guardedEndpoint(other);
    const { connection, storage } = renderApp({ storage: tokenStored(GOOD_TOKEN, 'local') });
    expect(await screen.findByText('centos-7')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Connection settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    await user.clear(within(dialog).getByLabelText('IMS endpoint'));
    await user.type(within(dialog).getByLabelText('IMS endpoint'), other);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The endpoint needs an IAM token.')).toBeInTheDocument();
    expect(seenOther.map((request) => request.token)).toEqual([null]);
    expect(connection.token()).toBeUndefined();
    expect(storage.local.getItem(TOKEN_KEY)).toBeNull();
  });

  it('retry what failed with a new token on the new endpoint only, never the old one', async () => {
    const user = userEvent.setup();
    const other = 'https://ims.other.test';
    const seenFirst = guardedEndpoint();
    const seenOther = guardedEndpoint(other, 'from-the-other-endpoint');
    renderApp({ storage: tokenStored('expired-token', 'session') });
    await user.click(await screen.findByRole('button', { name: 'Enter a new token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    await user.type(within(dialog).getByLabelText('Token'), GOOD_TOKEN);
    await user.clear(within(dialog).getByLabelText('IMS endpoint'));
    await user.type(within(dialog).getByLabelText('IMS endpoint'), other);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('from-the-other-endpoint')).toBeInTheDocument();
    expect(seenFirst.map((request) => request.token)).toEqual(['expired-token']);
    expect(seenOther.map((request) => request.token)).toEqual([GOOD_TOKEN]);
  });

  it('keep a token being typed out of the page: no value attribute, nothing in the markup', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    renderApp();
    await user.click(await screen.findByRole('button', { name: 'Enter a new token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    const field = within(dialog).getByLabelText('Token');
    await user.type(field, GOOD_TOKEN);
    expect(field).toHaveValue(GOOD_TOKEN);
    expect(field).not.toHaveAttribute('value');
    expect(document.body.innerHTML).not.toContain(GOOD_TOKEN);
  });

  it('give the focus back to the settings button when the token prompt that opened them is gone', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    renderApp();
    await enterToken(user, GOOD_TOKEN);
    expect(await screen.findByText('centos-7')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connection settings' })).toHaveFocus();
  });

  it('refuse an endpoint that is not a URL, saying why', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    const { connection } = renderApp();
    await user.click(screen.getByRole('button', { name: 'Connection settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Connection settings' });
    const endpoint = within(dialog).getByLabelText('IMS endpoint');
    await user.clear(endpoint);
    await user.type(endpoint, 'ims.example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(endpoint).toHaveAttribute('aria-invalid', 'true');
    expect(endpoint).toHaveFocus();
    expect(endpoint).toHaveAccessibleDescription(/Enter a full URL/);
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(connection.getState().settings.endpoint).toBe(TEST_ENDPOINT);
  });

  it('close on Escape and return focus to the button that opened them', async () => {
    const user = userEvent.setup();
    guardedEndpoint();
    renderApp();
    const button = screen.getByRole('button', { name: 'Connection settings' });
    await user.click(button);
    await screen.findByRole('dialog', { name: 'Connection settings' });
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(button).toHaveFocus();
  });
});
