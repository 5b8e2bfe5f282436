// Embedding on a hostile page: the widget's files, the host page and the bulletin on three
// origins, the strict CSP from the README, aggressive CSS and patched built-ins.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve } from './serve.mjs';
import { startFaults } from './faults.mjs';
import { launch } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const HERE = new URL('./hostile/', import.meta.url);
let files;
let bulletins;
let host;
let browser;

/** The policy of the README, with the widget's and the bulletin's origins added. */
const policy = (wasm = true) => [
  "default-src 'none'",
  `script-src 'self' ${files.url.slice(0, -1)}${wasm ? " 'wasm-unsafe-eval'" : ''}`,
  `style-src 'self' ${files.url.slice(0, -1)}`,
  `font-src 'self' ${files.url.slice(0, -1)}`,
  "img-src 'self'",
  `connect-src 'self' ${files.url.slice(0, -1)} ${bulletins.url.slice(0, -1)}`,
  "require-trusted-types-for 'script'",
].join('; ');

const page = (bulletin) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile host</title>
<link rel="stylesheet" href="hostile.css">
<link rel="stylesheet" href="${files.url}embed.css">
<script src="hostile.js"></script>
<script type="module" src="${files.url}embed.js?v=1"></script>
<script type="module" src="${files.url}embed.js?v=2"></script>
</head>
<body data-bulletin="${bulletin}">
<p class="card__title" id="outside">Host text that must keep the host's styles</p>
<div id="first" data-election-widget data-eager data-src="${bulletin}"><a href="${bulletin}">fallback link</a></div>
<div id="spacer"></div>
<div id="below" data-election-widget data-src="${bulletin}"><a href="${bulletin}">fallback link</a></div>
<div id="slot"></div>
<div id="doomed" data-election-widget data-eager data-src="${bulletin}"><a href="${bulletin}">fallback link</a></div>
</body></html>`;

before(async () => {
  files = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*' }) });
  bulletins = await startFaults();
  const bulletin = `${bulletins.url}ok`;
  host = await serve(HERE.pathname, {
    routes: {
      '/': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy(true) }); res.end(page(bulletin)); },
      '/no-wasm': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy(false) }); res.end(page(bulletin)); },
    },
    headers: () => ({ 'content-security-policy': policy(true) }),
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await host?.close();
  await bulletins?.close();
  await files?.close();
});

const state = (p, id) => p.evaluate((i) => document.getElementById(i)?.getAttribute('data-state') ?? null, id);

test('works on a hostile page on another origin under a strict CSP', async () => {
  const p = await browser.newPage({ viewport: { width: 1000, height: 800 } });
  const pageErrors = [];
  p.on('pageerror', (e) => pageErrors.push(String(e)));
  await p.goto(host.url);
  await p.waitForFunction(() => ['first', 'late'].every((id) => document.getElementById(id)?.getAttribute('data-state') === 'ready'), null, { timeout: 20_000 });
  await p.waitForFunction(() => window.__host.doomed && !window.__host.doomed.isConnected, null, { timeout: 10_000 });

  // lazy: the widget far below the fold has not mounted (not even its early skeleton)
  assert.equal(await p.evaluate(() => document.getElementById('below').shadowRoot), null, 'not mounted below the fold');
  // teardown: the removed widget's shadow root is empty and its state cleared
  assert.deepEqual(await p.evaluate(() => ({
    children: window.__host.doomed.shadowRoot?.childNodes.length ?? -1,
    state: window.__host.doomed.getAttribute('data-state'),
  })), { children: 0, state: null });

  // styles inside are the widget's own, whatever the host's CSS says
  const inside = await p.evaluate(() => {
    const root = document.getElementById('first').shadowRoot;
    const title = getComputedStyle(root.querySelector('.card__title'));
    const ew = getComputedStyle(root.querySelector('.ew'));
    const button = getComputedStyle(root.querySelector('button'));
    return {
      titleSize: title.fontSize, titleColor: title.color, spacing: title.letterSpacing, transform: title.textTransform,
      lineHeight: ew.lineHeight, direction: ew.direction, family: ew.fontFamily, display: ew.display,
      buttonBg: button.backgroundColor, boxSizing: ew.boxSizing,
    };
  });
  assert.equal(inside.titleSize, '21px');
  assert.equal(inside.titleColor, 'rgb(26, 26, 26)');
  assert.equal(inside.spacing, 'normal');
  assert.equal(inside.transform, 'none');
  assert.equal(inside.lineHeight, '28px');
  assert.equal(inside.direction, 'rtl');
  assert.equal(inside.display, 'flex');
  assert.equal(inside.boxSizing, 'border-box');
  assert.match(inside.family, /^"Election Widget Vazirmatn"/);
  assert.notEqual(inside.buttonBg, 'rgb(255, 255, 0)');
  // and nothing of the widget's CSS leaks out
  const outside = await p.evaluate(() => getComputedStyle(document.getElementById('outside')).fontSize);
  assert.equal(outside, '50px', 'a host element with the widget class names keeps the host styles');

  // one wasm instance, no CSP violation, no error, no layout shift to speak of
  const h = await p.evaluate(() => window.__host);
  assert.deepEqual(h.violations, [], 'zero CSP violations');
  assert.deepEqual(h.errors, [], 'zero uncaught errors');
  assert.deepEqual(pageErrors, []);
  assert.ok(h.shift < 0.005, `layout shift ${h.shift}`);
  const wasmLoads = await p.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).length);
  assert.equal(wasmLoads, 1, 'one WebAssembly module for every widget');
  assert.equal(await p.evaluate(() => typeof window.ElectionWidget?.mount), 'function');
  // the font files are fetched at idle for the next view (issue 14), from the widget's origin
  await p.waitForFunction(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/fonts/')).length >= 2, null, { timeout: 15_000 });
  const fonts = await p.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.includes('/fonts/')).map((r) => new URL(r.name).origin));
  assert.ok(fonts.length >= 1 && fonts.every((o) => `${o}/` === files.url), 'the font comes from the widget origin only');
  const origins = await p.evaluate(() => [...new Set(performance.getEntriesByType('resource').map((r) => new URL(r.name).origin))]);
  for (const o of origins) assert.ok([host.url, files.url, bulletins.url].includes(`${o}/`), `unexpected origin ${o}`);

  // lazy mounting: scrolling the last widget into view mounts it
  await p.evaluate(() => document.getElementById('below').scrollIntoView());
  await p.waitForFunction(() => document.getElementById('below').getAttribute('data-state') === 'ready', null, { timeout: 10_000 });
  assert.deepEqual((await p.evaluate(() => window.__host)).violations, []);
  await p.close();
});

test('where WebAssembly is blocked, the fallback stays and an error event fires', async () => {
  const p = await browser.newPage();
  await p.goto(`${host.url}no-wasm`);
  await p.waitForFunction(() => document.getElementById('first').getAttribute('data-state') === 'error', null, { timeout: 10_000 });
  const r = await p.evaluate(() => ({
    shadow: [...(document.getElementById('first').shadowRoot?.childNodes ?? [])].map((n) => n.nodeName),
    link: document.querySelector('#first a').getBoundingClientRect().height,
    events: window.__host.events.filter((e) => e.type === 'election-widget:error').map((e) => e.detail.code),
    errors: window.__host.errors,
  }));
  assert.deepEqual(r.shadow, ['SLOT'], 'the early skeleton gave way to the fallback content');
  assert.ok(r.link > 0, 'the fallback link is visible');
  assert.ok(r.events.includes('wasm'));
  assert.deepEqual(r.errors, [], 'the host page is unharmed');
  await p.close();
});
