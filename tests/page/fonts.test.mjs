// The self-hosted font: fetched only after the module (so it never competes with it for a slow
// line), used when it arrives before the card shows text, and never swapped in afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watch } from './browser.mjs';

const FAMILY = 'Election Widget Vazirmatn';
const page = (attrs = '') => `<!doctype html><html lang="fa"><head><meta charset="utf-8">
<script type="module" src="embed.js" data-allow-now></script></head><body>
<div id="w" data-election-widget data-eager data-src="bulletin.fa.json" data-now="2024-02-24T14:15:00+03:30" ${attrs}></div>
</body></html>`;
const html = (body) => (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
const h = harness({ '/fonts.html': html(page()), '/system-font.html': html(page('data-font="system"')) });
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Opens `path` with `delays` (ms) applied to requests whose URL matches each pattern. */
async function open(path, delays = {}) {
  const p = await h.browser.newPage();
  const seen = watch(p);
  for (const [pattern, ms] of Object.entries(delays)) {
    await p.route(pattern, async (route) => { await sleep(ms); await route.continue(); });
  }
  await p.goto(h.site.url + path);
  await p.waitForFunction(() => document.getElementById('w')?.getAttribute('data-state') === 'ready');
  return { p, seen };
}

const fontState = (p) => p.evaluate((family) => {
  const entries = performance.getEntriesByType('resource');
  const wasm = entries.find((e) => e.name.endsWith('.wasm'));
  const fonts = entries.filter((e) => e.name.includes('/fonts/'));
  return {
    wasmEnd: wasm?.responseEnd ?? null,
    fontStarts: fonts.map((e) => e.startTime),
    fontsDone: fonts.filter((e) => e.responseEnd > 0).length,
    faces: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === family).map((f) => `${f.weight}:${f.status}`).sort(),
    title: getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.card__title')).fontFamily,
  };
}, FAMILY);

test('the font is fetched after the module and used when it arrives before the card', async () => {
  // the bulletin is held back, so the font surely lands before any text is shown
  const { p, seen } = await open('fonts.html', { '**/bulletin.fa.json': 800 });
  await p.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/fonts/') && e.responseEnd > 0).length === 2);
  const s = await fontState(p);
  assert.equal(s.fontStarts.length, 2, 'two weights');
  assert.ok(s.wasmEnd !== null && s.fontStarts.every((t) => t >= s.wasmEnd), `fonts start after the module has arrived (${s.fontStarts} vs ${s.wasmEnd})`);
  assert.deepEqual(s.faces, ['400:loaded', '700:loaded']);
  assert.match(s.title, new RegExp(FAMILY));
  assert.ok(await p.evaluate((f) => document.fonts.check(`700 20px "${f}"`, 'انتخابات'), FAMILY), 'the bold face renders the title');
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test('a font that arrives after the card has shown its text is not swapped in', async () => {
  const { p, seen } = await open('fonts.html', { '**/fonts/*.woff2': 1500 });
  assert.deepEqual((await fontState(p)).faces, [], 'no face while the font is on its way');
  await p.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => e.name.includes('/fonts/') && e.responseEnd > 0).length === 2, null, { timeout: 10_000 });
  await sleep(200);
  const s = await fontState(p);
  assert.equal(s.fontsDone, 2, 'the font was still downloaded (for the next page view)');
  assert.deepEqual(s.faces, [], 'but not added under the reader\'s eyes');
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test('data-font="system" downloads no font', async () => {
  const { p } = await open('system-font.html');
  await sleep(300);
  const s = await fontState(p);
  assert.equal(s.fontStarts.length, 0);
  assert.deepEqual(s.faces, []);
  await p.close();
});
