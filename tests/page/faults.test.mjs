// Every fault an endpoint can have, and every feed format, against the release build in
// headless Chromium: the state and message shown, the event and its code, the last good
// bulletin kept, the host page still working, and no uncaught error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harness, recordEvents, watch } from './browser.mjs';


const h = harness({
      '/host.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><html lang="en"><body><button id="alive">0</button><script type="module" src="embed.js"></script><script src="host.js"></script></body></html>');
      },
      '/host.js': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/javascript' });
        res.end("document.getElementById('alive').addEventListener('click', (e) => { e.target.textContent = String(Number(e.target.textContent) + 1); });");
      },
    });

/** Opens the host page and mounts one widget per attrs; resolves when each has settled. */
async function widgets(page, list) {
  await page.goto(`${h.site.url}host.html`);
  await page.evaluate((list) => {
    list.forEach((attrs, i) => {
      const el = document.createElement('div');
      el.id = `w${i}`;
      el.setAttribute('data-election-widget', '');
      el.setAttribute('data-eager', '');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.body.append(el);
    });
  }, list);
  await page.waitForFunction((n) => {
    for (let i = 0; i < n; i += 1) {
      const s = document.getElementById(`w${i}`)?.getAttribute('data-state');
      if (!['ready', 'error', 'stale'].includes(s)) return false;
    }
    return true;
  }, list.length, { timeout: 40_000 });
  return Promise.all(list.map((_, i) => page.evaluate((id) => {
    const el = document.getElementById(id);
    const root = el.shadowRoot;
    return {
      state: el.getAttribute('data-state'),
      code: root.querySelector('.error, .stale')?.getAttribute('data-code') ?? null,
      message: root.querySelector('.error__message')?.textContent ?? null,
      retry: Boolean(root.querySelector('.error button, .stale button')),
      title: root.querySelector('.card__title')?.textContent ?? null,
      items: root.querySelectorAll('.card, .headlines li').length,
    };
  }, `w${i}`)));
}

async function hostStillWorks(page) {
  await page.click('#alive');
  assert.equal(await page.textContent('#alive'), '1', 'the host page still responds');
}

const FAULTS = [
  // [route, expected state, expected code, retry button]
  ['slow', 'error', 'timeout', true],
  ['hang', 'error', 'timeout', true],
  // no retry button where retrying cannot help (the fix is at the source)
  ['404', 'error', 'not-found', false],
  ['500', 'error', 'server', true],
  ['truncated', 'error', 'bad-data', false],
  ['html', 'error', 'bad-data', false],
  ['empty', 'error', 'bad-data', false],
  ['huge', 'error', 'too-large', false],
  ['drop', 'error', 'network', true],
  ['no-cors', 'error', 'network', true],
];

test('each fault ends in its error state, with its code, message and event', async () => {
  const page = await h.browser.newPage();
  const seen = watch(page);
  const events = await recordEvents(page);
  const results = await widgets(page, FAULTS.map(([route]) => ({ 'data-src': `${h.faults.url}${route}`, 'data-timeout': '2' })));
  const fired = await events();
  FAULTS.forEach(([route, state, code, retry], i) => {
    const r = results[i];
    assert.equal(r.state, state, `${route}: state`);
    assert.equal(r.code, code, `${route}: code`);
    assert.ok(r.message && /[\u0600-\u06FF]/.test(r.message), `${route}: a Persian message`);
    assert.equal(r.retry, retry, `${route}: retry button`);
    assert.ok(fired.some((e) => e.id === `w${i}` && e.type === 'election-widget:error' && e.detail.code === code), `${route}: error event`);
  });
  const lines = seen.console.filter((l) => l.includes('[election-widget]'));
  assert.ok(lines.some((l) => l.includes('/no-cors') && l.includes('CORS')), 'the console names CORS as a likely cause');
  assert.ok(lines.some((l) => l.includes('/huge') && l.includes('larger than')));
  assert.deepEqual(seen.errors, [], 'no uncaught errors');
  await hostStillWorks(page);
  await page.close();
});

test('transient failures recover: 503 then 200, 429 with Retry-After, a wrong content type', async () => {
  const page = await h.browser.newPage();
  const seen = watch(page);
  const id = String(Date.now());
  const results = await widgets(page, [
    { 'data-src': `${h.faults.url}503-then-200?id=${id}` },
    { 'data-src': `${h.faults.url}429?id=${id}` },
    { 'data-src': `${h.faults.url}wrong-type` },
  ]);
  for (const r of results) {
    assert.equal(r.state, 'ready');
    assert.match(r.title, /انسجام‌بخشی/);
  }
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('every feed format renders without conversion', async () => {
  const page = await h.browser.newPage();
  const seen = watch(page);
  const names = ['jsonfeed.json', 'wordpress.json', 'wordpress-embed.json', 'newsarticle.json', 'newsarticle-array.json', 'newsarticle-graph.json'];
  const list = names.map((name) => ({ 'data-src': `${h.faults.url}feed?name=${name}`, 'data-items': '2' }));
  list.push({
    'data-src': `${h.faults.url}feed?name=custom.json`,
    'data-fields': JSON.stringify({ items: '/data/posts', title: '/headline', body: { pointer: '/html', html: true }, url: '/link' }),
  });
  const results = await widgets(page, list);
  results.forEach((r, i) => {
    assert.equal(r.state, 'ready', names[i] ?? 'field map');
    assert.match(r.title, /انسجام‌بخشی|انسجام‌بخشی/, names[i] ?? 'field map');
  });
  assert.equal(results[0].items, 2, 'data-items: card and one headline');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the last good bulletin stays when the endpoint fails later', async () => {
  const context = await h.browser.newContext();
  const page = await context.newPage();
  const seen = watch(page);
  const id = `keep-${Date.now()}`;
  const src = `${h.faults.url}switch?id=${id}`;
  const first = await widgets(page, [{ 'data-src': src }]);
  assert.equal(first[0].state, 'ready');
  await page.request.get(`${h.faults.url}control?id=${id}&mode=fail`);
  const events = await recordEvents(page);
  const second = await widgets(page, [{ 'data-src': src }]);
  await page.waitForFunction(() => window.__ewEvents.some((e) => e.detail.stale === true), null, { timeout: 20_000 });
  const after = await page.evaluate(() => {
    const el = document.getElementById('w0');
    return { state: el.getAttribute('data-state'), note: el.shadowRoot.querySelector('.stale')?.textContent ?? '' };
  });
  assert.equal(second[0].state, 'stale');
  assert.equal(after.state, 'stale');
  assert.match(second[0].title, /انسجام‌بخشی/, 'the copy is on screen');
  assert.match(after.note, /آخرین به‌روزرسانی/);
  const fired = await events();
  assert.ok(fired.some((e) => e.type === 'election-widget:error' && e.detail.code === 'server' && e.detail.stale === true));
  assert.ok(!fired.some((e) => e.type === 'election-widget:ready'), 'a cached copy does not fire ready');
  assert.deepEqual(seen.errors, []);
  await context.close();
});
