import { describe, expect, it } from 'vitest';
import { devProxySetup, proxyTargetFor, type DevProxyEnv } from '../../../devProxy';
import { parseRuntimeConfig } from '../../../src/config/runtimeConfig';

const IMS = 'https://ims.ap-southeast-1.myhuaweicloud.com';
const ECS = 'https://ecs.ap-southeast-1.myhuaweicloud.com';
const PROJECT = '0d5a6b8c9e1f4a2b8c3d4e5f60718293';

function setup(env: DevProxyEnv) {
  const result = devProxySetup(env);
  if (!result) throw new Error('Expected a proxy setup');
  return result;
}

describe('devProxySetup', () => {
  it.each<[string, DevProxyEnv]>([
    ['nothing set', {}],
    ['IMS_ENDPOINT empty', { IMS_ENDPOINT: '' }],
    ['IMS_ENDPOINT blank', { IMS_ENDPOINT: '  ' }],
    [
      'only the other variables',
      { IMS_COMPUTE_ENDPOINT: ECS, IMS_PROJECT_ID: PROJECT, IMS_API_VERSION: 'Q' },
    ],
  ])('leaves the dev server as it is with %s', (_, env) => {
    expect(devProxySetup(env)).toBeUndefined();
  });

  it.each<[string, DevProxyEnv, { ims: string; compute: string; projectId: string; apiVersion: string }]>([
    [
      'IMS only: compute goes to IMS',
      { IMS_ENDPOINT: IMS },
      { ims: IMS, compute: IMS, projectId: '', apiVersion: '' },
    ],
    [
      'every variable',
      { IMS_ENDPOINT: IMS, IMS_COMPUTE_ENDPOINT: ECS, IMS_PROJECT_ID: PROJECT, IMS_API_VERSION: 'Q' },
      { ims: IMS, compute: ECS, projectId: PROJECT, apiVersion: 'Q' },
    ],
    [
      'trailing slashes and spaces',
      { IMS_ENDPOINT: ` ${IMS}// `, IMS_COMPUTE_ENDPOINT: `${ECS}/`, IMS_PROJECT_ID: ` ${PROJECT} ` },
      { ims: IMS, compute: ECS, projectId: PROJECT, apiVersion: '' },
    ],
    [
      'a base path (Glance behind a path) and a blank compute endpoint',
      { IMS_ENDPOINT: 'http://127.0.0.1:8080/image/', IMS_COMPUTE_ENDPOINT: ' ' },
      {
        ims: 'http://127.0.0.1:8080/image',
        compute: 'http://127.0.0.1:8080/image',
        projectId: '',
        apiVersion: '',
      },
    ],
  ])('reads %s', (_, env, expected) => {
    const result = setup(env);
    expect(result.imsEndpoint).toBe(expected.ims);
    expect(result.computeEndpoint).toBe(expected.compute);
    expect(result.config).toEqual({
      backend: 'live',
      endpoint: '',
      computeEndpoint: '',
      projectId: expected.projectId,
      apiVersion: expected.apiVersion,
    });
  });

  it('serves a config.json the app accepts, pointing every API at the dev server itself', () => {
    const { config } = setup({ IMS_ENDPOINT: IMS, IMS_PROJECT_ID: PROJECT, IMS_API_VERSION: 'Q' });
    expect(parseRuntimeConfig(config)).toMatchObject({
      backend: 'live',
      endpoint: '',
      computeEndpoint: '',
      projectId: PROJECT,
      apiVersion: 'Q',
    });
  });

  it('forwards with the provider host name and certificate checks', () => {
    for (const options of Object.values(setup({ IMS_ENDPOINT: IMS, IMS_COMPUTE_ENDPOINT: ECS }).proxy)) {
      expect(options).toMatchObject({ changeOrigin: true, secure: true });
    }
  });

  it.each<[string, string]>([
    ['IMS_ENDPOINT', 'ims.ap-southeast-1.myhuaweicloud.com'],
    ['IMS_ENDPOINT', 'ftp://ims.example.com'],
    ['IMS_ENDPOINT', 'https://ims.example.com/?project=x'],
    ['IMS_ENDPOINT', 'https://user:secret@ims.example.com'],
    ['IMS_COMPUTE_ENDPOINT', 'ecs.example.com'],
  ])('refuses %s=%s', (name, value) => {
    const env = name === 'IMS_ENDPOINT' ? { IMS_ENDPOINT: value } : { IMS_ENDPOINT: IMS, [name]: value };
    expect(() => devProxySetup(env)).toThrow(name);
  });
});

describe('proxyTargetFor', () => {
  const table = setup({ IMS_ENDPOINT: IMS, IMS_COMPUTE_ENDPOINT: ECS });

  it.each<[string, string | undefined]>([
    ['/v2/images', IMS],
    ['/v2/images?limit=100&sort_key=created_at&sort_dir=desc', IMS],
    ['/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52', IMS],
    ['/v1.1/images/detail?name=cirros', IMS],
    [`/v2/${PROJECT}/images`, ECS],
    [`/v2/${PROJECT}/images?name=image%201`, ECS],
    [`/v2/${PROJECT}/images/detail?limit=1`, ECS],
    [`/v2.1/${PROJECT}/images`, ECS],
    [`/v2.1/${PROJECT}/images/detail?name=x`, ECS],
    // The app's own files and Vite's, and other APIs, stay on the dev server.
    ['/', undefined],
    ['/config.json', undefined],
    ['/src/main.tsx', undefined],
    ['/@vite/client', undefined],
    ['/mockServiceWorker.js', undefined],
    ['/v2/imagesx', undefined],
    ['/v1/images', undefined],
    [`/v2/${PROJECT}/servers`, undefined],
    ['/v3/auth/tokens', undefined],
    // Only what the catalogue reads: no image data, no member lists, no other compute image calls.
    ['/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52/file', undefined],
    ['/v2/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52/members', undefined],
    ['/v1.1/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52', undefined],
    [`/v2/${PROJECT}/images/bc6bed6e-ba3a-4447-afcc-449174a3eb52`, undefined],
  ])('%s → %s', (url, target) => {
    expect(proxyTargetFor(table, url)).toBe(target);
  });
});
