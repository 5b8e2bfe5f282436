// Trust boundaries (issue 13): no page, feed or comment can stop, freeze or impersonate the
// widget. One test (or more) per finding, against the release build in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { harness, watch } from './browser.mjs';
import { serve } from './serve.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SAMPLE = readFileSync(new URL('../../src/assets/bulletin.fa.json', import.meta.url), 'utf8');

// pages made by each test: /t.html?p=NAME serves pages.get(NAME)
const pages = new Map();
// what the same-origin private endpoint saw
const privateSeen = [];
const sampleWith = (patch) => JSON.stringify({ ...JSON.parse(SAMPLE), ...patch });
const item = (extra = {}) => ({
  id: 'a', kicker: 'رئیس حوزه انتخابیه قدس؛', title: 'خبر اول', lead: 'لید', body: ['بند اول.', 'بند دوم.'],
  image: { src: '/never-there.png', alt: 'تصویر', width: 640, height: 360 }, ...extra,
});

const h = harness({
  '/t.html': (req, res) => {
    const name = new URL(req.url, 'http://x').searchParams.get('p');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(pages.get(name) ?? 'no such page');
  },
  '/with-image.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(sampleWith({ items: [item(), { id: 'b', title: 'خبر دوم' }] }));
  },
  '/private.json': (req, res) => {
    privateSeen.push(req.headers.cookie ?? null);
    const allowed = /(^|; )session=1/.test(req.headers.cookie ?? '');
    res.writeHead(allowed ? 200 : 401, { 'content-type': 'application/json' });
    res.end(allowed ? SAMPLE : '{"error":"login required"}');
  },
  '/never-there.png': (req, res) => { /* never answers: the test decides when the image fails */ },
  // the newsroom's bulletin as it stands: its title names the version, and every request counts
  '/versioned.json': (req, res) => {
    newsroom.requests += 1;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(sampleWith({ items: [item({ title: `VERSION-${newsroom.version}` })] }));
  },
});
const newsroom = { version: 1, requests: 0 };

