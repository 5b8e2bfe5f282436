// trunk post_build hook: makes the staged build embeddable.
// - Removes trunk's injected inline loader (<script type="module">import init …</script>) and its
//   absolute-path preloads: pages load the widget through embed.js only, exactly as a customer's
//   page does, and a strict CSP (script-src 'self') allows no inline script.
// - In release builds, runs wasm-opt twice more over the module (about 1 KiB), gives the
//   module's imports and exports short names on both sides (.ci/wasm-names.mjs, about 2.5 KiB),
//   puts the wasm-bindgen glue inside embed.js as a factory with the module's integrity
//   (.ci/glue-factory.mjs: restarts after a trap, SRI end to end), minifies embed.js, then adds
//   content hashes and Subresource Integrity; the same for the newsroom page's files
//   (author.html: its module, glue, loader and stylesheet).
// - Makes trunk's remaining absolute asset URLs relative, so dist/ can be served from any path.
// - In release builds, writes precompressed .br and .gz beside every text and wasm file.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { minify } from 'terser';
import { shortenExports, shortenImports } from './wasm-names.mjs';
import { glueFactory } from './glue-factory.mjs';
import { applySources } from './sources.mjs';

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

// ---- Allowed sources of the iframe embed (.ci/sources.mjs) ----
// ELECTION_WIDGET_SOURCES="https://news.example.ir/election/ …" becomes data-sources on
// frame.html's embed.js tag; unset or empty, frame.html shows any bulletin. A bad entry stops
// the build. Runs before the precompressed copies are written.
{
  const sources = applySources(stage, process.env.ELECTION_WIDGET_SOURCES);
  if (sources.length) console.log(`postbuild: frame.html shows bulletins under ${sources.join(' ')}`);
}
// ---- end of allowed sources ----

// The self-hosted font: two weights of Vazirmatn's Arabic-script subset, with its licence.
const fontDir = new URL('../node_modules/vazirmatn/', import.meta.url);
mkdirSync(join(stage, 'fonts'), { recursive: true });
for (const file of ['Vazirmatn-NL-Regular.woff2', 'Vazirmatn-NL-Bold.woff2']) {
  copyFileSync(new URL(`misc/Non-Latin/fonts/webfonts/${file}`, fontDir), join(stage, 'fonts', file));
}
copyFileSync(new URL('OFL.txt', fontDir), join(stage, 'fonts', 'OFL.txt'));

