// Fills a started Glance with the seed plan through its own API, each image by its owner's token, and
// reads everything back as the admin sees it, so the demo emulator can hold exactly Glance's records.
import type { Image, MemberStatus } from '../../src/api/imageTypes';
import type { Catalogue } from '../../src/demo/catalogue';
import { execFile } from 'node:child_process';
import { DEBIAN_PYTHON, SCRATCH_PROJECT_ID, type GlanceEndpoint, type GlanceIdentity } from './glanceServer';
import { SEED_IMAGES, SEED_PROJECTS, type SeedImage, type SeedProject } from './seedPlan';

export class GlanceRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    request: string,
  ) {
    super(`${request} answered ${status}: ${body.slice(0, 500)}`);
  }
}

export interface GlanceRequest {
  method?: string;
  /** A path and query from the root, as in Glance's `next` and `self` links: `/v2/images?limit=5`. */
  path: string;
  as: GlanceIdentity;
  json?: unknown;
  /** Uploaded as application/octet-stream. */
  data?: string;
  headers?: Record<string, string>;
}

/** One call to Glance with an identity's token; throws GlanceRequestError on any answer but 2xx. */
export async function glanceFetch(glance: GlanceEndpoint, request: GlanceRequest): Promise<Response> {
  const method = request.method ?? 'GET';
  const headers: Record<string, string> = {
    'X-Auth-Token': glance.tokens[request.as],
    Accept: 'application/json',
    ...request.headers,
  };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.data !== undefined) {
    headers['Content-Type'] = 'application/octet-stream';
    body = request.data;
  }
  const response = await fetch(`${glance.url}${request.path}`, { method, headers, body });
  if (!response.ok) {
    throw new GlanceRequestError(
      response.status,
      await response.text(),
      `${method} ${request.path} as ${request.as}`,
    );
  }
  return response;
}

async function glanceJson<T>(glance: GlanceEndpoint, request: GlanceRequest): Promise<T> {
  return (await (await glanceFetch(glance, request)).json()) as T;
}

/**
 * Creates the image as its owner would (only an admin may make an image public, so the provider's public
 * images are created by the admin, whose project is the provider), uploads its data, shares it and
 * records each member's answer with that member's own token.
 */
async function seedImage(glance: GlanceEndpoint, image: SeedImage): Promise<void> {
  const creator: GlanceIdentity =
    image.visibility === 'public' && image.owner === 'provider' ? 'admin' : image.owner;
  if (image.visibility === 'public' && image.owner !== 'provider') {
    throw new Error(`Seed image ${image.id}: only the provider (the admin's project) has public images`);
  }
  await glanceFetch(glance, {
    method: 'POST',
    path: '/v2/images',
    as: creator,
    json: {
      id: image.id,
      name: image.name,
      visibility: image.visibility,
      disk_format: image.disk_format,
      container_format: image.container_format,
      min_ram: image.min_ram,
      min_disk: image.min_disk,
      protected: image.protected,
      tags: image.tags,
      ...image.properties,
    },
  });
  if (image.data !== undefined) {
    await glanceFetch(glance, {
      method: 'PUT',
      path: `/v2/images/${image.id}/file`,
      as: creator,
      data: image.data,
    });
  }
  for (const [member, status] of Object.entries(image.members ?? {}) as [SeedProject, MemberStatus][]) {
    const memberId = SEED_PROJECTS[member];
    await glanceFetch(glance, {
      method: 'POST',
      path: `/v2/images/${image.id}/members`,
      as: image.owner,
      json: { member: memberId },
    });
    if (status !== 'pending') {
      await glanceFetch(glance, {
        method: 'PUT',
        path: `/v2/images/${image.id}/members/${memberId}`,
        as: member,
        json: { status },
      });
    }
  }
}

