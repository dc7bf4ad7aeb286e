import { describe, expect, it, vi } from 'vitest';
import {
  createConnectionStore,
  SETTINGS_KEY,
  TOKEN_KEY,
  type ConnectionSettings,
  type ConnectionStorage,
  memoryStorage,
} from '../../../src/config/connectionStore';
import { parseRuntimeConfig } from '../../../src/config/runtimeConfig';

const CONFIG = parseRuntimeConfig({
  backend: 'live',
  endpoint: 'https://ims.example.com',
  computeEndpoint: 'https://ecs.example.com',
  projectId: 'p1',
  apiVersion: 'Q',
});
const DEPLOYED: ConnectionSettings = {
  backend: 'live',
  endpoint: 'https://ims.example.com',
  computeEndpoint: 'https://ecs.example.com',
  projectId: 'p1',
  apiVersion: 'Q',
};

function storages(): ConnectionStorage {
  return { session: memoryStorage(), local: memoryStorage() };
}

/** Every value any storage holds, to prove where a secret went. */
function everythingStored({ session, local }: ConnectionStorage): string {
  const all = (storage: Storage) =>
    Array.from({ length: storage.length }, (_, index) => storage.getItem(storage.key(index) ?? '') ?? '');
  return [...all(session), ...all(local)].join('\n');
}

