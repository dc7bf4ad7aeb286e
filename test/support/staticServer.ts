// A plain static file server, as any CDN or static host would be: no rewrites, no API, just files
// under a path prefix. It records what was asked of it, so tests can prove what never reached it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

export interface StaticServer {
  /** The site's URL, ending with the prefix and a slash. */
  url: string;
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(root: string, prefix = '/'): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(request.url ?? '/');
    if (!path.startsWith(prefix)) return void response.writeHead(404).end('Not found');
    const relative = decodeURIComponent(path.slice(prefix.length)) || 'index.html';
    const file = normalize(join(root, relative));
    if (!file.startsWith(root + sep) && file !== root) return void response.writeHead(403).end();
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
    } catch {
      return void response.writeHead(404).end('Not found');
    }
    response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