const page = (name, html) => {
  pages.set(name, html);
  return `${h.site.url}t.html?p=${name}`;
};
const doc = (body, loader = 'data-allow-now') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="embed.js" ${loader}></script></head><body>${body}</body></html>`;
const widget = (id, src, extra = '') => `<div id="${id}" data-election-widget data-eager data-src="${src}" ${extra}><a href="#">fallback ${id}</a></div>`;
const state = (p, id) => p.evaluate((id) => document.getElementById(id)?.getAttribute('data-state'), id);
const settled = (p, id, states = ['ready', 'error', 'stale']) => p.waitForFunction(([id, states]) => states.includes(document.getElementById(id)?.getAttribute('data-state')), [id, states], { timeout: 20_000 });
/** Clicks the card's "read more" button in widget `id` and says whether the body unfolded. */
const unfolds = (p, id) => p.evaluate(async (id) => {
  const root = document.getElementById(id).shadowRoot;
  const button = root.querySelector('.card__actions button[aria-controls]');
  button.click();
  for (let i = 0; i < 50 && root.querySelector('.card__body')?.hidden !== false; i += 1) await new Promise(requestAnimationFrame);
  return root.querySelector('.card__body')?.hidden === false;
}, id);
const addWidget = (p, id, src) => p.evaluate(([id, src]) => {
  const el = document.createElement('div');
  el.id = id;
  el.setAttribute('data-election-widget', '');
  el.setAttribute('data-eager', '');
  el.setAttribute('data-src', src);
  document.body.append(el);
}, [id, src]);

// ---- 1. one widget's trouble stops no other widget ----------------------------------------

test('1. a page editing one widget\'s shadow root traps nothing: both widgets and a later one keep working', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  await p.goto(page('edit', doc(widget('a', 'with-image.json') + widget('b', 'bulletin.fa.json'))));
  await settled(p, 'a', ['ready']);
  await settled(p, 'b', ['ready']);
  // the reproduction of the review: remove widget A's kicker, then let its image fail (A re-renders)
  await p.evaluate(() => {
    const root = document.getElementById('a').shadowRoot;
    root.querySelector('.card__kicker').remove();
    root.querySelector('img.card__image').dispatchEvent(new Event('error'));
  });
  await p.waitForFunction(() => document.getElementById('a').shadowRoot.querySelector('.card__image--failed'), null, { timeout: 5000 });
  assert.ok(await unfolds(p, 'b'), "widget B's buttons still work");
  await addWidget(p, 'c', 'bulletin.fa.json');
  await settled(p, 'c', ['ready']);
  assert.deepEqual(seen.errors, [], 'no RuntimeError, no uncaught error');
  assert.ok(!seen.console.some((l) => /restarting/.test(l)), 'not even a restart was needed');
  await p.close();
});

test('1. a trap in the module is supervised: a fresh instance mounts every live widget again', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  await p.addInitScript(() => {
    window.__restarts = 0;
    const error = console.error;
    console.error = (...args) => { if (/restarting it/.test(String(args[0]))) window.__restarts += 1; error(...args); };
  });
  await p.goto(page('trap', doc(widget('a', 'with-image.json') + widget('b', 'bulletin.fa.json'))));
  await settled(p, 'a', ['ready']);
  await settled(p, 'b', ['ready']);
  // a page script (or an extension) that breaks a DOM method once: the module's next insertion
  // fails inside Yew, which panics, which is a WebAssembly trap
  await p.evaluate(() => {
    const original = Node.prototype.insertBefore;
    Node.prototype.insertBefore = function (...args) {
      Node.prototype.insertBefore = original;
      throw new Error('a page script broke insertBefore');
    };
    document.getElementById('a').shadowRoot.querySelector('img.card__image').dispatchEvent(new Event('error'));
  });
  // both come back in a fresh instance, and work
  await p.waitForFunction(() => window.__restarts >= 1, null, { timeout: 10_000 });
  await p.waitForFunction(() => ['a', 'b'].every((id) => {
    const el = document.getElementById(id);
    return el.getAttribute('data-state') === 'ready' && el.shadowRoot.querySelector('.card');
  }), null, { timeout: 20_000 });
  assert.ok(seen.console.some((l) => /the WebAssembly module stopped; restarting it \(1 of 3\)/.test(l)), seen.console.join('\n'));
  assert.ok(await unfolds(p, 'b'), "widget B's buttons work after the restart");
  assert.ok(await unfolds(p, 'a'), "and widget A's");
  await addWidget(p, 'c', 'bulletin.fa.json');
  await settled(p, 'c', ['ready']);
  assert.equal(await p.evaluate(() => document.getElementById('a').shadowRoot.querySelectorAll('.ew-root').length), 1, 'one root: the dead instance\'s is gone');
  assert.deepEqual(seen.errors.filter((e) => !/RuntimeError|unreachable|broke insertBefore/.test(e)), []);
  await p.close();
});

test('1. traps that keep coming end in the fallback and an error event with code wasm, after three restarts', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  await p.addInitScript(() => {
    window.__codes = [];
    document.addEventListener('election-widget:error', (e) => window.__codes.push(`${e.target.id}:${e.detail.code}`));
  });
  await p.goto(page('traps', doc(widget('a', 'with-image.json') + widget('b', 'bulletin.fa.json'))));
  await settled(p, 'a', ['ready']);
  await settled(p, 'b', ['ready']);
  // every insertion into a widget fails from now on: each fresh instance traps as it mounts
  await p.evaluate(() => {
    const original = Node.prototype.insertBefore;
    Node.prototype.insertBefore = function (...args) {
      if (this.getRootNode() instanceof ShadowRoot) throw new Error('broken for good');
      return original.apply(this, args);
    };
    document.getElementById('a').shadowRoot.querySelector('img.card__image').dispatchEvent(new Event('error'));
  });
  await p.waitForFunction(() => ['a', 'b'].every((id) => window.__codes.includes(`${id}:wasm`)), null, { timeout: 30_000 });
  for (const id of ['a', 'b']) {
    assert.equal(await state(p, id), 'error');
    const fallback = await p.evaluate((id) => {
      const el = document.getElementById(id);
      const slot = el.shadowRoot.querySelector('slot');
      return slot ? slot.assignedNodes().map((n) => n.textContent).join('') : null;
    }, id);
    assert.equal(fallback, `fallback ${id}`, 'the element\'s own content is shown');
  }
  assert.ok(seen.console.some((l) => /restarting it \(3 of 3\)/.test(l)));
  assert.ok(seen.console.some((l) => /stopped 4 times; the fallback content stays/.test(l)), seen.console.join('\n'));
  await p.close();
});

// ---- 2. bounded work on any input -----------------------------------------------------------

test('2. bulletins built to be slow are read in bounded time and bounded form', async () => {
  const p = await h.browser.newPage();
  await p.addInitScript(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask', buffered: true });
  });
  const report = [];
  for (const kind of ['bang', 'pi', 'marks', 'marks2', 'items', 'paragraphs']) {
    const src = `${h.faults.url}heavy?kind=${kind}`;
    // each within the usual wait: unbounded, the first took 25 s and the marks minutes
    await p.goto(page(`heavy-${kind}`, doc(widget('w', src, 'data-items="20"'))));
    await settled(p, 'w', ['ready']);
    const shape = await p.evaluate(() => {
      const root = document.getElementById('w').shadowRoot;
      const marks = (s) => [...(s ?? '')].filter((c) => /\p{M}/u.test(c)).length;
      return {
        items: root.querySelectorAll('.card, .headlines li').length,
        paragraphs: root.querySelectorAll('.card__body p').length,
        titleMarks: marks(root.querySelector('.card__title')?.textContent),
        leadMarks: marks(root.querySelector('.card__lead')?.textContent),
        longest: Math.round(Math.max(0, ...window.__long)),
      };
    });
    report.push(`${kind}: longest task ${shape.longest} ms`);
    assert.ok(shape.items >= 1 && shape.items <= 20, `${kind}: ${JSON.stringify(shape)}`);
    assert.ok(shape.paragraphs <= 200, `${kind}: ${JSON.stringify(shape)}`);
    assert.ok(shape.titleMarks <= 8 && shape.leadMarks <= 8, `${kind}: ${JSON.stringify(shape)}`);
  }
  // the figures (no CPU throttling; the benchmark reports them against the 200 ms budget)
  console.log(`# ${report.join('; ')}`);
  await p.close();
});

