// Accessibility: an axe-core audit (WCAG 2.0/2.1/2.2 A and AA) of every state in both themes,
// inside the shadow roots; reflow at 320 px; screenshots at 320, 768 and 1280 px, light and dark,
// saved to target/screenshots/ for a person to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { serve } from './serve.mjs';
import { startFaults } from './faults.mjs';
import { launch } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
const AXE = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
let site;
let faults;
let browser;

const states = (f) => [
  ['loading', { 'data-src': `${f}hang`, 'data-timeout': '60' }],
  ['ready', { 'data-src': 'bulletin.fa.json', 'data-now': '2024-03-01T10:00:00+03:30' }],
  ['before', { 'data-src': 'bulletin.fa.json', 'data-now': '2024-02-24T14:15:00+03:30' }],
  ['last-day', { 'data-src': 'bulletin.fa.json', 'data-now': '2024-02-29T20:30:00+03:30' }],
  ['after', { 'data-src': 'bulletin.fa.json', 'data-now': '2024-03-01T18:00:00+03:30' }],
  ['english', { 'data-src': 'bulletin.en.json', 'data-now': '2024-02-29T20:30:00+03:30' }],
  ['error', { 'data-src': 'missing.json' }],
];

before(async () => {
  faults = await startFaults();
  site = await serve(DIST, {
    routes: {
      '/a11y.html': (req, res) => {
        const theme = new URL(req.url, 'http://x').searchParams.get('theme');
        const body = states(faults.url).map(([id, attrs]) => {
          const a = Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(' ');
          return `<section><h1>${id}</h1><div id="${id}" data-election-widget data-eager data-theme="${theme}" ${a}><a href="/">news</a></div></section>`;
        }).join('\n');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html lang="fa" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>states</title><script type="module" src="embed.js" data-allow-now></script></head><body>${body}</body></html>`);
      },
    },
  });
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
  await faults?.close();
});

async function open(theme, width) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
  await page.goto(`${site.url}a11y.html?theme=${theme}`);
  await page.waitForFunction((ids) => ids.every(([id, want]) => document.getElementById(id)?.getAttribute('data-state') === want),
    [['loading', 'loading'], ['ready', 'ready'], ['before', 'ready'], ['last-day', 'ready'], ['after', 'ready'], ['english', 'ready'], ['error', 'error']],
    { timeout: 20_000 });
  return page;
}

for (const theme of ['light', 'dark']) {
  test(`axe-core finds no WCAG A/AA violation in any state, ${theme} theme`, async () => {
    const page = await open(theme, 1280);
    await page.addScriptTag({ content: AXE });
    const result = await page.evaluate(async (tags) => {
      // the skeleton pulses; audit a still frame
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' > ')).slice(0, 3), help: v.help }));
    }, TAGS);
    assert.deepEqual(result, [], JSON.stringify(result, null, 1));
    const phases = await page.evaluate(() => ['before', 'last-day', 'ready', 'after'].map((id) => document.getElementById(id).shadowRoot.querySelector('.cta').dataset.phase));
    assert.deepEqual(phases, ['upcoming', 'upcoming', 'open', 'closed'], 'every call-to-action state was audited');
    await page.close();
  });
}

test('reflows at 320 px and saves screenshots at 320, 768 and 1280 px in both themes', async () => {
  for (const theme of ['light', 'dark']) {
    for (const width of [320, 768, 1280]) {
      const page = await open(theme, width);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${theme} ${width}px: horizontal scrolling (${overflow}px)`);
      await page.screenshot({ path: `${SHOTS}states-${theme}-${width}.png`, fullPage: true });
      await page.close();
    }
  }
});