/** Runs `task` over `items`, `concurrency` at a time, starting them in order; stops at the first failure. */
async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    // After a failure the other workers finish their current item and take no more.
    while (next < items.length && !failed) {
      const item = items[next] as T;
      next += 1;
      try {
        await task(item);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/**
 * Cuts the images' created_at and updated_at to whole seconds in Glance's database. On SQLite Glance keeps
 * microseconds that its API never shows, so images listed in the same second would still sort by that
 * hidden fraction and never by id; on MySQL (DATETIME, as Glance deploys it) the times are whole seconds
 * and Glance's id tie-break decides, which is what clients (and the demo emulator) can reproduce.
 */
export function truncateGlanceTimes(glance: GlanceEndpoint): Promise<void> {
  const script = [
    'import sqlite3, sys',
    'db = sqlite3.connect(sys.argv[1])',
    // SQLAlchemy compares bound datetimes as text with six decimals: the zeros must stay for ties to hold.
    "db.execute(\"UPDATE images SET created_at = substr(created_at, 1, 19) || '.000000', updated_at = substr(updated_at, 1, 19) || '.000000'\")",
    'db.commit()',
  ].join('\n');
  return new Promise((resolve, reject) => {
    execFile(
      DEBIAN_PYTHON,
      ['-c', script, glance.databasePath],
      { timeout: 60_000 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`Truncating Glance's times failed: ${error.message}\n${stderr}`));
        else resolve();
      },
    );
  });
}

export interface SeedOptions {
  /** Images created at once; Glance (one eventlet process on SQLite) gains little beyond 4. */
  concurrency?: number;
  /** Cut times to whole seconds after seeding (see truncateGlanceTimes); default true. */
  wholeSeconds?: boolean;
}

export interface SeedResult {
  images: number;
  uploads: number;
  members: number;
  ms: number;
}

/** Creates every seed image in an empty Glance, about in plan order (4 images at a time). */
export async function seedGlance(
  glance: GlanceEndpoint,
  images: readonly SeedImage[] = SEED_IMAGES,
  { concurrency = 4, wholeSeconds = true }: SeedOptions = {},
): Promise<SeedResult> {
  const started = performance.now();
  await inPool(images, concurrency, (image) => seedImage(glance, image));
  if (wholeSeconds) await truncateGlanceTimes(glance);
  const result: SeedResult = {
    images: images.length,
    uploads: images.filter((image) => image.data !== undefined).length,
    members: images.reduce((sum, image) => sum + Object.keys(image.members ?? {}).length, 0),
    ms: Math.round(performance.now() - started),
  };
  console.info(
    `Seeded Glance with ${result.images} images (${result.uploads} uploads, ${result.members} members) in ${result.ms} ms`,
  );
  return result;
}

interface ImagesPage {
  images: Image[];
  next?: string;
}

interface MembersAnswer {
  members: { member_id: string; status: MemberStatus }[];
}

/**
 * Every page of a listing, following `next` from `path`. Glance's `next` (and `first`) keep only the last
 * value of a repeated parameter (`tag=a&tag=b` → `tag=b`, two sort_keys → the second), so only listings
 * without repeated parameters can be followed this way.
 */
export async function listGlanceImages(
  glance: GlanceEndpoint,
  as: GlanceIdentity,
  path: string,
): Promise<Image[]> {
  const images: Image[] = [];
  let next: string | undefined = path;
  while (next !== undefined) {
    const page: ImagesPage = await glanceJson<ImagesPage>(glance, { path: next, as });
    images.push(...page.images);
    next = page.next;
  }
  return images;
}

/**
 * Every image as the admin lists it (`visibility=all`, in Glance's default order: created_at then id,
 * newest first), with the members of every shared image: the catalogue the demo emulator would need to
 * answer the viewer exactly as this Glance does. The scratch tenant's images are no part of it.
 */
export async function readGlanceCatalogue(glance: GlanceEndpoint): Promise<Catalogue> {
  const images = (await listGlanceImages(glance, 'admin', '/v2/images?visibility=all&limit=100')).filter(
    (image) => image.owner !== SCRATCH_PROJECT_ID,
  );
  const members = new Map<string, Map<string, MemberStatus>>();
  await inPool(
    images.filter((image) => image.visibility === 'shared'),
    4,
    async (image) => {
      const answer = await glanceJson<MembersAnswer>(glance, {
        path: `/v2/images/${image.id}/members`,
        as: 'admin',
      });
      if (answer.members.length > 0) {
        members.set(image.id, new Map(answer.members.map((member) => [member.member_id, member.status])));
      }
    },
  );
  return { viewerProjectId: SEED_PROJECTS.viewer, images, members };
}
