// Where the catalogue connects, as config.json says and as the user changed it in the settings panel,
// and the IAM token. The token is a secret: it lives in sessionStorage (this tab only) unless the user
// asks to remember it on this device, and it is never written anywhere else.
import * as v from 'valibot';
import { ENDPOINT } from './endpoint';
import { API_VERSION, BACKENDS, type BackendKind, type RuntimeConfig } from './runtimeConfig';

export interface ConnectionSettings {
  backend: BackendKind;
  endpoint: string;
  computeEndpoint: string;
  projectId: string;
  /** `X-Api-Version`: '' sends none (Mitaka answers), a letter after M selects Queens answers. */
  apiVersion: string;
}

/** Why the catalogue asks for a token: none was given, or the server refused (401) the one it had. */
export type TokenProblem = 'missing' | 'refused';

export interface ConnectionState {
  settings: ConnectionSettings;
  /** config.json's settings, which the user's own replace until reset. */
  deployed: ConnectionSettings;
  /** Whether the settings come from this browser rather than config.json. */
  customised: boolean;
  hasToken: boolean;
  /** Whether the token is kept in localStorage ("remember on this device"). */
  remembered: boolean;
  tokenProblem: TokenProblem | undefined;
  /** Counts the tokens entered: what failed for want of one is retried when it changes. */
  tokenEntered: number;
}

export interface ConnectionChange {
  /** New settings; another endpoint forgets the token, unless a new one comes with them. */
  settings?: ConnectionSettings;
  /** A new token; '' forgets it; absent keeps the one there is. */
  token?: string;
  remember?: boolean;
}

export interface ConnectionStore {
  getState(): ConnectionState;
  subscribe(listener: () => void): () => void;
  /** The token for the next request; read per request, so it is never copied into the client. */
  token(): string | undefined;
  save(change: ConnectionChange): void;
  /**
   * The server answered 401 to a request that carried `refused`: that token is worthless, so it is forgotten
   * and a new one asked for — unless another was entered since.
   */
  refuseToken(refused: string | undefined): void;
}

export interface ConnectionStorage {
  session: Storage;
  local: Storage;
}

export const TOKEN_KEY = 'ims-catalogue.token';
export const SETTINGS_KEY = 'ims-catalogue.connection';

const storedSettingsSchema = v.object({
  backend: v.picklist(BACKENDS),
  endpoint: ENDPOINT,
  computeEndpoint: ENDPOINT,
  projectId: v.string(),
  apiVersion: API_VERSION,
});

function deployedSettings(config: RuntimeConfig): ConnectionSettings {
  const { backend, endpoint, computeEndpoint, projectId, apiVersion } = config;
  return { backend, endpoint, computeEndpoint, projectId, apiVersion };
}

function sameSettings(a: ConnectionSettings, b: ConnectionSettings): boolean {
  return (Object.keys(a) as (keyof ConnectionSettings)[]).every((key) => a[key] === b[key]);
}

/** A token was issued for the hosts it was entered for: it is never sent on to others. */
function sameHosts(a: ConnectionSettings, b: ConnectionSettings): boolean {
  return a.backend === b.backend && a.endpoint === b.endpoint && a.computeEndpoint === b.computeEndpoint;
}

/** A Storage kept in memory: nothing survives the page. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

/**
 * The browser's storages; where they are blocked (site data off), reading the property itself throws, and
 * the catalogue then keeps everything in memory for this page.
 */
export function browserStorage(): ConnectionStorage {
  const open = (get: () => Storage): Storage => {
    try {
      return get();
    } catch {
      return memoryStorage();
    }
  };
  return { session: open(() => window.sessionStorage), local: open(() => window.localStorage) };
}

/** Storage can throw (private modes, quotas, a blocked origin): then the catalogue works without it. */
function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

function write(storage: Storage, key: string, value: string | null): void {
  try {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Not kept across reloads; the current page still has it in memory.
  }
}

function storedSettings(storage: Storage): ConnectionSettings | undefined {
  const text = read(storage, SETTINGS_KEY);
  if (!text) return undefined;
  try {
    const result = v.safeParse(storedSettingsSchema, JSON.parse(text));
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}

export function createConnectionStore(config: RuntimeConfig, storage: ConnectionStorage): ConnectionStore {
  const deployed = deployedSettings(config);
  const saved = storedSettings(storage.local);
  let settings = saved ?? deployed;
  // This tab's token comes first; a remembered one only when the tab has none.
  const tabToken = read(storage.session, TOKEN_KEY);
  const deviceToken = read(storage.local, TOKEN_KEY);
  let token = tabToken ?? deviceToken ?? undefined;
  let remembered = tabToken === null && deviceToken !== null;
  let tokenProblem: TokenProblem | undefined;
  let tokenEntered = 0;
  const listeners = new Set<() => void>();

  const snapshot = (): ConnectionState => ({
    settings,
    deployed,
    customised: !sameSettings(settings, deployed),
    hasToken: token !== undefined,
    remembered,
    tokenProblem,
    tokenEntered,
  });
  let state = snapshot();

  const changed = () => {
    state = snapshot();
    for (const listener of listeners) listener();
  };

  const keepToken = () => {
    write(storage.session, TOKEN_KEY, token !== undefined && !remembered ? token : null);
    write(storage.local, TOKEN_KEY, token !== undefined && remembered ? token : null);
  };

  const keepSettings = () => {
    write(storage.local, SETTINGS_KEY, sameSettings(settings, deployed) ? null : JSON.stringify(settings));
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    token: () => token,
    save(change) {
      const next = change.settings;
      if (next && !sameSettings(next, settings)) {
        if (!sameHosts(next, settings) && change.token === undefined) token = undefined;
        settings = next;
      }
      if (change.token !== undefined) {
        token = change.token.trim() || undefined;
        tokenProblem = undefined;
        if (token !== undefined) tokenEntered += 1;
      }
      if (change.remember !== undefined) remembered = change.remember;
      keepSettings();
      keepToken();
      changed();
    },
    refuseToken(refused) {
      // A 401 for a token since replaced says nothing of the new one; once refused, it stays "refused".
      if (refused !== token || (token === undefined && tokenProblem !== undefined)) return;
      tokenProblem = token === undefined ? 'missing' : 'refused';
      token = undefined;
      keepToken();
      changed();
    },
  };
}
