// trunk post_build hook: makes the staged build embeddable.
// - Removes trunk's injected inline loader (<script type="module">import init …</script>) and its
//   absolute-path preloads: pages load the widget through embed.js only, exactly as a customer's
//   page does, and a strict CSP (script-src 'self') allows no inline script.
// - Makes trunk's remaining absolute asset URLs relative, so dist/ can be served from any path.
// - In release builds, writes precompressed .br and .gz beside every text and wasm file.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const stage = process.env.TRUNK_STAGING_DIR;
if (!stage) throw new Error('postbuild: TRUNK_STAGING_DIR is not set (run through trunk)');

const INLINE_LOADER = /<script type="module">\s*import init, \* as bindings from [^<]*<\/script>/g;
const TRUNK_PRELOADS = /<link rel="(?:modulepreload|preload)" href="\/election-widget[^>]*>/g;

for (const name of readdirSync(stage)) {
  if (!name.endsWith('.html')) continue;
  const path = join(stage, name);
  const before = readFileSync(path, 'utf8');
  const after = before
    .replace(INLINE_LOADER, '')
    .replace(TRUNK_PRELOADS, '')
    .replace(/(href|src)="\/(?!\/)/g, '$1="./');
  // `trunk serve` adds its own inline auto-reload script to debug builds; a release has none
  const release = process.env.TRUNK_PROFILE === 'release';
  if (release && /<script(?![^>]*\bsrc=)[^>]*>/.test(after)) {
    throw new Error(`postbuild: ${name} still has an inline script`);
  }
  writeFileSync(path, after);
}

// The self-hosted font: two weights of Vazirmatn's Arabic-script subset, with its licence.
const fontDir = new URL('../node_modules/vazirmatn/', import.meta.url);
mkdirSync(join(stage, 'fonts'), { recursive: true });
for (const file of ['Vazirmatn-NL-Regular.woff2', 'Vazirmatn-NL-Bold.woff2']) {
  copyFileSync(new URL(`misc/Non-Latin/fonts/webfonts/${file}`, fontDir), join(stage, 'fonts', file));
}
copyFileSync(new URL('OFL.txt', fontDir), join(stage, 'fonts', 'OFL.txt'));

if (process.env.TRUNK_PROFILE === 'release') {
  for (const name of readdirSync(stage)) {
    if (!/\.(js|mjs|wasm|css|html|json|svg|txt)$/.test(name)) continue;
    const path = join(stage, name);
    if (!statSync(path).isFile()) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  }
}
