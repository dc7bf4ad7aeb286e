// Browser and server tests use programs from Debian's packages, installed here when missing and this
// machine can (root with apt-get), so a fresh CI machine needs nothing but the project's own files.
import { execFileSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function canInstallDebianPackages(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && isExecutable('/usr/bin/apt-get');
}

let indexUpdated = false;

/**
 * Returns `path` once it is executable, installing `packages` with apt-get first when it is missing and
 * this machine can; undefined when it is missing and cannot be installed here.
 */
export function ensureDebianProgram(path: string, packages: readonly string[]): string | undefined {
  return ensureDebianPath(path, packages, isExecutable);
}

/** As ensureDebianProgram, for a file that need only exist (a library's module, a data file). */
export function ensureDebianFile(path: string, packages: readonly string[]): string | undefined {
  return ensureDebianPath(path, packages, existsSync);
}

function ensureDebianPath(
  path: string,
  packages: readonly string[],
  present: (path: string) => boolean,
): string | undefined {
  if (present(path)) return path;
  if (!canInstallDebianPackages()) return undefined;
  console.info(`Installing Debian's ${packages.join(', ')} for the tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!indexUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    indexUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
  return present(path) ? path : undefined;
}
