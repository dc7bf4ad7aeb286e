import { describe, expect, it } from 'vitest';
import { ConfigError, loadRuntimeConfig, parseRuntimeConfig } from '../../../src/config/runtimeConfig';

describe('parseRuntimeConfig', () => {
  it('fills defaults for a minimal demo config', () => {
    expect(parseRuntimeConfig({ backend: 'demo' })).toEqual({
      backend: 'demo',
      endpoint: '',
      projectId: '',
      computeEndpoint: '',
      apiVersion: '',
      demo: { images: 2000, latencyMs: 0, failEvery: 0, failStatus: 503 },
    });
  });

  it('trims endpoints and drops their trailing slashes', () => {
    const config = parseRuntimeConfig({
      backend: 'live',
      endpoint: ' https://ims.example.com/ ',
      computeEndpoint: 'https://ecs.example.com//',
      projectId: 'p1',
      apiVersion: 'Q',
    });
    expect(config).toMatchObject({
      endpoint: 'https://ims.example.com',
      computeEndpoint: 'https://ecs.example.com',
      projectId: 'p1',
      apiVersion: 'Q',
    });
  });

  it('reads X-Api-Version as one capital letter', () => {
    expect(parseRuntimeConfig({ backend: 'live', apiVersion: ' q ' }).apiVersion).toBe('Q');
  });

  it.each([
    [{}, 'backend'],
    [{ backend: 'cloud' }, 'backend'],
    [{ backend: 'demo', endpoint: 3 }, 'endpoint'],
    [{ backend: 'demo', demo: { images: 0 } }, 'demo.images'],
    [{ backend: 'demo', demo: { images: 200_001 } }, 'demo.images'],
    [{ backend: 'demo', demo: { failStatus: 404 } }, 'demo.failStatus'],
    [{ backend: 'demo', token: 'secret' }, 'token'],
    [{ backend: 'live', apiVersion: 'Queens' }, 'apiVersion'],
    [{ backend: 'live', endpoint: 'ims.example.com' }, 'endpoint'],
    [{ backend: 'live', computeEndpoint: 'https://ecs.example.com/?' }, 'computeEndpoint'],
    [{ backend: 'live', endpoint: 'file:///etc/passwd' }, 'endpoint'],
    [{ backend: 'live', apiVersion: '2' }, 'apiVersion'],
  ])('rejects %j, naming %s', (json, path) => {
    expect(() => parseRuntimeConfig(json)).toThrow(ConfigError);
    expect(() => parseRuntimeConfig(json)).toThrow(`"${path}"`);
  });
});

describe('loadRuntimeConfig', () => {
  const respond =
    (response: Response | Error): typeof fetch =>
    async () => {
      if (response instanceof Error) throw response;
      return response;
    };

  it('reads and checks the file', async () => {
    const config = await loadRuntimeConfig('/config.json', respond(Response.json({ backend: 'live' })));
    expect(config.backend).toBe('live');
  });

  it.each([
    [new TypeError('offline'), 'could not be fetched from /config.json'],
    [new Response('nope', { status: 404 }), 'HTTP 404'],
    [new Response('<html>', { status: 200 }), 'not valid JSON'],
  ])('explains a failure (%#)', async (response, message) => {
    await expect(loadRuntimeConfig('/config.json', respond(response))).rejects.toThrow(message);
  });
});
