// The self-hosted font (issue 14): either drawn or not fetched. A view without the font in the
// HTTP cache draws with the system's fonts and fetches the files at idle, after the page and the
// widget are done; the next view adds the faces before any text and draws with them. Save-Data
// and data-font="system" fetch nothing.
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

const fontRequests = (p) => p.evaluate(() => performance.getEntriesByType('resource')
  .filter((e) => e.name.includes('/fonts/')).map((e) => ({ start: e.startTime, end: e.responseEnd })));

/** The fonts the browser drew the card's title with (DevTools' platform fonts for the node). */
async function titleFonts(p) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  const find = (n) => (n.nodeName === 'H2' && (n.attributes ?? []).join(' ').includes('card__title')
    ? n : [...(n.children ?? []), ...(n.shadowRoots ?? [])].map(find).find(Boolean));
  const title = find(root);
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: title.children[0].nodeId });
  await cdp.detach();
  return fonts.map((f) => f.familyName);
}

async function open(context, path) {
  const p = await context.newPage();
  const seen = watch(p);
  await p.addInitScript(() => {
    document.addEventListener('election-widget:ready', () => { window.__readyAt ??= performance.now(); });
  });
  await p.goto(h.site.url + path);
  await p.waitForFunction(() => document.getElementById('w')?.getAttribute('data-state') === 'ready');
  return { p, seen };
}

test('the first view draws with the system font and fetches the files at idle; the next view draws with them', async () => {
  const context = await h.browser.newContext();
  const first = await open(context, 'fonts.html');
  const readyAt = await first.p.evaluate(() => window.__readyAt);
  // the two files, fetched only after the widget was ready, and then remembered
  await first.p.waitForFunction(() => localStorage.getItem('election-widget:font:v1') !== null, null, { timeout: 15_000 });
  const fetched = await fontRequests(first.p);
  assert.equal(fetched.length, 2, 'two weights');
  assert.ok(fetched.every((f) => f.start >= readyAt), `after ready (${JSON.stringify(fetched)} vs ${readyAt})`);
  assert.ok(!(await titleFonts(first.p)).includes('Vazirmatn NL'), 'not swapped in under the reader\'s eyes');
  assert.deepEqual(first.seen.errors, []);
  await first.p.close();

  // the next page view: from the HTTP cache, before the text
  const next = await open(context, 'fonts.html');
  assert.ok((await titleFonts(next.p)).some((f) => /Vazirmatn/.test(f)), `drawn with the font: ${await titleFonts(next.p)}`);
  assert.ok(await next.p.evaluate((f) => document.fonts.check(`700 20px "${f}"`, 'انتخابات'), FAMILY));
  assert.deepEqual(next.seen.errors, []);
  await next.p.close();
  await context.close();
});

test('Save-Data fetches no font', async () => {
  const context = await h.browser.newContext();
  await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const { p } = await open(context, 'fonts.html');
  // the widget is done and the page idle: the point where the files would have been fetched
  await p.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 500), { timeout: 5000 })));
  assert.deepEqual(await fontRequests(p), []);
  await context.close();
});

test('data-font="system" downloads no font', async () => {
  const context = await h.browser.newContext();
  const { p } = await open(context, 'system-font.html');
  await p.evaluate(() => new Promise((r) => requestIdleCallback(() => setTimeout(r, 500), { timeout: 5000 })));
  assert.deepEqual(await fontRequests(p), []);
  assert.equal(await p.evaluate((f) => [...document.fonts].filter((x) => x.family.replace(/"/g, '') === f).length, FAMILY), 0);
  await context.close();
});
