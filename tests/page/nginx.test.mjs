// The README's nginx configuration (tests/page/nginx/widget.conf), run for real on
// 127.0.0.1: MIME types, precompressed files, caching and CORS headers, and a widget that
// loads through it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { launch } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
let nginx;
let base;
let dir;

const freePort = () => new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
});

before(async () => {
  assert.ok(existsSync('/usr/sbin/nginx') && existsSync(MODULE), 'nginx and its brotli_static module (.ci/setup installs them)');
  dir = mkdtempSync(join(tmpdir(), 'ew-nginx-'));
  const port = await freePort();
  const site = readFileSync(new URL('./nginx/widget.conf', import.meta.url), 'utf8').replace('/srv/election-widget/', DIST);
  writeFileSync(join(dir, 'nginx.conf'), `load_module ${MODULE};
daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}; proxy_temp_path ${dir}; fastcgi_temp_path ${dir}; uwsgi_temp_path ${dir}; scgi_temp_path ${dir};
  server {
    listen 127.0.0.1:${port};
    location = / { return 200 '<!doctype html><body><div id="w" data-election-widget data-eager data-src="/election-widget/bulletin.fa.json"></div><script type="module" src="/election-widget/embed.js"></script>'; default_type text/html; }
    ${site}
  }
}
`);
  const check = spawnSync('/usr/sbin/nginx', ['-t', '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
  assert.equal(check.status, 0, check.stderr);
  nginx = spawn('/usr/sbin/nginx', ['-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 50; i += 1) {
    if (await fetch(base).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
after(() => { nginx?.kill('SIGQUIT'); });

const names = () => {
  const embed = readFileSync(join(DIST, 'embed.js'), 'utf8');
  return { wasm: /election-widget_bg\.[0-9a-f]{10}\.wasm/.exec(embed)[0] };
};

test('serves precompressed files with the right types, caching and CORS', async () => {
  const { wasm } = names();
  const get = (path, encoding) => fetch(`${base}election-widget/${path}`, { headers: { 'accept-encoding': encoding } });
  const w = await get(wasm, 'br, gzip');
  assert.equal(w.status, 200);
  assert.equal(w.headers.get('content-type'), 'application/wasm');
  assert.equal(w.headers.get('content-encoding'), 'br');
  assert.match(w.headers.get('cache-control'), /immutable/);
  assert.equal(w.headers.get('access-control-allow-origin'), '*');
  assert.equal(Buffer.from(await w.arrayBuffer()).length, readFileSync(join(DIST, wasm)).length, 'decoded body is the wasm');
  const g = await get('embed.js', 'gzip');
  assert.equal(g.headers.get('content-encoding'), 'gzip');
  assert.match(g.headers.get('content-type'), /^text\/javascript/);
  const e = await get('embed.js', 'br');
  assert.equal(e.headers.get('content-encoding'), 'br');
  assert.equal(e.headers.get('cache-control'), 'public, max-age=300', 'embed.js: short cache, stable name');
  const font = readdirSync(join(DIST, 'fonts')).find((n) => n.endsWith('.woff2'));
  const f = await get(`fonts/${font}`, 'br');
  assert.equal(f.headers.get('content-type'), 'font/woff2');
  assert.match(f.headers.get('cache-control'), /immutable/, 'hashed font names are cached forever');
  const pinnedCopy = readdirSync(DIST).find((n) => /^embed-.+\.[0-9a-f]{10}\.js$/.test(n));
  assert.ok(pinnedCopy, 'the versioned copy of embed.js carries a content hash');
  assert.match((await get(pinnedCopy, 'br')).headers.get('cache-control'), /immutable/, 'and is cached forever');
  const plain = await get('bulletin.fa.json', 'identity');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.match(plain.headers.get('content-type'), /^application\/json/);
});

test('a page loads the widget through it', async () => {
  const browser = await launch();
  const page = await browser.newPage();
  await page.goto(base);
  await page.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'ready', null, { timeout: 15_000 });
  await browser.close();
});