// ---- 3. a news feed cannot close the polls on screen ----------------------------------------

test('3. a news bulletin\'s generated time moves its own dates only, and no correction closes the polls early', async () => {
  const p = await h.browser.newPage();
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const open = `opens=${encodeURIComponent(iso(now - 3600e3))}&closes=${encodeURIComponent(iso(now + 5 * 3600e3))}`;
  // a CMS that labels local time as UTC: the news bulletin's generated is a day ahead
  const ahead = `&generated=${encodeURIComponent(iso(now + 86_400e3))}`;
  const news = `${h.faults.url}election?${open}${ahead}`;
  const central = `${h.faults.url}election?${open}`;
  await p.goto(page('clocks', doc(
    widget('central', news, `data-election-src="${central}"`)
    // the same bulletin alone: its own clock, a day ahead, still cannot close polls the
    // device sees open
    + widget('alone', news),
  )));
  for (const id of ['central', 'alone']) {
    await p.waitForFunction((id) => document.getElementById(id).shadowRoot?.querySelector('.cta'), id, { timeout: 20_000 });
    const cta = await p.evaluate((id) => {
      const root = document.getElementById(id).shadowRoot;
      return { phase: root.querySelector('.cta').getAttribute('data-phase'), button: Boolean(root.querySelector('.cta a[part="cta-button"]')) };
    }, id);
    assert.deepEqual(cta, { phase: 'open', button: true }, id);
  }
  await p.close();
});

// ---- 4. sanitised user content cannot make an official-looking widget ---------------------

test('4. with data-sources, a widget element from a comment makes no request and shows the config error', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  const attacker = `${h.faults.url}ok?id=attacker`;
  await p.goto(page('sources', doc(
    widget('official', 'bulletin.fa.json')
    // what DOMPurify's defaults pass in a comment
    + `<section class="comments">${widget('fake', attacker)}</section>`,
    `data-sources="${h.site.url}"`,
  )));
  await settled(p, 'official', ['ready']);
  await settled(p, 'fake', ['error']);
  assert.equal(await p.evaluate(() => document.getElementById('fake').shadowRoot.querySelector('.error').getAttribute('data-code')), 'config');
  assert.ok(!requests.some((u) => u.startsWith(attacker)), 'no request to the attacker\'s endpoint');
  assert.ok(seen.console.some((l) => /outside the endpoints this page allows/.test(l)));
  await p.close();
});

test('4. without data-sources the page is warned once; data-now counts only with data-allow-now', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
  const open = `${h.faults.url}election?opens=${encodeURIComponent(iso(now - 3600e3))}&closes=${encodeURIComponent(iso(now + 3600e3))}`;
  // the official bulletin, with a data-now after closing time, on a page that did not allow it
  await p.goto(page('now', doc(
    widget('a', open, `data-now="${iso(now + 86_400e3)}"`) + widget('b', open, `data-now="${iso(now + 86_400e3)}"`),
    '',
  )));
  await settled(p, 'a', ['ready']);
  await settled(p, 'b', ['ready']);
  for (const id of ['a', 'b']) {
    assert.equal(await p.evaluate((id) => document.getElementById(id).shadowRoot.querySelector('.cta').getAttribute('data-phase'), id), 'open', id);
  }
  assert.equal(seen.console.filter((l) => /names no data-sources/.test(l)).length, 1, 'one warning per page');
  assert.ok(seen.console.some((l) => /data-now is ignored/.test(l)));
  await p.close();
});

