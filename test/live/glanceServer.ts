// A real OpenStack Glance (Debian's python3-glance, API v2.15) for the live tests: its own temp dir with
// a SQLite database and a file store, listening on a free loopback port, with a token filter standing in
// for Keystone (test/live/glance/tokenauth.py). Start it once per run, e.g. from a vitest globalSetup:
//
//   const glance = await startGlance();
//   await seedGlance(glance);
//   … return () => glance.stop();
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianFile, isExecutable } from '../support/debianPackages';
import { exited, freePort } from '../support/processes';
import { SEED_PROJECTS, type SeedProject } from './seedPlan';

/** Debian's interpreter: the one that imports the packaged glance (a pyenv python3 on PATH does not). */
export const DEBIAN_PYTHON = '/usr/bin/python3';
/** There is no glance-api program in Debian's python3-glance: the module is the check. */
const GLANCE_API_MODULE = '/usr/lib/python3/dist-packages/glance/cmd/api.py';
const GLANCE_PACKAGES = ['python3-glance'];
/** Where tokenauth.py lives: on the Glance process's PYTHONPATH. */
const FILTER_DIR = fileURLToPath(new URL('./glance', import.meta.url));

/** Glance's defaults, plus the IMS formats. */
export const GLANCE_DISK_FORMATS = [
  'ami',
  'ari',
  'aki',
  'vhd',
  'vhdx',
  'vmdk',
  'raw',
  'qcow2',
  'vdi',
  'iso',
  'ploop',
  'zvhd',
  'zvhd2',
] as const;

/**
 * A tenant outside the seed, for tests that change Glance (deleting an image, say): what it does is seen
 * by no seed project, and readGlanceCatalogue leaves it out.
 */
export const SCRATCH_PROJECT_ID = '5cf0a3e1b7d94c2a8e6f4b1d3c5a7e90';

export type GlanceIdentity = SeedProject | 'admin' | 'scratch';

export interface GlanceServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** A token per seed project (role member) and `admin` (role admin in the provider project). */
  tokens: Record<GlanceIdentity, string>;
  stop(): Promise<void>;
  /** The last lines of Glance's log (its stdout and stderr). */
  logTail(lines?: number): string;
  /** Glance's SQLite database file (for what the API cannot do, such as setting times). */
  databasePath: string;
}

/** What a test needs of a started Glance to call it (and what a globalSetup can pass to the test files). */
export type GlanceEndpoint = Pick<GlanceServer, 'url' | 'tokens' | 'databasePath'>;

export type GlanceAvailability = { ok: true } | { ok: false; reason: string };

/** Whether Glance can run here, installing Debian's python3-glance when it is missing and this machine can. */
export function findGlance(): GlanceAvailability {
  try {
    if (!ensureDebianFile(GLANCE_API_MODULE, GLANCE_PACKAGES)) {
      return {
        ok: false,
        reason: `Glance is not installed (no ${GLANCE_API_MODULE}) and cannot be installed here: run \`apt-get install ${GLANCE_PACKAGES.join(' ')}\` as root`,
      };
    }
  } catch (error) {
    return { ok: false, reason: `Installing ${GLANCE_PACKAGES.join(' ')} failed: ${String(error)}` };
  }
  if (!isExecutable(DEBIAN_PYTHON)) return { ok: false, reason: `${DEBIAN_PYTHON} is missing` };
  return { ok: true };
}

// Configuration -------------------------------------------------------------------------------------

interface GlanceFiles {
  dir: string;
  port: number;
  conf: string;
  paste: string;
  tokensFile: string;
  log: string;
  database: string;
}

export function glanceApiConf(files: GlanceFiles, debug = false): string {
  return `[DEFAULT]
bind_host = 127.0.0.1
bind_port = ${files.port}
workers = 0
debug = ${debug}
enforce_secure_rbac = false
node_staging_uri = file://${join(files.dir, 'staging')}

[image_format]
disk_formats = ${GLANCE_DISK_FORMATS.join(',')}

[database]
connection = sqlite:///${files.database}

[glance_store]
stores = file
default_store = file
filesystem_store_datadir = ${join(files.dir, 'images')}

[paste_deploy]
flavor = tokenauth
config_file = ${files.paste}

[oslo_policy]
enforce_new_defaults = false
enforce_scope = false

[oslo_concurrency]
lock_path = ${join(files.dir, 'locks')}

[cors]
allowed_origin = *
allow_headers = X-Auth-Token,X-Api-Version,Content-Type,X-Openstack-Request-Id
expose_headers = X-Openstack-Request-Id,Retry-After
allow_methods = GET,OPTIONS
`;
}

/**
 * Glance's upstream glance-api-paste.ini pipeline with tokenauth in auth_token's place. The CORS filter
 * reads its options itself: without oslo_config_project/oslo_config_file it is silently inactive.
 */
export function glancePasteIni(files: GlanceFiles): string {
  return `[pipeline:glance-api-tokenauth]
pipeline = cors healthcheck versionnegotiation tokenauth context rootapp

[composite:rootapp]
paste.composite_factory = glance.api:root_app_factory
/: apiversions
/v2: apiv2app

[app:apiversions]
paste.app_factory = glance.api.versions:create_resource

[app:apiv2app]
paste.app_factory = glance.api.v2.router:API.factory

[filter:healthcheck]
paste.filter_factory = oslo_middleware:Healthcheck.factory
backends = disable_by_file
disable_by_file_path = ${join(files.dir, 'healthcheck_disable')}

[filter:versionnegotiation]
paste.filter_factory = glance.api.middleware.version_negotiation:VersionNegotiationFilter.factory

[filter:tokenauth]
paste.filter_factory = tokenauth:filter_factory
tokens_file = ${files.tokensFile}

[filter:context]
paste.filter_factory = glance.api.middleware.context:ContextMiddleware.factory

[filter:cors]
paste.filter_factory = oslo_middleware.cors:filter_factory
oslo_config_project = glance
oslo_config_file = ${files.conf}
`;
}

