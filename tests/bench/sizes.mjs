// Bytes a page downloads for the widget (release build in dist/): per file raw, gzip and
// brotli, and the total. `--check` enforces the ceiling in tests/bench/size-budget.json (a
// ratchet: lower it whenever the size drops; raising it is a deliberate, explained commit).
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = new URL('../../dist/', import.meta.url);
const names = readdirSync(dist);
const pick = (re) => names.filter((n) => re.test(n));

export function sizes() {
  // the wasm-bindgen glue is inside embed.js (.ci/glue-factory.mjs)
  const files = [
    ...pick(/^embed\.js$/),
    ...pick(/^election-widget_bg\.[0-9a-f]+\.wasm$/),
  ];
  if (files.length !== 2 || pick(/^election-widget\.[0-9a-f]+\.js$/).length) {
    throw new Error(`expected embed.js (with the glue) and the wasm in dist/, found ${files.join(', ')}`);
  }
  const fonts = readdirSync(new URL('fonts/', dist)).filter((n) => n.endsWith('.woff2')).map((n) => `fonts/${n}`);
  const row = (name) => {
    const data = readFileSync(new URL(name, dist));
    return {
      name,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  };
  return { widget: files.map(row), fonts: fonts.map(row) };
}

const kib = (n) => (n / 1024).toFixed(1);

export function table({ widget, fonts }) {
  const lines = ['| file | raw | gzip | brotli |', '|---|---:|---:|---:|'];
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of widget) {
    lines.push(`| ${r.name.replace(/\.[0-9a-f]{10}\./, '.<hash>.')} | ${kib(r.raw)} KiB | ${kib(r.gzip)} KiB | ${kib(r.brotli)} KiB |`);
    for (const k of Object.keys(total)) total[k] += r[k];
  }
  lines.push(`| **total (embed.js with the glue, wasm with its CSS)** | ${kib(total.raw)} KiB | ${kib(total.gzip)} KiB | **${kib(total.brotli)} KiB** |`);
  for (const r of fonts) lines.push(`| ${r.name} (font, once per page) | ${kib(r.raw)} KiB | | |`);
  return { text: lines.join('\n'), total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = sizes();
  const { text, total } = table(result);
  console.log(text);
  if (process.argv.includes('--check')) {
    const budget = JSON.parse(readFileSync(new URL('./size-budget.json', import.meta.url), 'utf8'));
    const ceiling = budget.ceiling_brotli_bytes;
    const fontLimit = budget.font_max_bytes_per_weight;
    const heavyFont = result.fonts.find((f) => f.raw > fontLimit);
    console.log(`\nsize ratchet: ${total.brotli} bytes brotli, ceiling ${ceiling} (${kib(ceiling)} KiB); target ${budget.target_brotli_bytes} (${kib(budget.target_brotli_bytes)} KiB)`);
    if (total.brotli > ceiling) {
      console.error(`size ratchet: FAILED, ${total.brotli - ceiling} bytes over the ceiling in tests/bench/size-budget.json`);
      process.exit(1);
    }
    if (ceiling - total.brotli >= 1024) {
      console.error(`size ratchet: FAILED, the total dropped ${ceiling - total.brotli} bytes below the ceiling: lower ceiling_brotli_bytes in tests/bench/size-budget.json to ${Math.ceil(total.brotli / 1024) * 1024}`);
      process.exit(1);
    }
    if (heavyFont || result.fonts.length > 2) {
      console.error(`size ratchet: FAILED, fonts must be at most two weights of ${fontLimit} bytes`);
      process.exit(1);
    }
  }
}