// ---- 5. Subresource Integrity covers the module too ----------------------------------------

test('5. a page pinning the loader with SRI gets the glue (inside it) and the module checked', async () => {
  const integrity = JSON.parse(readFileSync(`${DIST}integrity.json`, 'utf8'));
  const pinned = Object.keys(integrity).find((n) => /^embed-.+\.js$/.test(n));
  const wasm = Object.keys(integrity).find((n) => n.endsWith('.wasm'));
  assert.ok(!Object.keys(integrity).some((n) => /^election-widget\..+\.js$/.test(n)), 'no separate glue file to tamper with');
  // still a valid module, but not the one pinned: a custom section appended
  const section = Buffer.concat([Buffer.from([0, 9, 4]), Buffer.from('evil'), Buffer.from('evil')]);
  const tampered = Buffer.concat([readFileSync(`${DIST}${wasm}`), section]);
  assert.ok(WebAssembly.validate(tampered), 'the tampered module is a valid one');
  const evil = await serve(DIST, {
    routes: { [`/${wasm}`]: (req, res) => { res.writeHead(200, { 'content-type': 'application/wasm', 'access-control-allow-origin': '*' }); res.end(tampered); } },
    headers: () => ({ 'access-control-allow-origin': '*' }),
  });
  const good = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*' }) });
  try {
    for (const [files, expected] of [[good, 'ready'], [evil, 'error']]) {
      const p = await h.browser.newPage();
      await p.addInitScript(() => {
        window.__codes = [];
        document.addEventListener('election-widget:error', (e) => window.__codes.push(e.detail.code));
      });
      const scripts = [];
      p.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
      await p.goto(page(`sri-${expected}`, `<!doctype html><html><head><meta charset="utf-8"></head><body>
        ${widget('w', `${h.site.url}bulletin.fa.json`)}
        <script type="module" src="${files.url}${pinned}" integrity="${integrity[pinned]}" crossorigin="anonymous"></script></body></html>`));
      await settled(p, 'w', [expected]);
      assert.deepEqual(scripts, [`${files.url}${pinned}`], 'the pinned loader is the only script: the glue is inside it');
      if (expected === 'error') {
        assert.deepEqual(await p.evaluate(() => window.__codes), ['wasm']);
        assert.equal(await p.evaluate(() => document.getElementById('w').shadowRoot?.querySelector('slot')?.assignedNodes().map((n) => n.textContent).join('')), 'fallback w');
      }
      await p.close();
    }
  } finally {
    await evil.close();
    await good.close();
  }
});

// ---- 6. no element can stop the loader -----------------------------------------------------

// (names of the document's own methods, such as createElement, are what DOMPurify's
// SANITIZE_DOM removes; ElectionWidget is not one of them)
test('6. named elements (ElectionWidget, addEventListener, querySelectorAll…) do not stop the loader', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  await p.goto(page('clobber', doc(`
    <div id="ElectionWidget"></div><img name="ElectionWidget" alt="">
    <div id="addEventListener"></div><img name="querySelectorAll" alt="">
    <form name="head"></form><img name="documentElement" alt=""><img name="baseURI" alt="">
    ${widget('w', 'bulletin.fa.json')}`)));
  await settled(p, 'w', ['ready']);
  assert.equal(await p.evaluate(() => typeof window.ElectionWidget.mount), 'function');
  assert.deepEqual(seen.errors, []);
  await p.close();
});

// ---- 7. private responses do not outlive the login -----------------------------------------

test('7. a bulletin requested early for a widget that went away is not shown, old, to a widget added later', async () => {
  const p = await h.browser.newPage();
  Object.assign(newsroom, { version: 1, requests: 0 });
  // the widget is removed before the module starts, after embed.js has requested its bulletin
  await p.addInitScript(() => document.addEventListener('DOMContentLoaded', () => document.getElementById('gone')?.remove()));
  await p.goto(page('early-gone', doc(widget('gone', 'versioned.json'))));
  await p.waitForFunction(() => window.ElectionWidget?.memoryBytes() > 0, null, { timeout: 20_000 });
  assert.equal(newsroom.requests, 1, 'embed.js requested the bulletin early');
  newsroom.version = 2; // the newsroom publishes
  await new Promise((resolve) => setTimeout(resolve, 11_000)); // longer than an early response waits
  await addWidget(p, 'later', 'versioned.json');
  await settled(p, 'later');
  const shown = await p.evaluate(() => document.getElementById('later').shadowRoot.textContent.match(/VERSION-\d+/)?.[0]);
  assert.equal(shown, 'VERSION-2', 'the widget added later shows the bulletin as it stands');
  assert.equal(newsroom.requests, 2, 'and asked for it');
  await p.close();
});