if (process.env.TRUNK_PROFILE === 'release') {
  // Content hashes on the files embed.js loads, so they can be cached forever; embed.js keeps
  // its stable name (short cache lifetime) and learns the hashed names here. A versioned copy
  // of embed.js lets careful sites pin it with Subresource Integrity.
  const digest = (data, algo = 'sha256') => createHash(algo).update(data).digest();
  // Property names stay as they are (the glue's import object is keyed by the names the
  // module imports); only local names are shortened.
  const minified = async (name, code) => {
    const out = await minify(code, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
    if (!out.code) throw new Error(`postbuild: terser returned nothing for ${name}`);
    return out.code;
  };
  const gluePath = join(stage, 'election-widget.js');
  const wasmPath = join(stage, 'election-widget_bg.wasm');
  // trunk has run wasm-opt -Oz once; binaryen's passes are not idempotent, and two more rounds
  // find about 1 KiB more (measured: a third finds nothing worth its time). The producers and
  // target-features sections are for linkers, not browsers.
  execFileSync(new URL('../node_modules/.bin/wasm-opt', import.meta.url).pathname,
    [wasmPath, '-Oz', '-Oz', '--strip-producers', '--strip-target-features', '-o', wasmPath], { stdio: 'inherit' });
  const imports = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, 'utf8'));
  // embed.js reads only the memory (ElectionWidget.memoryBytes); mount and the rest are the
  // glue's own functions, returned by its factory
  const short = shortenExports(imports.wasm, imports.glue, ['memory']);
  const hashed = {};
  const wasmName = `election-widget_bg.${digest(short.wasm).toString('hex').slice(0, 10)}.wasm`;
  hashed['election-widget_bg.wasm'] = wasmName;
  writeFileSync(join(stage, wasmName), short.wasm);
  unlinkSync(wasmPath);
  for (const file of ['Vazirmatn-NL-Regular.woff2', 'Vazirmatn-NL-Bold.woff2']) {
    const data = readFileSync(join(stage, 'fonts', file));
    hashed[file] = file.replace('.woff2', `.${digest(data).toString('hex').slice(0, 10)}.woff2`);
    renameSync(join(stage, 'fonts', file), join(stage, 'fonts', hashed[file]));
  }
  const rename = (text) => text
    .replaceAll("'Vazirmatn-NL-Regular.woff2'", `'${hashed['Vazirmatn-NL-Regular.woff2']}'`)
    .replaceAll("'Vazirmatn-NL-Bold.woff2'", `'${hashed['Vazirmatn-NL-Bold.woff2']}'`)
    .replaceAll('./election-widget_bg.wasm', `./${wasmName}`)
    .replaceAll('"election-widget_bg.wasm"', `"${wasmName}"`);
  // The glue goes inside embed.js, as a factory (.ci/glue-factory.mjs), with the module's
  // integrity beside it: one file fewer to download, a fresh glue state per restart, and a
  // page that pins embed.js with SRI pins the glue and the module too.
  const wasmIntegrity = `sha384-${digest(short.wasm, 'sha384').toString('base64')}`;
  let loader = rename(readFileSync(join(stage, 'embed.js'), 'utf8'));
  for (const [from, to] of [
    ['const GLUE = null;', `const GLUE = ${glueFactory(short.glue)};`],
    ["const WASM_INTEGRITY = '';", `const WASM_INTEGRITY = '${wasmIntegrity}';`],
  ]) {
    if (loader.split(from).length !== 2) throw new Error(`postbuild: embed.js must contain "${from}" once`);
    loader = loader.replace(from, to);
  }
  const embed = await minified('embed.js', loader);
  if (!embed.includes(wasmName) || !embed.includes(wasmIntegrity)) {
    throw new Error('postbuild: embed.js does not name the hashed module and its integrity');
  }
  writeFileSync(join(stage, 'embed.js'), embed);
  unlinkSync(gluePath);
  const version = /^version = "([^"]+)"/m.exec(readFileSync(new URL('../Cargo.toml', import.meta.url), 'utf8'))[1];
  // the version for people, a content hash so that a rebuild never changes a pinned file
  // under its integrity hash (same-version rebuilds would otherwise break pinned pages)
  const pinned = `embed-${version}.${digest(embed).toString('hex').slice(0, 10)}.js`;
  writeFileSync(join(stage, pinned), embed);
  const sri = `sha384-${digest(embed, 'sha384').toString('base64')}`;
  writeFileSync(join(stage, 'integrity.json'), `${JSON.stringify({ [pinned]: sri, [wasmName]: wasmIntegrity }, null, 2)}\n`);
  for (const name of readdirSync(stage)) {
    if (!name.endsWith('.html')) continue;
    // the development build's glue preload has nothing left to preload
    const html = rename(readFileSync(join(stage, name), 'utf8')).replace(/\s*<link rel="modulepreload" href="(\.\/)?election-widget\.js">/g, '');
    writeFileSync(join(stage, name), html);
  }
  console.log(`postbuild: ${Object.values(hashed).join(', ')}; glue inside embed.js; ${pinned} ${sri}`);

  // The newsroom page (author.html): its module, glue, loader and stylesheet get the same
  // treatment (minified JavaScript, content hashes, Subresource Integrity on the page's
  // script and stylesheet). It stays out of integrity.json, which lists the embed's files.
  const hashName = (name, data) => name.replace(/(\.[a-z]+)$/, `.${digest(data).toString('hex').slice(0, 10)}$1`);
  const sha384 = (data) => `sha384-${digest(data, 'sha384').toString('base64')}`;
  const put = (name, data) => {
    const final = hashName(name, data);
    writeFileSync(join(stage, final), data);
    if (final !== name) unlinkSync(join(stage, name));
    return final;
  };
  const authorWasm = put('author_bg.wasm', readFileSync(join(stage, 'author_bg.wasm')));
  const authorGlue = put('author.js', await minified('author.js', readFileSync(join(stage, 'author.js'), 'utf8')
    .replaceAll('author_bg.wasm', authorWasm)));
  const start = await minified('author-start.js', readFileSync(join(stage, 'author-start.js'), 'utf8')
    .replaceAll('./author.js', `./${authorGlue}`)
    .replaceAll('./author_bg.wasm', `./${authorWasm}`));
  if (!start.includes(authorGlue) || !start.includes(authorWasm)) {
    throw new Error('postbuild: author-start.js does not name the hashed module and glue');
  }
  const authorStart = put('author-start.js', start);
  const css = readFileSync(join(stage, 'author.css'), 'utf8')
    .replaceAll("'fonts/Vazirmatn-NL-Regular.woff2'", `'fonts/${hashed['Vazirmatn-NL-Regular.woff2']}'`)
    .replaceAll("'fonts/Vazirmatn-NL-Bold.woff2'", `'fonts/${hashed['Vazirmatn-NL-Bold.woff2']}'`);
  const authorCss = put('author.css', css);
  const page = readFileSync(join(stage, 'author.html'), 'utf8')
    .replace('src="author-start.js"', `src="${authorStart}" integrity="${sha384(readFileSync(join(stage, authorStart)))}"`)
    .replace('href="author.css"', `href="${authorCss}" integrity="${sha384(readFileSync(join(stage, authorCss)))}"`);
  if (!page.includes(authorStart) || !page.includes(authorCss)) {
    throw new Error('postbuild: author.html does not name its hashed script and stylesheet');
  }
  writeFileSync(join(stage, 'author.html'), page);
  console.log(`postbuild: newsroom ${authorWasm}, ${authorGlue}, ${authorStart}, ${authorCss}`);

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
