// The no-script fallback written by `bulletin fallback` (src/cli/fallback.rs), inside the widget's
// element on a page that links embed.css: shown without JavaScript, hidden once the widget
// mounts, back when WebAssembly cannot run, and never taller than the space embed.css reserves,
// so neither swap moves the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { harness, watch } from './browser.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const NOW = '2024-02-24T14:15:00+03:30';
// the binary of this same crate (built by `cargo test` before the page tests; cargo builds it if not)
const fallback = execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'bulletin', '--',
  'fallback', 'src/assets/bulletin.fa.json', '--now', NOW], { cwd: ROOT, encoding: 'utf8' });

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="embed.css">
<script type="module" src="embed.js" data-allow-now></script></head><body>
<p id="above">above</p>
<div id="w" data-election-widget data-eager data-src="bulletin.fa.json" data-now="${NOW}">${fallback}</div>
<p id="below">below</p>
</body></html>`;
const h = harness({
  '/fallback.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(page); },
});

const look = (p) => p.evaluate(() => {
  const host = document.getElementById('w');
  const article = host.querySelector(':scope > div > article');
  return {
    state: host.getAttribute('data-state'),
    fallbackShown: Boolean(article?.getClientRects().length),
    fallbackHeight: Math.round(host.firstElementChild?.getBoundingClientRect().height ?? 0),
    hostHeight: Math.round(host.getBoundingClientRect().height),
    below: Math.round(document.getElementById('below').getBoundingClientRect().top),
    card: Boolean(host.shadowRoot?.querySelector('.card')),
    slot: Boolean(host.shadowRoot?.querySelector('slot')),
  };
});

for (const width of [320, 768, 1280]) {
  test(`fallback at ${width} px: shown without JavaScript, hidden by the widget, back without WebAssembly, in the reserved space`, async () => {
    // without JavaScript: the fallback alone, within the reservation
    const noScript = await h.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const plain = await noScript.newPage();
    await plain.goto(h.site.url + 'fallback.html');
    const bare = await look(plain);
    await noScript.close();
    assert.ok(bare.fallbackShown, 'readers without scripts see the news');
    assert.ok(bare.fallbackHeight > 100, `the fallback has content (${bare.fallbackHeight} px)`);
    assert.ok(bare.fallbackHeight <= bare.hostHeight, `the fallback (${bare.fallbackHeight} px) fits the reserved ${bare.hostHeight} px`);

    // with the widget: the fallback is hidden, the card shows in the same place
    const p = await h.browser.newPage({ viewport: { width, height: 900 } });
    const seen = watch(p);
    await p.goto(h.site.url + 'fallback.html');
    await p.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'ready');
    const ready = await look(p);
    assert.equal(ready.fallbackShown, false, 'the fallback is hidden while the widget shows');
    assert.ok(ready.card);
    assert.equal(ready.hostHeight >= bare.hostHeight, true, 'the widget keeps at least the reserved height');
    assert.deepEqual(seen.errors, []);
    await p.close();

    // WebAssembly blocked: the loader gives the element its own content back
    const q = await h.browser.newPage({ viewport: { width, height: 900 } });
    await q.route('**/*.wasm', (route) => route.abort());
    await q.goto(h.site.url + 'fallback.html');
    await q.waitForFunction(() => document.getElementById('w').getAttribute('data-state') === 'error');
    const failed = await look(q);
    assert.ok(failed.slot, 'a slot in the shadow root');
    assert.ok(failed.fallbackShown, 'the fallback is back');
    assert.equal(failed.hostHeight, bare.hostHeight, 'the same reserved height: nothing below moved');
    assert.equal(failed.below, bare.below);
    await q.close();
  });
}