interface TokenIdentity {
  project_id: string;
  user_id: string;
  roles: string[];
}

function identities(): Record<GlanceIdentity, TokenIdentity> {
  const member = (project: SeedProject): TokenIdentity => ({
    project_id: SEED_PROJECTS[project],
    user_id: `${project}-user`,
    roles: ['member', 'reader'],
  });
  return {
    viewer: member('viewer'),
    peer: member('peer'),
    provider: member('provider'),
    scratch: { project_id: SCRATCH_PROJECT_ID, user_id: 'scratch-user', roles: ['member', 'reader'] },
    admin: {
      project_id: SEED_PROJECTS.provider,
      user_id: 'admin-user',
      roles: ['admin', 'member', 'reader'],
    },
  };
}

// Process -------------------------------------------------------------------------------------------

function pythonEnv(): NodeJS.ProcessEnv {
  // A fixed hash seed: Glance keeps tags in a Python set, whose order would otherwise change every start.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PYTHONPATH: FILTER_DIR,
    PYTHONUNBUFFERED: '1',
    PYTHONHASHSEED: '0',
  };
  delete env.PYTHONHOME;
  return env;
}

/** Runs a glance.cmd module's main() with Debian's interpreter, as its missing console script would. */
function glanceCommandArgs(module: string, args: readonly string[]): string[] {
  return ['-c', `import sys; from glance.cmd.${module} import main; sys.exit(main())`, ...args];
}

function tail(path: string, lines: number): string {
  if (!existsSync(path)) return '';
  return readFileSync(path, 'utf8').split('\n').slice(-lines).join('\n');
}

function syncDatabase(files: GlanceFiles): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      DEBIAN_PYTHON,
      glanceCommandArgs('manage', ['--config-file', files.conf, 'db_sync']),
      { env: pythonEnv(), timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`glance-manage db_sync failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`exited (${child.exitCode ?? child.signalCode}) before answering /healthcheck`);
    }
    try {
      const response = await fetch(`${url}/healthcheck`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
      lastProblem = `/healthcheck answered ${response.status}`;
    } catch (error) {
      lastProblem = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/healthcheck did not answer 200 within ${timeoutMs} ms (${lastProblem})`);
}

export interface StartGlanceOptions {
  /** Glance's debug logging (also with env IMS_GLANCE_DEBUG=1). */
  debug?: boolean;
  /** How long to wait for /healthcheck. */
  timeoutMs?: number;
}

/** Starts a fresh, empty Glance; throws with the tail of its log when it does not come up. */
export async function startGlance(options: StartGlanceOptions = {}): Promise<GlanceServer> {
  const availability = findGlance();
  if (!availability.ok) throw new Error(availability.reason);
  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), 'ims-glance-'));
  const files: GlanceFiles = {
    dir,
    port: await freePort(),
    conf: join(dir, 'glance-api.conf'),
    paste: join(dir, 'glance-api-paste.ini'),
    tokensFile: join(dir, 'tokens.json'),
    log: join(dir, 'glance-api.log'),
    database: join(dir, 'glance.sqlite'),
  };
  const tokenOf = {} as Record<GlanceIdentity, string>;
  const tokenMap: Record<string, TokenIdentity> = {};
  for (const [identity, value] of Object.entries(identities()) as [GlanceIdentity, TokenIdentity][]) {
    const token = `${identity}-${randomBytes(16).toString('hex')}`;
    tokenOf[identity] = token;
    tokenMap[token] = value;
  }
  const debug = options.debug ?? process.env.IMS_GLANCE_DEBUG === '1';
  await Promise.all(['images', 'staging', 'locks'].map((sub) => mkdir(join(dir, sub))));
  await writeFile(files.conf, glanceApiConf(files, debug));
  await writeFile(files.paste, glancePasteIni(files));
  await writeFile(files.tokensFile, JSON.stringify(tokenMap, null, 2));

  const url = `http://127.0.0.1:${files.port}`;
  const logTail = (lines = 40) => tail(files.log, lines);
  let child: ChildProcess | undefined;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const running = child;
      const done = exited(running);
      running.kill('SIGTERM');
      const killer = setTimeout(() => running.kill('SIGKILL'), 10_000);
      await done;
      clearTimeout(killer);
    }
    await rm(dir, { recursive: true, force: true });
  };

  try {
    await syncDatabase(files);
    const logFd = openSync(files.log, 'a');
    try {
      child = spawn(DEBIAN_PYTHON, glanceCommandArgs('api', ['--config-file', files.conf]), {
        env: pythonEnv(),
        stdio: ['ignore', logFd, logFd],
      });
    } finally {
      closeSync(logFd);
    }
    // A test run that dies without stop() must not leave Glance listening.
    const running = child;
    process.once('exit', () => running.kill('SIGKILL'));
    await waitForHealth(url, child, options.timeoutMs ?? 60_000);
  } catch (error) {
    const message = `Glance did not start: ${error instanceof Error ? error.message : String(error)}\n--- ${files.log} (tail) ---\n${logTail()}`;
    await stop();
    throw new Error(message, { cause: error });
  }
  console.info(`Glance started at ${url} in ${Math.round(performance.now() - started)} ms`);
  return { url, tokens: tokenOf, stop, logTail, databasePath: files.database };
}
