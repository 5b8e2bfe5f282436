// The other pages in the build: the iframe embed (with height messages to the parent) and
// the embed-code page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './serve.mjs';
import { startFaults } from './faults.mjs';
import { launch, watch } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
let files;
let bulletins;
let host;
let browser;
let pasted = '';

before(async () => {
  files = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*' }) });
  bulletins = await startFaults();
  host = await serve(DIST, {
    routes: {
      // a page made of whatever the test last copied from the embed-code page
      '/pasted.html': (req, res) => {
        const [head, body] = pasted.split('<!-- where the widget goes -->');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
      },
      '/frames.html': (req, res) => {
        const frame = new URL('frame.html', files.url);
        frame.searchParams.set('src', `${bulletins.url}ok`);
        frame.searchParams.set('origin', host.url);
        frame.searchParams.set('now', '2024-03-01T10:00:00+03:30');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><body>
          <iframe id="f" src="${frame.href}" title="news" width="400" height="150"></iframe>
          <script src="${files.url}frame-resize.js" defer></script></body></html>`);
      },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await bulletins?.close();
  await files?.close();
});

test('the iframe page shows one widget and its frame fits the content', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${host.url}frames.html`);
  const frame = page.frameLocator('#f');
  await frame.locator('#widget[data-state="ready"]').waitFor({ timeout: 15_000 });
  // the card is as tall as its content (the skeleton before it only about as tall): the
  // frame's inner height follows it (its border is outside)
  const content = await frame.locator('html').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(content > 300, `content ${content}px`);
  await page.waitForFunction((c) => Math.abs(document.getElementById('f').clientHeight - c) <= 1, content, { timeout: 10_000 });
  const outer = await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height);
  assert.equal(await frame.locator('#widget .cta').getAttribute('data-phase'), 'open', 'URL parameters reach the widget');
  // a message from anyone else is ignored
  await page.evaluate(() => window.postMessage({ type: 'election-widget:height', height: 5 }, '*'));
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height), outer);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the embed-code page previews the widget and writes the snippet', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${files.url}embed-code.html`);
  await page.locator('#preview [data-election-widget][data-state="ready"]').waitFor({ timeout: 15_000 });
  let code = await page.inputValue('#snippet');
  assert.ok(code.includes(`data-src="${files.url}bulletin.fa.json"`), code);
  assert.ok(code.includes(`<script type="module" src="${files.url}embed.js"></script>`));
  assert.ok(code.includes('<a href="'), 'with its fallback link');
  await page.fill('input[name="items"]', '3');
  await page.selectOption('select[name="theme"]', 'dark');
  code = await page.inputValue('#snippet');
  assert.ok(code.includes('data-items="3"') && code.includes('data-theme="dark"'), code);
  await page.locator('#preview [data-election-widget][data-theme="dark"][data-state="ready"]').waitFor({ timeout: 15_000 });
  assert.match(await page.inputValue('#frame-snippet'), /frame\.html\?src=/);
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('copied').textContent.length > 0);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the pinned snippet preloads the module from the page and the widget uses that one download', async () => {
  const page = await browser.newPage();
  await page.goto(`${files.url}embed-code.html`);
  await page.locator('input[name="pin"]:not([disabled])').waitFor({ timeout: 15_000 });
  await page.check('input[name="pin"]');
  const code = await page.inputValue('#snippet');
  const integrity = JSON.parse(await (await fetch(`${files.url}integrity.json`)).text());
  const names = Object.keys(integrity);
  const embed = names.find((n) => /^embed-.+\.js$/.test(n));
  const wasm = names.find((n) => n.endsWith('.wasm'));
  const glue = names.find((n) => /^election-widget\..+\.js$/.test(n));
  assert.ok(code.includes(`<script type="module" src="${files.url}${embed}" integrity="${integrity[embed]}" crossorigin="anonymous"></script>`), code);
  assert.ok(code.includes(`<link rel="modulepreload" href="${files.url}${glue}">`), code);
  assert.ok(code.includes(`<link rel="preload" href="${files.url}${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous">`), code);
  await page.close();

  // pasted into a page on another origin, it works, and the preloads are what the widget uses
  pasted = code.replaceAll(`${files.url}bulletin.fa.json`, `${bulletins.url}ok`);
  const site = await browser.newPage();
  const seen = watch(site);
  await site.goto(`${host.url}pasted.html`);
  await site.waitForFunction(() => document.querySelector('[data-election-widget]')?.getAttribute('data-state') === 'ready', null, { timeout: 15_000 });
  const loads = await site.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.equal(loads.filter((n) => n.endsWith('.wasm')).length, 1, 'one download of the module');
  assert.equal(loads.filter((n) => /election-widget\.[0-9a-f]+\.js$/.test(n)).length, 1, 'one download of the glue');
  assert.ok(!seen.console.some((m) => /preload/i.test(m)), `no unused-preload warning: ${seen.console}`);
  assert.deepEqual(seen.errors, []);
  await site.close();
});
