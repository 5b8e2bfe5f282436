// A fault-injection server for the page-level tests, on 127.0.0.1 only: every way an
// overloaded office server fails, plus each feed format. CORS is allowed except on /no-cors.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const fixture = (name) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
const sample = readFileSync(new URL('../../src/assets/bulletin.fa.json', import.meta.url));

/** The public hostile corpora (shared/corpus) and the project's own hostile strings. */
export const HOSTILE = [
  ...JSON.parse(readFileSync(new URL('../fixtures/shared/xss-public.json', import.meta.url), 'utf8')),
  ...JSON.parse(readFileSync(new URL('../fixtures/shared/naughty-public.json', import.meta.url), 'utf8')),
  ...JSON.parse(readFileSync(new URL('./hostile/strings.json', import.meta.url), 'utf8')),
];

/**
 * Bulletins under the 1 MiB limit built to be slow (issue 13, finding 2): an HTML field of
 * unclosed `<!`, floods of combining marks, many items, one item with many paragraphs.
 */
export function heavyBulletin(kind) {
  const item = (fields) => ({ id: '1', title: 'خبر', ...fields });
  const native = (items) => JSON.stringify({ version: 1, lang: 'fa', items });
  switch (kind) {
    case 'bang': return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'f',
      items: [{ id: '1', title: 'خبر', content_html: '<!'.repeat(500_000) }] });
    case 'pi': return JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'f',
      items: [{ id: '1', title: 'خبر', content_html: '<?'.repeat(500_000) }] });
    case 'marks': return native([item({ title: `a${'\u0301'.repeat(50_000)}` })]);
    case 'marks2': return native([item({ title: `a${'\u0301'.repeat(200_000)}`, lead: `b${'\u0301'.repeat(200_000)}` })]);
    case 'items': return native(Array.from({ length: 30_000 }, (_, i) => ({ id: String(i), title: `n${i}` })));
    case 'paragraphs': return native([item({ body: Array.from({ length: 60_000 }, (_, i) => `بند ${i}`) })]);
    default: return native([]);
  }
}

/** A native bulletin with `s` in every field, links included. */
function hostileBulletin(s) {
  return JSON.stringify({
    version: 1, lang: 'fa',
    items: [{ id: s, kicker: s, title: `عنوان ${s}`, lead: s, body: [s, `${s}\n\n${s}`], url: s, source: s, published: s,
      image: { src: s, alt: s } }, { id: 'b', title: s, url: s }],
    election: { title: s, opens: '2024-03-01T08:00:00+03:30', closes: '2024-03-01T18:00:00+03:30', cta: { label: s, url: s },
      turnout: { previous: 40, label: s } },
  });
}

export async function startFaults() {
  const counters = new Map(); // per-id request counts, for "fail then succeed" routes
  const modes = new Map(); // per-id modes set by /control
  const open = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const id = url.searchParams.get('id') ?? '';
    const count = (counters.get(url.pathname + id) ?? 0) + 1;
    counters.set(url.pathname + id, count);
    const cors = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after' };
    const json = (body, status = 200, extra = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...cors, ...extra });
      res.end(body);
    };
    switch (url.pathname) {
      case '/ok': return json(sample);
      case '/slow': { const t = setTimeout(() => json(sample), 20_000); res.on('close', () => clearTimeout(t)); return; }
      case '/hang': res.writeHead(200, { 'content-type': 'application/json', ...cors }); res.write('{"items":['); return;
      case '/404': return json('{"error":"not found"}', 404);
      case '/500': return json('{"error":"boom"}', 500);
      case '/503-then-200': return count === 1 ? json('busy', 503) : json(sample);
      case '/429': return count === 1 ? json('slow down', 429, { 'retry-after': '1' }) : json(sample);
      case '/truncated': return json(sample.subarray(0, Math.floor(sample.length / 2)));
      case '/html': res.writeHead(200, { 'content-type': 'text/html', ...cors }); return res.end('<!doctype html><title>Error</title><h1>Service unavailable</h1>');
      case '/wrong-type': res.writeHead(200, { 'content-type': 'text/plain', ...cors }); return res.end(sample);
      case '/empty': return json('');
      case '/huge': {
        // 5 MB, streamed without Content-Length
        res.writeHead(200, { 'content-type': 'application/json', ...cors });
        res.write('{"items":[],"pad":"');
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < 5 * 1024 * 1024) {
            sent += chunk.length;
            if (!res.write(chunk)) return res.once('drain', pump);
          }
          res.end('"}');
        };
        res.on('error', () => {});
        return pump();
      }
      case '/drop': res.writeHead(200, { 'content-type': 'application/json', ...cors }); res.write('{"items":'); return req.socket.destroy();
      case '/no-cors': res.writeHead(200, { 'content-type': 'application/json' }); return res.end(sample);
      case '/control': modes.set(id, url.searchParams.get('mode')); return json('{}');
      case '/switch': return modes.get(id) === 'fail' ? json('down', 500) : json(sample);
      case '/hostile': return json(hostileBulletin(HOSTILE[Number(url.searchParams.get('i'))] ?? ''));
      case '/election': {
        const doc = JSON.parse(sample);
        doc.election.opens = url.searchParams.get('opens');
        doc.election.closes = url.searchParams.get('closes');
        if (url.searchParams.get('generated')) doc.generated = url.searchParams.get('generated');
        else delete doc.generated;
        return json(JSON.stringify(doc));
      }
      case '/heavy': return json(heavyBulletin(url.searchParams.get('kind')));
      case '/feed': return json(fixture(`feeds/${url.searchParams.get('name')}`));
      default: res.writeHead(404, cors); return res.end();
    }
  });
  server.on('connection', (s) => { open.add(s); s.on('close', () => open.delete(s)); });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { for (const s of open) s.destroy(); server.close(() => ok()); }),
  };
}
