// Browser tests use Debian's Chromium, never a downloaded browser build.
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianProgram, isExecutable } from '../support/debianPackages';

/** CHROME_PATH, else Debian's chromium, installed here when missing and this machine can. */
export function ensureChromium(): string {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (isExecutable(chosen)) return chosen;
    throw new Error(`CHROME_PATH is set to ${chosen}, which is not an executable file.`);
  }
  const installed = ensureDebianProgram('/usr/bin/chromium', ['chromium']);
  if (installed) return installed;
  throw new Error(
    "The browser tests need Chromium: install Debian's package (sudo apt-get install chromium) " +
      'or set CHROME_PATH to a Chrome or Chromium executable.',
  );
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // This machine has no network: keep Chromium from calling home at every start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
