// Where the catalogue connects, as config.json says and as the user changed it in the settings panel,
// and the IAM token. The token is a secret: it lives in sessionStorage (this tab only) unless the user
// asks to remember it on this device, and it is never written anywhere else.
import * as v from 'valibot';
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
}

export interface ConnectionChange {
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
  endpoint: v.string(),
  computeEndpoint: v.string(),
  projectId: v.string(),
  apiVersion: API_VERSION,
});

export function deployedSettings(config: RuntimeConfig): ConnectionSettings {
  const { backend, endpoint, computeEndpoint, projectId, apiVersion } = config;
  return { backend, endpoint, computeEndpoint, projectId, apiVersion };
}

function sameSettings(a: ConnectionSettings, b: ConnectionSettings): boolean {
  return (Object.keys(a) as (keyof ConnectionSettings)[]).every((key) => a[key] === b[key]);
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
  let token = read(storage.session, TOKEN_KEY) ?? read(storage.local, TOKEN_KEY) ?? undefined;
  let remembered = read(storage.local, TOKEN_KEY) !== null;
  let tokenProblem: TokenProblem | undefined;
  const listeners = new Set<() => void>();

  const snapshot = (): ConnectionState => ({
    settings,
    deployed,
    customised: !sameSettings(settings, deployed),
    hasToken: token !== undefined,
    remembered,
    tokenProblem,
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
      if (change.settings) settings = change.settings;
      if (change.token !== undefined) {
        token = change.token.trim() || undefined;
        tokenProblem = undefined;
      }
      if (change.remember !== undefined) remembered = change.remember;
      keepSettings();
      keepToken();
      changed();
    },
    refuseToken(refused) {
      if (refused !== token) return;
      tokenProblem = token === undefined ? 'missing' : 'refused';
      token = undefined;
      keepToken();
      changed();
    },
  };
}
