// The loader's skeleton: drawn before the module arrives, kept by the module while the bulletin
// loads (no second skeleton drawn under it), and replaced by the content in one step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, watch } from './browser.mjs';

const page = (attrs) => `<!doctype html><html><head><meta charset="utf-8">
<script type="module" src="embed.js" data-allow-now></script></head><body>
<div id="w" data-election-widget data-eager data-now="2024-02-24T14:15:00+03:30" ${attrs}></div>
</body></html>`;
const html = (body) => (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
const h = harness({
  '/fa.html': html(page('data-src="bulletin.fa.json"')),
  '/en.html': html(page('data-src="bulletin.en.json" data-lang="en-GB"')),
});
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

const look = (p) => p.evaluate(() => {
  const root = document.getElementById('w').shadowRoot;
  const early = root.querySelector('[data-early]');
  const status = early?.querySelector('[role=status]');
  return {
    state: document.getElementById('w').getAttribute('data-state'),
    early: Boolean(early),
    busy: status?.getAttribute('aria-busy') ?? null,
    said: status ? [...status.childNodes].map((n) => n.textContent).join('') : null,
    saidLang: status?.querySelector('[lang]')?.getAttribute('lang') ?? null,
    moduleSkeletons: root.querySelectorAll('.skeleton').length,
    rootHidden: root.querySelector('.ew-root')?.hidden ?? null,
    cards: root.querySelectorAll('.card').length,
    sheets: root.adoptedStyleSheets.length,
    height: Math.round(document.getElementById('w').getBoundingClientRect().height),
  };
});

async function openHeld(path, bulletin) {
  const p = await h.browser.newPage({ viewport: { width: 800, height: 900 } });
  const seen = watch(p);
  let release;
  const held = new Promise((ok) => { release = ok; });
  await p.route(`**/${bulletin}`, async (route) => { await held; await route.continue(); });
  await p.goto(h.site.url + path);
  // the module has started and mounted the widget, and the bulletin is still held back
  await p.waitForFunction(() => document.getElementById('w')?.shadowRoot?.querySelector('.ew-root'));
  await sleep(200);
  return { p, seen, release };
}

test('the module keeps the loader\'s skeleton while loading, then shows the card in its place', async () => {
  const { p, seen, release } = await openHeld('fa.html', 'bulletin.fa.json');
  const loading = await look(p);
  assert.equal(loading.state, 'loading');
  assert.ok(loading.early, 'the loader\'s skeleton is still there');
  assert.equal(loading.busy, 'true');
  assert.equal(loading.said, 'در حال بارگذاری خبرها…', 'screen readers hear what the module\'s skeleton would say');
  assert.equal(loading.saidLang, 'fa');
  assert.equal(loading.moduleSkeletons, 0, 'no second skeleton under it');
  assert.equal(loading.rootHidden, true);
  assert.equal(loading.sheets, 2, 'the skeleton keeps its stylesheet beside the widget\'s');
  release();
  await p.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'ready');
  const ready = await look(p);
  assert.equal(ready.early, false);
  assert.equal(ready.rootHidden, false);
  assert.equal(ready.cards, 1);
  assert.equal(ready.sheets, 1, 'only the widget\'s stylesheet is left');
  // about the card's height on a first visit (the Persian sample's for this width); exactly
  // the card's on the next one (layout.test.mjs)
  assert.ok(Math.abs(ready.height - loading.height) <= 0.1 * ready.height, `the card takes the skeleton's place (${loading.height} -> ${ready.height} px)`);
  assert.deepEqual(seen.errors, []);
  await p.close();
});

test('the loader\'s skeleton speaks the widget\'s language', async () => {
  const { p, release } = await openHeld('en.html', 'bulletin.en.json');
  const loading = await look(p);
  assert.equal(loading.said, 'Loading the news…');
  assert.equal(loading.saidLang, 'en');
  release();
  await p.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'ready');
  assert.equal((await look(p)).early, false);
  await p.close();
});
