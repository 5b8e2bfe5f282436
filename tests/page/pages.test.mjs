// The other pages in the build: the iframe embed (with height messages to the parent) and
// the embed-code page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { brotliDecompressSync } from 'node:zlib';
import { serve } from './serve.mjs';
import { startFaults } from './faults.mjs';
import { launch, watch } from './browser.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const SOURCES = new URL('../../.ci/sources.mjs', import.meta.url).pathname;
let files;
let bulletins;
let host;
let browser;
let pasted = '';
let hostPage = '';
let deploy = null; // a copy of dist/ with allowed sources written, and its server

before(async () => {
  files = await serve(DIST, { headers: () => ({ 'access-control-allow-origin': '*' }) });
  bulletins = await startFaults();
  host = await serve(DIST, {
    routes: {
      // a page made of whatever the test last copied from the embed-code page
      '/pasted.html': (req, res) => {
        const [head, body] = pasted.includes('<!-- where the widget goes -->')
          ? pasted.split('<!-- where the widget goes -->')
          : ['', pasted];
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(`<!doctype html><html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`);
      },
      // a page made of whatever the test last set
      '/page.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(hostPage);
      },
      '/empty.html': (req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>a frame of the host page</title>');
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
  await deploy?.server.close();
  if (deploy) rmSync(deploy.dir, { recursive: true, force: true });
});

const attr = (s) => String(s).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** frame.html on the widget's origin (or `root`) with these URL parameters. */
const frameUrl = (params, root = files.url) => {
  const url = new URL('frame.html', root);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
};

/** A bulletin whose election is in the far future: upcoming on any device clock. */
const upcoming = () => `${bulletins.url}election?opens=${encodeURIComponent('2999-01-01T08:00:00+03:30')}`
  + `&closes=${encodeURIComponent('2999-01-01T18:00:00+03:30')}`;

const HEIGHT = (id) => document.getElementById(id).getBoundingClientRect().height;

/**
 * Posts a height message from the frame `name` to the page and resolves once the page has
 * dispatched it: the listener is added after frame-resize.js's, so that one has run by then.
 */
async function postFrom(page, selector, height) {
  const delivered = page.evaluate((h) => new Promise((done) => {
    addEventListener('message', function seen(e) {
      if (e.data?.height === h) { removeEventListener('message', seen); done(); }
    });
  }), height);
  const frame = await (await page.$(selector)).contentFrame();
  await frame.evaluate((h) => parent.postMessage({ type: 'election-widget:height', height: h }, '*'), height);
  await delivered;
}

test('the iframe page shows one widget and its frame fits the content', async () => {
  hostPage = `<!doctype html><html><body>
    <iframe id="f" src="${attr(frameUrl({ src: upcoming(), origin: host.url, theme: 'dark' }))}" title="news" width="400" height="150"></iframe>
    <script src="${files.url}frame-resize.js" defer></script></body></html>`;
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${host.url}page.html`);
  const frame = page.frameLocator('#f');
  await frame.locator('#widget[data-state="ready"]').waitFor({ timeout: 15_000 });
  // the card is as tall as its content (the skeleton before it only about as tall): the
  // frame's inner height follows it (its border is outside)
  const content = await frame.locator('html').evaluate((el) => el.getBoundingClientRect().height);
  assert.ok(content > 300, `content ${content}px`);
  await page.waitForFunction((c) => Math.abs(document.getElementById('f').clientHeight - c) <= 1, content, { timeout: 10_000 });
  const outer = await page.evaluate(HEIGHT, 'f');
  assert.equal(await frame.locator('#widget .cta').getAttribute('data-phase'), 'upcoming', 'the src parameter reaches the widget');
  assert.equal(await frame.locator('#widget').getAttribute('data-theme'), 'dark');
  // a message from anyone else is ignored
  const delivered = page.evaluate(() => new Promise((done) => {
    addEventListener('message', function seen(e) {
      if (e.data?.height === 5) { removeEventListener('message', seen); done(); }
    });
    window.postMessage({ type: 'election-widget:height', height: 5 }, '*');
  }));
  await delivered;
  assert.equal(await page.evaluate(HEIGHT, 'f'), outer);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('frame.html ignores an origin parameter that is not http(s), and has no now parameter', async () => {
  const context = await browser.newContext();
  // in every frame: errors that frame.js throws (a postMessage to "null" threw on every resize)
  await context.addInitScript(() => {
    window.__errors = [];
    addEventListener('error', (e) => window.__errors.push(String(e.message)));
  });
  const origins = ['javascript:alert(document.domain)', 'data:text/html,<p>x', 'JavaScript:parent.x=1', 'not a url'];
  hostPage = `<!doctype html><html><body>${origins.map((origin, i) => `<iframe id="f${i}" width="300" height="150"
    src="${attr(frameUrl({ src: upcoming(), origin, now: '2999-01-01T10:00:00+03:30' }))}"></iframe>`).join('')}</body></html>`;
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${host.url}page.html`);
  for (const [i, origin] of origins.entries()) {
    const locator = page.frameLocator(`#f${i}`);
    await locator.locator('#widget[data-state="ready"]').waitFor({ timeout: 15_000 });
    const frame = await (await page.$(`#f${i}`)).contentFrame();
    // two frames later the resize observer has reported the laid-out height (the frames are
    // 300 px wide so that all four sit in the viewport, where Chromium does not throttle them)
    await frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.deepEqual(await frame.evaluate(() => window.__errors), [], `origin=${origin}`);
    assert.equal(await locator.locator('#widget').getAttribute('data-now'), null, 'no now parameter');
    assert.equal(await locator.locator('#widget .cta').getAttribute('data-phase'), 'upcoming', 'the device clock');
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('links inside the frame open outside it, without an opener', async () => {
  const context = await browser.newContext();
  await context.route('https://www.moi.ir/**', (route) => route.fulfill({ contentType: 'text/html', body: '<title>moi</title>' }));
  hostPage = `<!doctype html><html><body>
    <iframe id="f" src="${attr(frameUrl({ src: upcoming(), origin: host.url }))}" title="news" width="400" height="600"></iframe></body></html>`;
  const page = await context.newPage();
  await page.goto(`${host.url}page.html`);
  const frame = page.frameLocator('#f');
  // the call to action is a link inside the widget's shadow root
  const link = frame.locator('#widget .cta a.button--primary');
  await link.waitFor({ timeout: 15_000 });
  const [opened] = await Promise.all([context.waitForEvent('page', { timeout: 10_000 }), link.click()]);
  await opened.waitForLoadState();
  assert.equal(opened.url(), 'https://www.moi.ir/');
  assert.equal(await opened.evaluate(() => window.opener), null, 'noopener');
  const inner = await (await page.$('#f')).contentFrame();
  assert.match(inner.url(), /\/frame\.html\?/, 'the frame itself stays on the widget');
  await frame.locator('#widget[data-state="ready"]').waitFor();
  await context.close();
});

test('frame-resize.js works when loaded as a module, and only for frames on the widget origin', async () => {
  hostPage = `<!doctype html><html><body>
    <iframe id="f" src="${attr(frameUrl({ src: upcoming(), origin: host.url }))}" title="news" width="400" height="150"></iframe>
    <iframe id="own" src="empty.html" title="the host's own frame" width="400" height="150"></iframe>
    <script type="module" src="${files.url}frame-resize.js"></script></body></html>`;
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${host.url}page.html`);
  await page.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height > 300, null, { timeout: 15_000 });
  // a frame of the page's own origin is not the widget
  const own = await page.evaluate(HEIGHT, 'own');
  await postFrom(page, '#own', 2000);
  assert.equal(await page.evaluate(HEIGHT, 'own'), own);
  // the widget's frame is clamped
  await postFrom(page, '#f', 1e9);
  assert.equal(await page.evaluate(() => getComputedStyle(document.getElementById('f')).height), '3000px');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('frame-resize.js resizes a sandboxed widget frame (origin "null"), and no other sandboxed frame', async () => {
  const sandbox = 'allow-scripts allow-popups allow-popups-to-escape-sandbox';
  hostPage = `<!doctype html><html><body>
    <iframe id="f" sandbox="${sandbox}" src="${attr(frameUrl({ src: upcoming(), origin: host.url }))}" title="news" width="400" height="150"></iframe>
    <iframe id="other" sandbox="allow-scripts" src="${bulletins.url}html" title="another origin" width="400" height="150"></iframe>
    <iframe id="doc" sandbox="allow-scripts" srcdoc="<p>inline</p>" title="srcdoc" width="400" height="150"></iframe>
    <script src="${files.url}frame-resize.js" defer></script></body></html>`;
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${host.url}page.html`);
  await page.frameLocator('#f').locator('#widget[data-state="ready"]').waitFor({ timeout: 15_000 });
  await page.waitForFunction(() => document.getElementById('f').getBoundingClientRect().height > 300, null, { timeout: 10_000 });
  const fits = await page.evaluate(HEIGHT, 'f');
  for (const id of ['other', 'doc']) {
    const before = await page.evaluate(HEIGHT, id);
    await postFrom(page, `#${id}`, 2000);
    assert.equal(await page.evaluate(HEIGHT, id), before, `#${id} is not a widget frame`);
  }
  assert.equal(await page.evaluate(HEIGHT, 'f'), fits);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('a deploy names the bulletins frame.html may show: ELECTION_WIDGET_SOURCES on its loader tag', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'election-widget-sources-'));
  cpSync(DIST, dir, { recursive: true });
  deploy = { dir, server: await serve(dir, { headers: () => ({ 'access-control-allow-origin': '*' }) }) };
  const run = (value) => spawnSync(process.execPath, [SOURCES, dir], {
    env: { ...process.env, ELECTION_WIDGET_SOURCES: value }, encoding: 'utf8',
  });
  const original = readFileSync(join(dir, 'frame.html'), 'utf8');
  for (const bad of ['javascript:alert(1)', 'data:,x', 'news/election/', 'https://user:secret@news.example.ir/', 'https://news.example.ir/?q']) {
    const out = run(`https://hq.example.ir/ ${bad}`);
    assert.equal(out.status, 1, bad);
    assert.ok(out.stderr.includes('ELECTION_WIDGET_SOURCES') && out.stderr.includes(bad), out.stderr);
    assert.equal(readFileSync(join(dir, 'frame.html'), 'utf8'), original, 'a bad list changes nothing');
  }
  const loaderSources = async () => {
    const page = await browser.newPage();
    await page.goto(`${deploy.server.url}frame.html`);
    const value = await page.evaluate(() => document.querySelector('script[src="embed.js"]').getAttribute('data-sources'));
    await page.close();
    return value;
  };
  assert.equal(run(`${bulletins.url}ok   https://HQ.example.ir`).status, 0);
  const expected = `${bulletins.url}ok https://hq.example.ir/`;
  assert.equal(await loaderSources(), expected, 'served (precompressed) frame.html');
  for (const copy of ['frame.html', 'frame.html.gz']) {
    const text = copy.endsWith('.gz')
      ? (await import('node:zlib')).gunzipSync(readFileSync(join(dir, copy))).toString()
      : readFileSync(join(dir, copy), 'utf8');
    assert.ok(text.includes(`<script type="module" src="embed.js" data-sources="${expected}">`), copy);
  }
  assert.ok(brotliDecompressSync(readFileSync(join(dir, 'frame.html.br'))).toString().includes(`data-sources="${expected}"`));
  // again, with another list: replaced, not added
  assert.equal(run('https://news.example.ir/election/').status, 0);
  assert.equal(await loaderSources(), 'https://news.example.ir/election/');
  assert.equal(run('').status, 0);
  assert.equal(await loaderSources(), null, 'empty: any bulletin');
  assert.equal(run(`${bulletins.url}ok`).status, 0);
  // the postbuild hook runs the same step at build time
  assert.match(readFileSync(new URL('../../.ci/postbuild.mjs', import.meta.url), 'utf8'),
    /applySources\(stage, process\.env\.ELECTION_WIDGET_SOURCES\)/);
});

test('frame.html refuses a src outside the deploy\'s allowed sources', async () => {
  assert.ok(deploy, 'the test above wrote the allowed sources');
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__codes = [];
    document.addEventListener('election-widget:error', (e) => window.__codes.push(e.detail.code));
  });
  const page = await context.newPage();
  const settled = '#widget[data-state="ready"], #widget[data-state="error"]';
  await page.goto(frameUrl({ src: `${bulletins.url}ok` }, deploy.server.url));
  await page.locator(settled).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#widget').getAttribute('data-state'), 'ready', 'an allowed source');
  await page.goto(frameUrl({ src: `${files.url}bulletin.fa.json` }, deploy.server.url));
  await page.locator(settled).waitFor({ timeout: 15_000 });
  assert.equal(await page.locator('#widget').getAttribute('data-state'), 'error');
  assert.deepEqual(await page.evaluate(() => window.__codes), ['config']);
  await context.close();
});

test('the embed-code page previews the widget and writes the snippet', async () => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const seen = watch(page);
  await page.goto(`${files.url}embed-code.html`);
  await page.locator('#preview [data-election-widget][data-state="ready"]').waitFor({ timeout: 15_000 });
  let code = await page.inputValue('#snippet');
  assert.ok(code.includes(`data-src="${files.url}bulletin.fa.json"`), code);
  assert.ok(code.includes(`<script type="module" src="${files.url}embed.js" data-sources="${files.url}"></script>`), code);
  assert.ok(code.includes('<a href="'), 'with its fallback link');
  assert.ok(!code.includes('<link'), 'no hints unless asked for');
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

test('the embed-code page writes no javascript:, data: or unparsable bulletin URL, and says why', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${files.url}embed-code.html`);
  await page.locator('#preview [data-election-widget][data-state="ready"]').waitFor({ timeout: 15_000 });
  const cases = [
    ['src', 'javascript:alert(document.domain)//bulletin.json', /فقط نشانی‌های http و https/],
    ['src', ' JAVASCRIPT:alert(1)', /فقط نشانی‌های http و https/],
    ['src', 'data:application/json,{"items":[]}', /فقط نشانی‌های http و https/],
    ['src', 'https://exa mple.ir/bulletin.json', /خوانا نیست/],
    ['src', 'http://[::1/bulletin.json', /خوانا نیست/],
    ['src', 'https://news.example.ir:99999/bulletin.json', /خوانا نیست/],
    ['src', 'https://user:secret@news.example.ir/bulletin.json', /نام کاربری یا گذرواژه/],
    ['src', '', /نشانی خبرنامه را وارد کنید/],
    ['election', 'javascript:alert(1)', /فقط نشانی‌های http و https/],
    ['site', 'data:text/html,x', /فقط نشانی‌های http و https/],
  ];
  for (const [field, value, message] of cases) {
    await page.fill(`input[name="${field}"]`, value);
    const note = page.locator(`#${field}-error`);
    await note.waitFor();
    assert.match(await note.textContent(), message, `${field}=${value}`);
    assert.equal(await page.getAttribute(`input[name="${field}"]`, 'aria-invalid'), 'true');
    assert.equal(await page.inputValue('#snippet'), '', `no snippet for ${field}=${value}`);
    assert.equal(await page.inputValue('#frame-snippet'), '');
    assert.equal(await page.locator('#preview [data-election-widget]').count(), 0, 'no preview');
    await page.fill(`input[name="${field}"]`, field === 'src' ? 'bulletin.fa.json' : '');
    await page.locator(`#${field}-error`).waitFor({ state: 'hidden' });
  }
  assert.ok((await page.inputValue('#snippet')).includes(`data-src="${files.url}bulletin.fa.json"`), 'back once fixed');
  await page.locator('#preview [data-election-widget][data-state="ready"]').waitFor({ timeout: 15_000 });
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('every snippet names its allowed sources; election endpoint, site and preconnect options', async () => {
  const page = await browser.newPage();
  const seen = watch(page);
  await page.goto(`${files.url}embed-code.html`);
  await page.locator('input[name="pin"]:not([disabled])').waitFor({ timeout: 15_000 });
  const news = `${bulletins.url}news/bulletin.json?lang=fa#top`;
  const election = `${host.url}hq/election.json`;
  await page.fill('input[name="src"]', news);
  await page.fill('input[name="election"]', election);
  const sources = `data-sources="${bulletins.url}news/ ${host.url}hq/"`;
  let code = await page.inputValue('#snippet');
  assert.ok(code.includes(`data-election-src="${election}"`), code);
  assert.ok(code.includes(`<script type="module" src="${files.url}embed.js" ${sources}></script>`), code);
  assert.ok(new URL(/src="([^"]+)"/.exec(await page.inputValue('#frame-snippet'))[1].replaceAll('&amp;', '&')).searchParams.get('election') === election);
  await page.check('input[name="pin"]');
  code = await page.inputValue('#snippet');
  assert.match(code, new RegExp(`<script type="module" src="${files.url}embed-[^"]+\\.js" integrity="sha384-[^"]+" crossorigin="anonymous" ${sources}></script>`), code);
  await page.uncheck('input[name="pin"]');
  // the same folder once
  await page.fill('input[name="election"]', `${bulletins.url}news/election.json`);
  assert.ok((await page.inputValue('#snippet')).includes(`data-sources="${bulletins.url}news/"`));
  await page.fill('input[name="election"]', '');

  // preconnect: the widget's origin and the bulletin's, each once, in <head>
  await page.check('input[name="preconnect"]');
  code = await page.inputValue('#snippet');
  const hints = code.split('<!-- where the widget goes -->')[0];
  assert.equal(hints, `<!-- in <head> -->\n<link rel="preconnect" href="${files.url.slice(0, -1)}" crossorigin>\n`
    + `<link rel="preconnect" href="${bulletins.url.slice(0, -1)}" crossorigin>\n`);
  // none for the page's own origin, which the site field names (and the iframe code uses)
  await page.fill('input[name="site"]', `${files.url}some/page.html`);
  code = await page.inputValue('#snippet');
  assert.ok(!code.includes(`<link rel="preconnect" href="${files.url.slice(0, -1)}"`), code);
  assert.ok(code.includes(`<link rel="preconnect" href="${bulletins.url.slice(0, -1)}" crossorigin>`), code);
  assert.ok((await page.inputValue('#frame-snippet')).includes(`origin=${encodeURIComponent(files.url.slice(0, -1))}`));
  await page.fill('input[name="site"]', bulletins.url);
  code = await page.inputValue('#snippet');
  assert.equal(code.split('<link rel="preconnect"').length - 1, 1, code);
  assert.ok(code.includes(`<link rel="preconnect" href="${files.url.slice(0, -1)}" crossorigin>`), code);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the pinned snippet: versioned loader with SRI, no preload unless asked, and it works pasted', async () => {
  const page = await browser.newPage();
  await page.goto(`${files.url}embed-code.html`);
  await page.locator('input[name="pin"]:not([disabled])').waitFor({ timeout: 15_000 });
  assert.ok(await page.isDisabled('input[name="preload-wasm"]'), 'the preload needs the pinned version');
  await page.check('input[name="pin"]');
  await page.check('input[name="preconnect"]');
  let code = await page.inputValue('#snippet');
  const integrity = JSON.parse(await (await fetch(`${files.url}integrity.json`)).text());
  const names = Object.keys(integrity);
  const embed = names.find((n) => /^embed-.+\.js$/.test(n));
  const wasm = names.find((n) => n.endsWith('.wasm'));
  assert.ok(code.includes(`<script type="module" src="${files.url}${embed}" integrity="${integrity[embed]}" crossorigin="anonymous" data-sources="${files.url}"></script>`), code);
  assert.ok(!code.includes('modulepreload'), 'no preload of a glue file');
  assert.ok(!code.includes('rel="preload"'), 'the module preload is off by default');
  // pasted into a page on another origin, it works
  pasted = code.replaceAll(`${files.url}bulletin.fa.json`, `${bulletins.url}ok`).replaceAll(`data-sources="${files.url}"`, `data-sources="${bulletins.url}"`);
  const site = await browser.newPage();
  const seen = watch(site);
  await site.goto(`${host.url}pasted.html`);
  await site.waitForFunction(() => document.querySelector('[data-election-widget]')?.getAttribute('data-state') === 'ready', null, { timeout: 15_000 });
  const loads = await site.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  assert.equal(loads.filter((n) => n.endsWith('.wasm')).length, 1, 'one download of the module');
  assert.deepEqual(seen.errors, []);
  await site.close();

  // the module preload is its own option, with the module's integrity
  await page.check('input[name="preload-wasm"]');
  code = await page.inputValue('#snippet');
  assert.ok(code.includes(`<link rel="preload" href="${files.url}${wasm}" as="fetch" type="application/wasm" crossorigin="anonymous" integrity="${integrity[wasm]}">`), code);
  assert.ok(code.indexOf('rel="preload"') < code.indexOf('<!-- where the widget goes -->'), 'in <head>');
  await page.uncheck('input[name="pin"]');
  assert.ok(!(await page.inputValue('#snippet')).includes('rel="preload"'), 'only with the pinned version');
  assert.ok(await page.isDisabled('input[name="preload-wasm"]'));
  await page.close();
});

test('the embed-code page pins with an integrity.json that names no glue file (bundled builds)', async () => {
  const integrity = JSON.parse(await (await fetch(`${files.url}integrity.json`)).text());
  const embed = Object.keys(integrity).find((n) => /^embed-.+\.js$/.test(n));
  const wasm = Object.keys(integrity).find((n) => n.endsWith('.wasm'));
  for (const [label, names, preload] of [['the loader and the module', [embed, wasm], true], ['the loader only', [embed], false]]) {
    const page = await browser.newPage();
    const seen = watch(page);
    await page.route('**/integrity.json', (route) => route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify(Object.fromEntries(names.map((n) => [n, integrity[n]]))),
    }));
    await page.goto(`${files.url}embed-code.html`);
    await page.locator('input[name="pin"]:not([disabled])').waitFor({ timeout: 15_000 });
    await page.check('input[name="pin"]');
    assert.equal(await page.isDisabled('input[name="preload-wasm"]'), !preload, label);
    const code = await page.inputValue('#snippet');
    assert.ok(code.includes(`src="${files.url}${embed}" integrity="${integrity[embed]}" crossorigin="anonymous"`), `${label}: ${code}`);
    assert.deepEqual(seen.errors, []);
    await page.close();
  }
});
