// The call-to-action against a controlled clock (Playwright's fake timers): it updates exactly
// on the minute and at the opening boundary, not every second, pauses while the page is
// hidden, announces only phase changes, and trusts the bulletin's `generated` time over a
// device clock that is behind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness } from './browser.mjs';


const h = harness();

const OPENS = Date.parse('2024-03-01T08:00:00+03:30');
const CLOSES = Date.parse('2024-03-01T18:00:00+03:30');

async function widget(page, start, generated) {
  await page.clock.install({ time: start });
  await page.goto(`${h.site.url}blank.html`);
  const q = new URLSearchParams({ opens: new Date(OPENS).toISOString(), closes: new Date(CLOSES).toISOString() });
  if (generated) q.set('generated', generated);
  await page.evaluate((src) => {
    const el = document.createElement('div');
    el.id = 'w';
    el.setAttribute('data-election-widget', '');
    el.setAttribute('data-eager', '');
    el.setAttribute('data-src', src);
    document.body.append(el);
  }, `${h.faults.url}election?${q}`);
  await page.waitForFunction(() => document.getElementById('w')?.getAttribute('data-state') === 'ready', null, { timeout: 15_000 });
}

const read = (page) => page.evaluate(() => {
  const root = document.getElementById('w').shadowRoot;
  return {
    phase: root.querySelector('.cta').dataset.phase,
    figures: root.querySelector('.cta__figures')?.textContent ?? null,
    live: root.querySelector('[aria-live="polite"]').textContent,
  };
});

test('counts down on the minute, opens exactly at the boundary, pauses while hidden', async () => {
  const page = await h.browser.newPage();
  // 1 hour, 1 minute and 30 seconds before opening
  await widget(page, OPENS - (61 * 60 + 30) * 1000);
  let r = await read(page);
  assert.equal(r.phase, 'upcoming');
  assert.equal(r.figures, '۱ ساعت و ۲ دقیقه', 'minutes round up');
  const announced = r.live;

  await page.clock.runFor(20_000); // still inside the same minute: no update
  assert.equal((await read(page)).figures, '۱ ساعت و ۲ دقیقه');
  await page.clock.runFor(11_000); // past the minute boundary
  r = await read(page);
  assert.equal(r.figures, '۱ ساعت و ۱ دقیقه', 'updated on the minute');
  assert.equal(r.live, announced, 'the figures are not announced');

  // hidden: no updates; visible again: at once
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.clock.runFor(5 * 60_000);
  assert.equal((await read(page)).figures, '۱ ساعت و ۱ دقیقه', 'paused while hidden');
  await page.evaluate(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('.cta__figures')?.textContent === '۰ ساعت و ۵۶ دقیقه');

  // to the opening instant: the phase changes at the boundary, and that is announced
  const now = await page.evaluate(() => Date.now());
  await page.clock.runFor(OPENS - now + 100);
  r = await read(page);
  assert.equal(r.phase, 'open');
  assert.notEqual(r.live, announced, 'the phase change is announced');
  await page.close();
});

test('a device clock behind the bulletin counts from the bulletin\'s time', async () => {
  const page = await h.browser.newPage();
  // the phone thinks it is three days earlier; the bulletin was generated during voting
  await widget(page, OPENS - 3 * 86_400_000, new Date(OPENS + 3600_000).toISOString());
  assert.equal((await read(page)).phase, 'open');
  await page.close();
});

test('data-refresh reloads periodically; a failed refresh keeps the copy on screen as stale', async () => {
  const page = await h.browser.newPage();
  await page.clock.install({ time: OPENS - 86_400_000 });
  await page.goto(`${h.site.url}blank.html`);
  await page.evaluate(() => {
    window.__ready = 0;
    window.__errors = [];
    document.addEventListener('election-widget:ready', () => { window.__ready += 1; });
    document.addEventListener('election-widget:error', (e) => window.__errors.push({ ...e.detail }));
  });
  const id = `refresh-${Date.now()}`;
  await page.evaluate((src) => {
    const el = document.createElement('div');
    el.id = 'w';
    el.setAttribute('data-election-widget', '');
    el.setAttribute('data-eager', '');
    el.setAttribute('data-refresh', '10'); // raised to the minimum of 30 s
    el.setAttribute('data-src', src);
    document.body.append(el);
  }, `${h.faults.url}switch?id=${id}`);
  await page.waitForFunction(() => window.__ready === 1, null, { timeout: 15_000 });
  await page.clock.runFor(20_000);
  assert.equal(await page.evaluate(() => window.__ready), 1, 'not before 30 s (minus jitter)');
  await page.clock.runFor(15_000);
  await page.waitForFunction(() => window.__ready === 2, null, { timeout: 15_000 });
  // the endpoint goes down: the next refresh fails after its retries, and the copy stays
  await page.request.get(`${h.faults.url}control?id=${id}&mode=fail`);
  for (let i = 0; i < 10 && !(await page.evaluate(() => window.__errors.length)); i += 1) {
    await page.clock.runFor(10_000);
    await page.waitForTimeout(50);
  }
  const r = await page.evaluate(() => ({
    state: document.getElementById('w').getAttribute('data-state'),
    errors: window.__errors,
    title: document.getElementById('w').shadowRoot.querySelector('.card__title')?.textContent,
  }));
  assert.equal(r.state, 'stale');
  assert.deepEqual(r.errors[0], { code: 'server', stale: true });
  assert.match(r.title, /انسجام‌بخشی/);
  await page.close();
});
