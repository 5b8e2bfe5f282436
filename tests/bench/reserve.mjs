// The heights behind embed.css's reservation (and the README's table for narrow columns):
// the sample bulletins' cards (Persian and English; before, during and after polling day;
// with the self-hosted Vazirmatn and with system fonts), fresh and as a cached copy (with its
// "last updated" note), at a range of element widths, in headless Chromium on the release
// build (`bash .ci/release` first). Prints, per width, the tallest card of all these.
//
//   node tests/bench/reserve.mjs
//
// embed.css's defaults are these figures at the widths its media queries start at, rounded up
// to 10 px: an element as wide as a 320, 768 or 1280 px viewport less the browser's 8 px body
// margins (304, 720, 720: the card is at most 720 px wide).
import { readdirSync } from 'node:fs';
import { launch } from '../page/browser.mjs';
import { serve } from '../page/serve.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const WIDTHS = [210, 230, 264, 280, 300, 304, 320, 344, 360, 400, 464, 584, 720];
const PHASES = { before: '2024-02-24T14:15:00+03:30', during: '2024-03-01T10:00:00+03:30', after: '2024-03-02T10:00:00+03:30' };
const BULLETINS = ['bulletin.fa.json', 'bulletin.en.json'];
const FONTS = ['vazirmatn', 'system'];

const face = (weight) => `fonts/${readdirSync(`${DIST}fonts`).find((n) => n.startsWith(`Vazirmatn-NL-${weight}.`) && n.endsWith('.woff2'))}`;
const hosts = [];
for (const width of WIDTHS) {
  for (const src of BULLETINS) {
    for (const [phase, now] of Object.entries(PHASES)) {
      for (const font of FONTS) hosts.push({ id: `h${hosts.length}`, width, src, phase, now, font });
    }
  }
}
// the page registers the widget's own font family itself, so that every card renders in it
// from the start (in the field it is used where it arrives before the bulletin)
const page = `<!doctype html><html><head><meta charset="utf-8"><style>
@font-face { font-family: "Election Widget Vazirmatn"; src: url(${face('Regular')}) format("woff2"); font-weight: 400; }
@font-face { font-family: "Election Widget Vazirmatn"; src: url(${face('Bold')}) format("woff2"); font-weight: 700; }
body { margin: 0; } [data-election-widget] { display: block; margin-block-end: 8px; }
${hosts.map((x) => `#${x.id} { width: ${x.width}px; }`).join('\n')}
</style><script type="module" src="embed.js"></script></head><body>
${hosts.map((x) => `<div id="${x.id}" data-election-widget data-eager data-src="${x.src}" data-now="${x.now}"${x.font === 'system' ? ' data-font="system"' : ''}></div>`).join('\n')}
</body></html>`;

const site = await serve(DIST, {
  routes: { '/reserve.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); } },
});
const browser = await launch();
const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const heights = (state) => p.evaluate(async (want) => {
  await document.fonts.ready;
  return [...document.querySelectorAll('[data-election-widget]')].map((h) => {
    if (h.getAttribute('data-state') !== want) throw new Error(`${h.id} is ${h.getAttribute('data-state')}`);
    return Math.ceil(h.shadowRoot.querySelector('.ew-root').getBoundingClientRect().height);
  });
}, state);
const all = (state) => p.waitForFunction((want) => [...document.querySelectorAll('[data-election-widget]')]
  .every((h) => h.getAttribute('data-state') === want), state, { timeout: 60_000 });

await p.goto(`${site.url}reserve.html`);
await all('ready');
const fresh = await heights('ready');
const faces = await p.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').length);
if (faces < 2) throw new Error(`Vazirmatn did not load (${faces} faces)`);
// the repeat visit: the cached copy, shown while the network (held here) answers
await p.route('**/bulletin.*.json', () => {});
await p.reload();
await all('stale');
const cached = await heights('stale');
await browser.close();
await site.close();

console.log('| element width | tallest fresh card | tallest cached copy | of which, Vazirmatn / system |');
console.log('|---:|---:|---:|---|');
for (const width of WIDTHS) {
  const at = hosts.map((x, i) => ({ ...x, fresh: fresh[i], cached: cached[i] })).filter((x) => x.width === width);
  const max = (list, k) => Math.max(...list.map((x) => x[k]));
  const byFont = FONTS.map((f) => max(at.filter((x) => x.font === f), 'cached')).join(' / ');
  console.log(`| ${width} px | ${max(at, 'fresh')} px | ${max(at, 'cached')} px | ${byFont} |`);
}
