// The bulletins the iframe embed may show, chosen by whoever deploys the widget.
//
// frame.html takes its bulletin URL from its own query string, and an iframe is what comment
// filters often let through: anyone could frame the official widget around a fake bulletin.
// ELECTION_WIDGET_SOURCES (URL prefixes, space-separated) becomes the data-sources attribute of
// frame.html's embed.js tag, which the loader enforces: a `src` or `election` outside them makes
// no request and shows the `config` error. Unset or empty: no attribute (any bulletin, as before).
//
// At build time .ci/postbuild.mjs calls applySources(); at deploy time, without rebuilding:
//   ELECTION_WIDGET_SOURCES="https://news.example.ir/election/ https://hq.example.ir/" \
//     node .ci/sources.mjs /srv/election-widget
// which also rewrites the precompressed frame.html.br and frame.html.gz beside it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

// the loader's tag, whatever its other attributes
const LOADER_TAG = /<script\b[^>]*\bsrc="(?:\.\/)?embed\.js"[^>]*>/;

/**
 * The prefixes in `value`, each an absolute http(s) URL without credentials, query or fragment,
 * serialised by the URL parser (so `https://HQ.example.ir` becomes `https://hq.example.ir/`).
 * Throws an Error naming the first bad entry.
 */
export function parseSources(value) {
  return String(value ?? '').split(/\s+/).filter(Boolean).map((entry) => {
    let url;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`ELECTION_WIDGET_SOURCES: "${entry}" is not an absolute URL (for example https://news.example.ir/election/)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      throw new Error(`ELECTION_WIDGET_SOURCES: "${entry}" is not an http or https URL`);
    }
    if (url.username || url.password) throw new Error(`ELECTION_WIDGET_SOURCES: "${entry}" must not carry a user name or password`);
    if (url.search || url.hash || entry.includes('?') || entry.includes('#')) {
      throw new Error(`ELECTION_WIDGET_SOURCES: "${entry}" is a prefix: an origin and a path, without ? or #`);
    }
    return url.href;
  });
}

const attribute = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** frame.html's text with the loader tag's data-sources set to `sources` (removed when empty). */
export function withSources(html, sources) {
  const tag = LOADER_TAG.exec(html)?.[0];
  if (!tag) {
    if (!sources.length) return html;
    throw new Error('sources: frame.html has no <script src="embed.js"> tag to carry data-sources');
  }
  const bare = tag.replace(/\s+data-sources="[^"]*"/, '');
  const value = sources.length ? ` data-sources="${attribute(sources.join(' '))}"` : '';
  return html.replace(tag, bare.replace(/>$/, `${value}>`));
}

/**
 * Writes `value` (ELECTION_WIDGET_SOURCES) into `dir`/frame.html, and into its .br and .gz
 * copies where they exist. Returns the prefixes written.
 */
export function applySources(dir, value) {
  const sources = parseSources(value);
  const path = join(dir, 'frame.html');
  const before = readFileSync(path, 'utf8');
  const after = withSources(before, sources);
  if (after === before) return sources;
  writeFileSync(path, after);
  const data = Buffer.from(after);
  if (existsSync(`${path}.br`)) {
    writeFileSync(`${path}.br`, brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
  }
  if (existsSync(`${path}.gz`)) writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  return sources;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2];
  if (!dir || process.env.ELECTION_WIDGET_SOURCES === undefined) {
    console.error('usage: ELECTION_WIDGET_SOURCES="https://news.example.ir/election/ …" node .ci/sources.mjs DIST_DIR');
    process.exit(2);
  }
  try {
    const written = applySources(dir, process.env.ELECTION_WIDGET_SOURCES);
    console.log(written.length ? `sources: frame.html shows bulletins under ${written.join(' ')}` : 'sources: frame.html shows any bulletin');
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
