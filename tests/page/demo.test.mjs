// Page-level test of the built demo (dist/, from `trunk build --release`) served on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { serve } from './serve.mjs';
import { launch, recordEvents, watch } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SHOTS = new URL('../../target/screenshots/', import.meta.url).pathname;
let server;
let browser;

before(async () => {
  server = await serve(DIST);
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the demo shows the seed article and becomes ready', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const seen = watch(page);
  const events = await recordEvents(page);
  await page.goto(server.url);
  const main = page.locator('#main-widget');
  await page.waitForFunction(() => document.querySelector('#main-widget')?.getAttribute('data-state') === 'ready');
  const heading = main.locator('h2.card__title');
  assert.match(await heading.innerText(), /انسجام‌بخشی روابط عمومی‌های ادارات/);
  assert.equal(await main.locator('.ew').getAttribute('dir'), 'rtl');
  assert.ok((await events()).some((e) => e.type === 'election-widget:ready' && e.id === 'main-widget' && e.detail.items === 1));
  // each call-to-action state, side by side
  for (const [id, phase] of [['state-before', 'upcoming'], ['state-during', 'open'], ['state-after', 'closed']]) {
    const host = page.locator(`#${id}`);
    await host.scrollIntoViewIfNeeded();
    await page.waitForFunction((i) => document.getElementById(i)?.getAttribute('data-state') === 'ready', id);
    assert.equal(await host.locator('.cta').getAttribute('data-phase'), phase, id);
  }
  await page.locator('#error-state').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.getElementById('error-state')?.getAttribute('data-state') === 'error');
  assert.equal(await page.locator('#error-state .error').getAttribute('data-code'), 'not-found');
  await page.screenshot({ path: `${SHOTS}demo-1280.png`, fullPage: true });
  assert.deepEqual(seen.errors, [], 'no uncaught errors');
  await page.close();
});
