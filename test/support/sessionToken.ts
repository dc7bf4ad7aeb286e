// The token the settings panel would keep for this tab, put into sessionStorage before the app's first
// script in every page of a Playwright context: the app starts signed in, as after a reload.
import type { BrowserContext } from 'playwright-core';
import { TOKEN_KEY } from '../../src/config/connectionStore';

/** Every page of `context` starts with `token` in sessionStorage under the settings panel's key. */
export async function putTokenInSession(context: BrowserContext, token: string): Promise<void> {
  await context.addInitScript(
    ({ key, value }) => {
      try {
        sessionStorage.setItem(key, value);
      } catch {
        // about:blank has no storage.
      }
    },
    { key: TOKEN_KEY, value: token },
  );
}