describe('the connection store', () => {
  it('starts from config.json, with no token and nothing stored', () => {
    const storage = storages();
    const store = createConnectionStore(CONFIG, storage);
    expect(store.getState()).toEqual({
      settings: DEPLOYED,
      deployed: DEPLOYED,
      customised: false,
      hasToken: false,
      remembered: false,
      tokenProblem: undefined,
      tokenEntered: 0,
    });
    expect(store.token()).toBeUndefined();
    expect(everythingStored(storage)).toBe('');
  });

  it('keeps a token in this tab’s sessionStorage only, unless asked to remember it', () => {
    const storage = storages();
    const store = createConnectionStore(CONFIG, storage);
    store.save({ token: ' secret-1 ' });
    expect(store.token()).toBe('secret-1');
    expect(storage.session.getItem(TOKEN_KEY)).toBe('secret-1');
    expect(storage.local.getItem(TOKEN_KEY)).toBeNull();
    expect(createConnectionStore(CONFIG, storage).token()).toBe('secret-1');

    store.save({ remember: true });
    expect(storage.session.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.local.getItem(TOKEN_KEY)).toBe('secret-1');
    const reopened = createConnectionStore(CONFIG, { session: memoryStorage(), local: storage.local });
    expect(reopened.token()).toBe('secret-1');
    expect(reopened.getState().remembered).toBe(true);

    store.save({ remember: false });
    expect(storage.local.getItem(TOKEN_KEY)).toBeNull();
    expect(storage.session.getItem(TOKEN_KEY)).toBe('secret-1');
  });

  it('forgets the token on a 401 and says whether one was refused or none was given', () => {
    const storage = storages();
    const store = createConnectionStore(CONFIG, storage);
    store.refuseToken(undefined);
    expect(store.getState().tokenProblem).toBe('missing');
    store.save({ token: 'expired', remember: true });
    expect(store.getState().tokenProblem).toBeUndefined();
    store.refuseToken('expired');
    expect(store.token()).toBeUndefined();
    expect(store.getState()).toMatchObject({ hasToken: false, tokenProblem: 'refused', remembered: true });
    expect(everythingStored(storage)).not.toContain('expired');
    store.save({ token: 'fresh' });
    expect(store.getState().tokenProblem).toBeUndefined();
    expect(storage.local.getItem(TOKEN_KEY)).toBe('fresh');
  });

  it('keeps a token entered while a request with the old one was on its way', () => {
    const store = createConnectionStore(CONFIG, storages());
    store.save({ token: 'new' });
    store.refuseToken('old');
    store.refuseToken(undefined);
    expect(store.getState()).toMatchObject({ hasToken: true, tokenProblem: undefined });
    expect(store.token()).toBe('new');
  });

  it('takes this tab’s token over a remembered one, and does not then call it remembered', () => {
    const storage = storages();
    storage.session.setItem(TOKEN_KEY, 'tab-token');
    storage.local.setItem(TOKEN_KEY, 'device-token');
    const store = createConnectionStore(CONFIG, storage);
    expect(store.token()).toBe('tab-token');
    expect(store.getState().remembered).toBe(false);
    store.save({ settings: { ...DEPLOYED, projectId: 'p2' } });
    expect(storage.local.getItem(TOKEN_KEY)).toBe(null);
    expect(storage.session.getItem(TOKEN_KEY)).toBe('tab-token');
  });

  it('stays "refused" when more requests without a token are refused', () => {
    const store = createConnectionStore(CONFIG, storages());
    store.save({ token: 'expired' });
    store.refuseToken('expired');
    store.refuseToken(undefined);
    expect(store.getState().tokenProblem).toBe('refused');
  });

  it('never sends a token on to other hosts: another endpoint forgets it, unless a new one comes along', () => {
    const storage = storages();
    const store = createConnectionStore(CONFIG, storage);
    store.save({ token: 'for-ims-example', remember: true });
    store.save({ settings: { ...DEPLOYED, projectId: 'p2', apiVersion: '' } });
    expect(store.token(), 'same hosts, other project').toBe('for-ims-example');
    store.save({ settings: { ...DEPLOYED, endpoint: 'https://ims.other.example.com' } });
    expect(store.token()).toBeUndefined();
    expect(everythingStored(storage)).not.toContain('for-ims-example');
    store.save({ settings: { ...DEPLOYED, computeEndpoint: 'https://ecs.other.example.com' }, token: 'new' });
    expect(store.token()).toBe('new');
  });

  it('counts the tokens entered, so that what failed for want of one is retried', () => {
    const store = createConnectionStore(CONFIG, storages());
    store.save({ token: 'a' });
    store.save({ token: '' });
    store.save({ token: 'b' });
    expect(store.getState().tokenEntered).toBe(2);
  });

  it('forgets the token when saved empty', () => {
    const storage = storages();
    const store = createConnectionStore(CONFIG, storage);
    store.save({ token: 'secret', remember: true });
    store.save({ token: '' });
    expect(store.token()).toBeUndefined();
    expect(everythingStored(storage)).not.toContain('secret');
  });

  it('keeps the user’s own settings apart from the token, and stops keeping them once back to config.json', () => {
    const storage = storages();
    const store = createConnectionStore(CONFIG, storage);
    const own = { ...DEPLOYED, endpoint: 'https://ims.other.example.com', projectId: 'p2' };
    store.save({ settings: own, token: 'secret' });
    expect(store.getState()).toMatchObject({ settings: own, customised: true });
    expect(storage.local.getItem(SETTINGS_KEY)).not.toContain('secret');
    expect(createConnectionStore(CONFIG, storage).getState().settings).toEqual(own);

    store.save({ settings: { ...DEPLOYED, backend: 'live' } });
    expect(store.getState().customised).toBe(false);
    expect(storage.local.getItem(SETTINGS_KEY)).toBeNull();
  });

  it.each([
    ['not JSON', '{'],
    ['of another shape', JSON.stringify({ endpoint: 3 })],
    ['with a bad API version', JSON.stringify({ ...DEPLOYED, apiVersion: 'Queens' })],
  ])('ignores stored settings %s', (_, stored) => {
    const storage = storages();
    storage.local.setItem(SETTINGS_KEY, stored);
    expect(createConnectionStore(CONFIG, storage).getState().settings).toEqual(DEPLOYED);
  });

  it('tells its listeners of each change, and keeps the settings object when they did not change', () => {
    const store = createConnectionStore(CONFIG, storages());
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    const before = store.getState();
    expect(store.getState()).toBe(before);
    store.save({ token: 'a', settings: { ...DEPLOYED } });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.getState()).not.toBe(before);
    // The client is rebuilt from the settings object: a new token must not rebuild it.
    expect(store.getState().settings).toBe(before.settings);
    unsubscribe();
    store.refuseToken('a');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('works on when storage throws (a blocked or full storage)', () => {
    const broken = memoryStorage();
    const fail = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    Object.assign(broken, { getItem: fail, setItem: fail, removeItem: fail });
    const store = createConnectionStore(CONFIG, { session: broken, local: broken });
    store.save({ token: 'secret', remember: true });
    expect(store.token()).toBe('secret');
  });
});
