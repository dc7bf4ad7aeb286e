// Debian's nginx serving the repository's own deployment recipes (deploy/nginx/*.conf): the files are
// rendered as a person would fill them in, into a temp dir, wrapped in a minimal top-level nginx.conf,
// on a free loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canInstallDebianPackages, ensureDebianProgram } from './debianPackages';
import { exited, freePort } from './processes';

export type NginxRecipe = 'static' | 'proxy';

/** deploy/nginx/, where the recipes live. */
export const RECIPE_DIR = fileURLToPath(new URL('../../deploy/nginx/', import.meta.url));

export interface NginxOptions {
  recipe: NginxRecipe;
  /** The directory holding index.html (a copy of the build). */
  root: string;
  /** The path the app lives under, with both slashes: `/catalogue/`. */
  prefix: string;
  /** The IMS origin (scheme://host:port) the proxy recipe forwards to. */
  imsUpstream?: string;
  /** The compute origin; the IMS one when not given. */
  computeUpstream?: string;
  /** Origins for the CSP's connect-src besides 'self' (space-separated); none by default. */
  connectSrc?: string;
}

export interface NginxServer {
  /** The site's URL, ending with the prefix. */
  url: string;
  /** `http://127.0.0.1:port`. */
  origin: string;
  /** The rendered server block, as nginx reads it. */
  siteConfig: string;
  /** nginx's access log so far (its default format). */
  accessLog(): Promise<string>;
  stop(): Promise<void>;
}

export type NginxLookup = { path: string; skipReason?: undefined } | { path?: undefined; skipReason: string };

/** Debian's nginx (the `nginx` package: in Debian 12 the smallest that holds the binary), installed when missing and this machine can. */
export function findNginx(): NginxLookup {
  const path = ensureDebianProgram('/usr/sbin/nginx', ['nginx']);
  if (path) return { path };
  return {
    skipReason: canInstallDebianPackages()
      ? "Debian's nginx package was installed but /usr/sbin/nginx is still missing."
      : 'nginx is not installed (sudo apt-get install nginx) and this machine cannot install it (it needs root and apt-get).',
  };
}

const PLACEHOLDER = /__[A-Z][A-Z_]*__/g;

/** Fills in a recipe's placeholders as its header comment says; every one must be filled. */
export function renderRecipe(
  text: string,
  options: NginxOptions & { listen: string; serverName?: string },
): string {
  const { prefix, root } = options;
  if (!/^\/(?:[^/\s;]+\/)*$/.test(prefix)) throw new Error(`The prefix ${prefix} must start and end with /`);
  if (/[\s;{}'"]/.test(root)) throw new Error(`The root ${root} holds characters nginx would misread`);
  const values: Record<string, string | undefined> = {
    __LISTEN__: options.listen,
    __SERVER_NAME__: options.serverName ?? '_',
    __PREFIX__: prefix,
    __ROOT__: root.replace(/\/+$/, ''),
    __IMS_UPSTREAM__: options.imsUpstream,
    __COMPUTE_UPSTREAM__: options.computeUpstream ?? options.imsUpstream,
  };
  const connectSrc = options.connectSrc?.trim();
  // "connect-src 'self' __CONNECT_SRC__;" loses the placeholder and its space when there is nothing to add.
  const rendered = text
    .replace(/ __CONNECT_SRC__/g, connectSrc ? ` ${connectSrc}` : '')
    .replace(PLACEHOLDER, (name) => {
      const value = values[name];
      if (value === undefined) throw new Error(`No value for ${name} in the ${options.recipe} recipe`);
      return value;
    });
  return rendered;
}

function topLevelConfig(dir: string): string {
  // The tests run as root in CI: workers would otherwise switch to `nobody` (and the temp dirs are root's).
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  const mimeTypes = existsSync('/etc/nginx/mime.types')
    ? 'include /etc/nginx/mime.types;'
    : 'types { text/html html; text/css css; application/javascript js; application/json json; }';
  return `${user}daemon off;
master_process on;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log stderr warn;
events {
    worker_connections 256;
}
http {
    ${mimeTypes}
    default_type application/octet-stream;
    sendfile on;
    access_log ${dir}/access.log;
    client_body_temp_path ${dir}/client_body;
    proxy_temp_path ${dir}/proxy;
    fastcgi_temp_path ${dir}/fastcgi;
    uwsgi_temp_path ${dir}/uwsgi;
    scgi_temp_path ${dir}/scgi;
    include ${dir}/site.conf;
}
`;
}

/** Kills nginx (master and workers) and waits for the master to go. */
async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited(child);
  clearTimeout(timer);
}

/** Waits until nginx answers on `origin` (any status), or fails with what it said on stderr. */
async function waitUntilAnswering(child: ChildProcess, origin: string, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`nginx exited (${child.exitCode ?? child.signalCode}):\n${stderr()}`);
    }
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(1_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${origin}:\n${stderr()}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** Starts nginx on a deploy/nginx recipe; stop() kills it and removes its temp dir. */
export async function startNginx(options: NginxOptions): Promise<NginxServer> {
  const nginx = findNginx();
  if (!nginx.path) throw new Error(nginx.skipReason);
  const recipe = await readFile(join(RECIPE_DIR, `${options.recipe}.conf`), 'utf8');
  const dir = await mkdtemp(join(tmpdir(), 'ims-catalogue-nginx-'));
  try {
    await writeFile(join(dir, 'nginx.conf'), topLevelConfig(dir));
    // Another process may take the port between the check and nginx's bind: try a few.
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const siteConfig = renderRecipe(recipe, { ...options, listen: `127.0.0.1:${port}` });
      await writeFile(join(dir, 'site.conf'), siteConfig);
      const child = spawn(nginx.path, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', 'stderr'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8');
      child.stderr?.on('data', (chunk: string) => {
        stderr = (stderr + chunk).slice(-20_000);
      });
      try {
        await waitUntilAnswering(child, origin, () => stderr);
      } catch (error) {
        await kill(child);
        if (attempt < 3 && /Address already in use/.test(stderr)) continue;
        throw error;
      }
      return {
        url: `${origin}${options.prefix}`,
        origin,
        siteConfig,
        accessLog: () => readFile(join(dir, 'access.log'), 'utf8').catch(() => ''),
        async stop() {
          await kill(child);
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
