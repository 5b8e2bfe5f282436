// A small static file server for page-level tests and the benchmark, on 127.0.0.1 only.
// Serves precompressed .br/.gz when the client accepts them, with the right MIME types.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ics': 'text/calendar; charset=utf-8',
};

/**
 * Starts a server for `root`. `options.headers(path)` may add headers per request path;
 * `options.routes` maps a path to a handler `(req, res) => void` that takes over.
 * Resolves to { url, port, close }.
 */
export async function serve(root, options = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      const route = options.routes?.[url.pathname];
      if (route) return route(req, res);
      let path = normalize(join(base, decodeURIComponent(url.pathname)));
      if (!path.startsWith(base)) { res.writeHead(403).end(); return; }
      if ((await stat(path).catch(() => null))?.isDirectory()) path = join(path, 'index.html');
      const accept = String(req.headers['accept-encoding'] ?? '');
      let body = null;
      let encoding = null;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!accept.includes(enc)) continue;
        body = await readFile(path + ext).catch(() => null);
        if (body) { encoding = enc; break; }
      }
      body ??= await readFile(path);
      const headers = {
        'content-type': MIME[extname(path)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'vary': 'accept-encoding',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        ...(options.headers?.(url.pathname, req) ?? {}),
      };
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(options.port ?? 0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

// `node tests/page/serve.mjs DIR [PORT]`: serve a folder by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await serve(process.argv[2] ?? 'dist', { port: Number(process.argv[3] ?? 8081) });
  console.log(`serving ${process.argv[2] ?? 'dist'} at ${s.url}`);
}