test('7. bulletin requests carry no cookies, and a 401 drops the cached copy', async () => {
  const context = await h.browser.newContext();
  await context.addCookies([{ name: 'session', value: '1', url: h.site.url }]);
  const p = await context.newPage();
  privateSeen.length = 0;
  const url = `${h.site.url}private.json`;
  // a copy kept by an older version of the widget, while the reader was logged in
  await p.goto(`${h.site.url}blank.html`);
  await p.evaluate(([url, text]) => localStorage.setItem(`election-widget:v1:${url}`, `${Date.now()}\n${text}`), [url, SAMPLE]);
  await p.goto(page('private', doc(widget('w', 'private.json'))));
  await settled(p, 'w', ['error']);
  assert.deepEqual(privateSeen, [null], 'one request, without the login cookie');
  assert.equal(await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.card')), null, 'the private copy is not shown');
  assert.equal(await p.evaluate((url) => localStorage.getItem(`election-widget:v1:${url}`), url), null, 'and is dropped');
  await context.close();
});

// ---- 9. the smaller findings ---------------------------------------------------------------

test('9. credentials in data-src: a config error, no request, the password never printed', async () => {
  const p = await h.browser.newPage();
  const seen = watch(p);
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  const secret = h.faults.url.replace('http://', 'http://admin:s3cret@');
  await p.goto(page('credentials', doc(widget('w', `${secret}ok`))));
  await settled(p, 'w', ['error']);
  assert.equal(await p.evaluate(() => document.getElementById('w').shadowRoot.querySelector('.error').getAttribute('data-code')), 'config');
  assert.ok(!requests.some((u) => u.includes('/ok')), requests.join('\n'));
  assert.ok(!seen.console.some((l) => l.includes('s3cret')), seen.console.join('\n'));
  await p.close();
});

test('9. a copy one widget\'s field map rejects stays for the widget that reads it', async () => {
  const p = await h.browser.newPage();
  const url = `${h.site.url}bulletin.fa.json`;
  await p.goto(page('cache-a', doc(widget('a', 'bulletin.fa.json'))));
  await settled(p, 'a', ['ready']);
  assert.ok(await p.evaluate((url) => localStorage.getItem(`election-widget:v1:${url}`), url), 'kept');
  // a second page whose widget maps the same endpoint with fields it does not have
  await p.goto(page('cache-b', doc(widget('b', 'bulletin.fa.json', `data-fields='{"items":"/nothing","title":"/headline"}'`))));
  await settled(p, 'b', ['error', 'stale']);
  assert.ok(await p.evaluate((url) => localStorage.getItem(`election-widget:v1:${url}`), url), 'still kept for the first');
  await p.close();
});

test('9. a widget inside another component\'s shadow root is torn down when the component goes', async () => {
  const p = await h.browser.newPage();
  await p.goto(page('nested', doc('<div id="component"></div>')));
  await p.evaluate(() => {
    const root = document.getElementById('component').attachShadow({ mode: 'open' });
    const el = document.createElement('div');
    el.id = 'inner';
    el.setAttribute('data-election-widget', '');
    el.setAttribute('data-src', new URL('bulletin.fa.json', location.href).href);
    root.append(el);
    window.__inner = el;
    window.ElectionWidget.mount(el);
  });
  await p.waitForFunction(() => window.__inner.getAttribute('data-state') === 'ready', null, { timeout: 20_000 });
  // removed from inside the component's own shadow root: the document's observer cannot see it
  await p.evaluate(() => window.__inner.remove());
  await p.waitForFunction(() => !window.__inner.hasAttribute('data-state') && window.__inner.shadowRoot.childNodes.length === 0, null, { timeout: 5000 });
  await p.close();
});

test('9. a host page that is itself a Yew app finds none of its own expandos on the widget\'s elements', async () => {
  const p = await h.browser.newPage();
  await p.goto(page('yew-host', doc(widget('w', 'bulletin.fa.json'))));
  await settled(p, 'w', ['ready']);
  const found = await p.evaluate(() => new Promise((done) => {
    // what a host page's Yew does on every event: look for its listener ids along the path
    document.body.addEventListener('click', (e) => {
      done(e.composedPath().filter((n) => n instanceof Element && n.__yew_listener_id !== undefined).map((n) => n.tagName));
    }, { once: true });
    document.getElementById('w').shadowRoot.querySelector('.card__actions button').click();
  }));
  assert.deepEqual(found, []);
  await p.close();
});
