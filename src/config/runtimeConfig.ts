// config.json is fetched at start-up rather than built in, so one build serves every deployment.
import * as v from 'valibot';
import { ENDPOINT } from './endpoint';

const FAIL_STATUSES = [500, 503, 429] as const;

const demoSchema = v.strictObject({
  /** How many images the demo catalogue holds, all tenants together (2,000 by default; up to 200,000). */
  images: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200_000)), 2_000),
  /** A fixed delay on every demo answer, to see loading states. */
  latencyMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(60_000)), 0),
  /** Every Nth request fails with `failStatus` (0: never). */
  failEvery: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  failStatus: v.optional(v.picklist(FAIL_STATUSES), 503),
});

/** `X-Api-Version`: '' sends none; a letter after M selects Queens answers, M or before Mitaka ones. */
export const API_VERSION = v.pipe(
  v.string(),
  v.trim(),
  v.toUpperCase(),
  v.regex(/^[A-Z]?$/, 'X-Api-Version is one letter (M: Mitaka, Q: Queens), or empty to send none'),
);

export const BACKENDS = ['demo', 'live'] as const;
export type BackendKind = (typeof BACKENDS)[number];

const configSchema = v.strictObject({
  backend: v.picklist(BACKENDS),
  /** IMS base URL; '' for the same origin. */
  endpoint: v.optional(ENDPOINT, ''),
  projectId: v.optional(v.pipe(v.string(), v.trim()), ''),
  /** Compute (Nova) base URL for the legacy views; '' for the same origin. */
  computeEndpoint: v.optional(ENDPOINT, ''),
  apiVersion: v.optional(API_VERSION, ''),
  demo: v.optional(demoSchema, {}),
});

export type RuntimeConfig = v.InferOutput<typeof configSchema>;
export type DemoConfig = RuntimeConfig['demo'];

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function parseRuntimeConfig(json: unknown): RuntimeConfig {
  const result = v.safeParse(configSchema, json);
  if (result.success) return result.output;
  const [issue] = result.issues;
  const path = v.getDotPath(issue);
  throw new ConfigError(`config.json is invalid${path ? ` at "${path}"` : ''}: ${issue.message}`);
}

/** Reads config.json beside index.html, bypassing caches so a redeployed config is seen at once. */
export async function loadRuntimeConfig(
  url: string,
  fetchImpl: typeof fetch = fetch,
): Promise<RuntimeConfig> {
  let response: Response;
  try {
    response = await fetchImpl(url, { cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (cause) {
    throw new ConfigError(`config.json could not be fetched from ${url}.`, { cause });
  }
  if (!response.ok) throw new ConfigError(`config.json could not be fetched (HTTP ${response.status}).`);
  let json: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    throw new ConfigError('config.json is not valid JSON.', { cause });
  }
  return parseRuntimeConfig(json);
}
